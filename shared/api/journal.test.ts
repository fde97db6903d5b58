import { describe, expect, it } from 'vitest';
import { apiContract } from './contract.ts';
import { documentIdSchema, isDocumentId } from './journal.ts';
import { getBase64Length, MAX_REQUEST_BYTES, MAX_STATE_BYTES, MAX_UPDATE_BYTES } from './limits.ts';
import { base64Schema } from './payloads.ts';
import { describeRequestIssues } from './requestIssues.ts';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

function errorFor(
  schema: { safeParse: (value: unknown, options: object) => unknown },
  value: unknown,
) {
  const result = schema.safeParse(value, { reportInput: true }) as {
    success: boolean;
    error?: { issues: Parameters<typeof describeRequestIssues>[0] };
  };
  if (result.success || !result.error) throw new Error('expected a validation failure');
  return describeRequestIssues(result.error.issues);
}

describe('document ids', () => {
  it('are lower-case version 4 UUIDs', () => {
    expect(isDocumentId(ID)).toBe(true);
    expect(isDocumentId(crypto.randomUUID())).toBe(true);
    for (const bad of [
      ID.toUpperCase(),
      ID.replace('-4255-', '-1255-'), // version 1
      ID.replace('-8caf-', '-7caf-'), // wrong variant
      `${ID}x`,
      ` ${ID}`,
      ID.replaceAll('-', ''),
      '',
      '../x',
    ]) {
      expect(isDocumentId(bad), bad).toBe(false);
      expect(documentIdSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('base64 fields', () => {
  it('take canonical base64 of at most their size', () => {
    const schema = base64Schema(3);
    for (const good of ['AAAA', 'AA==', 'AAA=', '+/+/'])
      expect(schema.safeParse(good).success, good).toBe(true);
    expect(errorFor(schema, 'AAAAAAAA')).toEqual({
      code: 'payload_too_large',
      message: 'Verzoek te groot: het verzoek is groter dan 3 bytes.',
    });
    for (const bad of ['AAA', 'A===', 'AA=A', 'A AA', 'ÀAAA', 'AA-_']) {
      expect(errorFor(schema, bad).message, bad).toBe(
        'Ongeldig verzoek: het verzoek is geen geldige base64-tekst.',
      );
    }
    expect(errorFor(schema, '').message).toBe('Ongeldig verzoek: het verzoek is leeg.');
  });

  it('fit in one HTTP request at their largest', () => {
    expect(getBase64Length(0)).toBe(0);
    expect(getBase64Length(1)).toBe(4);
    expect(getBase64Length(3)).toBe(4);
    expect(getBase64Length(4)).toBe(8);
    // The largest state, with a path and a name beside it, is under the body limit.
    expect(getBase64Length(MAX_STATE_BYTES) + 64 * 1024).toBeLessThan(MAX_REQUEST_BYTES);
    expect(MAX_UPDATE_BYTES).toBeLessThan(MAX_STATE_BYTES);
  });
});

describe('the journal and document methods in the contract', () => {
  it('check the shapes of their answers', () => {
    const recoverable = apiContract.listRecoverable.response;
    const entry = {
      documentId: ID,
      title: 'T',
      path: null,
      session: null,
      changedAt: '2026-11-23T10:00:00.000Z',
    };
    expect(recoverable.safeParse({ documents: [entry] }).success).toBe(true);
    expect(
      recoverable.safeParse({ documents: [{ ...entry, changedAt: 'gisteren' }] }).success,
    ).toBe(false);
    expect(recoverable.safeParse({ documents: [{ ...entry, path: undefined }] }).success).toBe(
      false,
    );
    expect(apiContract.journalReset.response.safeParse({}).success).toBe(true);
    expect(apiContract.journalAppend.response.safeParse({ records: 0 }).success).toBe(false);
    const recent = {
      name: 'a',
      path: '/a.resolutie',
      title: 'A',
      openedAt: entry.changedAt,
      exists: true,
    };
    expect(
      apiContract.listRecent.response.safeParse({ documents: Array(10).fill(recent) }).success,
    ).toBe(true);
    expect(
      apiContract.listRecent.response.safeParse({ documents: Array(11).fill(recent) }).success,
    ).toBe(false);
  });

  it('take path and title as optional, path also as null', () => {
    const reset = apiContract.journalReset.request;
    expect(reset.safeParse({ documentId: ID, state: 'AAAA' }).success).toBe(true);
    expect(reset.safeParse({ documentId: ID, state: 'AAAA', path: null, title: '' }).success).toBe(
      true,
    );
    expect(apiContract.saveDocument.request.safeParse({ state: 'AAAA', path: null }).success).toBe(
      false,
    );
  });
});
