import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@hocuspocus/server';
import {
  MESSAGE_TYPE,
  MalformedMessageError,
  SYNC_STEP,
  UnreadableAwarenessError,
  answerSyncMessage,
  encodeAuthTokenFrame,
  encodeAwarenessFrame,
  encodeAwarenessUpdate,
  encodeQueryAwarenessFrame,
  encodeSyncFrame,
  readAwarenessMessage,
  readClientMessage,
  readServerMessage,
} from './messageFrames.ts';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const address = (e: encoding.Encoder) => encoding.writeVarString(e, 'motie\0sessie-1');

// The frames below are written by hand with lib0, from the protocol, so that the codec is
// checked against the protocol rather than against itself.

describe('the message numbers', () => {
  it("are Hocuspocus's and y-protocols' own, so an upgrade that renumbers fails here", () => {
    expect(MESSAGE_TYPE).toEqual({
      sync: MessageType.Sync,
      awareness: MessageType.Awareness,
      auth: MessageType.Auth,
      queryAwareness: MessageType.QueryAwareness,
      syncReply: MessageType.SyncReply,
      stateless: MessageType.Stateless,
      broadcastStateless: MessageType.BroadcastStateless,
      close: MessageType.CLOSE,
      syncStatus: MessageType.SyncStatus,
    });
    expect(SYNC_STEP).toEqual({
      step1: syncProtocol.messageYjsSyncStep1,
      step2: syncProtocol.messageYjsSyncStep2,
      update: syncProtocol.messageYjsUpdate,
    });
  });
});

describe('the writers', () => {
  it('write the frames a Yjs client sends, in either framing', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hallo');
    const stateVector = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(encodeSyncFrame('motie\0sessie-1', SYNC_STEP.step1, stateVector)).toEqual(
      frame((e) => (address(e), encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc))),
    );
    expect(encodeSyncFrame(null, SYNC_STEP.update, update)).toEqual(
      frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))),
    );
    expect(encodeAuthTokenFrame('motie\0sessie-1', 'geheim')).toEqual(
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 2),
          encoding.writeVarUint(e, 0),
          encoding.writeVarString(e, 'geheim')
        ),
      ),
    );
    expect(encodeQueryAwarenessFrame('motie\0sessie-1')).toEqual(
      frame((e) => (address(e), encoding.writeVarUint(e, 3))),
    );
    expect(encodeAwarenessFrame(null, new Uint8Array([0]))).toEqual(
      frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, Uint8Array.of(0)))),
    );
  });

  it('write an awareness update that y-protocols applies', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const update = encodeAwarenessUpdate([
      { clientId: 7, clock: 3, json: JSON.stringify({ user: { name: 'Adviseur' } }) },
    ]);
    awarenessProtocol.applyAwarenessUpdate(awareness, update, 'test');
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Adviseur' } });
    expect(awareness.meta.get(7)?.clock).toBe(3);
    awareness.destroy();
  });
});

describe('readServerMessage', () => {
  it('reads what Hocuspocus answers a client', () => {
    const authenticated = frame(
      (e) => (
        address(e),
        encoding.writeVarUint(e, 2),
        encoding.writeVarUint(e, 2),
        encoding.writeVarString(e, 'readonly')
      ),
    );
    expect(readServerMessage(authenticated)).toEqual({ kind: 'authenticated', scope: 'readonly' });
    const denied = frame(
      (e) => (
        address(e),
        encoding.writeVarUint(e, 2),
        encoding.writeVarUint(e, 1),
        encoding.writeVarString(e, 'nee')
      ),
    );
    expect(readServerMessage(denied)).toEqual({ kind: 'permissionDenied', reason: 'nee' });
    const status = frame(
      (e) => (address(e), encoding.writeVarUint(e, 8), encoding.writeVarInt(e, 1)),
    );
    expect(readServerMessage(status)).toEqual({ kind: 'syncStatus', applied: true });
    const close = frame(
      (e) => (address(e), encoding.writeVarUint(e, 7), encoding.writeVarString(e, 'weg')),
    );
    expect(readServerMessage(close)).toEqual({ kind: 'close', reason: 'weg' });
    expect(readServerMessage(frame((e) => (address(e), encoding.writeVarUint(e, 3))))).toEqual({
      kind: 'queryAwareness',
    });
    expect(readServerMessage(frame((e) => (address(e), encoding.writeVarUint(e, 9))))).toEqual({
      kind: 'other',
      type: 9,
    });
    // y-websocket's framing: no address.
    expect(
      readServerMessage(
        frame(
          (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, Uint8Array.of(0))),
        ),
        false,
      ),
    ).toEqual({ kind: 'awareness', update: Uint8Array.of(0) });
  });

  it('answers a SyncStep1 with what the server lacks and applies the rest', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'offline');
    const step1 = readServerMessage(
      frame(
        (e) => (address(e), encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, server)),
      ),
    );
    if (step1.kind !== 'sync') throw new Error(`not a sync message: ${step1.kind}`);
    const answer = answerSyncMessage('motie\0sessie-1', step1, client, 'server');
    const reply = readClientMessage(answer!);
    expect(reply.message).toMatchObject({ kind: 'sync', step: 'step2' });
    if (reply.message.kind === 'sync' && reply.message.step !== 'step1') {
      Y.applyUpdate(server, reply.message.update);
    }
    expect(server.getText('t').toString()).toBe('offline');

    server.getText('t').insert(0, 'online ');
    const update = readServerMessage(
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 4),
          syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(server))
        ),
      ),
    );
    if (update.kind !== 'sync') throw new Error(`not a sync message: ${update.kind}`);
    expect(answerSyncMessage('motie\0sessie-1', update, client, 'server')).toBeNull();
    expect(client.getText('t').toString()).toBe('online offline');
  });
});

describe('readAwarenessMessage', () => {
  it('reads the clocks and sizes of the presence a message sets, no JSON', () => {
    const update = frame((a) => {
      encoding.writeVarUint(a, 3);
      for (const [clientId, clock, state] of [
        [5, 2, '{"a":1}'],
        [5, 4, 'geen json'],
        [6, 1, 'é'.repeat(10)],
      ] as const) {
        encoding.writeVarUint(a, clientId);
        encoding.writeVarUint(a, clock);
        encoding.writeVarString(a, state);
      }
    });
    const message = frame(
      (e) => (address(e), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update)),
    );
    expect(readAwarenessMessage(message)).toEqual({
      updateBytes: update.length,
      // Ten é are twenty bytes of UTF-8.
      largestStateBytes: 20,
      clocks: new Map([
        [5, 4],
        [6, 1],
      ]),
    });
    expect(
      readAwarenessMessage(frame((e) => (address(e), encoding.writeVarUint(e, 3)))),
    ).toBeNull();
    expect(() => readAwarenessMessage(message.subarray(0, message.length - 2))).toThrow(
      UnreadableAwarenessError,
    );
  });
});

describe('readClientMessage', () => {
  it('reads what providers send: sync steps, updates, presence, tokens, close', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hallo');
    const update = Y.encodeStateAsUpdate(doc);
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Adviseur' } });

    expect(
      readClientMessage(
        frame(
          (e) => (address(e), encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc)),
        ),
      ),
    ).toEqual({ address: 'motie\0sessie-1', message: { kind: 'sync', step: 'step1' } });
    const step2 = readClientMessage(
      frame((e) => (address(e), encoding.writeVarUint(e, 4), syncProtocol.writeSyncStep2(e, doc))),
    );
    expect(step2.message).toEqual({ kind: 'sync', step: 'step2', update: expect.any(Uint8Array) });
    const single = readClientMessage(
      frame((e) => (address(e), encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))),
    );
    expect(single.message).toEqual({ kind: 'sync', step: 'update', update });
    expect(
      readClientMessage(
        frame(
          (e) => (
            address(e),
            encoding.writeVarUint(e, 1),
            encoding.writeVarUint8Array(
              e,
              awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
            )
          ),
        ),
      ).message,
    ).toEqual({ kind: 'awareness' });
    expect(
      readClientMessage(
        frame(
          (e) => (
            address(e),
            encoding.writeVarUint(e, 2),
            encoding.writeVarUint(e, 0),
            encoding.writeVarString(e, 'token')
          ),
        ),
      ).message,
    ).toEqual({ kind: 'auth' });
    expect(
      readClientMessage(frame((e) => (address(e), encoding.writeVarUint(e, 3)))).message,
    ).toEqual({ kind: 'queryAwareness' });
    expect(
      readClientMessage(
        frame((e) => (address(e), encoding.writeVarUint(e, 5), encoding.writeVarString(e, '{}'))),
      ).message,
    ).toEqual({ kind: 'stateless' });
    expect(
      readClientMessage(frame((e) => (address(e), encoding.writeVarUint(e, 7)))).message,
    ).toEqual({ kind: 'close' });
    awareness.destroy();
  });

  it('refuses what does not follow the framing', () => {
    const bad = [
      new Uint8Array([]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      frame(address),
      frame((e) => (address(e), encoding.writeVarUint(e, 6), encoding.writeVarString(e, 'x'))),
      frame((e) => (address(e), encoding.writeVarUint(e, 8))),
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 3),
          encoding.writeVarUint8Array(e, new Uint8Array(1))
        ),
      ),
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 1),
          encoding.writeVarUint(e, 50)
        ),
      ),
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint8Array(e, new Uint8Array([5, 1]))
        ),
      ),
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 2),
          encoding.writeVarUint(e, 1),
          encoding.writeVarString(e, 'x')
        ),
      ),
      frame(
        (e) => (
          address(e),
          encoding.writeVarUint(e, 1),
          encoding.writeVarUint8Array(
            e,
            frame(
              (a) => (
                encoding.writeVarUint(a, 1),
                encoding.writeVarUint(a, 1),
                encoding.writeVarUint(a, 1),
                encoding.writeVarString(a, '{')
              ),
            ),
          )
        ),
      ),
    ];
    for (const bytes of bad) {
      expect(() => readClientMessage(bytes), String(bytes)).toThrow(MalformedMessageError);
    }
  });
});
