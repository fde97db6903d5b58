/**
 * The inline content of an item, paragraph or heading as plain text, the way the plain text and
 * the JSON read it: footnote references as "[n]", hard breaks as "\n", cross-references as
 * their target's current label ("punt 3", listed beside the text with where they stand), links
 * once as their text alone (with the targets listed beside it) and once as "text (url)".
 */
import type { Node } from 'prosemirror-model';
import type { FootnoteNumbers } from './getFootnoteNumbers.ts';
import { BROKEN_REFERENCE_TEXT, findReferenceTarget } from './getReferences.ts';

/** A link as it reads: its text and its target. */
export interface LinkText {
  text: string;
  href: string;
}

/** A cross-reference as it reads: its target's id and label, and where it stands in `text`. */
export interface ReferenceText {
  /** The id of the element it points to. */
  target: string;
  /** What it reads as: the target's label, or {@link BROKEN_REFERENCE_TEXT} when it is gone. */
  label: string;
  /** True when no element of the document carries `target`. */
  broken: boolean;
  /** Where the label starts in `text` (a string index). */
  start: number;
  /** Where it ends in `text`. */
  end: number;
}

/** Inline content read as plain text. */
export interface InlineText {
  /**
   * The text as it reads: link texts without targets, "[n]" for footnotes, "\n" for breaks,
   * references as their label.
   */
  text: string;
  /** The same, with each link's target after its text: "vng.nl (https://vng.nl)". */
  textWithUrls: string;
  /** Every link, in order. */
  links: LinkText[];
  /** Every cross-reference, in order. */
  references: ReferenceText[];
}

/**
 * Reads the inline content of a text block (item, paragraph, heading) standing at `pos` (the
 * position before it, as `Node.descendants` reports it) in `doc`, the document whose elements
 * its references point to.
 */
export function getInlineText(
  block: Node,
  pos: number,
  footnotes: FootnoteNumbers,
  doc: Node,
): InlineText {
  let text = '';
  let textWithUrls = '';
  const links: LinkText[] = [];
  const references: ReferenceText[] = [];
  // The link being read: adjacent nodes with the same target form one link, even when their
  // other marks differ ("**VNG**.nl" is one link over a bold and a plain text node).
  let openLink: { href: string; start: number } | null = null;

  const closeLink = () => {
    if (!openLink) return;
    const linkText = text.slice(openLink.start);
    links.push({ text: linkText, href: openLink.href });
    if (!linkShowsItsTarget(linkText, openLink.href)) textWithUrls += ` (${openLink.href})`;
    openLink = null;
  };

  block.forEach((child, offset) => {
    const href = linkTarget(child);
    if (openLink && openLink.href !== href) closeLink();
    if (href !== null && !openLink) openLink = { href, start: text.length };
    let piece: string;
    if (child.type.name === 'reference') {
      const target = child.attrs.target as string;
      const label = findReferenceTarget(doc, target)?.label;
      piece = label ?? BROKEN_REFERENCE_TEXT;
      references.push({
        target,
        label: piece,
        broken: label === undefined,
        start: text.length,
        end: text.length + piece.length,
      });
    } else {
      piece = inlinePiece(child, pos + 1 + offset, footnotes);
    }
    text += piece;
    textWithUrls += piece;
  });
  closeLink();
  return { text, textWithUrls, links, references };
}

/** True when inline text holds nothing to read (no words, no footnote reference). */
export function isBlankInline(inline: InlineText): boolean {
  return inline.text.trim().length === 0;
}

function inlinePiece(child: Node, pos: number, footnotes: FootnoteNumbers): string {
  if (child.isText) return child.text ?? '';
  if (child.type.name === 'hard_break') return '\n';
  if (child.type.name === 'footnote') {
    const number = footnotes.get(pos);
    // The index is built from the same document, so a miss is a bug in the caller's
    // positions; printing a wrong number silently would be worse than failing.
    if (number === undefined) throw new Error(`geen voetnootnummer op positie ${pos}`);
    return `[${number}]`;
  }
  return child.textContent;
}

function linkTarget(child: Node): string | null {
  const link = child.marks.find((mark) => mark.type.name === 'link');
  return link ? (link.attrs.href as string) : null;
}

// "https://vng.nl (https://vng.nl)" or "info@vng.nl (mailto:info@vng.nl)" would say the same
// thing twice: a link whose text already is its target prints once.
function linkShowsItsTarget(linkText: string, href: string): boolean {
  const shown = linkText.trim();
  return shown === href || `mailto:${shown}` === href;
}
