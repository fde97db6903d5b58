/**
 * A client that is not ours: Node's WebSocket speaking the standard Yjs sync and awareness
 * protocols (y-protocols) in Hocuspocus's framing, through the codec the server reads with
 * (messageFrames.ts) rather than through our provider. It proves that any Yjs client can join,
 * and sends what our provider never would (garbage, invalid updates) to test how the server
 * refuses it.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  SYNC_STEP,
  answerSyncMessage,
  encodeAuthTokenFrame,
  encodeAwarenessFrame,
  encodeSyncFrame,
  readServerMessage,
} from '../messageFrames.ts';

// The origin of changes that came from the server, so they are not sent back.
const FROM_SERVER = Symbol('server');

/** How a raw client starts. */
export interface RawClientOptions {
  /** What its document holds before it connects (work done offline). */
  state?: Uint8Array;
  /** Called right after it sent its token and first sync step, before any answer. */
  onOpen?: (client: RawClient) => void;
}

/** A raw Yjs client of one document. */
export class RawClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: WebSocket;
  /** 'read-write' or 'readonly' once admitted; the reason once refused. */
  scope: string | null = null;
  refusal: string | null = null;
  synced = false;
  /** Answers to our updates: true when the server applied one, false when it did not. */
  readonly syncStatuses: boolean[] = [];
  /** The reason of a close message from the server, and the socket's close event. */
  closeMessage: string | null = null;
  closed: { code: number; reason: string } | null = null;
  /** The document name every frame starts with. */
  readonly address: string;

  constructor(url: string, documentName: string, token: string, options: RawClientOptions = {}) {
    this.address = documentName;
    if (options.state) Y.applyUpdate(this.doc, options.state, FROM_SERVER);
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.addEventListener('open', () => {
      this.sendRaw(encodeAuthTokenFrame(this.address, token));
      this.sendRaw(encodeSyncFrame(this.address, SYNC_STEP.step1, Y.encodeStateVector(this.doc)));
      options.onOpen?.(this);
    });
    this.socket.addEventListener('message', (event) => {
      this.receive(new Uint8Array(event.data as ArrayBuffer));
    });
    this.socket.addEventListener('close', (event) => {
      this.closed = { code: event.code, reason: event.reason };
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      this.sendUpdate(update);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === FROM_SERVER) return;
        const changed = [...added!, ...updated!, ...removed!];
        this.sendAwareness(changed);
      },
    );
  }

  /** Sends bytes as they are. */
  sendRaw(bytes: Uint8Array<ArrayBuffer>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  /** Sends a Yjs update as a sync message, whatever it holds. */
  sendUpdate(update: Uint8Array): void {
    this.sendRaw(encodeSyncFrame(this.address, SYNC_STEP.update, update));
  }

  close(): void {
    this.awareness.destroy();
    this.socket.close();
    this.doc.destroy();
  }

  private sendAwareness(clientIds: number[]): void {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds);
    this.sendRaw(encodeAwarenessFrame(this.address, update));
  }

  private receive(data: Uint8Array): void {
    const message = readServerMessage(data);
    switch (message.kind) {
      case 'authenticated':
        this.scope = message.scope;
        return;
      case 'permissionDenied':
        this.refusal = message.reason;
        return;
      case 'sync': {
        // Our answer to the server's SyncStep1 is a SyncStep2 with what it lacks.
        const answer = answerSyncMessage(this.address, message, this.doc, FROM_SERVER);
        if (message.step === SYNC_STEP.step2) this.synced = true;
        if (answer) this.sendRaw(answer);
        return;
      }
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_SERVER);
        return;
      case 'queryAwareness':
        this.sendAwareness([...this.awareness.getStates().keys()]);
        return;
      case 'syncStatus':
        this.syncStatuses.push(message.applied);
        return;
      case 'close':
        this.closeMessage = message.reason;
        return;
      case 'other':
        return;
    }
  }
}
