/**
 * Text that went with an element a colleague deleted without having seen it. Yjs deletes
 * everything inside a deleted element, also what another replica wrote into it at the same
 * time: a colleague takes back their own new item or block (suggestion mode) while one types
 * in it or presses Enter in it, or joins an item into the one before while one types in it.
 *
 * The replica that wrote the lost text sees it happen: a remote transaction deletes an element
 * and, with it, text or items this replica wrote. The deleting replica recorded what it knew
 * the element held (recordWrite.ts, in the same update); what this replica wrote after that is
 * put back where the element was, in new elements of the same kind (an item holding the text
 * with its marks, proposed by the text's author when it was a proposal; in a block of the same
 * kind, when the block went). Only the author of the lost text writes this, once, so no two
 * replicas repair the same loss (docs/ARCHITECTURE.md, "Repairs"); text the colleague saw and
 * deleted with the element stays deleted.
 */
import * as Y from 'yjs';
import { Plugin } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { isInside, wasThere } from './findCopies.ts';
import type { Placed } from './findCopies.ts';
import { copyAttribute, findOriginal, readRecords } from './records.ts';
import type { CopyPiece, Piece } from './records.ts';

/** Origin of the transactions that put lost text back (undo leaves them alone). */
export const RESCUE = 'resolutie:rescue-lost-text';

/** Element attributes, as y-prosemirror writes them (ProseMirror attrs). */
type Attributes = Record<string, object | number | string | null>;
/** An element whose attributes are ProseMirror attrs. */
type Element = Y.XmlElement<Attributes>;
/** Text with its formatting, as a Yjs delta. */
type Delta = { insert: string; attributes: Attributes }[];

/** The attributes an element had before `transaction`. */
function attributesBefore(element: Y.XmlElement, transaction: Y.Transaction): Attributes {
  const out: Attributes = {};
  for (const [key, item] of element._map) {
    if (wasThere(item, transaction))
      out[key] = item.content.getContent().at(-1) as Attributes[string];
  }
  return out;
}

/** The child types an element had before `transaction`, in order. */
function childrenBefore(
  element: Y.XmlElement,
  transaction: Y.Transaction,
): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  for (let item = element._start; item; item = item.right) {
    if (!wasThere(item, transaction) || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type;
    if (type instanceof Y.XmlElement || type instanceof Y.XmlText) out.push(type);
  }
  return out;
}

/** What this replica wrote in a deleted element, kept until it is known whether to put it back. */
interface Written {
  name: string;
  attributes: Attributes;
  /** The element's clock when this replica made it, else null. */
  clock: number | null;
  children: (Written | { runs: Run[] })[];
}

/** A run of this replica's characters in a deleted text, with the originals they stand for. */
interface Run {
  insert: string;
  attributes: Attributes;
  clock: number;
  /** Per character, the original it is (or copies): a put-back copy is recorded as one. */
  originals: Piece[];
}

/** What `client` wrote in `element` as it was before `transaction` (null when nothing). */
function findWritten(
  element: Y.XmlElement,
  transaction: Y.Transaction,
  client: number,
): Written | null {
  const own = element._item!.id.client === client;
  const written: Written = {
    name: element.nodeName,
    attributes: attributesBefore(element, transaction),
    clock: own ? element._item!.id.clock : null,
    children: [],
  };
  for (const child of childrenBefore(element, transaction)) {
    if (child instanceof Y.XmlElement) {
      const inner = findWritten(child, transaction, client);
      if (inner) written.children.push(inner);
      continue;
    }
    const runs: Run[] = [];
    const copies = readRecords(child, true).copies;
    const current: Attributes = {};
    for (let item = child._start; item; item = item.right) {
      if (!wasThere(item, transaction)) continue;
      if (item.content instanceof Y.ContentFormat) {
        if (item.content.value === null) delete current[item.content.key];
        else current[item.content.key] = item.content.value as Attributes[string];
      } else if (item.content instanceof Y.ContentString && item.id.client === client) {
        const { str } = item.content;
        const originals = Array.from({ length: str.length }, (_, i) =>
          findOriginal(copies, client, item.id.clock + i),
        );
        runs.push({ insert: str, attributes: { ...current }, clock: item.id.clock, originals });
      }
    }
    if (runs.length > 0) written.children.push({ runs });
  }
  return own || written.children.length > 0 ? written : null;
}

/**
 * The item proposal of text with these marks: by the author of its pending insertion, if any
 * (accepted text is plain text).
 */
function proposalOf(delta: Delta): Attributes | null {
  for (const { attributes } of delta) {
    const insertion = Object.entries(attributes).find(
      ([key]) => key.split('--')[0] === 'insertion',
    )?.[1];
    if (insertion && typeof insertion === 'object') {
      const { accepted, id, name, colour, time } = insertion as Record<string, unknown>;
      if (accepted !== true) return { type: 'insert', id, name, colour, time } as Attributes;
    }
  }
  return null;
}

/** A put-back text, with the originals of its characters, to record it as their copy. */
interface Copied {
  text: Y.XmlText;
  originals: Piece[];
}

/**
 * New elements holding what `written` holds from clock `seen` on (what the deleting replica had
 * not seen), or null when nothing; the texts they hold go into `copied`.
 */
function rebuild(written: Written, seen: number, copied: Copied[]): Y.XmlElement | null {
  const wholly = written.clock !== null && written.clock >= seen;
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  const deltas: Delta = [];
  for (const child of written.children) {
    if ('runs' in child) {
      const runs = child.runs.filter((run) => run.clock >= seen);
      const delta = runs.map(({ insert, attributes }) => ({ insert, attributes }));
      if (delta.length === 0) continue;
      const text = new Y.XmlText();
      text.applyDelta(delta);
      children.push(text);
      deltas.push(...delta);
      copied.push({ text, originals: runs.flatMap((run) => run.originals) });
    } else {
      const inner = rebuild(child, seen, copied);
      if (inner) children.push(inner);
    }
  }
  if (children.length === 0 && !wholly) return null;
  const clone = new Y.XmlElement(written.name) as unknown as Element;
  const attributes = { ...written.attributes };
  // Someone else's item: only one's own text is back, in an item of one's own.
  if (written.name === 'item' && !wholly) attributes.change = proposalOf(deltas);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) clone.setAttribute(key, value);
  }
  const first = children[0];
  // A block starts with a numbered item.
  if (first instanceof Y.XmlElement && first.nodeName === 'item') {
    (first as unknown as Element).setAttribute('indent', 0);
  }
  clone.insert(0, children);
  return clone as unknown as Y.XmlElement;
}

/**
 * The elements `transaction` deleted together with things `client` had written in them, the
 * outermost of each (its parent stayed).
 */
function findLostContainers(
  transaction: Y.Transaction,
  fragment: Y.XmlFragment,
  client: number,
): Y.XmlElement[] {
  const found = new Set<Y.XmlElement>();
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.id.client !== client) return;
    if (struct.id.clock >= (transaction.beforeState.get(client) ?? 0)) return;
    let top: Y.XmlElement | null = null;
    for (
      let type = struct.parent as Placed | null;
      type && type !== (fragment as Placed);
      type = (type._item?.parent ?? null) as Placed | null
    ) {
      const item = type._item;
      if (!item || !Y.isDeleted(transaction.deleteSet, item.id)) break;
      if (type instanceof Y.XmlElement) top = type;
    }
    if (top && top.parent instanceof Y.XmlElement && isInside(top, fragment)) found.add(top);
  });
  return [...found];
}

/**
 * What the replica that deleted the element `id` in `parent` recorded it knew was in it; null
 * when that record has not come (yet).
 */
function findDeletion(parent: Y.XmlElement, id: Y.ID): Map<number, number> | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    const found = readRecords(child).deletions.find(
      (d) => d.client === id.client && d.clock === id.clock,
    );
    if (found) return found.known;
  }
  return null;
}

/** Records the characters of `text` (just inserted) as copies of `originals`, in order. */
function recordPutBack(text: Y.XmlText, originals: readonly Piece[]): void {
  const pieces: CopyPiece[] = [];
  let i = 0;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    for (let offset = 0; offset < item.length && i < originals.length; offset++, i++) {
      const { client, clock } = item.id;
      const source = originals[i]!;
      const last = pieces.at(-1);
      const runsOn =
        last?.client === client &&
        last.clock + last.length === clock + offset &&
        last.source === source.client &&
        last.sourceClock + last.length === source.clock;
      if (runsOn) last.length += 1;
      else {
        pieces.push({
          client,
          clock: clock + offset,
          source: source.client,
          sourceClock: source.clock,
          length: 1,
        });
      }
    }
  }
  if (pieces.length > 0) text.setAttribute(...copyAttribute(pieces));
}

/** Something this replica wrote that went with an element, until its deletion record comes. */
interface Lost {
  parent: Y.XmlElement;
  /** The deleted element's item: the place to put things back. */
  after: Y.Item;
  written: Written;
}

/**
 * Puts back what remote transactions on `ydoc` delete of this replica's writing without having
 * seen it (see above). The deleting replica's record comes in the same update, but may wait
 * there for other updates while the deletion already applies: what went is kept until then.
 * Returns the function that stops it.
 */
export function rescueLostText(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  /**
   * Whether this replica may only propose (a voorsteller): then nothing is put back. What comes
   * back is a new item (and text that may since have been accepted), which the server cannot
   * tell from an item the voorsteller made directly: it refuses it and would end their
   * connection (the role rules' fuzz found it). Their proposal goes with the item, as it does
   * for everyone who saw the deletion.
   */
  onlyProposals: () => boolean = () => false,
): () => void {
  const waiting: Lost[] = [];
  const rescued: { parent: Y.XmlElement; after: Y.Item; element: Y.XmlElement }[] = [];
  const copied: Copied[] = [];
  const check = (transaction: Y.Transaction) => {
    if (transaction.local || onlyProposals()) return;
    const client = ydoc.clientID;
    // What went, read now: Yjs drops the content of deleted items after this transaction.
    for (const top of findLostContainers(transaction, fragment, client)) {
      const written = findWritten(top, transaction, client);
      if (written) waiting.push({ parent: top.parent as Y.XmlElement, after: top._item!, written });
    }
    for (const lost of [...waiting]) {
      const known = findDeletion(lost.parent, lost.after.id);
      if (!known) continue;
      waiting.splice(waiting.indexOf(lost), 1);
      const element = rebuild(lost.written, known.get(client) ?? 0, copied);
      if (element) rescued.push({ parent: lost.parent, after: lost.after, element });
    }
  };
  // Put back once all transactions are done: a transaction opened while others still wait for
  // their cleanup would count in their state (Yjs then takes a remote one for a clash of ids).
  const putBack = () => {
    if (rescued.length === 0) return;
    const now = rescued.splice(0);
    const records = copied.splice(0);
    ydoc.transact(() => {
      for (const { parent, after, element } of now) {
        // Where the deleted element was: after the visible siblings before it.
        let index = 0;
        for (let item = parent._start; item && item !== after; item = item.right) {
          if (!item.deleted && item.countable) index += 1;
        }
        parent.insert(index, [element]);
      }
      // The text put back is a copy of the lost text: if someone else copied that text too,
      // both copies are found as doubled text (findDoubledText.ts).
      for (const { text, originals } of records) recordPutBack(text, originals);
    }, RESCUE);
  };
  ydoc.on('afterTransaction', check);
  ydoc.on('afterAllTransactions', putBack);
  return () => {
    ydoc.off('afterTransaction', check);
    ydoc.off('afterAllTransactions', putBack);
  };
}

/**
 * The editor's watch for text a colleague deleted unseen, while the editor lives; off for a
 * user who may only propose (`onlyProposals` of the editor's state).
 */
export function rescueLostTextPlugin(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  onlyProposals: (state: EditorState) => boolean = () => false,
): Plugin {
  return new Plugin({
    view: (view) => ({
      destroy: rescueLostText(ydoc, fragment, () => onlyProposals(view.state)),
    }),
  });
}
