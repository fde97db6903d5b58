/**
 * Yjs updates that the protocol allows but our own client never sends, built by hand for the
 * sync server's tests: changes that build on someone else's *future* changes (so they stay
 * pending until that person types), deletions of content that does not exist yet, attributes the
 * schema does not know, changes written under someone else's client id, and huge but valid text.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { getDocumentFragment } from '../../../shared/ydoc/yDocument.ts';

/**
 * A copy of `state` as a Y.Doc that writes under `clientID`. Set after the state is in: Yjs
 * gives a document a new id when a remote update holds structs of its own, and an attacker
 * writing under someone else's id does not want that.
 */
function replicaOf(state: Uint8Array, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  doc.clientID = clientID;
  return doc;
}

/** The first item's text of a replica (the first recital), created when it has none. */
export function firstItemText(doc: Y.Doc): Y.XmlText {
  const recitals = getDocumentFragment(doc).get(2) as Y.XmlElement;
  const item = (recitals.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  const first = item.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  item.insert(0, [text]);
  return text;
}

/** What a replica of `state` writes with `change`, as one update. */
export function updateOf(
  state: Uint8Array,
  clientID: number,
  change: (doc: Y.Doc) => void,
): Uint8Array {
  const doc = replicaOf(state, clientID);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/**
 * An attacker's update that builds on the victim's next `ahead` characters, which do not exist
 * yet: a link to `javascript:` right after the victim's future character. It stays pending
 * wherever it is applied until the victim has typed `ahead` characters (anywhere), and then
 * lands in the victim's text.
 */
export function pendingOnFutureText(
  state: Uint8Array,
  attacker: number,
  victim: number,
  ahead = 4,
): Uint8Array {
  // The victim's future as the attacker imagines it: any text, only its ids matter.
  const future = replicaOf(state, victim);
  firstItemText(future).insert(0, 'x'.repeat(ahead));
  const futureState = Y.encodeStateAsUpdate(future);
  future.destroy();
  const doc = replicaOf(futureState, attacker);
  const before = Y.encodeStateVector(doc);
  firstItemText(doc).insert(ahead, 'klik', { link: { href: 'javascript:alert(1)' } });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/**
 * A deletion of the victim's next `count` characters, which do not exist yet: Yjs keeps it
 * pending, and deletes whatever the victim types under those ids the moment it arrives.
 */
export function pendingDeletionOfFutureText(
  state: Uint8Array,
  victim: number,
  count = 20,
): Uint8Array {
  const doc = replicaOf(state, 0);
  const clock = Y.getState(doc.store, victim);
  doc.destroy();
  return encodeDeleteOnly(victim, clock, count);
}

/** An update of no structs and one deletion range: `count` clocks of `client` from `clock`. */
export function encodeDeleteOnly(client: number, clock: number, count: number): Uint8Array {
  // Yjs's update format (v1), written with lib0 as Yjs writes it.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // no clients with structs
  encoding.writeVarUint(encoder, 1); // delete set: one client
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1); // one range
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** An update that sets `key` on the element at `path` (child indexes from the fragment). */
export function attributeUpdate(
  state: Uint8Array,
  clientID: number,
  path: number[],
  key: string,
  value: string,
): Uint8Array {
  return updateOf(state, clientID, (doc) => {
    let element: Y.XmlElement | Y.XmlFragment = getDocumentFragment(doc);
    for (const index of path) element = element.get(index) as Y.XmlElement;
    (element as Y.XmlElement).setAttribute(key, value);
  });
}

/** Valid text of `bytes` bytes typed into the first item. */
export function hugeTextUpdate(state: Uint8Array, clientID: number, bytes: number): Uint8Array {
  const words = 'gemeenten rijk middelen jeugdzorg woningbouw ';
  const text = words.repeat(Math.ceil(bytes / words.length)).slice(0, bytes);
  return updateOf(state, clientID, (doc) => firstItemText(doc).insert(0, text));
}
