/**
 * The one definition of a valid presence: what our client sets passes unchanged, unknown fields
 * go, and every malformed name, colour and cursor is refused, including the ones that make Yjs
 * throw or change a receiver's document when y-prosemirror's cursor plugin resolves them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import {
  MAX_PRESENCE_NAME_LENGTH,
  MAX_PRESENCE_STATE_BYTES,
  getPresenceStateBytes,
  readPresenceState,
} from './presenceState.ts';
import { DOCUMENT_FRAGMENT, createYDoc, getDocumentFragment } from '../ydoc/yDocument.ts';

const user = { name: 'Adviseur van Venray', color: '#1b6e3a' };

/** Relative positions as y-prosemirror makes them, as JSON: in a text, and in the root. */
function positions(ydoc: Y.Doc) {
  const fragment = getDocumentFragment(ydoc);
  let text: Y.XmlText | null = null;
  for (const node of fragment.createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText && node.length > 2) text = node;
  }
  const asJson = (position: Y.RelativePosition) => JSON.parse(JSON.stringify(position));
  return {
    inText: asJson(Y.createRelativePositionFromTypeIndex(text!, 2)),
    inRoot: asJson(Y.createRelativePositionFromTypeIndex(fragment, 1)),
    // y-prosemirror's position 0 of an empty type associates to the left.
    atStart: asJson(
      Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment(DOCUMENT_FRAGMENT), 0, -1),
    ),
    compact: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(fragment, 1)),
  };
}

const ydoc = createYDoc(buildDoc({ title: 'Titel', recitals: [['Eerste overweging.']] }));
const { inText, inRoot, atStart, compact } = positions(ydoc);

describe('readPresenceState', () => {
  it('takes what our client sets as it is', () => {
    const states = [
      {},
      { user },
      { user, cursor: null },
      { user, cursor: { anchor: inText, head: inText } },
      { user, cursor: { anchor: inRoot, head: atStart } },
    ];
    for (const state of states) expect(readPresenceState(state)).toEqual(state);
    // Yjs's compact JSON (only the fields that are set) reads as the full form.
    expect(readPresenceState({ cursor: { anchor: compact, head: compact } })).toEqual({
      cursor: { anchor: inRoot, head: inRoot },
    });
  });

  it('drops fields it does not know, at the top and in the user', () => {
    const json = `{"user":${JSON.stringify({ ...user, avatar: 'data:,' })},"cursor":null,"role":"editor","__proto__":{"user":"x"}}`;
    expect(readPresenceState(JSON.parse(json))).toEqual({ user, cursor: null });
  });

  it('refuses malformed names and colours', () => {
    const names = [
      '',
      '   ',
      'x'.repeat(MAX_PRESENCE_NAME_LENGTH + 1),
      'An\nna',
      'An\u0000na',
      'Adviseur\u202e',
      'Adviseur\u2066',
      42,
      null,
    ];
    for (const name of names)
      expect(readPresenceState({ user: { ...user, name } }), String(name)).toBeNull();
    expect(
      readPresenceState({ user: { ...user, name: 'é'.repeat(MAX_PRESENCE_NAME_LENGTH) } }),
    ).not.toBeNull();
    const colours = ['red', '#1B6E3A', '#1b6e3', '#1b6e3a0', 'url(javascript:x)', '', 1];
    for (const color of colours)
      expect(readPresenceState({ user: { ...user, color } }), String(color)).toBeNull();
    for (const value of [{ name: 'Adviseur' }, 'Adviseur', [], null]) {
      expect(readPresenceState({ user: value })).toBeNull();
    }
  });

  it('refuses malformed cursors', () => {
    const cursors: unknown[] = [
      {},
      [],
      'x',
      { anchor: inText },
      { anchor: inText, head: null },
      { anchor: {}, head: inText },
      { anchor: { ...inText, tname: DOCUMENT_FRAGMENT }, head: inText },
      { anchor: { ...inText, type: null, tname: 'indringer' }, head: inText },
      { anchor: { ...inText, type: { client: 1 } }, head: inText },
      { anchor: { ...inText, item: { client: -1, clock: 0 } }, head: inText },
      { anchor: { ...inText, item: { client: 2 ** 32, clock: 0 } }, head: inText },
      { anchor: { ...inText, item: { client: 1, clock: -1 } }, head: inText },
      { anchor: { ...inText, item: { client: 1, clock: 0.5 } }, head: inText },
      { anchor: { ...inText, item: { client: '1', clock: 0 } }, head: inText },
      { anchor: { ...inText, item: { client: 1, clock: 2 ** 53 } }, head: inText },
      { anchor: { ...inText, assoc: 0.5 }, head: inText },
      { anchor: { ...inText, assoc: '-1' }, head: inText },
    ];
    for (const cursor of cursors) {
      expect(readPresenceState({ user, cursor }), JSON.stringify(cursor)).toBeNull();
    }
  });

  it('refuses exactly the cursors that would throw in Yjs or change the receiving document', () => {
    const receiver = createYDoc(buildDoc({ title: 'Ontvanger' }));
    const resolve = (json: unknown) =>
      Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(json),
        receiver,
      );
    // Without the check: neither a parent nor a root name throws ...
    expect(() => resolve({})).toThrow();
    // ... and a root name the document does not have adds that root to it.
    resolve({ tname: 'indringer' });
    expect(receiver.share.has('indringer')).toBe(true);
    // What passes resolves (to a place, or to nothing for an id the receiver does not know).
    for (const position of [
      inText,
      inRoot,
      atStart,
      { ...inText, item: { client: 7, clock: 99 } },
    ]) {
      expect(readPresenceState({ cursor: { anchor: position, head: position } })).not.toBeNull();
      expect(() => resolve(position)).not.toThrow();
    }
  });

  it('refuses what is no object', () => {
    for (const value of [null, undefined, 42, 'Adviseur', [], [user], true]) {
      expect(readPresenceState(value)).toBeNull();
    }
  });

  it('counts a state in UTF-8 bytes, the unit of its limit', () => {
    expect(getPresenceStateBytes('{"a":"é"}')).toBe(10);
    const ours = { user: { ...user, name: '😀'.repeat(MAX_PRESENCE_NAME_LENGTH / 2) } };
    const largest = {
      ...ours,
      cursor: {
        anchor: {
          type: null,
          tname: DOCUMENT_FRAGMENT,
          item: { client: 2 ** 32 - 1, clock: 2 ** 53 - 1 },
          assoc: -1,
        },
        head: {
          type: { client: 2 ** 32 - 1, clock: 2 ** 53 - 1 },
          tname: null,
          item: { client: 2 ** 32 - 1, clock: 2 ** 53 - 1 },
          assoc: -1,
        },
      },
    };
    expect(readPresenceState(largest)).toEqual(largest);
    expect(getPresenceStateBytes(JSON.stringify(largest))).toBeLessThan(MAX_PRESENCE_STATE_BYTES);
  });
});
