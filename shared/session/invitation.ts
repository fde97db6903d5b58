/**
 * The invitation to a co-editing session: what a user copies from "Sessie starten" and pastes
 * into "Deelnemen aan sessie" (or mails to a colleague). One line, readable, with everything
 * needed to join: the server's address, the document, the secret and the role it grants, and
 * the name the participant takes part under when the invitation was made for someone.
 *
 *   resolutie://sessie/<document>?server=wss%3A%2F%2F192.168.1.20%3A4791&vingerafdruk=<sha-256>&rol=voorsteller&naam=…&sleutel=<token>&titel=…
 *
 * `vingerafdruk` pins the server: the SHA-256 of the certificate the host's computer presents
 * (main/syncServer/tlsIdentity.ts). The app connects only to a server that presents exactly
 * that certificate, so a computer that answers on the host's address cannot pose as the host,
 * and nothing (not the secret, not the document) is sent before that is checked. An invitation
 * to a server with a certificate from an authority carries none and is checked as any site is.
 *
 * The role, the name and `opmerkingen=ja` (a reader who may comment) in the text are what the
 * user is told; the server reads them from the secret (a token it signed, see
 * main/syncServer/sessionTokens.ts), so editing the text grants nothing.
 */
import { isUserName } from '../model/userNames.ts';

/**
 * What a participant may do: edit (redacteur), propose changes and comment (voorsteller), or
 * read along, commenting where the invitation allows it (lezer).
 */
export type SessionRole = 'editor' | 'proposer' | 'reader';

/** The roles as the app names them. */
export const SESSION_ROLE_LABELS: Record<SessionRole, string> = {
  editor: 'redacteur',
  proposer: 'voorsteller',
  reader: 'lezer',
};

/** Everything an invitation holds. */
export interface Invitation {
  /** The sync server: `ws://host:port` or `wss://host[:port]`, without path. */
  serverUrl: string;
  /**
   * The SHA-256 fingerprint of the server's certificate (64 lowercase hexadecimal digits) that
   * the connection must present; only with `wss://`; null to check it as any site.
   */
  fingerprint: string | null;
  /** The document's name on the server. */
  documentName: string;
  /** The secret that admits the holder, with the role the server gives it. */
  token: string;
  role: SessionRole;
  /**
   * The name the invitation was made for (isInvitationName): the author of the participant's
   * proposals and comments; null when it names nobody (never for a voorsteller).
   */
  name: string | null;
  /** Whether the participant may comment: always for a redacteur and a voorsteller. */
  mayComment: boolean;
  /** The document's title, so the invited user sees what they join; null when unknown. */
  title: string | null;
}

/** An invitation that cannot be read, with a Dutch message for the user. */
export class InvitationError extends Error {
  override name = 'InvitationError';
}

const SCHEME = 'resolutie://sessie/';
/** Document names on the server: letters, digits, `-` and `_`, as file names everywhere allow. */
export const DOCUMENT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9._~-]{16,1024}$/;
/** A SHA-256 fingerprint as invitations carry it. */
export const FINGERPRINT = /^[0-9a-f]{64}$/;
const MAX_TITLE_LENGTH = 300;
const ROLE_BY_LABEL: Record<string, SessionRole> = {
  redacteur: 'editor',
  voorsteller: 'proposer',
  lezer: 'reader',
};
const COMMENTS_ALLOWED = 'ja';

/**
 * Whether `name` may be the name of an invitation: a user's name as the preferences keep it
 * (shared/model/userNames.ts): 1 to 60 characters, no control or bidirectional characters,
 * without spaces around it (the server compares it exactly with the authors of changes).
 */
export function isInvitationName(name: unknown): name is string {
  return isUserName(name) && name.trim() === name;
}

/** What an invitation is made of: without a fingerprint, it carries none. */
export type InvitationParts = Omit<Invitation, 'fingerprint'> & { fingerprint?: string | null };

/** The invitation as one line of text. */
export function formatInvitation(parts: InvitationParts): string {
  const invitation: Invitation = { ...parts, fingerprint: parts.fingerprint ?? null };
  checkInvitation(invitation);
  const params = new URLSearchParams({ server: invitation.serverUrl });
  if (invitation.fingerprint !== null) params.set('vingerafdruk', invitation.fingerprint);
  params.set('rol', SESSION_ROLE_LABELS[invitation.role]);
  if (invitation.name !== null) params.set('naam', invitation.name);
  if (invitation.role === 'reader' && invitation.mayComment) {
    params.set('opmerkingen', COMMENTS_ALLOWED);
  }
  params.set('sleutel', invitation.token);
  if (invitation.title) params.set('titel', invitation.title.slice(0, MAX_TITLE_LENGTH));
  return `${SCHEME}${invitation.documentName}?${params.toString()}`;
}

/**
 * Reads an invitation from what the user pasted: the line itself, or a message that holds it
 * (a mail, a chat) with text around it. Throws an InvitationError that says what is wrong.
 */
export function parseInvitation(text: string): Invitation {
  const start = text.indexOf(SCHEME);
  if (start === -1) {
    throw new InvitationError(
      'Dit is geen uitnodiging voor een sessie: een uitnodiging begint met "resolutie://sessie/".',
    );
  }
  const link = text.slice(start).split(/\s/, 1)[0]!;
  const [name = '', query = ''] = link.slice(SCHEME.length).split('?', 2);
  const params = new URLSearchParams(query);
  const role = ROLE_BY_LABEL[params.get('rol') ?? ''];
  const invitation: Invitation = {
    serverUrl: params.get('server') ?? '',
    // Read as written: a fingerprint in capitals or with colons is someone's edit, not ours.
    fingerprint: params.get('vingerafdruk'),
    documentName: name,
    token: params.get('sleutel') ?? '',
    role: role ?? 'editor',
    name: params.get('naam'),
    mayComment: role !== 'reader' || params.get('opmerkingen') === COMMENTS_ALLOWED,
    title: params.get('titel')?.trim() || null,
  };
  if (!role) {
    throw new InvitationError('De uitnodiging noemt geen rol (redacteur, voorsteller of lezer).');
  }
  checkInvitation(invitation);
  return invitation;
}

/**
 * A fingerprint as people read it to each other: in capitals, in groups of four
 * ("AB12 CD34 …"), so that a host and a colleague can compare the first few groups by phone.
 */
export function formatFingerprint(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** Whether `url` is a sync server's address an invitation may hold. */
export function isServerUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '' || parsed.pathname === '/') &&
    parsed.search === '' &&
    parsed.hash === ''
  );
}

function checkInvitation(invitation: Invitation): void {
  if (!isServerUrl(invitation.serverUrl)) {
    throw new InvitationError(
      'Het serveradres in de uitnodiging is ongeldig; vraag de uitnodiger om een nieuwe.',
    );
  }
  if (
    invitation.fingerprint !== null &&
    (!FINGERPRINT.test(invitation.fingerprint) || !invitation.serverUrl.startsWith('wss://'))
  ) {
    throw new InvitationError(
      'De vingerafdruk van de host in de uitnodiging is ongeldig; vraag de uitnodiger om een nieuwe.',
    );
  }
  if (!DOCUMENT_NAME.test(invitation.documentName)) {
    throw new InvitationError('De uitnodiging noemt geen geldig document; is hij heel gekopieerd?');
  }
  if (!TOKEN.test(invitation.token)) {
    throw new InvitationError(
      'De sleutel in de uitnodiging ontbreekt of is afgekapt; kopieer hem opnieuw.',
    );
  }
  if (invitation.name !== null && !isInvitationName(invitation.name)) {
    throw new InvitationError(
      'De naam in de uitnodiging is ongeldig; vraag de uitnodiger om een nieuwe.',
    );
  }
  if (invitation.role === 'reader' && invitation.mayComment && invitation.name === null) {
    throw new InvitationError(
      'De uitnodiging voor een lezer met opmerkingen noemt geen naam; vraag de uitnodiger om een nieuwe.',
    );
  }
  if (invitation.role === 'proposer' && invitation.name === null) {
    throw new InvitationError(
      'De uitnodiging voor een voorsteller noemt geen naam; vraag de uitnodiger om een nieuwe.',
    );
  }
}
