/**
 * The session schemas and the invitee's name as "Uitnodigen…" checks it before asking the host:
 * required where proposals or comments carry it (a voorsteller, a lezer who may comment), held
 * to the rules of the user's name otherwise, with a Dutch message for each problem.
 */
import { describe, expect, it } from 'vitest';
import {
  createInvitationRequestSchema,
  createInvitationResponseSchema,
  describeInviteeNameProblem,
  isInviteeNameRequired,
  startSessionRequestSchema,
  startSessionResponseSchema,
} from './sessions.ts';

const DOCUMENT = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('createInvitation', () => {
  const valid = {
    documentName: DOCUMENT,
    role: 'proposer',
    name: 'Voorsteller B',
    mayComment: true,
  };

  it('takes a role, a name and whether a lezer may comment', () => {
    expect(createInvitationRequestSchema.safeParse(valid).success).toBe(true);
    for (const request of [
      { ...valid, role: 'editor', name: null },
      { ...valid, role: 'reader', name: null, mayComment: false },
      { ...valid, role: 'reader', mayComment: true },
    ]) {
      expect(createInvitationRequestSchema.safeParse(request).success, request.role).toBe(true);
    }
  });

  it('refuses a voorsteller or commenting lezer without a name, and names that are no names', () => {
    for (const request of [
      { ...valid, name: null },
      { ...valid, role: 'reader', name: null, mayComment: true },
      { ...valid, name: '' },
      { ...valid, name: ' Voorsteller B' },
      { ...valid, name: 'Voor\u202esteller' },
      { ...valid, name: 'x'.repeat(61) },
      { ...valid, role: 'voorsteller' },
      { ...valid, mayComment: 'ja' },
      { ...valid, documentName: '../elders' },
      { ...valid, extra: 1 },
    ]) {
      expect(
        createInvitationRequestSchema.safeParse(request).success,
        JSON.stringify(request),
      ).toBe(false);
    }
  });

  it('answers one invitation line', () => {
    const response = createInvitationResponseSchema;
    expect(response.safeParse({ invitation: 'resolutie://sessie/x?rol=lezer' }).success).toBe(true);
    expect(response.safeParse({ invitation: '' }).success).toBe(false);
    expect(response.safeParse({ invitation: 'x'.repeat(4097) }).success).toBe(false);
  });
});

describe('startSession', () => {
  const request = {
    documentId: DOCUMENT,
    title: 'Jeugdzorg',
    state: 'AAA=',
    hostName: 'Redacteur A',
  };

  it('carries the host’s name, or null while they have none', () => {
    expect(startSessionRequestSchema.safeParse(request).success).toBe(true);
    expect(startSessionRequestSchema.safeParse({ ...request, hostName: null }).success).toBe(true);
    expect(startSessionRequestSchema.safeParse({ ...request, hostName: 'A\u0000' }).success).toBe(
      false,
    );
    const { hostName: _, ...withoutName } = request;
    expect(startSessionRequestSchema.safeParse(withoutName).success).toBe(false);
  });

  it('answers no invitations for colleagues: those are made one by one', () => {
    const started = {
      documentName: 'doc',
      serverUrl: 'wss://127.0.0.1:4791',
      ownInvitation: 'resolutie://sessie/doc',
      networkAddress: null,
      fingerprint: 'ab'.repeat(32),
    };
    expect(startSessionResponseSchema.safeParse(started).success).toBe(true);
    // The fingerprint the dialog shows is one, as an invitation carries it.
    const withoutFingerprint = { ...started, fingerprint: 'AB:'.repeat(31) + 'AB' };
    expect(startSessionResponseSchema.safeParse(withoutFingerprint).success).toBe(false);
    const withInvitations = { ...started, invitations: { editor: 'x', reader: 'y' } };
    expect(startSessionResponseSchema.safeParse(withInvitations).success).toBe(false);
  });
});

describe('the invitee’s name', () => {
  it('is required where proposals or comments carry it', () => {
    expect(isInviteeNameRequired({ role: 'proposer', mayComment: true })).toBe(true);
    expect(isInviteeNameRequired({ role: 'reader', mayComment: true })).toBe(true);
    expect(isInviteeNameRequired({ role: 'reader', mayComment: false })).toBe(false);
    expect(isInviteeNameRequired({ role: 'editor', mayComment: true })).toBe(false);
  });

  it('says in Dutch what is wrong with it', () => {
    const proposer = { role: 'proposer', mayComment: true } as const;
    const reader = { role: 'reader', mayComment: false } as const;
    expect(describeInviteeNameProblem('  ', proposer)).toMatch(/naam van de voorsteller/);
    expect(describeInviteeNameProblem('', { role: 'reader', mayComment: true })).toMatch(
      /naam van de lezer/,
    );
    expect(describeInviteeNameProblem('', reader)).toBeNull();
    expect(describeInviteeNameProblem(' Voorsteller B ', proposer)).toBeNull();
    expect(describeInviteeNameProblem('x'.repeat(61), reader)).toMatch(/te lang: hoogstens 60/);
    expect(describeInviteeNameProblem('Lezer\u2066C', reader)).toMatch(/stuurteken/);
  });
});
