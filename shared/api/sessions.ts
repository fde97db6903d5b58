/**
 * The request and response schemas of co-editing sessions the app hosts: "Sessie starten"
 * puts the open document on a sync server this app runs for colleagues on its network, under
 * the host's name; "Uitnodigen…" asks that server for an invitation with a role (redacteur,
 * voorsteller, lezer) and the name of the colleague it is for; "Sessie stoppen" ends it.
 *
 * A name in an invitation is held to the rules of the user's name in the preferences
 * (shared/model/userNames.ts): the server makes it the author of that participant's proposals
 * and comments, and colleagues see it at their cursor.
 */
import { z } from 'zod';
import { documentStateSchema } from './documents.ts';
import { documentIdSchema } from './journal.ts';
import { DOCUMENT_NAME, FINGERPRINT, isInvitationName } from '../session/invitation.ts';
import type { SessionRole } from '../session/invitation.ts';
import { MAX_USER_NAME_LENGTH, hasHiddenNameCharacter } from '../model/userNames.ts';

/** The longest title sent along, in characters. */
const MAX_SESSION_TITLE_LENGTH = 300;
/** An invitation line is well under a kilobyte; far more is not one. */
const MAX_INVITATION_LENGTH = 4096;

/** The roles an invitation may grant, as the API names them. */
export const SESSION_ROLES = [
  'editor',
  'proposer',
  'reader',
] as const satisfies readonly SessionRole[];

const invitationTextSchema = z.string().min(1).max(MAX_INVITATION_LENGTH);
const serverUrlSchema = z.string().regex(/^wss?:\/\/[^\s/?#]+$/);
const documentNameSchema = z.string().regex(DOCUMENT_NAME);

/**
 * A participant's name as an invitation carries it (isInvitationName): the preferences' rules
 * for the user's name, already trimmed (a name with spaces around it is refused, not changed).
 */
const participantNameSchema = z.string().max(MAX_USER_NAME_LENGTH).refine(isInvitationName);

/** `startSession`: the open document, as it is now, and the name the host takes part under. */
export const startSessionRequestSchema = z.strictObject({
  documentId: documentIdSchema,
  title: z.string().max(MAX_SESSION_TITLE_LENGTH),
  state: documentStateSchema,
  /** The host's name, which their own invitation carries; null while they have none. */
  hostName: participantNameSchema.nullable(),
});

/** `startSession`: where the app itself connects, and where colleagues reach it. */
export const startSessionResponseSchema = z.strictObject({
  /** The document's name on the server. */
  documentName: documentNameSchema,
  /** The server as this app reaches it (loopback). */
  serverUrl: serverUrlSchema,
  /** The invitation this app joins with itself (redacteur, under the host's name). */
  ownInvitation: invitationTextSchema,
  /** Where colleagues reach the server ("192.168.1.20:4791"); null when only this computer can. */
  networkAddress: z.string().max(300).nullable(),
  /** The SHA-256 fingerprint of the certificate every invitation to it pins. */
  fingerprint: z.string().regex(FINGERPRINT),
});

/**
 * `createInvitation`: an invitation to the session of `documentName` for one colleague: the
 * role, their name, and whether a lezer may comment (a redacteur and a voorsteller always
 * may). The name is required where the participant's proposals or comments carry it: for a
 * voorsteller and for a lezer who may comment ({@link isInviteeNameRequired}).
 */
export const createInvitationRequestSchema = z
  .strictObject({
    documentName: documentNameSchema,
    role: z.enum(SESSION_ROLES),
    name: participantNameSchema.nullable(),
    mayComment: z.boolean(),
  })
  .refine((request) => request.name !== null || !isInviteeNameRequired(request), {
    message: 'Deze uitnodiging noemt de naam van de deelnemer.',
    path: ['name'],
  });

/** Whether an invitation for `role` must name its participant: whose contributions carry it. */
export function isInviteeNameRequired({
  role,
  mayComment,
}: {
  role: SessionRole;
  mayComment: boolean;
}): boolean {
  return role === 'proposer' || (role === 'reader' && mayComment);
}

/** `createInvitation`: the line to send. */
export const createInvitationResponseSchema = z.strictObject({
  invitation: invitationTextSchema,
});

/**
 * `getSessionRelay`: the address of the app's relay on this computer, through which the window
 * connects to every session (shared/session/relayAddress.ts): the relay pins the host's
 * certificate, which a page cannot. In browser mode a path on the host's own address
 * (`/sessie-relay`); in the desktop app a loopback address with the relay's secret.
 */
export const sessionRelayResponseSchema = z.strictObject({
  url: z.string().regex(/^(\/sessie-relay|ws:\/\/127\.0\.0\.1:\d{1,5}\/[A-Za-z0-9_-]{43})$/),
});

/** `stopSession`: the session to end. */
export const stopSessionRequestSchema = z.strictObject({
  documentName: documentNameSchema,
});

/** An invitation's id as its token carries it (12 random bytes, base64url). */
const invitationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/** `listParticipants`: who is connected to the session this app hosts for `documentName`. */
export const listParticipantsRequestSchema = z.strictObject({
  documentName: documentNameSchema,
});

/**
 * One connection to a hosted session: the invitation it joined with (its id, null for one
 * made before invitations had ids; its role, name and comments) and the presence it set (its
 * awareness client id and name, null until it did). `host` marks the host's own invitation,
 * which cannot be removed or withdrawn.
 */
export const sessionParticipantSchema = z.strictObject({
  invitationId: invitationIdSchema.nullable(),
  role: z.enum(SESSION_ROLES),
  invitationName: participantNameSchema.nullable(),
  mayComment: z.boolean(),
  clientId: z.number().int().nonnegative().nullable(),
  presenceName: z.string().max(MAX_USER_NAME_LENGTH).nullable(),
  host: z.boolean(),
});

/** `listParticipants`: the connections, in no particular order. */
export const listParticipantsResponseSchema = z.strictObject({
  participants: z.array(sessionParticipantSchema).max(1000),
});

/**
 * `removeParticipant`: withdraws the invitation `invitationId` of the hosted session: everyone
 * connected with it is disconnected, and it no longer admits anyone.
 */
export const removeParticipantRequestSchema = z.strictObject({
  documentName: documentNameSchema,
  invitationId: invitationIdSchema,
});

/**
 * `withdrawInvitations`: withdraws every invitation of `role` to the hosted session but the
 * host's own; new ones can be made afterwards ("Uitnodigen…").
 */
export const withdrawInvitationsRequestSchema = z.strictObject({
  documentName: documentNameSchema,
  role: z.enum(SESSION_ROLES),
});

/** `removeParticipant`, `withdrawInvitations`: how many connections were closed. */
export const withdrawalResponseSchema = z.strictObject({
  disconnected: z.number().int().nonnegative(),
});

/**
 * What is wrong with `name` as the name of the colleague an invitation for `role` is for, in
 * Dutch, or null when it will do. Empty is fine unless the name is required
 * ({@link isInviteeNameRequired}): a voorsteller's proposals and a commenting lezer's comments
 * carry it.
 */
export function describeInviteeNameProblem(
  name: string,
  invitee: { role: SessionRole; mayComment: boolean },
): string | null {
  const text = name.trim();
  if (text === '') {
    if (!isInviteeNameRequired(invitee)) return null;
    return invitee.role === 'proposer'
      ? 'Vul de naam van de voorsteller in: zijn of haar voorstellen en opmerkingen komen op die naam te staan.'
      : 'Vul de naam van de lezer in: zijn of haar opmerkingen komen op die naam te staan.';
  }
  if (text.length > MAX_USER_NAME_LENGTH) {
    return `De naam is te lang: hoogstens ${MAX_USER_NAME_LENGTH} tekens.`;
  }
  if (hasHiddenNameCharacter(text)) {
    return 'De naam bevat een teken dat niet als tekst te zien is (een stuurteken); laat het weg.';
  }
  return participantNameSchema.safeParse(text).success ? null : 'Deze naam kan niet.';
}
