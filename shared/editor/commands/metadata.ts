/**
 * The document's metadata as one record, read from and written to where it lives: kind,
 * status, indiener and version label on the title node, assembly and date on the preamble.
 * The metadata panel and the command line use these; the preamble line follows them.
 */
import type { Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { DocumentKind, DocumentStatus } from '../../model/resolution.ts';
import { markStructural } from '../plugins/structureMeta.ts';

export interface DocumentMetadata {
  kind: DocumentKind;
  status: DocumentStatus;
  title: string;
  assembly: string;
  /** ISO yyyy-mm-dd, or null when not set. */
  date: string | null;
  submitter: string | null;
  versionLabel: string | null;
}

/** The metadata of a document. */
export function getMetadata(doc: Node): DocumentMetadata {
  const title = doc.firstChild!;
  const preamble = doc.child(1);
  return {
    kind: title.attrs.kind as DocumentKind,
    status: title.attrs.status as DocumentStatus,
    title: title.textContent,
    assembly: preamble.attrs.assembly as string,
    date: preamble.attrs.date as string | null,
    submitter: (title.attrs.submitter as string | null) ?? null,
    versionLabel: (title.attrs.versionLabel as string | null) ?? null,
  };
}

/**
 * Changes any of the attribute-held metadata (not the title text, which is edited in place).
 * Empty strings for indiener and version label mean "not set". Refuses invalid values.
 */
export function setMetadata(changes: Partial<Omit<DocumentMetadata, 'title'>>): Command {
  return (state, dispatch) => {
    const current = getMetadata(state.doc);
    const blankToNull = (v: string | null | undefined, fallback: string | null) =>
      v === undefined ? fallback : v === null || v.trim() === '' ? null : v.trim();
    const next = {
      kind: changes.kind ?? current.kind,
      status: changes.status ?? current.status,
      submitter: blankToNull(changes.submitter, current.submitter),
      versionLabel: blankToNull(changes.versionLabel, current.versionLabel),
      assembly: changes.assembly?.trim() || current.assembly,
      date: changes.date === undefined ? current.date : changes.date,
    };
    const titleChanged =
      next.kind !== current.kind ||
      next.status !== current.status ||
      next.submitter !== current.submitter ||
      next.versionLabel !== current.versionLabel;
    const preambleChanged = next.assembly !== current.assembly || next.date !== current.date;
    if (!titleChanged && !preambleChanged) return false;
    const tr = state.tr;
    try {
      if (titleChanged) {
        const { kind, status, submitter, versionLabel } = next;
        tr.setNodeMarkup(0, undefined, { kind, status, submitter, versionLabel });
      }
      if (preambleChanged) {
        const pos = state.doc.firstChild!.nodeSize;
        tr.setNodeMarkup(pos, undefined, { assembly: next.assembly, date: next.date });
      }
    } catch {
      // An attribute validator refused a value (unknown kind, a date that does not exist).
      return false;
    }
    if (dispatch) dispatch(markStructural(tr));
    return true;
  };
}
