/**
 * Going from a cross-reference to what it points to. As with links (linkClickPlugin.ts), a
 * plain click selects the reference, so it can be deleted or replaced like a word, and
 * Ctrl+click (⌘+click on macOS) follows it; from the keyboard, Enter follows the reference the
 * cursor has selected (arrows select it). The cursor goes to the start of the target's text,
 * scrolled into view, and the target is briefly highlighted.
 */
import { NodeSelection, Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { findReferenceTarget } from '../../shared/editor/queries/getReferences.ts';

/** How long a target stays highlighted after a jump, in milliseconds. */
const HIGHLIGHT_MS = 1600;

/** Puts the cursor at the start of the element `target` refers to; false when it is gone. */
export function jumpToReferenceTarget(view: EditorView, target: string): boolean {
  const found = findReferenceTarget(view.state.doc, target);
  if (!found) return false;
  const { doc } = view.state;
  const selection = TextSelection.near(doc.resolve(found.pos + 1));
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  view.focus();
  const element = view.nodeDOM(found.pos);
  if (element instanceof HTMLElement) {
    element.classList.add('reference-target-flash');
    window.setTimeout(() => element.classList.remove('reference-target-flash'), HIGHLIGHT_MS);
  }
  return true;
}

/** The target of the reference node at `pos`, or null. */
function referenceAt(view: EditorView, pos: number): string | null {
  const $pos = view.state.doc.resolve(pos);
  for (const node of [$pos.nodeAfter, $pos.nodeBefore]) {
    if (node?.type.name === 'reference') return node.attrs.target as string;
  }
  return null;
}

export function referenceJumpPlugin(isMac: boolean): Plugin {
  return new Plugin({
    props: {
      handleClickOn(view, _pos, node, _nodePos, event, direct) {
        if (!direct || node.type.name !== 'reference') return false;
        if (!(isMac ? event.metaKey : event.ctrlKey)) return false;
        jumpToReferenceTarget(view, node.attrs.target as string);
        return true;
      },
      handleKeyDown(view, event) {
        if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey) return false;
        const { selection } = view.state;
        if (!(selection instanceof NodeSelection)) return false;
        if (selection.node.type.name !== 'reference') return false;
        const target = referenceAt(view, selection.from);
        if (!target) return false;
        // A reference whose target is gone goes nowhere; Enter then does nothing either, rather
        // than replace the reference with a new item.
        jumpToReferenceTarget(view, target);
        return true;
      },
    },
  });
}
