/**
 * Hocuspocus's Redis extension, with the messages other instances send through Redis checked
 * before they reach a document. An instance trusts no other: a change from Redis passes the
 * same gate as a participant's (documentGate.ts, `submitFromPeer`: it must integrate
 * completely and leave a valid resolution of acceptable size); anything that does not read as
 * a message of the protocol, or that a client could not have asked for, is dropped and logged.
 * So one instance with a bug (or a stranger who can publish on the Redis prefix) cannot put into
 * every instance's copy what no participant could put into one.
 *
 * The extension subscribes its handler in its constructor; this class takes that subscription
 * over and calls the handler only with messages that passed. It reaches two members the
 * extension keeps private (the handler and its map of documents still loading); the
 * constructor checks that they are there, so an upgrade that renames them fails at start, not
 * silently.
 */
import { Redis } from '@hocuspocus/extension-redis';
import type { Configuration } from '@hocuspocus/extension-redis';
import type { Document } from '@hocuspocus/server';
import { MESSAGE_TYPE, SYNC_STEP, readFrameHeader, readSyncBody } from './messageFrames.ts';
import { getDocumentGate } from './documentGate.ts';
import type { GateLimits } from './documentGate.ts';
import { InvalidUpdateError } from '../../shared/session/updateValidation.ts';
import { decodeStoreNotice } from '../../shared/session/storeNotice.ts';
import * as decoding from 'lib0/decoding';

type MessageHandler = (channel: Buffer, data: Buffer) => Promise<void>;

/** What the extension keeps private and this class needs. */
interface RedisInternals {
  handleIncomingMessage: MessageHandler;
  documents: Map<string, Document>;
}

/** The Redis extension, with every incoming message checked first. */
export class CheckedRedis extends Redis {
  private readonly gateLimits: GateLimits;
  private readonly log: (line: string) => void;

  constructor(
    configuration: Partial<Configuration>,
    gateLimits: GateLimits,
    log: (line: string) => void,
  ) {
    super(configuration);
    this.gateLimits = gateLimits;
    this.log = log;
    const internals = this as unknown as RedisInternals;
    const handler = internals.handleIncomingMessage;
    if (typeof handler !== 'function' || !(internals.documents instanceof Map)) {
      throw new Error(
        '@hocuspocus/extension-redis changed: its message handler is not where it was',
      );
    }
    this.sub.off('messageBuffer', handler);
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
      if (this.admit(data)) void handler(channel, data);
    });
  }

  /** Whether a message from Redis may go on to the extension; checks and applies updates. */
  private admit(data: Buffer): boolean {
    let name = '';
    try {
      const identifierLength = data[0] ?? 0;
      const identifier = data.toString('utf-8', 1, identifierLength + 1);
      // The extension drops our own messages itself.
      if (identifier === this.configuration.identifier) return true;
      const header = readFrameHeader(data.subarray(identifierLength + 1));
      name = header.address!;
      const { type, body } = header;
      if (type === MESSAGE_TYPE.sync || type === MESSAGE_TYPE.syncReply) {
        const { step, payload } = readSyncBody(body);
        if (step === SYNC_STEP.step1) return true;
        if (step !== SYNC_STEP.step2 && step !== SYNC_STEP.update) throw new Error(`stap ${step}`);
        const document = this.findDocument(name);
        // A document not open here: the extension ignores the message.
        if (!document) return true;
        getDocumentGate(document, this.gateLimits).submitFromPeer(
          payload,
          this.redisTransactionOrigin,
        );
        return true;
      }
      // Presence is checked by the presence hooks; a query for it carries nothing.
      if (type === MESSAGE_TYPE.awareness || type === MESSAGE_TYPE.queryAwareness) return true;
      // A stateless message reaches every participant as a notice from the server. The only
      // one an instance broadcasts is the store notice (storeNotice.ts); anything else (the
      // end of a session, which an instance sends only to its own participants, or text a
      // client would show) is not another instance's to send.
      if (type === MESSAGE_TYPE.broadcastStateless) {
        const payload = decoding.readVarString(body);
        if (decodeStoreNotice(payload) === null)
          throw new Error('mededeling die geen opslagbericht is');
        return true;
      }
      throw new Error(`soort ${type}`);
    } catch (error) {
      const why =
        error instanceof InvalidUpdateError
          ? error.message
          : `onleesbaar (${(error as Error).message})`;
      this.log(`${name || '?'}: bericht van een andere instantie via Redis geweigerd: ${why}`);
      return false;
    }
  }

  private findDocument(name: string): Document | undefined {
    const internals = this as unknown as RedisInternals;
    return internals.documents.get(name) ?? this.instance?.documents.get(name);
  }
}
