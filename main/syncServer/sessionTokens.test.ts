import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatInvitation, parseInvitation } from '../../shared/session/invitation.ts';
import {
  SessionTokenError,
  createSessionToken,
  nextTokenTime,
  verifySessionToken,
} from './sessionTokens.ts';

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
    expect(verifySessionToken(SECRET, editor, 'motie-1', NOW)).toMatchObject({
      role: 'editor',
      name: null,
      mayComment: true,
    });
    expect(verifySessionToken(SECRET, reader, 'motie-1', NOW + 10 ** 12)).toMatchObject({
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
    const withoutId = (role: 'editor' | 'proposer' | 'reader', name: string | null, c = false) => {
      const { invitationId, issuedAt, ...rest } = grant(role, name, c);
      expect(invitationId).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(issuedAt).toBeGreaterThan(0);
      return rest;
    };
    expect(withoutId('proposer', 'Voorsteller')).toEqual({
      role: 'proposer',
      name: 'Voorsteller',
      mayComment: true,
    });
    expect(withoutId('editor', 'Redacteur', false)).toEqual({
      role: 'editor',
      name: 'Redacteur',
      mayComment: true,
    });
    expect(withoutId('reader', 'Lezer', true)).toEqual({
      role: 'reader',
      name: 'Lezer',
      mayComment: true,
    });
    expect(withoutId('reader', null, false)).toEqual({
      role: 'reader',
      name: null,
      mayComment: false,
    });
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

  it('gives every token an id of its own and the time it was made, later each time', () => {
    const make = () =>
      verifySessionToken(
        SECRET,
        createSessionToken(SECRET, { documentName: 'motie-1', role: 'editor', expiresAt: null }),
        'motie-1',
        NOW,
      );
    const before = Date.now();
    const grants = Array.from({ length: 50 }, make);
    expect(new Set(grants.map((grant) => grant.invitationId)).size).toBe(50);
    const times = grants.map((grant) => grant.issuedAt!);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    // Strictly later each time, even within one millisecond: a withdrawal of a role between
    // two tokens must tell them apart.
    for (let index = 1; index < times.length; index++) {
      expect(times[index]).toBeGreaterThan(times[index - 1]!);
    }
    expect(nextTokenTime()).toBeGreaterThan(times.at(-1)!);
  });

  it('verifies a token made before tokens had ids as before, without id or time', () => {
    // A token as servers signed them until now: no `i`, no `t`.
    const body = Buffer.from(
      JSON.stringify({ v: 1, d: 'motie-1', r: 'r', x: null, n: 'Lezer', c: true }),
    ).toString('base64url');
    const old = `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    expect(verifySessionToken(SECRET, old, 'motie-1', NOW)).toEqual({
      role: 'reader',
      name: 'Lezer',
      mayComment: true,
      invitationId: null,
      issuedAt: null,
    });
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
    // With its id and time; an invitation allows 1024 characters.
    expect(token.length).toBeLessThan(260);
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
      // An id without a time or the other way round, an id of another shape, a time that is none.
      { v: 1, d: 'motie-1', r: 'e', x: null, i: 'AAAAAAAAAAAAAAAA' },
      { v: 1, d: 'motie-1', r: 'e', x: null, t: NOW },
      { v: 1, d: 'motie-1', r: 'e', x: null, i: 'kort', t: NOW },
      { v: 1, d: 'motie-1', r: 'e', x: null, i: 'AAAAAAAAAAAAAAA/', t: NOW },
      { v: 1, d: 'motie-1', r: 'e', x: null, i: 'AAAAAAAAAAAAAAAA', t: -1 },
      { v: 1, d: 'motie-1', r: 'e', x: null, i: 'AAAAAAAAAAAAAAAA', t: 1.5 },
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
