/**
 * Ctrl+click (⌘+click on macOS) on a link in a stuk opens it, as in a word processor; a plain
 * click only places the cursor, so editing the link text stays possible. The page asks for a
 * new window; the browser opens a tab, and the desktop app hands the address to the system
 * browser only after checking it (main/electron/security.ts getExternalLink). The link itself
 * can only be http, https or mailto: the schema refuses anything else.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isSafeLinkHref } from '../../shared/editor/queries/isSafeLinkHref.ts';

/** The href of the link at `pos` in `view`'s document, or null. */
export function findLinkAt(view: EditorView, pos: number): string | null {
  const $pos = view.state.doc.resolve(pos);
  const link = view.state.schema.marks.link!;
  for (const node of [$pos.nodeAfter, $pos.nodeBefore]) {
    const mark = node ? link.isInSet(node.marks) : undefined;
    if (mark) return mark.attrs.href as string;
  }
  return null;
}

export function linkClickPlugin(isMac: boolean): Plugin {
  return new Plugin({
    props: {
      handleClick(view, pos, event) {
        if (!(isMac ? event.metaKey : event.ctrlKey)) return false;
        const href = findLinkAt(view, pos);
        if (!href || !isSafeLinkHref(href)) return false;
        window.open(href, '_blank', 'noopener,noreferrer');
        return true;
      },
    },
  });
}
