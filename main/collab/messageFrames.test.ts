import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MalformedMessageError, readClientMessage } from './messageFrames.ts';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const address = (e: encoding.Encoder) => encoding.writeVarString(e, 'motie\0sessie-1');

describe('readClientMessage', () => {
  it('reads what providers send: sync steps, updates, presence, tokens, close', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hallo');
    const update = Y.encodeStateAsUpdate(doc);
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Anna' } });

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
