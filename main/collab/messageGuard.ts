/**
 * Every message of a joined participant passes here before Hocuspocus handles it
 * (`beforeHandleMessage`): it must follow the framing (messageFrames.ts), and an update it
 * carries must leave the document a valid resolution (updateValidation.ts). Anything else is
 * refused: nothing of the message is applied or passed on, and the sender's socket is closed,
 * so every other participant and the document itself stay as they were.
 *
 * The check and the apply happen in one turn of the event loop: no hook between them waits for
 * I/O, so no other participant's update can land in between and make a checked update invalid.
 * A reader's updates are never applied (Hocuspocus refuses them for read-only connections);
 * for those only the bytes are checked, which costs no copy of the document.
 */
import * as Y from 'yjs';
import type { Connection, Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { MalformedMessageError, readClientMessage } from './messageFrames.ts';
import type { ClientMessage } from './messageFrames.ts';
import { InvalidUpdateError, checkDocumentUpdate } from './updateValidation.ts';
import { CLOSE_CODES, Refusal } from './refusals.ts';
import { DEFAULT_MESSAGE_RATE, MessageRate } from './messageRate.ts';
import type { MessageRateLimits } from './messageRate.ts';

// Reasons travel in a WebSocket close frame too, which holds at most 123 bytes.
const MALFORMED_REASON = 'Onleesbaar bericht; de verbinding is gesloten.';
const INVALID_UPDATE_REASON = 'Wijziging geweigerd: die past niet in de opbouw van een resolutie.';
const TOO_MANY_REASON = 'Te veel berichten achter elkaar; de verbinding is gesloten.';

/**
 * Refuses malformed messages, updates that would make a document invalid, and more messages
 * than a connection may send.
 */
export class MessageGuard implements Extension {
  extensionName = 'MessageGuard';
  private readonly log: (line: string) => void;
  private readonly rate: MessageRate;

  constructor(log: (line: string) => void, limits: MessageRateLimits = DEFAULT_MESSAGE_RATE) {
    this.log = log;
    this.rate = new MessageRate(limits);
  }

  async onDisconnect({ socketId }: { socketId: string }): Promise<void> {
    this.rate.forget(socketId);
  }

  async beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    const { connection, document, documentName, update: data } = payload;
    if (!this.rate.take(connection.socketId)) {
      const detail = 'meer berichten dan toegestaan';
      throw this.refuse(connection, documentName, detail, CLOSE_CODES.tooManyMessages);
    }
    let message: ClientMessage;
    try {
      message = readClientMessage(data).message;
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error;
      throw this.refuse(connection, documentName, error.message, CLOSE_CODES.malformed);
    }
    if (message.kind !== 'sync' || message.step === 'step1') return;
    try {
      if (connection.readOnly) checkDecodes(message.update);
      else checkDocumentUpdate(document, message.update);
    } catch (error) {
      if (!(error instanceof InvalidUpdateError)) throw error;
      throw this.refuse(connection, documentName, error.message, CLOSE_CODES.invalidUpdate);
    }
  }

  /**
   * Logs the refusal and closes the sender's socket. Hocuspocus, on the thrown refusal, drops
   * the message and the document connection and sends the client a close message with the
   * reason; the socket itself is closed a moment later, after that message went out.
   */
  private refuse(connection: Connection, documentName: string, detail: string, code: number) {
    const reason =
      code === CLOSE_CODES.malformed
        ? MALFORMED_REASON
        : code === CLOSE_CODES.tooManyMessages
          ? TOO_MANY_REASON
          : INVALID_UPDATE_REASON;
    this.log(`${documentName}: verbinding ${connection.socketId} gesloten: ${detail}`);
    setImmediate(() => connection.webSocket.close(code, reason));
    return new Refusal(reason, code);
  }
}

function checkDecodes(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
  }
}
