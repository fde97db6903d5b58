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
 */
import { Fragment } from 'prosemirror-model';
import { joinAnd } from '../sentences.ts';
import type { Node } from 'prosemirror-model';
import type { TrackedChange } from '../editor/suggestions/trackedChanges.ts';
import { getBlockChange, withoutStrayDeletions } from '../editor/suggestions/trackedChanges.ts';
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
  const ids = new Set(changes.map((change) => change.id));
  if (ids.size === 0) return [];
  const collected = new Collected();
  const clean = withoutStrayDeletions(doc);
  clean.forEach((section) => {
    switch (section.type.name) {
      case 'title':
        describeText(section, 'de titel', ids, collected);
        break;
      case 'recitals':
      case 'operatives':
        describeContainer(section, ids, collected);
        break;
      case 'explanation':
        describeExplanation(section, ids, collected);
        break;
      default:
        break;
    }
  });
  return collected.instructions();
}

/**
 * The phrases found per proposal, in the order met: each with the place it is in, so that
 * phrases on one place join into one clause ("in punt 1 … “a” te schrappen en “b” …").
 */
class Collected {
  private readonly phrases = new Map<string, { where: string | null; text: string }[]>();

  add(id: string, where: string | null, text: string): void {
    const list = this.phrases.get(id) ?? [];
    list.push({ where, text });
    this.phrases.set(id, list);
  }

  instructions(): string[] {
    return [...this.phrases.values()].map((list) => {
      const clauses: string[] = [];
      let index = 0;
      while (index < list.length) {
        const { where } = list[index]!;
        const same: string[] = [];
        while (index < list.length && list[index]!.where === where) {
          same.push(list[index]!.text);
          index += 1;
        }
        clauses.push(`${where === null ? '' : `in ${where} `}${joinAnd(same)}`);
      }
      return joinAnd(clauses);
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
  where: string,
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
): string {
  const removed = tidy(deleted);
  const added = tidy(inserted);
  if (removed !== '') {
    // Text that stands more than once in the block is told apart by the words before it.
    const which =
      occurrences(tidy(base), removed) > 1 ? ` (${describePosition(base, before)})` : '';
    return added === ''
      ? `${quote(removed)}${which} te schrappen`
      : `${quote(removed)}${which} te vervangen door ${quote(added)}`;
  }
  if (tidy(before) === '' && tidy(after) === '') return `de tekst ${quote(added)} in te voegen`;
  if (tidy(after) === '') return `aan het einde in te voegen: ${quote(added)}`;
  return `${describePosition(base, before)} in te voegen: ${quote(added)}`;
}

/** "na “de woorden ervoor”", or "aan het begin": enough words to be found once in `base`. */
function describePosition(base: string, before: string): string {
  const words = tidy(before).split(' ').filter(Boolean);
  if (words.length === 0) return 'aan het begin';
  const text = tidy(base);
  let count = Math.min(CONTEXT_WORDS, words.length);
  let context = words.slice(-count).join(' ');
  while (count < words.length && occurrences(text, context) > 1) {
    count += 1;
    context = words.slice(-count).join(' ');
  }
  return `na ${quote(context)}`;
}

// ---------------------------------------------------------------------------------------
// Blocks and items

/** Adds the instructions for the blocks of a `recitals` or `operatives` container. */
function describeContainer(container: Node, ids: ReadonlySet<string>, collected: Collected): void {
  container.forEach((block, _offset, index) => {
    if (!isClauseBlock(block)) return;
    const change = getBlockChange(block);
    if (change && ids.has(change.id)) {
      if (change.type === 'delete') {
        collected.add(change.id, null, `het blok ${quotedHeading(block)} te schrappen`);
      } else {
        const where = describeBlockPosition(container, index);
        const items = describeBlockItems(block, ids);
        collected.add(
          change.id,
          null,
          `${where}een nieuw blok ${quotedHeading(block)} in te voegen, luidende: ${items}`,
        );
      }
      return;
    }
    describeBlock(block, ids, collected);
  });
}

/** "na het blok ‘Spreekt uit’ ", "vóór het blok ‘Spreekt uit’ ", or '' in an empty container. */
function describeBlockPosition(container: Node, index: number): string {
  const isBase = (block: Node) => getBlockChange(block)?.type !== 'insert';
  for (let i = index - 1; i >= 0; i -= 1) {
    const block = container.child(i);
    if (isBase(block)) return `na het blok ${quotedHeading(block)} `;
  }
  for (let i = index + 1; i < container.childCount; i += 1) {
    const block = container.child(i);
    if (isBase(block)) return `vóór het blok ${quotedHeading(block)} `;
  }
  return '';
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
function describeBlock(block: Node, ids: ReadonlySet<string>, collected: Collected): void {
  const base = readBaseBlock(block);
  const heading = quotedHeading(block);
  const name = (index: number) => nameItem(base.node, base.indexOf[index]!);
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
      collected.add(change.id, null, describeNewItems(block, base, start, index, ids));
      continue;
    }
    if (change && ids.has(change.id) && change.type === 'delete') {
      const names: string[] = [];
      while (
        index < block.childCount &&
        itemChange(block.child(index))?.id === change.id &&
        itemChange(block.child(index))?.type === 'delete'
      ) {
        names.push(name(index));
        index += 1;
      }
      collected.add(change.id, null, `${joinAnd(names)} onder ${heading} te schrappen`);
      continue;
    }
    const where =
      base.indexOf[index] === -1
        ? `het voorgestelde nieuwe ${itemNoun(block, item).one} ${describeItemPosition(block, base, index)}`
        : `${name(index)} onder ${heading}`;
    describeText(item, where, ids, collected);
    index += 1;
  }
}

/**
 * Where items added before `index` go, named by the items of the resolution around them:
 * "na punt 3 onder ‘Spreekt uit’", "vóór punt 1 onder …", "onder ‘Spreekt uit’".
 */
function describeItemPosition(block: Node, base: BaseBlock, index: number): string {
  const heading = quotedHeading(block);
  const topLevel = block.child(index).attrs.indent === 0;
  for (let i = index - 1; i >= 0; i -= 1) {
    if (base.indexOf[i] === -1) continue;
    // A new punt comes after a punt (with its onderdelen), not after an onderdeel.
    if (topLevel && block.child(i).attrs.indent !== 0) continue;
    return `na ${nameItem(base.node, base.indexOf[i]!)} onder ${heading}`;
  }
  for (let i = index + 1; i < block.childCount; i += 1) {
    if (base.indexOf[i] === -1) continue;
    return `vóór ${nameItem(base.node, base.indexOf[i]!)} onder ${heading}`;
  }
  return `onder ${heading}`;
}

/** "na punt 3 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “…”". */
function describeNewItems(
  block: Node,
  base: BaseBlock,
  start: number,
  end: number,
  ids: ReadonlySet<string>,
): string {
  const labels = getItemLabels(block);
  // Each entry: a new item with the new sub-items that follow it.
  const entries: { item: Node; text: string }[] = [];
  for (let index = start; index < end; index += 1) {
    const item = block.child(index);
    const text = amendedText(item, ids);
    const last = entries[entries.length - 1];
    if (last && last.item.attrs.indent === 0 && item.attrs.indent !== 0) {
      last.text = `${last.text} ${labels[index]} ${text}`.trim();
    } else {
      entries.push({ item, text });
    }
  }
  const first = entries[0]!.item;
  const noun = itemNoun(block, first);
  const what =
    entries.length === 1
      ? `${noun.gender === 'de' ? 'een nieuwe' : 'een nieuw'} ${noun.one}`
      : `${countWord(entries.length)} nieuwe ${noun.many}`;
  const quoted = joinAnd(entries.map((entry) => quote(entry.text)));
  const position =
    describeSubItemPosition(block, base, start) ?? describeItemPosition(block, base, start);
  // "aan punt 1 … een nieuw onderdeel toe te voegen", otherwise "… in te voegen".
  const verb = position.startsWith('aan ') ? 'toe te voegen' : 'in te voegen';
  return `${position} ${what} ${verb}, luidende: ${quoted}`;
}

/**
 * For new onderdelen right under a punt of the resolution: "aan punt 1 onder …" (none follow)
 * or "in punt 1 onder … vóór onderdeel a" (its first onderdeel follows); null otherwise.
 */
function describeSubItemPosition(block: Node, base: BaseBlock, start: number): string | null {
  if (block.child(start).attrs.indent === 0 || start === 0) return null;
  const parentIndex = start - 1;
  if (base.indexOf[parentIndex] === -1 || block.child(parentIndex).attrs.indent !== 0) return null;
  const heading = quotedHeading(block);
  const parent = nameItem(base.node, base.indexOf[parentIndex]!);
  for (let i = start + 1; i < block.childCount; i += 1) {
    if (base.indexOf[i] === -1) continue;
    if (block.child(i).attrs.indent === 0) break;
    const next =
      block.child(i).attrs.marker === 'bullet'
        ? 'het eerste opsommingsteken'
        : nameItem(base.node, base.indexOf[i]!).replace(/ van .*$/, '');
    return `in ${parent} onder ${heading}, vóór ${next},`;
  }
  return `aan ${parent} onder ${heading}`;
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
  ids: ReadonlySet<string>,
  collected: Collected,
): void {
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
        const where = lastPlace === null ? 'aan het begin van de Toelichting' : `na ${lastPlace}`;
        const what = isHeading ? 'een nieuw kopje' : 'een nieuwe alinea';
        collected.add(
          own.id!,
          null,
          `${where} ${what} in te voegen, luidende: ${quote(amendedText(node, ids))}`,
        );
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
    describeText(node, place, ids, collected);
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
