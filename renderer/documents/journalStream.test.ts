import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { decodeBase64 } from '../../shared/format/base64.ts';
import { JOURNAL_FLUSH_DELAY_MS, JOURNAL_RETRY_DELAY_MS, JournalStream } from './journalStream.ts';
import { ApiError } from '../../shared/api/errors.ts';

/** A journal host in memory: what the real one stores, in order. */
function recordingHost(failures = 0) {
  const calls: { method: string; bytes?: Uint8Array }[] = [];
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

describe('JournalStream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a burst of updates merged, after the reset, and the result rebuilds the document', async () => {
    const host = recordingHost();
    const doc = new Y.Doc();
    const statuses: string[] = [];
    const stream = new JournalStream(
      host.api as never,
      {
        documentId: 'id',
        describe: () => ({ title: 't', path: null }),
        currentState: () => new Uint8Array(),
      },
      (s) => statuses.push(s),
    );
    await stream.reset(Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => stream.push(u));
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').insert(3, 'def');
    expect(host.calls.map((c) => c.method)).toEqual(['reset']);
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS);
    expect(host.calls.map((c) => c.method)).toEqual(['reset', 'append']);
    const rebuilt = new Y.Doc();
    for (const call of host.calls) Y.applyUpdate(rebuilt, call.bytes!);
    expect(rebuilt.getText('t').toString()).toBe('abcdef');
    expect(statuses.at(-1)).toBe('ok');
  });

  it('keeps updates while the host does not answer, reports it, and sends them later in order', async () => {
    const host = recordingHost(1);
    const doc = new Y.Doc();
    const statuses: string[] = [];
    const stream = new JournalStream(
      host.api as never,
      {
        documentId: 'id',
        describe: () => ({ title: 't', path: null }),
        currentState: () => new Uint8Array(),
      },
      (s) => statuses.push(s),
    );
    await stream.reset(Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => stream.push(u));
    doc.getText('t').insert(0, 'eerst');
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS);
    expect(statuses.at(-1)).toBe('failing');
    doc.getText('t').insert(5, ' dan');
    await vi.advanceTimersByTimeAsync(JOURNAL_RETRY_DELAY_MS + JOURNAL_FLUSH_DELAY_MS);
    expect(statuses.at(-1)).toBe('ok');
    const rebuilt = new Y.Doc();
    for (const call of host.calls) Y.applyUpdate(rebuilt, call.bytes!);
    expect(rebuilt.getText('t').toString()).toBe('eerst dan');
  });

  it('starts the journal again from the whole document when the host has lost it', async () => {
    const host = recordingHost();
    const doc = new Y.Doc();
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
    const stream = new JournalStream(
      api as never,
      {
        documentId: 'id',
        describe: () => ({ title: 't', path: null }),
        currentState: () => Y.encodeStateAsUpdate(doc),
      },
      () => undefined,
    );
    doc.on('update', (u: Uint8Array) => stream.push(u));
    doc.getText('t').insert(0, 'niets kwijt');
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS);
    expect(host.calls.map((c) => c.method)).toEqual(['reset', 'append']);
    const rebuilt = new Y.Doc();
    for (const call of host.calls) Y.applyUpdate(rebuilt, call.bytes!);
    expect(rebuilt.getText('t').toString()).toBe('niets kwijt');
  });

  it('discards the journal and sends nothing after that', async () => {
    const host = recordingHost();
    const stream = new JournalStream(
      host.api as never,
      {
        documentId: 'id',
        describe: () => ({ title: 't', path: null }),
        currentState: () => new Uint8Array(),
      },
      () => undefined,
    );
    const doc = new Y.Doc();
    await stream.reset(Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => stream.push(u));
    doc.getText('t').insert(0, 'x');
    await stream.discard();
    await vi.advanceTimersByTimeAsync(JOURNAL_FLUSH_DELAY_MS * 2);
    expect(host.calls.map((c) => c.method)).toEqual(['reset', 'discard']);
  });
});
