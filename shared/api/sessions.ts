/**
 * The request and response schemas of co-editing sessions the app hosts: "Sessie starten"
 * puts the open document on a sync server this app runs for colleagues on its network and
 * answers the invitations; "Sessie stoppen" ends it.
 */
import { z } from 'zod';
import { documentStateSchema } from './documents.ts';
import { documentIdSchema } from './journal.ts';
import { DOCUMENT_NAME } from '../session/invitation.ts';

/** The longest title sent along, in characters. */
const MAX_SESSION_TITLE_LENGTH = 300;
/** An invitation line is well under a kilobyte; far more is not one. */
const MAX_INVITATION_LENGTH = 4096;

const invitationTextSchema = z.string().min(1).max(MAX_INVITATION_LENGTH);
const serverUrlSchema = z.string().regex(/^wss?:\/\/[^\s/?#]+$/);

/** `startSession`: the open document, as it is now. */
export const startSessionRequestSchema = z.strictObject({
  documentId: documentIdSchema,
  title: z.string().max(MAX_SESSION_TITLE_LENGTH),
  state: documentStateSchema,
});

/** `startSession`: where the app itself connects, and the invitations for colleagues. */
export const startSessionResponseSchema = z.strictObject({
  /** The document's name on the server. */
  documentName: z.string().regex(DOCUMENT_NAME),
  /** The server as this app reaches it (loopback). */
  serverUrl: serverUrlSchema,
  /** The invitation this app joins with itself (redacteur). */
  ownInvitation: invitationTextSchema,
  /** The invitations to send, per role. */
  invitations: z.strictObject({ editor: invitationTextSchema, reader: invitationTextSchema }),
  /** Where colleagues reach the server ("192.168.1.20:4791"); null when only this computer can. */
  networkAddress: z.string().max(300).nullable(),
});

/** `stopSession`: the session to end. */
export const stopSessionRequestSchema = z.strictObject({
  documentName: z.string().regex(DOCUMENT_NAME),
});
