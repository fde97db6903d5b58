/**
 * What an amendment asks, in the standard form of an ALV amendment: one instruction per
 * proposal, generated from the proposals themselves ("in punt 3 onder ‘Spreekt uit’ “onverkort”
 * te vervangen door “zo veel mogelijk”", "na punt 3 onder ‘Spreekt uit’ een nieuw punt in te
 * voegen, luidende: “…”", "het blok ‘Verzoekt het bestuur’ te schrappen"). The printed
 * amendment, the command line and the JSON export all say it this way.
 *
 * An amendment changes the resolution as the members read it: its places are named in the text
 * without any pending proposal (items other amendments propose are not counted, items proposed
 * for deletion still are), and the words it quotes are that text's. What it adds is quoted as
 * it would read once the amendment is adopted.
 *
 * Only pending proposals can be described: once decided, a deletion's text is gone and a
 * rejected insertion too. A proposal no longer in the document gets no instruction.
 *
 * Each instruction is built from its parts (describeAmendmentInstructions): the places it names
 * with the element each is in the resolution, and the words it quotes, old and new. The text
 * is those parts joined, so the Akoma Ntoso export can mark them up and still read the same.
 */
import { Fragment } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { ElementPath, InstructionPart } from '../model/amendmentForm.ts';
import type { TrackedChange } from '../editor/suggestions/trackedChanges.ts';
import {
  getBlockChange,
  rejectChanges,
  withoutStrayDeletions,
} from '../editor/suggestions/trackedChanges.ts';
import { findDeletion, findPendingInsertion } from '../editor/suggestions/changeMarks.ts';
import type { ItemChange } from '../editor/suggestions/changeMarks.ts';
import { getItemLabels } from '../editor/queries/getItemLabels.ts';
import { isClauseBlock } from '../editor/queries/findItemContext.ts';
import { nameItem, quotedHeading } from './amendmentPlaces.ts';

/** How many words before an insertion say where it goes, at the least. */
const CONTEXT_WORDS = 3;

/**
 * The instructions of the proposals `changes` (an amendment's, from getTrackedChanges or
 * findSubmissionChanges) on `doc`, in document order: one per proposal that is still pending.
 * Text a proposal adds inside an item or block the same amendment adds is part of that item's
 * instruction, not one of its own.
 */
export function describeAmendmentChanges(doc: Node, changes: readonly TrackedChange[]): string[] {
  return describeAmendmentInstructions(doc, changes).map(partsText);
}

/**
 * The same instructions in their parts: per instruction, the parts whose texts joined are the
 * instruction describeAmendmentChanges gives. A place's target counts in
 * `resolutionWithoutProposals(doc)`.
 */
export function describeAmendmentInstructions(
  doc: Node,
  changes: readonly TrackedChange[],
): InstructionPart[][] {
  const ids = new Set(changes.map((change) => change.id));
  if (ids.size === 0) return [];
  const collected = new Collected();
  const clean = withoutStrayDeletions(doc);
  clean.forEach((section, _offset, index) => {
    switch (section.type.name) {
      case 'title':
        describeText(
          section,
          placeOf('de titel', { section: index, block: null, item: null }),
          ids,
          collected,
        );
        break;
      case 'recitals':
      case 'operatives':
        describeContainer(section, index, ids, collected);
        break;
      case 'explanation':
        describeExplanation(section, index, ids, collected);
        break;
      default:
        break;
    }
  });
  return collected.instructions();
}

/**
 * The resolution as an amendment names it: every pending proposal rejected, the items and
 * blocks they add gone. The targets of describeAmendmentInstructions count in it.
 */
export function resolutionWithoutProposals(doc: Node): Node {
  let base = doc;
  rejectChanges(() => true, { removeEmptied: true })(EditorState.create({ doc }), (tr) => {
    base = tr.doc;
  });
  return base;
}

/** The text of an instruction's parts. */
export function partsText(parts: readonly InstructionPart[]): string {
  return parts.map((part) => part.text).join('');
}

type Parts = InstructionPart[];

const text = (value: string): InstructionPart => ({ kind: 'text', text: value });

/** Quoted words of the resolution ('old'), proposed ('new') or saying where ('context'). */
const quoted = (kind: 'old' | 'new' | 'context', value: string): InstructionPart => ({
  kind,
  text: quote(value),
});

/** A place named "punt 3 onder ‘Spreekt uit’", pointing to its element when it has one. */
function placeOf(name: string, target: ElementPath | null): InstructionPart {
  return target === null ? { kind: 'place', text: name } : { kind: 'place', text: name, target };
}

/** Parts joined as joinAnd joins texts: "a, b en c". */
function joinParts(lists: readonly Parts[]): Parts {
  if (lists.length <= 1) return [...(lists[0] ?? [])];
  const out: Parts = [];
  lists.forEach((list, index) => {
    if (index > 0) out.push(text(index === lists.length - 1 ? ' en ' : ', '));
    out.push(...list);
  });
  return out;
}

/** Adjacent plain texts as one; empty texts left out. */
function tidyParts(parts: readonly InstructionPart[]): Parts {
  const out: Parts = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out[out.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/**
 * The phrases found per proposal, in the order met: each with the place it is in, so that
 * phrases on one place join into one clause ("in punt 1 … “a” te schrappen en “b” …").
 */
class Collected {
  private readonly phrases = new Map<string, { where: Parts | null; parts: Parts }[]>();

  add(id: string, where: Parts | InstructionPart | null, parts: Parts): void {
    const list = this.phrases.get(id) ?? [];
    list.push({ where: where === null || Array.isArray(where) ? where : [where], parts });
    this.phrases.set(id, list);
  }

  instructions(): InstructionPart[][] {
    const key = (where: Parts | null) => (where === null ? null : partsText(where));
    return [...this.phrases.values()].map((list) => {
      const clauses: Parts[] = [];
      let index = 0;
      while (index < list.length) {
        const { where } = list[index]!;
        const same: Parts[] = [];
        while (index < list.length && key(list[index]!.where) === key(where)) {
          same.push(list[index]!.parts);
          index += 1;
        }
        clauses.push(
          where === null ? joinParts(same) : [text('in '), ...where, text(' '), ...joinParts(same)],
        );
      }
      return tidyParts(joinParts(clauses));
    });
  }
}

// ---------------------------------------------------------------------------------------
// Text within one text block (the title, an item, a paragraph of the Toelichting)

/** A piece of a text block: text of the resolution, or text a proposal of ours adds or deletes. */
interface Piece {
  kind: 'base' | 'ins' | 'del';
  /** The proposal, for 'ins' and 'del'. */
  id: string | null;
  text: string;
}

/**
 * The pieces of a text block, in order. Text another proposal adds is no text of the
 * resolution and left out; text another proposal deletes still is.
 */
function readPieces(block: Node, ids: ReadonlySet<string>): Piece[] {
  const pieces: Piece[] = [];
  block.forEach((child) => {
    const text = child.isText ? (child.text ?? '') : child.type.name === 'hard_break' ? ' ' : '';
    const inserted = findPendingInsertion(child.marks);
    if (inserted) {
      const id = inserted.attrs.id as string;
      if (ids.has(id)) pieces.push({ kind: 'ins', id, text });
      return;
    }
    const deleted = findDeletion(child.marks);
    if (deleted && ids.has(deleted.attrs.id as string)) {
      pieces.push({ kind: 'del', id: deleted.attrs.id as string, text });
      return;
    }
    pieces.push({ kind: 'base', id: null, text });
  });
  return pieces;
}

/** The resolution's text of a block: without any pending insertion, with what is proposed to go. */
function baseText(pieces: readonly Piece[]): string {
  return pieces
    .filter((piece) => piece.kind !== 'ins')
    .map((piece) => piece.text)
    .join('');
}

/** The text of a block as it reads once our proposals are adopted. */
function amendedText(block: Node, ids: ReadonlySet<string>): string {
  return tidy(
    readPieces(block, ids)
      .filter((piece) => piece.kind !== 'del')
      .map((piece) => piece.text)
      .join(''),
  );
}

/** Adds the phrases of our proposals' text changes in `block`, named `where`. */
function describeText(
  block: Node,
  where: Parts | InstructionPart,
  ids: ReadonlySet<string>,
  collected: Collected,
): void {
  const pieces = readPieces(block, ids);
  if (!pieces.some((piece) => piece.kind !== 'base')) return;
  const base = baseText(pieces);
  let before = '';
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index]!;
    if (piece.kind === 'base') {
      before += piece.text;
      index += 1;
      continue;
    }
    // A run: the pieces of one proposal next to each other (a replaced word is its deletion,
    // then its insertion).
    let deleted = '';
    let inserted = '';
    const id = piece.id!;
    while (index < pieces.length && pieces[index]!.kind !== 'base' && pieces[index]!.id === id) {
      const part = pieces[index]!;
      if (part.kind === 'del') deleted += part.text;
      else inserted += part.text;
      index += 1;
    }
    const after = baseText(pieces.slice(index));
    collected.add(id, where, describeRun(base, before, deleted, inserted, after));
    before += deleted;
  }
}

/** One change of text: "“a” te vervangen door “b”", "“a” te schrappen", "na “…” in te voegen: “b”". */
function describeRun(
  base: string,
  before: string,
  deleted: string,
  inserted: string,
  after: string,
): Parts {
  const removed = tidy(deleted);
  const added = tidy(inserted);
  if (removed !== '') {
    // Text that stands more than once in the block is told apart by the words before it.
    const which =
      occurrences(tidy(base), removed) > 1
        ? [text(' ('), ...describePosition(base, before), text(')')]
        : [];
    return added === ''
      ? [quoted('old', removed), ...which, text(' te schrappen')]
      : [quoted('old', removed), ...which, text(' te vervangen door '), quoted('new', added)];
  }
  if (tidy(before) === '' && tidy(after) === '') {
    return [text('de tekst '), quoted('new', added), text(' in te voegen')];
  }
  if (tidy(after) === '') return [text('aan het einde in te voegen: '), quoted('new', added)];
  return [...describePosition(base, before), text(' in te voegen: '), quoted('new', added)];
}

/** "na “de woorden ervoor”", or "aan het begin": enough words to be found once in `base`. */
function describePosition(base: string, before: string): Parts {
  const words = tidy(before).split(' ').filter(Boolean);
  if (words.length === 0) return [text('aan het begin')];
  const all = tidy(base);
  let count = Math.min(CONTEXT_WORDS, words.length);
  let context = words.slice(-count).join(' ');
  while (count < words.length && occurrences(all, context) > 1) {
    count += 1;
    context = words.slice(-count).join(' ');
  }
  return [text('na '), quoted('context', context)];
}

// ---------------------------------------------------------------------------------------
// Blocks and items

/** Adds the instructions for the blocks of a `recitals` or `operatives` container. */
function describeContainer(
  container: Node,
  section: number,
  ids: ReadonlySet<string>,
  collected: Collected,
): void {
  // The blocks' places in the resolution: blocks a pending proposal adds are not in it.
  const baseIndex: (number | null)[] = [];
  let count = 0;
  container.forEach((block) => {
    if (getBlockChange(block)?.type === 'insert') {
      baseIndex.push(null);
    } else {
      baseIndex.push(count);
      count += 1;
    }
  });
  const blockTarget = (index: number): ElementPath | null => {
    const block = baseIndex[index];
    return block === null || block === undefined ? null : { section, block, item: null };
  };
  container.forEach((block, _offset, index) => {
    if (!isClauseBlock(block)) return;
    const change = getBlockChange(block);
    if (change && ids.has(change.id)) {
      if (change.type === 'delete') {
        collected.add(change.id, null, [
          placeOf(`het blok ${quotedHeading(block)}`, blockTarget(index)),
          text(' te schrappen'),
        ]);
      } else {
        const where = describeBlockPosition(container, index, blockTarget);
        const items = describeBlockItems(block, ids);
        collected.add(change.id, null, [
          ...where,
          text(`een nieuw blok ${quotedHeading(block)} in te voegen, luidende: `),
          { kind: 'new', text: items },
        ]);
      }
      return;
    }
    describeBlock(block, blockTarget(index), ids, collected);
  });
}

/** "na het blok ‘Spreekt uit’ ", "vóór het blok ‘Spreekt uit’ ", or nothing in an empty container. */
function describeBlockPosition(
  container: Node,
  index: number,
  blockTarget: (index: number) => ElementPath | null,
): Parts {
  const isBase = (block: Node) => getBlockChange(block)?.type !== 'insert';
  const at = (i: number, word: string) => [
    text(`${word} `),
    placeOf(`het blok ${quotedHeading(container.child(i))}`, blockTarget(i)),
    text(' '),
  ];
  for (let i = index - 1; i >= 0; i -= 1) {
    if (isBase(container.child(i))) return at(i, 'na');
  }
  for (let i = index + 1; i < container.childCount; i += 1) {
    if (isBase(container.child(i))) return at(i, 'vóór');
  }
  return [];
}

/** A new block's items with their numbers: "1. Dat …; 2. Dat …". */
function describeBlockItems(block: Node, ids: ReadonlySet<string>): string {
  const labels = getItemLabels(block);
  const items: string[] = [];
  block.forEach((item, _offset, index) => {
    items.push(`${labels[index]} ${amendedText(item, ids)}`.trim());
  });
  return items.join(' ');
}

/** The item's proposal on itself (added or deleted), or null. */
function itemChange(item: Node): ItemChange | null {
  return (item.attrs.change as ItemChange | null) ?? null;
}

/** What one kind of item is called: punt, onderdeel, opsommingsteken (one, many). */
function itemNoun(block: Node, item: Node): { one: string; many: string; gender: 'de' | 'het' } {
  if (item.attrs.indent === 0) {
    return block.type.name === 'recital_block'
      ? { one: 'overweging', many: 'overwegingen', gender: 'de' }
      : { one: 'punt', many: 'punten', gender: 'het' };
  }
  return item.attrs.marker === 'bullet'
    ? { one: 'opsommingsteken', many: 'opsommingstekens', gender: 'het' }
    : { one: 'onderdeel', many: 'onderdelen', gender: 'het' };
}

/**
 * The block as the resolution reads it: without the items any pending proposal adds, so that
 * items are named by the numbers the members see.
 */
interface BaseBlock {
  node: Node;
  /** Per item of the block, its index in the base block, or -1 for an item a proposal adds. */
  indexOf: number[];
}

function readBaseBlock(block: Node): BaseBlock {
  const items: Node[] = [];
  const indexOf: number[] = [];
  block.forEach((item) => {
    if (itemChange(item)?.type === 'insert') {
      indexOf.push(-1);
    } else {
      indexOf.push(items.length);
      items.push(item);
    }
  });
  // A block all of whose items are proposed (a block another proposal adds) is named as it is.
  if (items.length === 0) {
    return { node: block, indexOf: indexOf.map((_value, index) => index) };
  }
  return { node: block.copy(Fragment.fromArray(items)), indexOf };
}

/** Adds the instructions for the items of one block (not added or deleted as a whole). */
function describeBlock(
  block: Node,
  blockTarget: ElementPath | null,
  ids: ReadonlySet<string>,
  collected: Collected,
): void {
  const base = readBaseBlock(block);
  const heading = quotedHeading(block);
  const name = (index: number) => nameItem(base.node, base.indexOf[index]!);
  const target = (index: number) => itemTarget(block, base, blockTarget, index);
  let index = 0;
  while (index < block.childCount) {
    const item = block.child(index);
    const change = itemChange(item);
    if (change && ids.has(change.id) && change.type === 'insert') {
      // New items of one proposal next to each other, with the sub-items of a new punt.
      const start = index;
      while (
        index < block.childCount &&
        itemChange(block.child(index))?.id === change.id &&
        itemChange(block.child(index))?.type === 'insert'
      ) {
        index += 1;
      }
      collected.add(change.id, null, describeNewItems(block, base, blockTarget, start, index, ids));
      continue;
    }
    if (change && ids.has(change.id) && change.type === 'delete') {
      const deleted: number[] = [];
      while (
        index < block.childCount &&
        itemChange(block.child(index))?.id === change.id &&
        itemChange(block.child(index))?.type === 'delete'
      ) {
        deleted.push(index);
        index += 1;
      }
      // One item is named with its block as its place; several each on their own.
      const names =
        deleted.length === 1
          ? [placeOf(`${name(deleted[0]!)} onder ${heading}`, target(deleted[0]!))]
          : [
              ...joinParts(deleted.map((at) => [placeOf(name(at), target(at))])),
              text(` onder ${heading}`),
            ];
      collected.add(change.id, null, [...names, text(' te schrappen')]);
      continue;
    }
    const where =
      base.indexOf[index] === -1
        ? [
            text(`het voorgestelde nieuwe ${itemNoun(block, item).one} `),
            ...describeItemPosition(block, base, blockTarget, index),
          ]
        : [placeOf(`${name(index)} onder ${heading}`, target(index))];
    describeText(item, where, ids, collected);
    index += 1;
  }
}

/** Where item `index` of `block` is in the resolution; null for an item a proposal adds. */
function itemTarget(
  block: Node,
  base: BaseBlock,
  blockTarget: ElementPath | null,
  index: number,
): ElementPath | null {
  const item = base.indexOf[index];
  if (blockTarget === null || item === undefined || item === -1) return null;
  if (itemChange(block.child(index))?.type === 'insert') return null;
  return { ...blockTarget, item };
}

/**
 * Where items added before `index` go, named by the items of the resolution around them:
 * "na punt 3 onder ‘Spreekt uit’", "vóór punt 1 onder …", "onder ‘Spreekt uit’".
 */
function describeItemPosition(
  block: Node,
  base: BaseBlock,
  blockTarget: ElementPath | null,
  index: number,
): Parts {
  const heading = quotedHeading(block);
  const topLevel = block.child(index).attrs.indent === 0;
  const at = (i: number, word: string) => [
    text(`${word} `),
    placeOf(
      `${nameItem(base.node, base.indexOf[i]!)} onder ${heading}`,
      itemTarget(block, base, blockTarget, i),
    ),
  ];
  for (let i = index - 1; i >= 0; i -= 1) {
    if (base.indexOf[i] === -1) continue;
    // A new punt comes after a punt (with its onderdelen), not after an onderdeel.
    if (topLevel && block.child(i).attrs.indent !== 0) continue;
    return at(i, 'na');
  }
  for (let i = index + 1; i < block.childCount; i += 1) {
    if (base.indexOf[i] === -1) continue;
    return at(i, 'vóór');
  }
  return [text('onder '), placeOf(heading, blockTarget)];
}

/** "na punt 3 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “…”". */
function describeNewItems(
  block: Node,
  base: BaseBlock,
  blockTarget: ElementPath | null,
  start: number,
  end: number,
  ids: ReadonlySet<string>,
): Parts {
  const labels = getItemLabels(block);
  // Each entry: a new item with the new sub-items that follow it.
  const entries: { item: Node; text: string }[] = [];
  for (let index = start; index < end; index += 1) {
    const item = block.child(index);
    const itemText = amendedText(item, ids);
    const last = entries[entries.length - 1];
    if (last && last.item.attrs.indent === 0 && item.attrs.indent !== 0) {
      last.text = `${last.text} ${labels[index]} ${itemText}`.trim();
    } else {
      entries.push({ item, text: itemText });
    }
  }
  const first = entries[0]!.item;
  const noun = itemNoun(block, first);
  const what =
    entries.length === 1
      ? `${noun.gender === 'de' ? 'een nieuwe' : 'een nieuw'} ${noun.one}`
      : `${countWord(entries.length)} nieuwe ${noun.many}`;
  const quotes = joinParts(entries.map((entry) => [quoted('new', entry.text)]));
  const position =
    describeSubItemPosition(block, base, blockTarget, start) ??
    describeItemPosition(block, base, blockTarget, start);
  // "aan punt 1 … een nieuw onderdeel toe te voegen", otherwise "… in te voegen".
  const verb = partsText(position).startsWith('aan ') ? 'toe te voegen' : 'in te voegen';
  return [...position, text(` ${what} ${verb}, luidende: `), ...quotes];
}

/**
 * For new onderdelen right under a punt of the resolution: "aan punt 1 onder …" (none follow)
 * or "in punt 1 onder … vóór onderdeel a" (its first onderdeel follows); null otherwise.
 */
function describeSubItemPosition(
  block: Node,
  base: BaseBlock,
  blockTarget: ElementPath | null,
  start: number,
): Parts | null {
  if (block.child(start).attrs.indent === 0 || start === 0) return null;
  const parentIndex = start - 1;
  if (base.indexOf[parentIndex] === -1 || block.child(parentIndex).attrs.indent !== 0) return null;
  const heading = quotedHeading(block);
  const parentName = nameItem(base.node, base.indexOf[parentIndex]!);
  const parent = placeOf(
    `${parentName} onder ${heading}`,
    itemTarget(block, base, blockTarget, parentIndex),
  );
  for (let i = start + 1; i < block.childCount; i += 1) {
    if (base.indexOf[i] === -1) continue;
    if (block.child(i).attrs.indent === 0) break;
    const next =
      block.child(i).attrs.marker === 'bullet'
        ? 'het eerste opsommingsteken'
        : nameItem(base.node, base.indexOf[i]!).replace(/ van .*$/, '');
    return [text('in '), parent, text(`, vóór ${next},`)];
  }
  return [text('aan '), parent];
}

// ---------------------------------------------------------------------------------------
// The Toelichting

/**
 * The Toelichting's paragraphs and headings: "alinea 2 van de Toelichting", "het kopje
 * “Overhedenoverleg” van de Toelichting"; a paragraph a proposal of ours adds as a whole is
 * "een nieuwe alinea".
 */
function describeExplanation(
  explanation: Node,
  section: number,
  ids: ReadonlySet<string>,
  collected: Collected,
): void {
  // The Toelichting's paragraphs have no element of their own: a place in it points to it.
  const target: ElementPath = { section, block: null, item: null };
  let paragraphs = 0;
  let lastPlace: string | null = null;
  explanation.descendants((node) => {
    if (!node.isTextblock) return true;
    const pieces = readPieces(node, ids);
    const base = tidy(baseText(pieces));
    const isHeading = node.type.name === 'heading';
    if (base === '') {
      // No text of the resolution: a paragraph (or heading) only a proposal adds.
      const own = pieces.find((piece) => piece.kind === 'ins');
      if (own) {
        const where =
          lastPlace === null
            ? [text('aan het begin van '), placeOf('de Toelichting', target)]
            : [text('na '), placeOf(lastPlace, target)];
        const what = isHeading ? 'een nieuw kopje' : 'een nieuwe alinea';
        collected.add(own.id!, null, [
          ...where,
          text(` ${what} in te voegen, luidende: `),
          quoted('new', amendedText(node, ids)),
        ]);
      }
      return false;
    }
    let place: string;
    if (isHeading) {
      place = `het kopje ${quote(base)} van de Toelichting`;
    } else {
      paragraphs += 1;
      place = `alinea ${paragraphs} van de Toelichting`;
    }
    describeText(node, placeOf(place, target), ids, collected);
    lastPlace = place;
    return false;
  });
}

// ---------------------------------------------------------------------------------------
// Words

/** White space as one space, no space at the ends. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string): string {
  return `“${text}”`;
}

/** How many times `part` stands in `text`. */
function occurrences(text: string, part: string): number {
  if (part === '') return 0;
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count += 1;
  return count;
}

const COUNT_WORDS = [
  '',
  'een',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
];

function countWord(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}
