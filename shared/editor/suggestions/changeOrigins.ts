/**
 * Whether a proposal's mark lies on text the proposal made. Change marks travel through Yjs as
 * formatting, and Yjs formatting is a run of characters between two markers: when concurrent
 * edits remove the marker that ended a proposal, its mark runs on over the text after it (a
 * colleague's accepted text, the starting text). Rejecting that proposal would then remove
 * text it never held.
 *
 * So a deletion says which text it was made on (deletionTexts.ts), and an insertion which
 * editing session wrote it (`session`, the Yjs client id): the collaboration layer, which knows
 * who wrote each character (renderer/editor/merges/), tells per character whether a proposal's
 * mark lies on text that session wrote. Decisions and the taking back of one's own proposal
 * remove only text a mark applies to; elsewhere they take the mark off. Pure ProseMirror: the
 * collaboration layer provides its part through a plugin state; without it (print, a document
 * outside Yjs) insertions count where they lie.
 */
import type { Mark, Node } from 'prosemirror-model';
import { PluginKey } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { findDeletionTexts } from './deletionTexts.ts';
import type { DeletionAttrs } from './changeMarks.ts';

/** Whether `mark`, found on the character at `pos`, was made on that character. */
export type MarkApplies = (mark: Mark, pos: number) => boolean;

/** What the collaboration layer tells about the proposals in a document. */
export interface ChangeOrigins {
  /** The editing session this replica writes as, for the insertions it makes. */
  readonly session: number;
  /** Where the session's writing stands now (the Yjs clock of what it writes next). */
  readonly clock: number;
  /** The check for the characters of `doc` (the document as the replica holds it now). */
  check(doc: Node): MarkApplies;
  /**
   * Where the latest proposal of this session started (its `since`), or null when it has
   * none: of all the editor has seen, also one whose every mark a merge took away. Only the
   * latest may go on: text the session writes belongs to its latest proposal.
   */
  readonly latestStart: number | null;
}

/** The plugin state through which the collaboration layer provides ChangeOrigins. */
export const changeOriginsKey = new PluginKey<ChangeOrigins>('changeOrigins');

/** The ChangeOrigins of `state`, or null outside a Yjs document. */
export function getChangeOrigins(state: EditorState): ChangeOrigins | null {
  return changeOriginsKey.getState(state) ?? null;
}

/**
 * Whether change marks apply where they lie in `doc`: insertions, in a Yjs document, by the
 * session that wrote them; deletions by the proposal they were made on (`covers`, against the
 * insertion that applies there: where an insertion's mark ran on over other text, the text
 * counts as plain, and a deletion made on it while it looked like that proposal's counts as
 * made on it) and by the text they were made on (deletionTexts.ts).
 */
export function checkChanges(doc: Node, origins: ChangeOrigins | null): MarkApplies {
  let written: MarkApplies | undefined;
  const inserted = (mark: Mark, pos: number) =>
    !origins || (written ??= origins.check(doc))(mark, pos);
  const madeOn = (deletion: Mark, pos: number) => {
    const insertion = doc.nodeAt(pos)?.marks.find((mark) => mark.type.name === 'insertion');
    const covers = (deletion.attrs as DeletionAttrs).covers;
    if (!insertion) return covers === null;
    if (covers === insertion.attrs.id) return true;
    return covers === null && !inserted(insertion, pos);
  };
  let texts: Set<number> | undefined;
  return (mark, pos) => {
    if (mark.type.name === 'deletion') return (texts ??= findDeletionTexts(doc, madeOn)).has(pos);
    return mark.type.name !== 'insertion' || inserted(mark, pos);
  };
}

/** A run of characters from `from` to `to` on which a mark applies or not. */
export interface MarkPart {
  from: number;
  to: number;
  applies: boolean;
}

/**
 * The text from `from` to `to` (one text node carrying `mark`) cut into runs where `mark`
 * applies and where it does not.
 */
export function partsOf(mark: Mark, from: number, to: number, applies: MarkApplies): MarkPart[] {
  const parts: MarkPart[] = [];
  for (let pos = from; pos < to; pos += 1) {
    const here = applies(mark, pos);
    const last = parts[parts.length - 1];
    if (last && last.applies === here) last.to = pos + 1;
    else parts.push({ from: pos, to: pos + 1, applies: here });
  }
  return parts;
}
