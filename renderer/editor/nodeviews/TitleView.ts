/**
 * The title line: a chooser for the kind of stuk (not part of the text, so it cannot be typed
 * over) followed by the editable title between quotes.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { DOCUMENT_KINDS } from '../../../shared/model/resolution.ts';
import type { DocumentKind, DocumentStatus } from '../../../shared/model/resolution.ts';
import { getKindHeading } from '../../../shared/labels.ts';
import { setDocumentKind } from '../../../shared/editor/commands/blocks.ts';
import { EDITOR_LABELS, PLACEHOLDERS } from '../labels.ts';
import { h } from './dom.ts';
import { followEditable } from './readOnly.ts';

export class TitleView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private select: HTMLSelectElement;
  private label: HTMLElement;
  private stopFollowing: () => void;

  constructor(
    private node: Node,
    view: EditorView,
  ) {
    // The visible words are plain text at their natural width; a transparent chooser lies over
    // them, so the title reads as a sentence and still opens the list of kinds.
    this.label = h('span', { class: 'kind-label', 'aria-hidden': 'true' });
    this.select = h('select', { class: 'kind-select', 'aria-label': EDITOR_LABELS.kind });
    this.fillOptions();
    this.select.addEventListener('change', () => {
      if (!view.editable) return;
      setDocumentKind(this.select.value as DocumentKind)(view.state, view.dispatch);
      view.focus();
    });
    this.contentDOM = h('span', { class: 'title-text' });
    this.syncPlaceholder();
    this.dom = h(
      'h1',
      { class: 'doc-title' },
      h('span', { class: 'title-kind', contenteditable: 'false' }, this.label, this.select),
      this.contentDOM,
    );
    this.stopFollowing = followEditable(view, () => [{ control: this.select }]);
  }

  // Option labels depend on the status ("Geactualiseerde resolutie"); rebuilt only when it
  // changes, not on every keystroke in the title.
  private fillOptions(previous?: Node): void {
    const status = this.node.attrs.status as DocumentStatus;
    if (
      previous &&
      previous.attrs.status === status &&
      previous.attrs.kind === this.node.attrs.kind
    ) {
      return;
    }
    this.select.replaceChildren(
      ...DOCUMENT_KINDS.map((kind) => h('option', { value: kind }, getKindHeading(kind, status))),
    );
    this.select.value = this.node.attrs.kind as string;
    this.label.textContent = this.select.selectedOptions[0]?.textContent ?? '';
  }

  // The placeholder is view-only: an attribute of the editable span, printed by CSS.
  private syncPlaceholder(): void {
    const empty = this.node.content.size === 0;
    this.contentDOM.classList.toggle('is-empty', empty);
    if (empty) this.contentDOM.setAttribute('data-placeholder', PLACEHOLDERS.title);
    else this.contentDOM.removeAttribute('data-placeholder');
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    const previous = this.node;
    this.node = node;
    this.fillOptions(previous);
    this.syncPlaceholder();
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target === this.select;
  }

  destroy(): void {
    this.stopFollowing();
  }

  ignoreMutation(
    mutation: MutationRecord | { type: 'selection'; target: globalThis.Node },
  ): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}
