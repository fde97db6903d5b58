/**
 * A Yjs client for the sync benchmarks that speaks either server's framing over Node's
 * WebSocket: Hocuspocus's (every message starts with the document name; a token first) for
 * the app's server, and y-websocket's (the document in the URL's path) for the reference
 * server. The Yjs sync and awareness protocols (y-protocols) are the same for both, and so is
 * everything else this client does, so the two servers are compared on equal clients. Frames
 * are written and read by the server's own codec (main/syncServer/messageFrames.ts).
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
} from '../../main/syncServer/messageFrames.ts';

/** Which server a client talks to. */
export type SyncProtocol = 'hocuspocus' | 'y-websocket';

// The origin of changes that came from the server, so they are not sent back.
const FROM_SERVER = Symbol('server');

/** Where and how a client connects. */
export interface SyncClientOptions {
  /** `ws://127.0.0.1:PORT`, without a path. */
  serverUrl: string;
  protocol: SyncProtocol;
  documentName: string;
  /** The session token (Hocuspocus only). */
  token?: string;
  /** The client's document; a fresh one by default. */
  doc?: Y.Doc;
}

/** One connected client: its document, its awareness and its socket. */
export class SyncClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly socket: WebSocket;
  synced = false;
  private readonly options: SyncClientOptions;
  private readonly opened: Promise<void>;
  // The document name that starts every frame; y-websocket's frames have none.
  private readonly address: string | null;

  constructor(options: SyncClientOptions) {
    this.options = options;
    this.address = options.protocol === 'hocuspocus' ? options.documentName : null;
    this.doc = options.doc ?? new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    const url =
      options.protocol === 'y-websocket'
        ? `${options.serverUrl}/${options.documentName}`
        : options.serverUrl;
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('error', () => reject(new Error(`no connection to ${url}`)), {
        once: true,
      });
    });
    this.socket.addEventListener('open', () => {
      if (this.address !== null) {
        this.send(encodeAuthTokenFrame(this.address, options.token ?? ''));
      }
      this.send(encodeSyncFrame(this.address, SYNC_STEP.step1, Y.encodeStateVector(this.doc)));
    });
    this.socket.addEventListener('message', (event) => {
      this.receive(new Uint8Array(event.data as ArrayBuffer));
    });
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  /** Resolves once the server's state has arrived (its SyncStep2). */
  async whenSynced(timeoutMs = 60_000): Promise<void> {
    await this.opened;
    const deadline = Date.now() + timeoutMs;
    while (!this.synced) {
      if (Date.now() > deadline) throw new Error(`${this.options.documentName}: not synced`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Closes the socket and forgets the document. */
  close(): void {
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.socket.close();
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_SERVER) return;
    this.send(encodeSyncFrame(this.address, SYNC_STEP.update, update));
  };

  private readonly onAwareness = (
    { added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
    origin: unknown,
  ): void => {
    if (origin === FROM_SERVER) return;
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.send(encodeAwarenessFrame(this.address, update));
  };

  private send(frame: Uint8Array<ArrayBuffer>): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(frame);
  }

  private receive(data: Uint8Array): void {
    const message = readServerMessage(data, this.address !== null);
    if (message.kind === 'sync') {
      // Our answer to the server's SyncStep1: a SyncStep2 with what it lacks.
      const answer = answerSyncMessage(this.address, message, this.doc, FROM_SERVER);
      if (message.step === SYNC_STEP.step2) this.synced = true;
      if (answer) this.send(answer);
    } else if (message.kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_SERVER);
    }
    // Auth answers, sync statuses and the rest need no reply from a benchmark client.
  }
}
