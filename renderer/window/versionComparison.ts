/**
 * What Versies compares and restores, as queries on the open document: a version compared with
 * another or with the current text ({@link CURRENT}), and a version restored as a proposal, so
 * the history in between stays. The window's controller puts the results on screen and in the
 * editor.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { readVersions } from '../../shared/ydoc/versions.ts';
import type { VersionInfo } from '../../shared/ydoc/versions.ts';
import { replaceDocument } from '../../shared/editor/commands/replaceDocument.ts';
import { compareDocuments } from '../../shared/editor/suggestions/compareDocuments.ts';
import { KEEP_AS_IS } from '../../shared/editor/suggestions/suggestChanges.ts';
import type { DocumentYDoc } from '../documents/OpenDocument.ts';
import type { Comparison } from './windowDialogs.ts';

/** The current text, as a choice beside the versions in Versies. */
export const CURRENT = 'huidig';

/** The two sides of a comparison: what the older side had (grey), what the newer added (blue). */
const COMPARE_COLOURS = { older: '#5b6775', newer: '#3d4fb8' } as const;

/** Who restores a version: the proposal is theirs. */
export interface VersionAuthor {
  name: string;
  colour: string;
}

/** The document of version `id` of `ydoc`, or null when there is none. */
export function findVersionDoc(ydoc: DocumentYDoc, id: string): Node | null {
  return readVersions(ydoc).find((version) => version.id === id)?.doc ?? null;
}

/**
 * `from` compared with `to` (version ids, or CURRENT for `current`, the editor's text), with
 * the sides named as Versies lists them; null when either is missing.
 */
export function getComparison(
  ydoc: DocumentYDoc,
  versions: VersionInfo[],
  current: Node | null,
  from: string,
  to: string,
): Comparison | null {
  const read = (id: string) => (id === CURRENT ? current : findVersionDoc(ydoc, id));
  const label = (id: string) =>
    id === CURRENT ? 'Huidige tekst' : (versions.find((v) => v.id === id)?.name ?? id);
  const older = read(from);
  const newer = read(to);
  if (!older || !newer) return null;
  const labels = {
    older: { name: label(from), colour: COMPARE_COLOURS.older },
    newer: { name: label(to), colour: COMPARE_COLOURS.newer },
  };
  return {
    doc: compareDocuments(older, newer, labels),
    from: labels.older.name,
    to: labels.newer.name,
  };
}

/**
 * The transaction that restores `old` in `state` as a proposal of `author`: what it removes
 * struck through, what it brings back underlined, to accept or reject like any change.
 */
export function restoreAsProposal(
  state: EditorState,
  old: Node,
  author: VersionAuthor,
): Transaction {
  const proposal = compareDocuments(state.doc, old, { older: author, newer: author });
  return replaceDocument(state.tr, proposal).setMeta(KEEP_AS_IS, true);
}
