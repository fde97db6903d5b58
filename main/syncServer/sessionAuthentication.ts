/**
 * Who may join a document: the holder of a token the server signed for it (sessionTokens.ts).
 * The token's role, name and permission to comment become the connection's context, which the
 * document's gate holds every update of the connection to (roleRules.ts):
 *
 * - a redacteur's token admits to read and write;
 * - a voorsteller's, and that of a lezer who may comment, admit to write what their role allows:
 *   the connection is not read-only, and everything it sends passes the role's rules;
 * - a lezer's without comments makes the connection read-only, so Hocuspocus never applies what
 *   that connection sends (it answers "not saved" instead).
 *
 * Only a redacteur can make a document exist: a voorsteller or lezer joining one that is not on
 * the server is refused.
 *
 * An invitation the host withdrew (invitationWithdrawals.ts) is refused, and so is a connection
 * whose sign-in was under way when it was withdrawn: it is closed the moment it is established.
 *
 * A refusal reaches the participant's provider as the reason of its `authenticationFailed`
 * event, in Dutch, so the app can show it as it is.
 */
import type {
  Connection,
  Extension,
  Hocuspocus,
  connectedPayload,
  onAuthenticatePayload,
} from '@hocuspocus/server';
import { DOCUMENT_NAME, SESSION_ROLE_LABELS } from '../../shared/session/invitation.ts';
import { SessionTokenError, verifySessionToken } from './sessionTokens.ts';
import type { VerifiedGrant } from './sessionTokens.ts';
import type { ServerDocuments } from './serverDocuments.ts';
import { CLOSE_CODES, WITHDRAWN_REASON, refusal } from '../../shared/session/refusals.ts';
import type { RoleContext } from '../../shared/session/roleRules.ts';
import type { InvitationWithdrawals } from './invitationWithdrawals.ts';

/**
 * What the server knows of a connection after it joined: its role, name and comments, and
 * which invitation it joined with (to withdraw it).
 */
export type SessionContext = RoleContext & Pick<VerifiedGrant, 'invitationId' | 'issuedAt'>;

/** Checks tokens against the server's secret. */
export class SessionAuthentication implements Extension {
  extensionName = 'SessionAuthentication';
  private readonly secret: string;
  private readonly documents: ServerDocuments;
  private readonly log: (line: string) => void;
  private readonly withdrawals: InvitationWithdrawals;

  constructor(
    secret: string,
    documents: ServerDocuments,
    withdrawals: InvitationWithdrawals,
    log: (line: string) => void,
  ) {
    this.secret = secret;
    this.documents = documents;
    this.withdrawals = withdrawals;
    this.log = log;
  }

  async onAuthenticate(payload: onAuthenticatePayload): Promise<SessionContext> {
    const { documentName, token, connectionConfig, instance } = payload;
    if (!DOCUMENT_NAME.test(documentName)) {
      throw this.refuse(documentName, 'Ongeldige documentnaam.');
    }
    let grant: VerifiedGrant;
    try {
      grant = verifySessionToken(this.secret, token, documentName, Date.now());
    } catch (error) {
      if (error instanceof SessionTokenError) throw this.refuse(documentName, error.message);
      throw error;
    }
    const { role, name, mayComment, invitationId, issuedAt } = grant;
    if (this.withdrawals.isWithdrawn(grant)) throw this.refuse(documentName, WITHDRAWN_REASON);
    if (role === 'reader' && !mayComment) connectionConfig.readOnly = true;
    if (role !== 'editor' && !(await this.isOnServer(instance, documentName))) {
      throw this.refuse(
        documentName,
        `Dit document staat (nog) niet op de server; een ${SESSION_ROLE_LABELS[role]} kan het niet aanmaken.`,
      );
    }
    const who = name === null ? '' : ` (${JSON.stringify(name)})`;
    const comments = role === 'reader' && mayComment ? ' met opmerkingen' : '';
    this.log(`${documentName}: ${SESSION_ROLE_LABELS[role]}${who}${comments} toegelaten`);
    // Hocuspocus merges what onAuthenticate returns into the connection's context.
    return { role, name, mayComment, invitationId, issuedAt };
  }

  // Withdrawn while the sign-in or the document's loading was under way: the withdrawal closed
  // the connections it found, and this one was not among them yet.
  async connected({ connection, context }: connectedPayload<SessionContext>): Promise<void> {
    if (context && this.withdrawals.isWithdrawn(context)) {
      this.log(`${connection.document.name}: verbinding ${connection.socketId} ingetrokken`);
      closeWithdrawn(connection);
    }
  }

  private async isOnServer(instance: Hocuspocus, documentName: string): Promise<boolean> {
    return (
      instance.documents.has(documentName) ||
      instance.loadingDocuments.has(documentName) ||
      (await this.documents.exists(documentName))
    );
  }

  private refuse(documentName: string, reason: string): Error {
    this.log(`${documentName.slice(0, 64)}: geweigerd: ${reason}`);
    return refusal(reason);
  }
}

/**
 * Closes `connection` because its invitation was withdrawn: the reason first, as a message of
 * the document (Hocuspocus's close), then the socket, with its own code. Its provider tries to
 * reconnect and is refused at sign-in with the same reason, which the app shows.
 */
export function closeWithdrawn(connection: Connection): void {
  connection.close({ code: CLOSE_CODES.withdrawn, reason: WITHDRAWN_REASON });
  connection.webSocket.close(CLOSE_CODES.withdrawn, WITHDRAWN_REASON);
}
