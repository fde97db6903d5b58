/**
 * A reader in a session may not change the document, and the controls that node views put in
 * the page (the kind and heading choosers, the preamble's fields, "+ Blok … toevoegen", moving
 * and removing blocks) must say so as the text does. The editor is made read-only by a prop
 * (createEditor.ts, setEditorReadOnly), which redraws no node view; ProseMirror does write the
 * editor element's contenteditable attribute, so one observer per editor watches it and tells
 * the node views, which then disable their controls and give the reason as their tooltip.
 * A voorsteller's editor is editable but marked `data-proposals-only` (createEditor.ts): these
 * controls change attributes or move blocks, which is no proposal, so they are off for them too
 * (and for a member drafting an amendment, whose window puts its own reason in
 * `data-proposals-reason`).
 */
import type { EditorView } from 'prosemirror-view';
import { PROPOSER_REASON } from '../../liveSession/roleReasons.ts';

/** Why a control that changes the document is disabled: shown beside the toolbar and Gegevens. */
export const READ_ONLY_REASON = 'Alleen lezen: u bent als lezer uitgenodigd';

/** A control in the page: a button, a chooser or a field. */
type Control = HTMLButtonElement | HTMLSelectElement | HTMLInputElement;

const listeners = new WeakMap<EditorView, Set<() => void>>();

/**
 * Keeps `controls` disabled while `view` is not editable, now and whenever that changes;
 * returns the function that stops (a node view's destroy). `tip` is a control's own tooltip,
 * put back when the editor becomes editable again.
 */
export function followEditable(
  view: EditorView,
  controls: () => readonly { control: Control; tip?: string }[],
): () => void {
  const sync = () => {
    const reason = !view.editable
      ? READ_ONLY_REASON
      : view.dom.getAttribute('data-proposals-only') === 'true'
        ? (view.dom.dataset.proposalsReason ?? PROPOSER_REASON)
        : null;
    const readOnly = reason !== null;
    for (const { control, tip } of controls()) {
      if (control.disabled !== readOnly) control.disabled = readOnly;
      const title = reason ?? tip ?? '';
      if (control.title !== title) control.title = title;
    }
  };
  let set = listeners.get(view);
  if (!set) {
    const created = new Set<() => void>();
    set = created;
    listeners.set(view, created);
    new MutationObserver(() => created.forEach((listener) => listener())).observe(view.dom, {
      attributes: true,
      attributeFilter: ['contenteditable', 'data-proposals-only'],
    });
  }
  set.add(sync);
  sync();
  return () => set.delete(sync);
}
