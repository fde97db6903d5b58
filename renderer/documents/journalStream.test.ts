import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { decodeBase64 } from '../../shared/format/base64.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { JOURNAL_FLUSH_DELAY_MS, JOURNAL_RETRY_DELAY_MS, JournalStream } from './journalStream.ts';

type Call = { method: string; bytes?: Uint8Array };

/** A journal host in memory: what the real one stores, in order; fails `failures` appends. */
function recordingHost(failures = 0) {
  const calls: Call[] = [];
  let failing = failures;
  return {
    calls,
    api: {
      journalReset: async ({ state }: { state: string }) => {
        calls.push({ method: 'reset', bytes: decodeBase64(state)! });
        return {};
      },
      journalAppend: async ({ update }: { update: string }) => {
        if (failing > 0) {
          failing -= 1;
          throw new Error('De editor-host is niet bereikbaar.');
        }
        calls.push({ method: 'append', bytes: decodeBase64(update)! });
        return { records: calls.length };
      },
      journalDiscard: async () => {
        calls.push({ method: 'discard' });
        return {};
      },
    },
  };
}

/** A stream for `doc` on `api`, fed by the document's updates as the session feeds it. */
function streamFor(api: unknown, doc: Y.Doc, statuses: string[] = []): JournalStream {
  const stream = new JournalStream(
    api as never,
    {
      documentId: 'id',
      describe: () => ({ title: 't', path: null, session: null }),
      currentState: () => Y.encodeStateAsUpdate(doc),
    },
    (status) => statuses.push(status),
  );
  doc.on('update', (update: Uint8Array) => stream.push(update));
  return stream;
}

/** The text the host could rebuild from what it received. */
function rebuilt(calls: Call[]): string {
  const doc = new Y.Doc();
  for (const call of calls) if (call.bytes) Y.applyUpdate(doc, call.bytes);
  return doc.getText('t').toString();
}

describe('JournalStream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a burst of updates merged, after the reset, and the result rebuilds the document', async () => {
    const host = recordingHost();
    const doc = new Y.Doc();
    const statuses: string[] = [];
    const stream = streamFor(host.api, doc, statuses);
    await stream.reset(Y.encodeStateAsUpdate(doc));
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').insert(3, 'def');
    expect(host.calls.map((c) => c.method)).toEqual(['reset']);
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS);
    expect(host.calls.map((c) => c.method)).toEqual(['reset', 'append']);
    expect(rebuilt(host.calls)).toBe('abcdef');
    expect(statuses.at(-1)).toBe('ok');
  });

  it('keeps updates while the host does not answer, reports it, and sends them later in order', async () => {
    const host = recordingHost(1);
    const doc = new Y.Doc();
    const statuses: string[] = [];
    const stream = streamFor(host.api, doc, statuses);
    await stream.reset(Y.encodeStateAsUpdate(doc));
    doc.getText('t').insert(0, 'eerst');
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS);
    expect(statuses.at(-1)).toBe('failing');
    doc.getText('t').insert(5, ' dan');
    await vi.advanceTimersByTimeAsync(JOURNAL_RETRY_DELAY_MS + JOURNAL_FLUSH_DELAY_MS);
    expect(statuses.at(-1)).toBe('ok');
    expect(rebuilt(host.calls)).toBe('eerst dan');
  });

  it('starts the journal again from the whole document when the host has lost it', async () => {
    const host = recordingHost();
    let lost = true;
    const api = {
      ...host.api,
      journalAppend: async (payload: { update: string }) => {
        if (lost) {
          lost = false;
          throw new ApiError('not_found', 'Er is geen herstelbestand voor dit document.');
        }
        return host.api.journalAppend(payload);
      },
    };
    const doc = new Y.Doc();
    streamFor(api, doc);
    doc.getText('t').insert(0, 'niets kwijt');
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS);
    expect(host.calls.map((c) => c.method)).toEqual(['reset', 'append']);
    expect(rebuilt(host.calls)).toBe('niets kwijt');
  });

  it('discards the journal and sends nothing after that', async () => {
    const host = recordingHost();
    const doc = new Y.Doc();
    const stream = streamFor(host.api, doc);
    await stream.reset(Y.encodeStateAsUpdate(doc));
    doc.getText('t').insert(0, 'x');
    await stream.discard();
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS * 2);
    expect(host.calls.map((c) => c.method)).toEqual(['reset', 'discard']);
  });
});
