import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatInvitation, parseInvitation } from '../../shared/session/invitation.ts';
import { SessionTokenError, createSessionToken, verifySessionToken } from './sessionTokens.ts';

const SECRET = 'een-geheim-van-de-server-0123456789';
const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SessionTokenError);
    expect((error as Error).message).toMatch(/^De /);
    return (error as SessionTokenError).code;
  }
  throw new Error('not refused');
}

describe('session tokens', () => {
  it('grants the role it was signed with, for its document, until it expires', () => {
    const editor = createSessionToken(SECRET, {
      documentName: 'motie-1',
      role: 'editor',
      expiresAt: NOW + 1000,
    });
    const reader = createSessionToken(SECRET, {
      documentName: 'motie-1',
      role: 'reader',
      expiresAt: null,
    });
    expect(verifySessionToken(SECRET, editor, 'motie-1', NOW)).toEqual({
      role: 'editor',
      name: null,
      mayComment: true,
    });
    expect(verifySessionToken(SECRET, reader, 'motie-1', NOW + 10 ** 12)).toEqual({
      role: 'reader',
      name: null,
      mayComment: false,
    });
    expect(refusalCode(() => verifySessionToken(SECRET, editor, 'motie-1', NOW + 1000))).toBe(
      'expired',
    );
    expect(refusalCode(() => verifySessionToken(SECRET, editor, 'motie-2', NOW))).toBe(
      'wrong_document',
    );
  });

  it("carries the name, the voorsteller role and a reader's permission to comment", () => {
    const grant = (
      role: 'editor' | 'proposer' | 'reader',
      name: string | null,
      mayComment = false,
    ) =>
      verifySessionToken(
        SECRET,
        createSessionToken(SECRET, {
          documentName: 'motie-1',
          role,
          name,
          mayComment,
          expiresAt: null,
        }),
        'motie-1',
        NOW,
      );
    expect(grant('proposer', 'Voorsteller')).toEqual({
      role: 'proposer',
      name: 'Voorsteller',
      mayComment: true,
    });
    expect(grant('editor', 'Redacteur', false)).toEqual({
      role: 'editor',
      name: 'Redacteur',
      mayComment: true,
    });
    expect(grant('reader', 'Lezer', true)).toEqual({
      role: 'reader',
      name: 'Lezer',
      mayComment: true,
    });
    expect(grant('reader', null, false)).toEqual({ role: 'reader', name: null, mayComment: false });
    // The longest name of the longest characters still makes a token an invitation holds.
    const longest = createSessionToken(SECRET, {
      documentName: 'a'.repeat(64),
      role: 'proposer',
      name: '\u{1F600}'.repeat(30),
      expiresAt: NOW,
    });
    expect(longest.length).toBeLessThan(1024);
    expect(verifySessionToken(SECRET, longest, 'a'.repeat(64), 0).name).toBe(
      '\u{1F600}'.repeat(30),
    );
  });

  it('will not sign a voorsteller without a name, or a name against the rules', () => {
    const make = (role: 'editor' | 'proposer', name: string | null) => () =>
      createSessionToken(SECRET, { documentName: 'motie-1', role, name, expiresAt: null });
    expect(make('proposer', null)).toThrow(RangeError);
    expect(() =>
      createSessionToken(SECRET, {
        documentName: 'motie-1',
        role: 'reader',
        mayComment: true,
        expiresAt: null,
      }),
    ).toThrow(RangeError);
    for (const name of ['', ' Naam', 'n'.repeat(61), 'a\u202eb']) {
      expect(make('editor', name), name).toThrow(RangeError);
    }
  });

  it('admits a token for every document to any document', () => {
    const all = createSessionToken(SECRET, { documentName: '*', role: 'editor', expiresAt: null });
    expect(verifySessionToken(SECRET, all, 'wat-dan-ook', NOW).role).toBe('editor');
  });

  it('is compact and fits the invitation line', () => {
    const token = createSessionToken(SECRET, {
      documentName: 'a'.repeat(64),
      role: 'reader',
      expiresAt: NOW,
    });
    expect(token.length).toBeLessThan(200);
    const line = formatInvitation({
      serverUrl: 'ws://192.168.1.20:4790',
      documentName: 'a'.repeat(64),
      token,
      role: 'reader',
      name: null,
      mayComment: false,
      title: null,
    });
    expect(parseInvitation(line).token).toBe(token);
  });

  it('refuses a token that was changed, signed with another secret, or is no token', () => {
    const token = createSessionToken(SECRET, {
      documentName: 'motie-1',
      role: 'reader',
      expiresAt: null,
    });
    const [body, signature] = token.split('.') as [string, string];
    // The payload rewritten to grant editing, with the old signature.
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const promoted = Buffer.from(JSON.stringify({ ...payload, r: 'e' })).toString('base64url');
    const forged = [
      `${promoted}.${signature}`,
      createSessionToken('een-ander-geheim-0123456789', {
        documentName: 'motie-1',
        role: 'editor',
        expiresAt: null,
      }),
      `${body}.${signature.slice(0, -2)}`,
      `${body}.${signature}.extra`,
      `${body}`,
      '',
      'nonsense-token-that-is-long-enough',
      `${body}.${signature}`.replace('.', '..'),
    ];
    for (const bad of forged) {
      expect(
        refusalCode(() => verifySessionToken(SECRET, bad, 'motie-1', NOW)),
        bad,
      ).toBe('invalid');
    }
  });

  it('refuses a signed payload it does not understand', () => {
    const sign = (json: unknown) => {
      const body = Buffer.from(JSON.stringify(json)).toString('base64url');
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };
    for (const payload of [
      { v: 2, d: 'motie-1', r: 'e', x: null },
      { v: 1, d: 'motie-1', r: 'admin', x: null },
      { v: 1, d: 'motie-1', r: 'e', x: 'morgen' },
      { v: 1, d: 5, r: 'e', x: null },
      // A voorsteller without a name, a name against the rules, comments for a non-reader.
      { v: 1, d: 'motie-1', r: 'p', x: null },
      { v: 1, d: 'motie-1', r: 'p', x: null, n: '' },
      { v: 1, d: 'motie-1', r: 'e', x: null, n: 'a\u202eb' },
      { v: 1, d: 'motie-1', r: 'e', x: null, n: 5 },
      { v: 1, d: 'motie-1', r: 'p', x: null, n: 'Voorsteller', c: true },
      { v: 1, d: 'motie-1', r: 'r', x: null, n: 'Lezer', c: 'ja' },
      { v: 1, d: 'motie-1', r: 'r', x: null, c: true },
      [1, 2, 3],
    ]) {
      expect(refusalCode(() => verifySessionToken(SECRET, sign(payload), 'motie-1', NOW))).toBe(
        'invalid',
      );
    }
  });

  it('refuses short secrets and names that are no document name', () => {
    expect(() =>
      createSessionToken('kort', { documentName: 'a', role: 'editor', expiresAt: null }),
    ).toThrow(RangeError);
    expect(() =>
      createSessionToken(SECRET, { documentName: '../etc', role: 'editor', expiresAt: null }),
    ).toThrow(RangeError);
  });
});
