/**
 * The anchors cross-references link to in print: every item, block and Toelichting heading that
 * carries an element id gets `id="el-<id>"` in the page (`renderNodeSpec`'s `anchor`), and a
 * reference to it is `<a href="#el-<id>">` (`renderReference`), which Chromium keeps as an
 * internal link in the PDF. A bundle prints several stukken in one page, so each has a prefix of
 * its own there; and two elements sharing an id (which the checks report) anchor only the
 * first, the one a reference reads its label from.
 */
import type { Node } from 'prosemirror-model';
import { isElementId } from '../editor/nodes/elementIds.ts';
import { findReferenceTarget } from '../editor/queries/getReferences.ts';

/** The printed document, which references are resolved in, and the prefix of its anchors. */
export interface PrintAnchors {
  doc: Node;
  /** Before every anchor: `el-` alone, `stuk-2-el-` in a bundle. */
  prefix: string;
}

/** The prefix of a stuk's anchors when it prints alone. */
export const ANCHOR_PREFIX = 'el-';

/** The anchors of `doc` as printed, with `prefix` before each. */
export function printAnchors(doc: Node, prefix: string = ANCHOR_PREFIX): PrintAnchors {
  return { doc, prefix };
}

/** The anchor (the HTML `id`) of the element with id `id`. */
export function anchorOf(anchors: PrintAnchors, id: string): string {
  return `${anchors.prefix}${id}`;
}

/**
 * The anchor of `node`, standing at `pos` in the printed document, when references can point
 * to it there: it carries an id and is the first element that does. Undefined otherwise.
 */
export function targetAnchorAt(anchors: PrintAnchors, node: Node, pos: number): string | undefined {
  const id = node.attrs.id as unknown;
  if (!isElementId(id)) return undefined;
  return findReferenceTarget(anchors.doc, id)?.pos === pos ? anchorOf(anchors, id) : undefined;
}
