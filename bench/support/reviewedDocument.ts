/**
 * A generated document as it looks halfway through a review, for the typing benchmark: pending
 * proposals of several colleagues (insertions and deletions, made by the editor's own
 * suggestion mode) and comment threads with replies anchored in the text (made by the app's
 * comment store, on anchors as the editor makes them). Deterministic: the same items give the
 * same text, proposals and comments (only the Yjs session the anchors name is new each time).
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { initProseMirrorDoc } from 'y-prosemirror';
import { schema } from '../../shared/editor/schema.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import type { ChangeAuthor } from '../../shared/editor/suggestions/changeMarks.ts';
import { USER_COLOURS } from '../../shared/model/userColours.ts';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { createAnchor } from '../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';
import { addReply, addThread } from '../../shared/comments/commentStore.ts';

/** Who reviews: role words, as the tests name people. */
export const REVIEWERS: readonly ChangeAuthor[] = [
  { name: 'Jurist', colour: USER_COLOURS[0] },
  { name: 'Voorsteller Zwolle', colour: USER_COLOURS[1] },
  { name: 'Bewerker Joure', colour: USER_COLOURS[2] },
];

/** How much review a document gets. */
export interface ReviewSize {
  /** Pending proposals, every other one an insertion, the others deletions. */
  proposals: number;
  /** Comment threads; each has one to three replies. */
  threads: number;
}

/** A realistic amount for a 300-item document: a proposal per 15 items, a thread per 15. */
export function reviewSizeFor(items: number): ReviewSize {
  return {
    proposals: Math.max(1, Math.round(items / 15)),
    threads: Math.max(1, Math.round(items / 15)),
  };
}

const INSERTED = [
  ' en tijdig',
  ' na overleg met de regio',
  ' waar mogelijk',
  ' binnen de begroting',
];
const COMMENTS = [
  'Is dit in lijn met het besluit van de vorige ALV?',
  'Graag een bron bij dit bedrag.',
  'Kan dit korter?',
  'Dit overlapt met het punt hierboven.',
  'Wie voert dit uit, en wanneer?',
];
const REPLIES = [
  'Eens, ik pas het aan.',
  'Zie de toelichting, onderdeel 2.',
  'Dat staat al in het vorige punt.',
  'Graag bespreken in de commissie.',
];
const BASE_TIME = Date.UTC(2024, 10, 20, 9, 0, 0);

/** Where every item's text starts and its first text run, in document order. */
function itemTexts(doc: Node): { from: number; text: string }[] {
  const found: { from: number; text: string }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return true;
    const first = node.firstChild;
    if (first?.isText) found.push({ from: pos + 1, text: first.text! });
    return false;
  });
  return found;
}

/** The first word of at least four letters from `start` on, or null. */
function wordAt(text: string, start: number): { from: number; to: number } | null {
  const match = /\p{L}{4,}/u.exec(text.slice(start));
  return match ? { from: start + match.index, to: start + match.index + match[0].length } : null;
}

/** `doc` with `count` pending proposals, spread over its items. */
function addProposals(doc: Node, count: number): Node {
  let state = EditorState.create({ schema, doc });
  let id = 0;
  for (let p = 0; p < count; p++) {
    const items = itemTexts(state.doc);
    // Spread evenly, away from the first and last items.
    const target = items[Math.floor(((p + 0.5) / count) * items.length)]!;
    const author = REVIEWERS[p % REVIEWERS.length]!;
    const context = { author, now: BASE_TIME + p * 60_000, newId: () => `voorstel${(id += 1)}` };
    let tr;
    if (p % 2 === 0) {
      tr = state.tr.insertText(INSERTED[p % INSERTED.length]!, target.from + target.text.length);
    } else {
      const word = wordAt(target.text, Math.floor(target.text.length / 3));
      if (!word) continue;
      tr = state.tr.delete(target.from + word.from, target.from + word.to);
    }
    const proposed = suggestTransaction(state, tr, context);
    if (!proposed) throw new Error(`proposal ${p} was not made`);
    state = state.apply(proposed);
  }
  return state.doc;
}

/** Adds `count` threads with replies, each on a word of an item, to `ydoc`. */
function addThreads(ydoc: Y.Doc, count: number): void {
  const fragment = getDocumentFragment(ydoc);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const items = itemTexts(doc);
  for (let t = 0; t < count; t++) {
    // Offset from the proposals' items, so threads and proposals do not share every item.
    const target = items[Math.floor(((t + 0.25) / count) * items.length)]!;
    const word = wordAt(target.text, 0);
    if (!word) continue;
    const writer = REVIEWERS[t % REVIEWERS.length]!;
    const anchor = createAnchor(
      doc,
      fragment,
      mapping as YMapping,
      target.from + word.from,
      target.from + word.to,
      null,
    );
    const time = BASE_TIME + 3_600_000 + t * 600_000;
    const thread = addThread(
      ydoc,
      { name: writer.name, colour: writer.colour },
      COMMENTS[t % COMMENTS.length]!,
      anchor,
      time,
      `draad${t + 1}`,
    );
    for (let r = 0; r < 1 + (t % 3); r++) {
      const replier = REVIEWERS[(t + r + 1) % REVIEWERS.length]!;
      addReply(
        ydoc,
        thread,
        { name: replier.name, colour: replier.colour },
        REPLIES[(t + r) % REPLIES.length]!,
        time + (r + 1) * 120_000,
        `draad${t + 1}-antwoord${r + 1}`,
      );
    }
  }
}

/** The reviewed form of `doc` as a Y.Doc: its proposals in the text, its threads beside it. */
export function createReviewedYDoc(doc: Node, size: ReviewSize): Y.Doc {
  const ydoc = createYDoc(addProposals(doc, size.proposals));
  addThreads(ydoc, size.threads);
  return ydoc;
}
