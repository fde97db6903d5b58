/**
 * Changes the document's metadata where it lives: kind, status, indiener and version label on
 * the title node, assembly and date on the preamble (the preamble line follows them). The
 * metadata panel calls it; `getMetadata` reads the same record back.
 */
import type { Command } from 'prosemirror-state';
import { markStructural } from '../plugins/structureMeta.ts';
import { getMetadata } from '../queries/getMetadata.ts';
import type { DocumentMetadata } from '../queries/getMetadata.ts';

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
        tr.setNodeMarkup(0, undefined, {
          ...state.doc.firstChild!.attrs,
          kind,
          status,
          submitter,
          versionLabel,
        });
      }
      if (preambleChanged) {
        const pos = state.doc.firstChild!.nodeSize;
        tr.setNodeMarkup(pos, undefined, {
          ...state.doc.nodeAt(pos)!.attrs,
          assembly: next.assembly,
          date: next.date,
        });
      }
    } catch {
      // An attribute validator refused a value (unknown kind, a date that does not exist).
      return false;
    }
    if (dispatch) dispatch(markStructural(tr));
    return true;
  };
}
