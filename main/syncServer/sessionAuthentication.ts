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
 * A refusal reaches the participant's provider as the reason of its `authenticationFailed`
 * event, in Dutch, so the app can show it as it is.
 */
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { DOCUMENT_NAME, SESSION_ROLE_LABELS } from '../../shared/session/invitation.ts';
import { SessionTokenError, verifySessionToken } from './sessionTokens.ts';
import type { VerifiedGrant } from './sessionTokens.ts';
import type { ServerDocuments } from './serverDocuments.ts';
import { refusal } from '../../shared/session/refusals.ts';
import type { RoleContext } from '../../shared/session/roleRules.ts';

/** What the server knows of a connection after it joined: its role, name and comments. */
export type SessionContext = RoleContext;

/** Checks tokens against the server's secret. */
export class SessionAuthentication implements Extension {
  extensionName = 'SessionAuthentication';
  private readonly secret: string;
  private readonly documents: ServerDocuments;
  private readonly log: (line: string) => void;

  constructor(secret: string, documents: ServerDocuments, log: (line: string) => void) {
    this.secret = secret;
    this.documents = documents;
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
    const { role, name, mayComment } = grant;
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
    return { role, name, mayComment };
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
