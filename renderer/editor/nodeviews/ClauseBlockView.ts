/**
 * A recital or operative block: a heading chooser and the block's controls (move up, move
 * down, remove) above the numbered items. The controls sit outside the editable content, so
 * no selection can type over them; CSS hides "up" on the first block, "down" on the last and
 * "remove" on the only operative block.
 */
import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import { OPERATIVE_HEADINGS, RECITAL_HEADINGS } from '../../../shared/model/resolution.ts';
import type { OperativeHeading, RecitalHeading } from '../../../shared/model/resolution.ts';
import { OPERATIVE_HEADING_LABELS, RECITAL_HEADING_LABELS } from '../../../shared/labels.ts';
import { moveBlock, removeBlock, setBlockHeading } from '../../../shared/editor/commands/blocks.ts';
import { schema } from '../../../shared/editor/schema.ts';
import { EDITOR_LABELS } from '../labels.ts';
import { h } from './dom.ts';
import { followEditable } from './readOnly.ts';

export class ClauseBlockView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private select: HTMLSelectElement;
  private controls: HTMLElement;
  private buttons: { control: HTMLButtonElement; tip: string }[] = [];
  private stopFollowing: () => void;

  constructor(
    private node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
  ) {
    const kind = node.type === schema.nodes.recital_block ? 'recital' : 'operative';
    const headings: readonly (RecitalHeading | OperativeHeading)[] =
      kind === 'recital' ? RECITAL_HEADINGS : OPERATIVE_HEADINGS;
    const labels: Record<string, string> =
      kind === 'recital' ? RECITAL_HEADING_LABELS : OPERATIVE_HEADING_LABELS;
    this.select = h(
      'select',
      { class: 'heading-select', 'aria-label': EDITOR_LABELS.blockHeading },
      ...headings.map((value) => h('option', { value }, labels[value]!)),
    );
    this.select.value = node.attrs.heading as string;
    this.select.addEventListener('change', () =>
      this.run((pos) => setBlockHeading(pos, this.select.value as RecitalHeading)),
    );
    this.controls = h(
      'span',
      { class: 'block-controls' },
      this.button('move-up', '↑', EDITOR_LABELS.moveUp, (pos) => moveBlock(pos, -1)),
      this.button('move-down', '↓', EDITOR_LABELS.moveDown, (pos) => moveBlock(pos, 1)),
      this.button('remove-block', '×', EDITOR_LABELS.removeBlock, (pos) => removeBlock(pos)),
    );
    this.contentDOM = h('ol', { class: 'items' });
    this.dom = h(
      'section',
      {
        class: 'clause-block',
        'data-kind': kind,
        'aria-label': labels[node.attrs.heading as string]!,
      },
      h('div', { class: 'block-header', contenteditable: 'false' }, this.select, this.controls),
      this.contentDOM,
    );
    // A reader's page: the chooser and the buttons disabled, saying why.
    this.stopFollowing = followEditable(view, () => [{ control: this.select }, ...this.buttons]);
  }

  private button(
    className: string,
    glyph: string,
    label: string,
    command: (pos: number) => Command,
  ): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: `icon-button ${className}`, title: label, 'aria-label': label },
      glyph,
    );
    button.addEventListener('click', () => this.run(command));
    this.buttons.push({ control: button, tip: label });
    return button;
  }

  private run(command: (pos: number) => Command): void {
    const pos = this.getPos();
    if (pos === undefined || !this.view.editable) return;
    command(pos)(this.view.state, this.view.dispatch);
    this.view.focus();
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    // This runs on every keystroke in the block: write only what differs (writing a select's
    // value makes the browser redo its options), and put back a choice the document refused.
    const heading = node.attrs.heading as string;
    if (this.select.value !== heading) this.select.value = heading;
    const labels: Record<string, string> =
      node.type === schema.nodes.recital_block ? RECITAL_HEADING_LABELS : OPERATIVE_HEADING_LABELS;
    if (this.dom.getAttribute('aria-label') !== labels[heading]) {
      this.dom.setAttribute('aria-label', labels[heading]!);
    }
    return true;
  }

  stopEvent(event: Event): boolean {
    return this.controls.contains(event.target as globalThis.Node) || event.target === this.select;
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
