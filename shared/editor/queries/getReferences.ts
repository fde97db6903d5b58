/**
 * Cross-references and what they point to. A reference holds only its target's id; its label
 * ("punt 3", "onderdeel b van punt 1", "de Toelichting, 'Woningbouw in cijfers'") is worked out
 * here from where the target stands now, the same way for the editor, the print, the exports,
 * the checks and the command line, so it follows every renumbering.
 */
import type { Node } from 'prosemirror-model';
import {
  BLOCK_ITEM_NOUNS,
  OPERATIVE_HEADING_LABELS,
  RECITAL_HEADING_LABELS,
} from '../../labels.ts';
import type { OperativeHeading, RecitalHeading } from '../../model/resolution.ts';
import type { ItemChange } from '../suggestions/changeMarks.ts';
import { findDeletion } from '../suggestions/changeMarks.ts';
import { isElementId } from '../nodes/elementIds.ts';
import { getLetterLabel } from './getItemLabels.ts';

/** What a reference can point to. */
export type ReferenceTargetKind = 'item' | 'subitem' | 'block' | 'heading';

/** An element a reference can point to, with the label it reads as now. */
export interface ReferenceTarget {
  kind: ReferenceTargetKind;
  /** The element's id; null while nothing refers to it. */
  id: string | null;
  /** The position before the element. */
  pos: number;
  /** "punt 3", "onderdeel b van punt 1", "de passage 'Spreekt uit'", "de Toelichting, '…'". */
  label: string;
  /**
   * The element's own text (an item's, a heading's; references in it read as their labels, a
   * line break as a space) or a block's heading, for a picker or a tooltip.
   */
  text: string;
  /** Whether someone proposed to delete it (a pending proposal on the item or all its text). */
  proposedForDeletion: boolean;
}

/** How a reference stands: its target found, proposed for deletion, or gone. */
export type ReferenceState = 'ok' | 'proposed-deletion' | 'missing';

/** A reference in the document with what it points to. */
export interface ResolvedReference {
  /** The position of the reference node. */
  pos: number;
  target: string;
  state: ReferenceState;
  /** The target's current label; null when the target is gone. */
  label: string | null;
  /** The target's position; null when it is gone. */
  targetPos: number | null;
}

/** What a reference reads as in the text: its label, or that it no longer points anywhere. */
export const BROKEN_REFERENCE_TEXT = '[verwijzing vervallen]';

/** Every element a reference can point to, in document order. */
export function getReferenceTargets(doc: Node): ReferenceTarget[] {
  return getIndex(doc).targets;
}

/** The element with id `id`, or undefined (the first one in document order, should two share it). */
export function findReferenceTarget(doc: Node, id: string): ReferenceTarget | undefined {
  return getIndex(doc).byId.get(id);
}

/** What a reference to `id` reads as in `doc` and whether its target is there. */
export function resolveReference(
  doc: Node,
  id: string,
): Pick<ResolvedReference, 'state' | 'label' | 'targetPos'> {
  const target = findReferenceTarget(doc, id);
  if (!target) return { state: 'missing', label: null, targetPos: null };
  return {
    state: target.proposedForDeletion ? 'proposed-deletion' : 'ok',
    label: target.label,
    targetPos: target.pos,
  };
}

/** The text a reference node shows: its target's label, or {@link BROKEN_REFERENCE_TEXT}. */
export function getReferenceText(doc: Node, id: string): string {
  return findReferenceTarget(doc, id)?.label ?? BROKEN_REFERENCE_TEXT;
}

/** Every reference in the document, in order, resolved. */
export function getReferences(doc: Node): ResolvedReference[] {
  const out: ResolvedReference[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'reference') return true;
    const target = node.attrs.target as string;
    out.push({ pos, target, ...resolveReference(doc, target) });
    return false;
  });
  return out;
}

/** The ids every element of `doc` carries, each with how often. */
export function getElementIdCounts(doc: Node): Map<string, number> {
  const counts = new Map<string, number>();
  doc.descendants((node) => {
    const id = node.attrs.id as unknown;
    if (isElementId(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return node.type.name !== 'item' && !node.isTextblock;
  });
  return counts;
}

interface TargetIndex {
  targets: ReferenceTarget[];
  byId: Map<string, ReferenceTarget>;
}

// The editor resolves every reference on every render of its view; a document is immutable,
// so its index is worked out once.
const indexes = new WeakMap<Node, TargetIndex>();

function getIndex(doc: Node): TargetIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = buildIndex(doc);
    indexes.set(doc, index);
  }
  return index;
}

function buildIndex(doc: Node): TargetIndex {
  const targets: ReferenceTarget[] = [];
  doc.forEach((section, sectionOffset) => {
    const name = section.type.name;
    if (name === 'recitals' || name === 'operatives') {
      addClauseTargets(section, sectionOffset + 1, name === 'recitals', targets);
    } else if (name === 'explanation') {
      section.forEach((child, childOffset) => {
        if (child.type.name !== 'heading') return;
        const text = readText(child);
        targets.push({
          kind: 'heading',
          id: idOf(child),
          pos: sectionOffset + 1 + childOffset,
          label: headingLabel(text),
          text,
          proposedForDeletion: isAllTextDeleted(child),
        });
      });
    }
  });
  const byId = new Map<string, ReferenceTarget>();
  for (const target of targets) {
    if (target.id !== null && !byId.has(target.id)) byId.set(target.id, target);
  }
  // A target's text may hold references: they read as their targets' labels.
  for (const target of targets) {
    if (!target.text.includes(REFERENCE_MARK)) continue;
    target.text = target.text.replace(
      new RegExp(`${REFERENCE_MARK}([^${REFERENCE_MARK}]*)${REFERENCE_MARK}`, 'g'),
      (_match, id: string) => byId.get(id)?.label ?? BROKEN_REFERENCE_TEXT,
    );
    if (target.kind === 'heading') target.label = headingLabel(target.text);
  }
  return { targets, byId };
}

// Stands around a reference's target id in a target's text until the labels are known.
const REFERENCE_MARK = '\u0001';

function headingLabel(text: string): string {
  return text ? `de Toelichting, '${text}'` : 'de Toelichting, een kopje zonder tekst';
}

function readText(node: Node): string {
  return node
    .textBetween(0, node.content.size, ' ', (leaf) =>
      leaf.type.name === 'reference'
        ? `${REFERENCE_MARK}${leaf.attrs.target as string}${REFERENCE_MARK}`
        : leaf.type.name === 'hard_break'
          ? ' '
          : '',
    )
    .trim();
}

function addClauseTargets(
  section: Node,
  start: number,
  recital: boolean,
  targets: ReferenceTarget[],
): void {
  const noun = BLOCK_ITEM_NOUNS[recital ? 'recital' : 'operative'].one;
  const headings = new Map<string, number>();
  let numberedBlocks = 0;
  section.forEach((block) => {
    headings.set(
      block.attrs.heading as string,
      (headings.get(block.attrs.heading as string) ?? 0) + 1,
    );
    if (hasNumberedItem(block)) numberedBlocks += 1;
  });
  const seen = new Map<string, number>();
  section.forEach((block, blockOffset) => {
    const blockPos = start + blockOffset;
    const heading = headingText(block, recital);
    const nth = (seen.get(block.attrs.heading as string) ?? 0) + 1;
    seen.set(block.attrs.heading as string, nth);
    const twice = (headings.get(block.attrs.heading as string) ?? 0) > 1;
    const blockName = twice ? `'${heading}' (${ordinal(nth)})` : `'${heading}'`;
    targets.push({
      kind: 'block',
      id: idOf(block),
      pos: blockPos,
      label: `de passage ${blockName}`,
      text: heading,
      proposedForDeletion: false,
    });
    // Numbers restart in every block: with more than one block of items, say which one.
    const where = numberedBlocks > 1 ? ` onder ${blockName}` : '';
    let number = 0;
    let letter = 0;
    let bullet = 0;
    let parent: string | null = null;
    block.forEach((item, itemOffset) => {
      let label: string;
      if (item.attrs.indent === 0) {
        number += 1;
        letter = 0;
        bullet = 0;
        parent = `${noun} ${number}${where}`;
        label = parent;
      } else if (item.attrs.marker === 'bullet') {
        bullet += 1;
        label = `het ${ordinal(bullet)} opsommingsteken ${parent ? `van ${parent}` : `onder ${blockName}`}`;
      } else {
        const letterLabel = getLetterLabel(letter);
        letter += 1;
        label = `onderdeel ${letterLabel} ${parent ? `van ${parent}` : `onder ${blockName}`}`;
      }
      const change = item.attrs.change as ItemChange | null;
      targets.push({
        kind: item.attrs.indent === 0 ? 'item' : 'subitem',
        id: idOf(item),
        pos: blockPos + 1 + itemOffset,
        label,
        text: readText(item),
        proposedForDeletion: change?.type === 'delete' || isAllTextDeleted(item),
      });
    });
  });
}

function hasNumberedItem(block: Node): boolean {
  let found = false;
  block.forEach((item) => {
    if (item.attrs.indent === 0) found = true;
  });
  return found;
}

function headingText(block: Node, recital: boolean): string {
  const labels: Record<string, string> = recital
    ? RECITAL_HEADING_LABELS
    : OPERATIVE_HEADING_LABELS;
  const heading = block.attrs.heading as RecitalHeading | OperativeHeading;
  return (labels[heading] ?? String(heading)).replace(/:$/, '');
}

function idOf(node: Node): string | null {
  const id = node.attrs.id as unknown;
  return isElementId(id) ? id : null;
}

// A text block whose every character someone proposed to delete.
function isAllTextDeleted(node: Node): boolean {
  if (node.content.size === 0) return false;
  let all = true;
  node.forEach((child) => {
    if (!findDeletion(child.marks)) all = false;
  });
  return all;
}

const ORDINALS = [
  'eerste',
  'tweede',
  'derde',
  'vierde',
  'vijfde',
  'zesde',
  'zevende',
  'achtste',
  'negende',
  'tiende',
  'elfde',
  'twaalfde',
];

/** "eerste", "tweede" … "twaalfde", then "13e". */
export function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? `${n}e`;
}
