/**
 * A Yjs client for the sync benchmarks that speaks either server's framing over Node's
 * WebSocket: Hocuspocus's (every message starts with the document name; a token first) for
 * the app's server, and y-websocket's (the document in the URL's path) for the reference
 * server. The Yjs sync and awareness protocols (y-protocols) are the same for both, and so is
 * everything else this client does, so the two servers are compared on equal clients.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

/** Which server a client talks to. */
export type SyncProtocol = 'hocuspocus' | 'y-websocket';

const TYPE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4 };
const AUTH_TOKEN = 0;
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

  constructor(options: SyncClientOptions) {
    this.options = options;
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
      if (options.protocol === 'hocuspocus') {
        this.send(TYPE.auth, (encoder) => {
          encoding.writeVarUint(encoder, AUTH_TOKEN);
          encoding.writeVarString(encoder, options.token ?? '');
        });
      }
      this.send(TYPE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
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
    this.send(TYPE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
  };

  private readonly onAwareness = (
    { added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
    origin: unknown,
  ): void => {
    if (origin === FROM_SERVER) return;
    const changed = [...added, ...updated, ...removed];
    this.send(TYPE.awareness, (encoder) =>
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      ),
    );
  };

  private send(type: number, writeBody: (encoder: encoding.Encoder) => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.options.protocol === 'hocuspocus') {
      encoding.writeVarString(encoder, this.options.documentName);
    }
    encoding.writeVarUint(encoder, type);
    writeBody(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    if (this.options.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === TYPE.sync || type === TYPE.syncReply) {
      const reply = encoding.createEncoder();
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
      // Our answer to the server's SyncStep1: a SyncStep2 with what it lacks.
      if (encoding.length(reply) > 0) {
        this.send(TYPE.sync, (encoder) =>
          encoding.writeUint8Array(encoder, encoding.toUint8Array(reply)),
        );
      }
    } else if (type === TYPE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        FROM_SERVER,
      );
    }
    // Auth answers, sync statuses and the rest need no reply from a benchmark client.
  }
}
