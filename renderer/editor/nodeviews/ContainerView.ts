/**
 * The recitals and operatives containers: their blocks, followed by a button that adds a
 * block of that kind. When a merge has emptied a block, the block itself stays and shows its
 * heading; the "add" buttons are how a user starts again.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { addBlock } from '../../../shared/editor/commands/blocks.ts';
import { schema } from '../../../shared/editor/schema.ts';
import { EDITOR_LABELS } from '../labels.ts';
import { h } from './dom.ts';
import { followEditable } from './readOnly.ts';

export class ContainerView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private addButton: HTMLButtonElement;
  private stopFollowing: () => void;

  constructor(
    private node: Node,
    view: EditorView,
  ) {
    const kind = node.type === schema.nodes.recitals ? 'recital' : 'operative';
    const label =
      kind === 'recital' ? EDITOR_LABELS.addRecitalBlock : EDITOR_LABELS.addOperativeBlock;
    this.contentDOM = h('div', { class: 'blocks' });
    this.addButton = h('button', { type: 'button', class: 'add-block' }, `+ ${label}`);
    this.addButton.addEventListener('click', () => {
      if (!view.editable) return;
      addBlock(kind)(view.state, view.dispatch);
      view.focus();
    });
    this.dom = h(
      'div',
      { class: `${node.type.name} container` },
      this.contentDOM,
      h('div', { class: 'container-actions', contenteditable: 'false' }, this.addButton),
    );
    this.stopFollowing = followEditable(view, () => [{ control: this.addButton }]);
  }

  update(node: Node): boolean {
    return node.type === this.node.type;
  }

  stopEvent(event: Event): boolean {
    return event.target === this.addButton;
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
