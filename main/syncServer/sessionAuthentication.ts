/**
 * Who may join a document: the holder of a token the server signed for it (sessionTokens.ts).
 * An editor's token admits to read and write; a reader's makes the connection read-only, so
 * Hocuspocus never applies what that connection sends (it answers "not saved" instead). A
 * reader cannot make a document exist: joining one that is not on the server is refused.
 *
 * A refusal reaches the participant's provider as the reason of its `authenticationFailed`
 * event, in Dutch, so the app can show it as it is.
 */
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { DOCUMENT_NAME, SESSION_ROLE_LABELS } from '../../shared/session/invitation.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { SessionTokenError, verifySessionToken } from './sessionTokens.ts';
import type { ServerDocuments } from './serverDocuments.ts';
import { refusal } from './refusals.ts';

/** What the server knows of a connection after it joined. */
export interface SessionContext {
  role: SessionRole;
}

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
    let role: SessionRole;
    try {
      role = verifySessionToken(this.secret, token, documentName, Date.now()).role;
    } catch (error) {
      if (error instanceof SessionTokenError) throw this.refuse(documentName, error.message);
      throw error;
    }
    if (role === 'reader') {
      connectionConfig.readOnly = true;
      if (!(await this.isOnServer(instance, documentName))) {
        throw this.refuse(
          documentName,
          'Dit document staat (nog) niet op de server; een lezer kan het niet aanmaken.',
        );
      }
    }
    this.log(`${documentName}: ${SESSION_ROLE_LABELS[role]} toegelaten`);
    // Hocuspocus merges what onAuthenticate returns into the connection's context.
    return { role };
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
