/**
 * A footnote reference: a superscript number (derived, in document order) whose note text is
 * its tooltip and accessible name. Double-click edits the text.
 */
import type { Node } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';
import { setFootnoteText } from '../../../shared/editor/commands/inlineContent.ts';
import { EDITOR_LABELS } from '../labels.ts';
import { h } from './dom.ts';

export class FootnoteView implements NodeView {
  dom: HTMLElement;

  constructor(
    private node: Node,
    view: EditorView,
    getPos: () => number | undefined,
    decorations: readonly Decoration[],
  ) {
    this.dom = h('sup', { class: 'footnote-ref' });
    this.dom.addEventListener('dblclick', () => {
      const pos = getPos();
      // A reader reads the note in the tooltip; only an editor may change it.
      if (!view.editable) return;
      const text = window.prompt(EDITOR_LABELS.editFootnote, this.node.attrs.text as string);
      if (pos !== undefined && text !== null) setFootnoteText(pos, text)(view.state, view.dispatch);
    });
    this.render(decorations);
  }

  private render(decorations: readonly Decoration[]): void {
    const spec = decorations.find((d) => 'footnoteNumber' in (d.spec as object))?.spec as
      { footnoteNumber: number } | undefined;
    const number = spec?.footnoteNumber ?? 0;
    const text = this.node.attrs.text as string;
    this.dom.textContent = String(number);
    this.dom.title = text;
    this.dom.setAttribute('aria-label', EDITOR_LABELS.footnote(number, text));
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render(decorations);
    return true;
  }
}
