/**
 * The Toelichting: a fixed heading over free content. When its content is empty (after a
 * merge, say), a button puts a first paragraph in, as the user's own edit.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { EXPLANATION_HEADING } from '../../../shared/labels.ts';
import { schema } from '../../../shared/editor/schema.ts';
import { EDITOR_LABELS } from '../labels.ts';
import { h } from './dom.ts';
import { followEditable } from './readOnly.ts';

export class ExplanationView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private start: HTMLButtonElement;
  private stopFollowing: () => void;

  constructor(
    private node: Node,
    view: EditorView,
    getPos: () => number | undefined,
  ) {
    this.contentDOM = h('div', { class: 'explanation-body' });
    this.start = h(
      'button',
      { type: 'button', class: 'add-block' },
      `+ ${EDITOR_LABELS.startExplanation}`,
    );
    this.start.addEventListener('click', () => {
      const pos = getPos();
      if (pos === undefined || !view.editable) return;
      const tr = view.state.tr.insert(pos + 1, schema.nodes.paragraph.create());
      view.dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 2)));
      view.focus();
    });
    this.dom = h(
      'section',
      { class: 'explanation', 'aria-label': EXPLANATION_HEADING },
      h('h2', { class: 'explanation-heading', contenteditable: 'false' }, EXPLANATION_HEADING),
      this.contentDOM,
      h('div', { class: 'container-actions', contenteditable: 'false' }, this.start),
    );
    this.sync();
    this.stopFollowing = followEditable(view, () => [{ control: this.start }]);
  }

  private sync(): void {
    this.start.hidden = this.node.childCount > 0;
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.sync();
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target === this.start;
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
