import { describe, expect, it } from 'vitest';
import {
  InvitationError,
  SESSION_ROLE_LABELS,
  formatFingerprint,
  formatInvitation,
  isInvitationName,
  isServerUrl,
  parseInvitation,
} from './invitation.ts';
import type { Invitation } from './invitation.ts';

const invitation: Invitation = {
  serverUrl: 'ws://192.168.1.20:4790',
  fingerprint: null,
  documentName: 'jeugdzorg-2024_01',
  token: 'eyJkIjoiamV1Z2R6b3JnIn0.c2lnbmF0dXVyLXZhbi1kZS1zZXJ2ZXI',
  role: 'reader',
  name: null,
  mayComment: false,
  title: 'Motie “Jeugdzorg” & meer',
};

describe('formatInvitation and parseInvitation', () => {
  it('write one readable line and read it back', () => {
    const text = formatInvitation(invitation);
    expect(text).toMatch(/^resolutie:\/\/sessie\/jeugdzorg-2024_01\?server=ws%3A%2F%2F/);
    expect(text).toContain('rol=lezer');
    expect(text).not.toMatch(/\s/);
    expect(parseInvitation(text)).toEqual(invitation);
  });

  it('name the three roles, the name and whether a reader may comment', () => {
    expect(SESSION_ROLE_LABELS).toEqual({
      editor: 'redacteur',
      proposer: 'voorsteller',
      reader: 'lezer',
    });
    const proposer: Invitation = {
      ...invitation,
      role: 'proposer',
      name: 'Voorsteller & co',
      mayComment: true,
    };
    const text = formatInvitation(proposer);
    expect(text).toContain('rol=voorsteller&naam=Voorsteller+%26+co&sleutel=');
    expect(text).not.toContain('opmerkingen');
    expect(parseInvitation(text)).toEqual(proposer);

    const commenting: Invitation = { ...invitation, name: 'Lezer', mayComment: true };
    const line = formatInvitation(commenting);
    expect(line).toContain('rol=lezer&naam=Lezer&opmerkingen=ja&sleutel=');
    expect(parseInvitation(line)).toEqual(commenting);

    // An editor may always comment, whatever the text says; an old invitation names nobody.
    const editor = formatInvitation({ ...invitation, role: 'editor', mayComment: false });
    expect(parseInvitation(editor)).toMatchObject({ role: 'editor', name: null, mayComment: true });
    expect(parseInvitation(formatInvitation(invitation))).toMatchObject({
      name: null,
      mayComment: false,
    });
  });

  it('find the invitation in a pasted message', () => {
    const text = `Beste collega,\n\nNeem deel via ${formatInvitation({ ...invitation, title: null })}\n\nGroet`;
    expect(parseInvitation(text)).toEqual({ ...invitation, title: null });
  });

  it('refuse what is no invitation, or a damaged one, in Dutch', () => {
    const good = formatInvitation(invitation);
    const cases: [string, string][] = [
      ['https://example.org', 'geen uitnodiging'],
      [good.replace('rol=lezer', 'rol=baas'), 'geen rol (redacteur, voorsteller of lezer)'],
      [good.replace('rol=lezer', 'rol=voorsteller'), 'voorsteller noemt geen naam'],
      [
        good.replace('rol=lezer', 'rol=lezer&opmerkingen=ja'),
        'lezer met opmerkingen noemt geen naam',
      ],
      [good.replace('rol=lezer', 'rol=lezer&naam=%20Lezer'), 'naam in de uitnodiging'],
      [good.replace('rol=lezer', `rol=lezer&naam=${'n'.repeat(61)}`), 'naam in de uitnodiging'],
      [good.replace(/sleutel=[^&]+/, 'sleutel=kort'), 'sleutel'],
      [good.replace('jeugdzorg-2024_01', 'jeugd/../zorg'), 'document'],
      [good.replace(/server=[^&]+/, 'server=http%3A%2F%2Fx'), 'serveradres'],
    ];
    for (const [text, message] of cases) {
      expect(() => parseInvitation(text), text).toThrow(InvitationError);
      expect(() => parseInvitation(text), text).toThrow(message);
    }
  });

  it('carry the host certificate’s fingerprint with wss://, and refuse one that is no fingerprint', () => {
    const pinned: Invitation = {
      ...invitation,
      serverUrl: 'wss://192.168.1.20:4791',
      fingerprint: 'ab'.repeat(32),
    };
    const text = formatInvitation(pinned);
    expect(text).toContain(`vingerafdruk=${'ab'.repeat(32)}`);
    expect(parseInvitation(text)).toEqual(pinned);
    const cases = [
      text.replace('ab'.repeat(32), 'AB'.repeat(32)),
      text.replace('ab'.repeat(32), 'ab'.repeat(31)),
      text.replace('ab'.repeat(32), 'AB:'.repeat(31) + 'AB'),
      text.replace('vingerafdruk=', 'vingerafdruk=&x='),
      // A fingerprint pins TLS; a plain ws:// server has no certificate to pin.
      formatInvitation({ ...pinned, serverUrl: 'wss://x:1', fingerprint: null })
        .replace('wss%3A', 'ws%3A')
        .replace('server=', `vingerafdruk=${'ab'.repeat(32)}&server=`),
    ];
    for (const bad of cases) {
      expect(() => parseInvitation(bad), bad).toThrow('vingerafdruk van de host');
    }
    expect(() => formatInvitation({ ...pinned, serverUrl: 'ws://192.168.1.20:4791' })).toThrow(
      'vingerafdruk',
    );
  });

  it('will not write an invitation that could not be read back', () => {
    expect(() => formatInvitation({ ...invitation, serverUrl: 'ws://x:1/pad' })).toThrow(
      InvitationError,
    );
  });
});

describe('formatFingerprint', () => {
  it('reads a fingerprint in capitals, four at a time', () => {
    expect(formatFingerprint('0123456789abcdef'.repeat(4))).toBe(
      '0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF',
    );
  });
});

describe('isInvitationName', () => {
  it('takes a name as the preferences keep it, and nothing else', () => {
    for (const name of ['Voorsteller', 'Gemeente A – griffie', 'é'.repeat(60)]) {
      expect(isInvitationName(name), name).toBe(true);
    }
    for (const name of ['', ' ', ' Lezer', 'Lezer ', 'n'.repeat(61), 'a\u202eb', 'a\nb', 7]) {
      expect(isInvitationName(name), String(name)).toBe(false);
    }
  });
});

describe('isServerUrl', () => {
  it('accepts ws and wss addresses without path or credentials', () => {
    expect(isServerUrl('ws://127.0.0.1:4790')).toBe(true);
    expect(isServerUrl('wss://sync.vereniging.nl')).toBe(true);
    for (const url of ['http://x', 'ws://u:p@x', 'ws://x/pad', 'ws://x?a=1', 'geen']) {
      expect(isServerUrl(url), url).toBe(false);
    }
  });
});
