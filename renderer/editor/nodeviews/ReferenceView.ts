/**
 * A cross-reference in the text: it reads as its target's current label ("punt 3"), which the
 * reference labels plugin hands it as a decoration (referenceLabels.ts) so that it follows
 * every renumbering, local or a colleague's. A reference whose target is gone reads "[verwijzing
 * vervallen]" in a warning style; one whose target someone proposed to delete keeps its label,
 * marked, with the reason in its tooltip. The tooltip shows the target's text. As with links
 * (linkClickPlugin.ts), a plain click selects the reference and Ctrl+click (⌘+click) goes to
 * its target; so does Enter while the reference is selected (referenceJump.ts).
 */
import type { Node } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';
import { findReferenceDisplay, getReferenceDisplay } from '../referenceLabels.ts';
import type { ReferenceDisplay } from '../referenceLabels.ts';
import { REFERENCE_LABELS } from '../referenceText.ts';
import { h } from './dom.ts';

export class ReferenceView implements NodeView {
  dom: HTMLElement;
  private shown: ReferenceDisplay | null = null;
  private node: Node;
  private readonly view: EditorView;

  constructor(node: Node, view: EditorView, decorations: readonly Decoration[], isMac: boolean) {
    this.node = node;
    this.view = view;
    this.dom = h('span', {
      class: 'reference',
      'data-target': node.attrs.target as string,
      role: 'link',
    });
    this.dom.dataset.jumpKey = isMac ? '⌘' : 'Ctrl';
    this.render(decorations);
  }

  private render(decorations: readonly Decoration[]): void {
    // Without the labels plugin (a read-only comparison of versions), the view's own document.
    const display =
      findReferenceDisplay(decorations) ??
      getReferenceDisplay(this.view.state.doc, this.node.attrs.target as string);
    const shown = this.shown;
    if (
      shown &&
      shown.referenceLabel === display.referenceLabel &&
      shown.referenceState === display.referenceState &&
      shown.referenceTargetText === display.referenceTargetText
    ) {
      return;
    }
    this.shown = display;
    this.dom.textContent = display.referenceLabel;
    this.dom.dataset.state = display.referenceState;
    this.dom.dataset.target = this.node.attrs.target as string;
    this.dom.setAttribute('aria-label', REFERENCE_LABELS.ariaLabel(display));
    this.dom.title = REFERENCE_LABELS.tooltip(display, this.dom.dataset.jumpKey ?? 'Ctrl');
    // Screen readers hear the label and, for a broken one, why.
    if (display.referenceState === 'ok') this.dom.removeAttribute('aria-description');
    else this.dom.setAttribute('aria-description', REFERENCE_LABELS.stateNote(display));
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render(decorations);
    return true;
  }

  // The label is the view's own: ProseMirror need not read it back as content.
  ignoreMutation(): boolean {
    return true;
  }

  stopEvent(): boolean {
    return false;
  }
}
