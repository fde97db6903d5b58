/**
 * Which proposal each character belongs to, for the check that a proposal's mark lies on text
 * the proposal made (shared/editor/suggestions/changeOrigins.ts): a proposed insertion says
 * which session (Yjs client) wrote it and where in that session's writing it started (`since`,
 * a Yjs clock), and Yjs knows who wrote each character and when (blockWriters.ts).
 */
import * as Y from 'yjs';
import type { Fragment, Mark, Node } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { AddMarkStep, ReplaceStep } from 'prosemirror-transform';
import { changeOriginsKey } from '../../../shared/editor/suggestions/changeOrigins.ts';
import type {
  ChangeOrigins,
  MarkApplies,
} from '../../../shared/editor/suggestions/changeOrigins.ts';
import type { InsertionAttrs } from '../../../shared/editor/suggestions/changeMarks.ts';
import { textOf } from '../../../shared/editor/suggestions/deletionTexts.ts';
import type { Piece } from './records.ts';
import { readBlocks } from './blockWriters.ts';
import type { BlockOriginals } from './blockWriters.ts';

/** The character at each position of the text block `node` (an inline leaf as LEAF_TEXT). */
function charsOf(node: Node): string[] {
  const chars: string[] = [];
  node.forEach((child) => {
    for (let i = 0; i < child.nodeSize; i += 1) chars.push(textOf(child, i, i + 1));
  });
  return chars;
}

/** The insertion mark at each position of the text block `node`, or null. */
function insertionsOf(node: Node): (InsertionAttrs | null)[] {
  const out: (InsertionAttrs | null)[] = [];
  node.forEach((child) => {
    const mark = child.marks.find((m) => m.type.name === 'insertion');
    for (let i = 0; i < child.nodeSize; i += 1) out.push((mark?.attrs as InsertionAttrs) ?? null);
  });
  return out;
}

/** Per session, where each of its proposals started, in order. */
type Starts = Map<number, { since: number; id: string }[]>;

/** Adds `start` to the proposals of `session` in `starts`, in order, once. */
function addStart(starts: Starts, session: number, start: { since: number; id: string }): void {
  const list = starts.get(session) ?? [];
  starts.set(session, list);
  if (list.some((p) => p.since === start.since && p.id === start.id)) return;
  list.push(start);
  list.sort((a, b) => a.since - b.since);
}

/**
 * The check of insertions for `doc`, the document the editor holds for `fragment`: an
 * insertion applies to the characters its session wrote while it was that session's latest
 * proposal (for a mark without `since`, to any its session wrote). Where the proposals
 * started comes from `starts`: every insertion the editor has seen, in its first document and
 * in every transaction since (its own and its colleagues'), so also those whose every mark a
 * merge has since taken away. Every document the editor holds came through those, so `doc`'s
 * own marks are in it, and nothing needs reading the whole document per check.
 *
 * y-prosemirror writes a text as the difference of the old and new strings; our patch keeps
 * the characters with the formatting the editor shows (alignByFormatting), and where it cannot
 * tell (the same character and formatting either way), a character the proposal wrote just
 * outside it stands in for an equal one inside.
 */
export function checkChangeOrigins(
  fragment: Y.XmlFragment,
  doc: Node,
  starts: Starts,
): MarkApplies {
  const blockAt = readBlocks(fragment, doc);
  // Which proposal the character `written` belongs to, by the session that wrote it.
  const ownerOf = (written: Piece): string | null => {
    let owner: string | null = null;
    for (const start of starts.get(written.client) ?? []) {
      if (start.since <= written.clock) owner = start.id;
    }
    return owner;
  };
  const found = new Map<string, Set<number>>();
  return (mark: Mark, pos: number) => {
    const attrs = mark.attrs as InsertionAttrs;
    if (mark.type.name !== 'insertion' || attrs.session === null) return true;
    const block = blockAt(pos);
    if (!block.originals) return true;
    const key = `${block.start}:${attrs.id}`;
    let applies = found.get(key);
    if (!applies) {
      const belongs = (written: Piece) =>
        written.client === attrs.session && (attrs.since === null || ownerOf(written) === attrs.id);
      found.set(key, (applies = appliesIn(block, attrs, belongs)));
    }
    return applies.has(pos - block.start);
  };
}

/**
 * The positions (offsets in `block`) where the insertion `attrs` applies: those carrying it
 * whose character `belongs` to it, and where an equal character that belongs to it lies
 * outside it unmarked by its session (the same text, written the other way round), as many
 * of those as there are.
 */
function appliesIn(
  block: BlockOriginals,
  attrs: InsertionAttrs,
  belongs: (written: Piece) => boolean,
): Set<number> {
  const chars = charsOf(block.node);
  const inserted = insertionsOf(block.node);
  const originals = block.originals!;
  const applies = new Set<number>();
  const need = new Map<string, number[]>();
  const spare = new Map<string, number>();
  inserted.forEach((here, i) => {
    const char = chars[i]!;
    const own = belongs(originals[i]!);
    if (here?.id === attrs.id) {
      if (own) applies.add(i);
      else need.set(char, [...(need.get(char) ?? []), i]);
    } else if (own && here?.session !== attrs.session) {
      spare.set(char, (spare.get(char) ?? 0) + 1);
    }
  });
  for (const [char, positions] of need) {
    positions.slice(0, spare.get(char) ?? 0).forEach((i) => applies.add(i));
  }
  return applies;
}

/** The plugin that gives the editor bound to `fragment` of `ydoc` its ChangeOrigins. */
export function changeOriginsPlugin(ydoc: Y.Doc, fragment: Y.XmlFragment): Plugin<ChangeOrigins> {
  // Every proposal this editor has seen start, its own and its colleagues', by session: it
  // knows where each started even when a merge has since taken every mark of one away (a
  // proposal's mark running on over the next one of the same session; see checkChangeOrigins).
  const own: Starts = new Map();
  const origins: ChangeOrigins = {
    // Yjs may give the document a new client id (when another client has the same one).
    get session() {
      return ydoc.clientID;
    },
    get clock() {
      return Y.getState(ydoc.store, ydoc.clientID);
    },
    check: (doc) => checkChangeOrigins(fragment, doc, own),
    get latestStart() {
      return own.get(ydoc.clientID)?.at(-1)?.since ?? null;
    },
  };
  return new Plugin<ChangeOrigins>({
    key: changeOriginsKey,
    state: {
      init: (_config, state) => {
        noteFragment(state.doc.content, own);
        return origins;
      },
      apply: (tr, value) => {
        if (tr.docChanged) noteStarts(tr, own);
        return value;
      },
    },
  });
}

/** Adds the start of the insertion `mark` (if it is one, and says where) to `starts`. */
function noteMark(mark: Mark, starts: Starts): void {
  const attrs = mark.attrs as InsertionAttrs;
  if (mark.type.name !== 'insertion' || attrs.session === null || attrs.since === null) return;
  addStart(starts, attrs.session, { since: attrs.since, id: attrs.id });
}

/** Adds the starts of the insertions in `content` to `starts`. */
function noteFragment(content: Fragment, starts: Starts): void {
  content.descendants((node) => {
    node.marks.forEach((mark) => noteMark(mark, starts));
    return true;
  });
}

/**
 * Adds the starts of the insertions `tr` writes to `starts`: the editor's own, and a
 * colleague's (y-prosemirror writes a remote change as one replacement of the content).
 */
function noteStarts(tr: Transaction, starts: Starts): void {
  for (const step of tr.steps) {
    if (step instanceof AddMarkStep) noteMark(step.mark, starts);
    else if (step instanceof ReplaceStep) noteFragment(step.slice.content, starts);
  }
}
