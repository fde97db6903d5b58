/**
 * One participant's socket, between the WebSocket and Hocuspocus. Every message the socket
 * brings passes here, in order, before Hocuspocus sees it:
 *
 * 1. it must follow the framing (messageFrames.ts), else the socket is closed (4400);
 * 2. it counts against the connection's message and byte buckets (messageRate.ts), else 4429;
 * 3. until the document connection is established (the token checked, the document loaded),
 *    only the sign-in itself goes on to Hocuspocus; everything else waits here, within a byte
 *    limit, and goes through the steps below once it is established (or is dropped);
 * 4. an editor's update goes through its document's gate (documentGate.ts), which checks and
 *    applies it or holds it; a reader's update is only decoded (Hocuspocus never applies it);
 * 5. what passed is handed to Hocuspocus, marked as passed (so MessageGuard can tell that
 *    nothing reached Hocuspocus's own handling any other way).
 *
 * A refusal closes the socket: the participant's document connections hear the reason first,
 * as Hocuspocus's close message, and the WebSocket closes with the code a moment later.
 */
import * as Y from 'yjs';
import type { Connection, Document, Hocuspocus } from '@hocuspocus/server';
import { MalformedMessageError, readClientMessage } from './messageFrames.ts';
import type { ClientMessage } from './messageFrames.ts';
import { MessageRate } from './messageRate.ts';
import type { MessageRateLimits } from './messageRate.ts';
import { getDocumentGate } from './documentGate.ts';
import type { GateLimits, GateWriter } from './documentGate.ts';
import { InvalidUpdateError } from '../../shared/session/updateValidation.ts';
import {
  CLOSE_CODES,
  INTERNAL_ERROR_REASON,
  MALFORMED_REASON,
  TOO_MANY_REASON,
} from '../../shared/session/refusals.ts';

/** What a socket gate needs to know. */
export interface SocketGateOptions {
  rate: MessageRateLimits;
  /** Bytes of messages that may wait for their document connection, per socket. */
  maxWaitingBytes: number;
  gate: GateLimits;
  /** Where refusals are reported. */
  log: (line: string) => void;
  /** The peer's address, for the log. */
  address: string;
}

/** The WebSocket as the gate uses it. */
export interface GateSocket {
  close(code?: number, reason?: string): void;
  readonly readyState: number;
}

// Frames the gates passed to Hocuspocus; MessageGuard refuses any other.
const passed = new WeakSet<Uint8Array>();

/** Whether a socket gate passed this frame on to Hocuspocus. */
export function isPassedFrame(frame: Uint8Array): boolean {
  return passed.has(frame);
}

const WEBSOCKET_CLOSED = 3;

/** Hocuspocus's side of a socket (its class is not exported). */
type ClientConnection = ReturnType<Hocuspocus['handleConnection']>;

/** What Hocuspocus's hooks carry as context for a gated socket. */
export interface GateContext {
  socketGate: SocketGate;
}

/** The gate of one socket. */
export class SocketGate {
  /** When the socket opened and when it last sent a message (for the idle check). */
  readonly openedAt = Date.now();
  lastMessageAt = Date.now();
  /** Whether a document connection has been established on this socket. */
  authenticated = false;
  private readonly socket: GateSocket;
  private readonly options: SocketGateOptions;
  private readonly rate: MessageRate;
  private client: ClientConnection | null = null;
  private readonly writers = new Map<string, Writer>();
  private readonly waiting = new Map<string, Uint8Array[]>();
  private waitingBytes = 0;
  private refused = false;
  private stopping = false;
  private readonly onAuthenticated: () => void;

  constructor(socket: GateSocket, options: SocketGateOptions, onAuthenticated: () => void) {
    this.socket = socket;
    this.options = options;
    this.rate = new MessageRate(options.rate);
    this.onAuthenticated = onAuthenticated;
  }

  /** Connects the gate to Hocuspocus's side of the socket. */
  attach(client: ClientConnection): void {
    this.client = client;
  }

  /**
   * A message from the socket. Nothing a message holds can throw out of here: what the gate
   * did not foresee refuses this participant (and is logged), never the server.
   */
  receive(data: Uint8Array): void {
    if (this.refused || this.stopping) return;
    this.lastMessageAt = Date.now();
    this.guarded(() => this.handle(data));
  }

  /** The server stops: messages from now on are not taken (the client keeps and resends them). */
  stop(): void {
    this.stopping = true;
  }

  /** Runs `handle`; whatever it throws refuses this participant, with the error in the log. */
  private guarded(handle: () => void): void {
    try {
      handle();
    } catch (error) {
      this.refuse(
        CLOSE_CODES.internalError,
        INTERNAL_ERROR_REASON,
        `interne fout: ${(error as Error).stack ?? error}`,
      );
    }
  }

  private handle(data: Uint8Array): void {
    let address: string;
    let message: ClientMessage;
    try {
      ({ address, message } = readClientMessage(data));
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error;
      return this.refuse(CLOSE_CODES.malformed, MALFORMED_REASON, error.message);
    }
    const request =
      message.kind === 'queryAwareness' || (message.kind === 'sync' && message.step === 'step1');
    const over = this.rate.take(data.length, request);
    if (over) {
      const detail = {
        messages: 'meer berichten',
        bytes: 'meer bytes',
        requests: 'meer verzoeken',
      }[over];
      return this.refuse(CLOSE_CODES.tooManyMessages, TOO_MANY_REASON, `${detail} dan toegestaan`);
    }
    const writer = this.findWriter(address);
    if (writer) return this.route(writer, message, data);
    if (message.kind === 'auth') return this.pass([data]);
    this.wait(address, data);
  }

  /** Hocuspocus established a document connection on this socket (the `connected` hook). */
  connected(connection: Connection): void {
    const writer = new Writer(this, connection);
    const key = connection.messageAddress;
    this.writers.set(key, writer);
    if (!this.authenticated) {
      this.authenticated = true;
      this.onAuthenticated();
    }
    const queued = [
      ...(this.waiting.get(key) ?? []),
      ...(key !== connection.document.name
        ? (this.waiting.get(connection.document.name) ?? [])
        : []),
    ];
    this.dropWaiting(key);
    this.dropWaiting(connection.document.name);
    for (const data of queued) {
      if (this.refused) return;
      // Read and counted when it arrived; now it goes where it was meant to.
      this.guarded(() => this.route(writer, readClientMessage(data).message, data));
    }
  }

  /** Hocuspocus removed a document connection of this socket (the `onDisconnect` hook). */
  disconnected(document: Document): void {
    for (const [key, writer] of this.writers) {
      if (writer.connection.document !== document) continue;
      this.writers.delete(key);
      getDocumentGate(document, this.options.gate).release(writer);
    }
  }

  /** Refuses the participant: logs why and closes the socket with `code` and `reason`. */
  refuse(code: number, reason: string, detail: string): void {
    if (this.refused) return;
    this.refused = true;
    this.waiting.clear();
    this.waitingBytes = 0;
    const connections = [...this.writers.values()].map((writer) => writer.connection);
    const names = connections.map((connection) => connection.document.name).join(', ');
    const who = connections[0]?.socketId ?? `van ${this.options.address}`;
    this.options.log(`${names || '(niet aangemeld)'}: verbinding ${who} gesloten: ${detail}`);
    for (const connection of connections) connection.close({ code, reason });
    // After the close messages went out.
    setImmediate(() => {
      if (this.socket.readyState !== WEBSOCKET_CLOSED) this.socket.close(code, reason);
    });
  }

  /** Hands frames to Hocuspocus, marked as passed. */
  pass(frames: Uint8Array[]): void {
    for (const frame of frames) {
      if (this.refused) return;
      passed.add(frame);
      this.client?.handleMessage(frame);
    }
  }

  private route(writer: Writer, message: ClientMessage, data: Uint8Array): void {
    if (message.kind !== 'sync' || message.step === 'step1') return this.pass([data]);
    const { connection } = writer;
    try {
      if (connection.readOnly) {
        // Hocuspocus never applies a reader's update; it only has to be one.
        checkDecodes(message.update);
        return this.pass([data]);
      }
      const gate = getDocumentGate(connection.document, this.options.gate);
      const started = performance.now();
      const frames = gate.submit(writer, message.update, data, message.step === 'step2');
      this.pass(frames);
      if (!this.rate.spend(performance.now() - started)) {
        this.refuse(
          CLOSE_CODES.tooManyMessages,
          TOO_MANY_REASON,
          'meer rekentijd voor het controleren dan toegestaan',
        );
      }
    } catch (error) {
      // Anything else goes up to `receive`, which refuses the participant.
      if (!(error instanceof InvalidUpdateError)) throw error;
      this.refuse(error.code, error.reason, error.message);
    }
  }

  private wait(address: string, data: Uint8Array): void {
    this.waitingBytes += data.length;
    if (this.waitingBytes > this.options.maxWaitingBytes) {
      return this.refuse(
        CLOSE_CODES.tooManyMessages,
        TOO_MANY_REASON,
        `meer dan ${this.options.maxWaitingBytes} bytes voor de aanmelding`,
      );
    }
    const queue = this.waiting.get(address) ?? [];
    queue.push(data);
    this.waiting.set(address, queue);
  }

  private dropWaiting(address: string): void {
    for (const data of this.waiting.get(address) ?? []) this.waitingBytes -= data.length;
    this.waiting.delete(address);
  }

  private findWriter(address: string): Writer | undefined {
    // Session-aware providers address `name\0session`, older clients the name alone.
    const separator = address.indexOf('\0');
    const key =
      this.writers.has(address) || separator === -1 ? address : address.slice(0, separator);
    const writer = this.writers.get(key);
    // Hocuspocus closed that document connection: its messages start over, as a new sign-in.
    if (writer && !writer.connection.document.hasConnection(writer.connection)) {
      this.writers.delete(key);
      getDocumentGate(writer.connection.document, this.options.gate).release(writer);
      return undefined;
    }
    return writer;
  }
}

/** A document connection of a socket, as its document's gate sees it. */
class Writer implements GateWriter {
  readonly connection: Connection;
  answeredSync = false;
  private readonly socket: SocketGate;

  constructor(socket: SocketGate, connection: Connection) {
    this.socket = socket;
    this.connection = connection;
  }

  forward(frames: Uint8Array[]): void {
    this.socket.pass(frames);
  }

  refuse(error: InvalidUpdateError): void {
    this.socket.refuse(error.code, error.reason, error.message);
  }
}

function checkDecodes(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
  }
}
