/**
 * The socket gates' hooks in Hocuspocus (socketGate.ts does the work):
 *
 * - `connected`: a document connection was established, so the messages that waited for it in
 *   the socket's gate may go through;
 * - `onDisconnect`: Hocuspocus removed a connection (and its presence), so its document's gate
 *   forgets what it held for it and which client ids it wrote under;
 * - `beforeHandleMessage`: a seal. Every message Hocuspocus handles for a connection must have
 *   come through a socket gate; one that did not (a path around the gate) is refused, and its
 *   sender disconnected, before Hocuspocus applies anything of it.
 */
import type {
  Extension,
  beforeHandleMessagePayload,
  connectedPayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { isPassedFrame } from './socketGate.ts';
import type { GateContext } from './socketGate.ts';
import { CLOSE_CODES, INVALID_UPDATE_REASON, Refusal } from '../../shared/session/refusals.ts';

/** Connects Hocuspocus's document connections to the socket gates. */
export class MessageGuard implements Extension {
  extensionName = 'MessageGuard';
  private readonly log: (line: string) => void;

  constructor(log: (line: string) => void) {
    this.log = log;
  }

  async connected({ context, connection }: connectedPayload<GateContext>): Promise<void> {
    context.socketGate?.connected(connection);
  }

  async onDisconnect({ context, document }: onDisconnectPayload<GateContext>): Promise<void> {
    context.socketGate?.disconnected(document);
  }

  async beforeHandleMessage({
    update,
    documentName,
    socketId,
  }: beforeHandleMessagePayload): Promise<void> {
    if (isPassedFrame(update)) return;
    this.log(`${documentName}: verbinding ${socketId} gesloten: bericht buiten de controle om`);
    throw new Refusal(INVALID_UPDATE_REASON, CLOSE_CODES.invalidUpdate);
  }
}
