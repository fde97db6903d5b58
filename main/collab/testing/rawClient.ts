/**
 * A client that is not ours: Node's WebSocket speaking the standard Yjs sync and awareness
 * protocols (y-protocols, lib0) in Hocuspocus's framing, written from the protocol alone. It
 * proves that any Yjs client can join, and sends what our provider never would (garbage,
 * invalid updates) to test how the server refuses it.
 *
 * Framing of every message: varString document name, varUint message type, then the body.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

const TYPE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, close: 7 };
const SYNC_STATUS = 8;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 };
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
  private readonly name: string;

  constructor(url: string, documentName: string, token: string, options: RawClientOptions = {}) {
    this.name = documentName;
    if (options.state) Y.applyUpdate(this.doc, options.state, FROM_SERVER);
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.addEventListener('open', () => {
      this.send(TYPE.auth, (encoder) => {
        encoding.writeVarUint(encoder, AUTH.token);
        encoding.writeVarString(encoder, token);
      });
      this.send(TYPE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
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
      this.send(TYPE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === FROM_SERVER) return;
        const changed = [...added!, ...updated!, ...removed!];
        this.send(TYPE.awareness, (encoder) =>
          encoding.writeVarUint8Array(
            encoder,
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
          ),
        );
      },
    );
  }

  /** Sends a message of `type` whose body `writeBody` writes. */
  send(type: number, writeBody: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.name);
    encoding.writeVarUint(encoder, type);
    writeBody(encoder);
    this.sendRaw(encoding.toUint8Array(encoder));
  }

  /** Sends bytes as they are. */
  sendRaw(bytes: Uint8Array<ArrayBuffer>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes);
  }

  /** Sends a Yjs update as a sync message, whatever it holds. */
  sendUpdate(update: Uint8Array): void {
    this.send(TYPE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
  }

  close(): void {
    this.awareness.destroy();
    this.socket.close();
    this.doc.destroy();
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case TYPE.auth: {
        const kind = decoding.readVarUint(decoder);
        if (kind === AUTH.authenticated) this.scope = decoding.readVarString(decoder);
        if (kind === AUTH.permissionDenied) this.refusal = decoding.readVarString(decoder);
        return;
      }
      case TYPE.sync:
      case TYPE.syncReply: {
        const reply = encoding.createEncoder();
        const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
        if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
        // Our answer to the server's SyncStep1 is a SyncStep2 with what it lacks.
        if (encoding.length(reply) > 0) {
          this.send(TYPE.sync, (encoder) =>
            encoding.writeUint8Array(encoder, encoding.toUint8Array(reply)),
          );
        }
        return;
      }
      case TYPE.awareness:
        awarenessProtocol.applyAwarenessUpdate(
          this.awareness,
          decoding.readVarUint8Array(decoder),
          FROM_SERVER,
        );
        return;
      case TYPE.queryAwareness:
        this.send(TYPE.awareness, (encoder) =>
          encoding.writeVarUint8Array(
            encoder,
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
              ...this.awareness.getStates().keys(),
            ]),
          ),
        );
        return;
      case SYNC_STATUS:
        this.syncStatuses.push(decoding.readVarInt(decoder) === 1);
        return;
      case TYPE.close:
        this.closeMessage = decoding.readVarString(decoder);
        return;
      default:
        return;
    }
  }
}
