/**
 * Which element a typed phrase names: "punt 3", "overweging 2", "onderdeel b van punt 1", as
 * the typing suggestion reads them before the cursor (referenceSuggestion.ts), and which
 * elements a filter in "Verwijzing invoegen" matches ("3", "punt 3", "1b", a word of the text).
 */
import type { Node } from 'prosemirror-model';
import { getReferenceTargets } from '../../shared/editor/queries/getReferences.ts';
import type { ReferenceTarget } from '../../shared/editor/queries/getReferences.ts';

/** A phrase naming an element, at the end of the text before the cursor. */
export interface TypedPhrase {
  /** The phrase as typed ("Punt 3"), which the reference replaces. */
  text: string;
  /** The label it names, in the labels' own words ("punt 3", "onderdeel b van punt 1"). */
  label: string;
}

// The longer form first: "onderdeel b van punt 1" ends with "punt 1" too. Preceded by the
// start of the text or a character that is no letter or digit ("(punt 3", "zie punt 3").
const PHRASES = [
  /(?:^|[^\p{L}\p{N}])(onderdeel\s+([a-z])\s+van\s+(punt|overweging)\s+(\d{1,3}))$/iu,
  /(?:^|[^\p{L}\p{N}])((punt|overweging)\s+(\d{1,3}))$/iu,
];

/** The phrase naming an element that `before` (the text before the cursor) ends with, or null. */
export function findTypedPhrase(before: string): TypedPhrase | null {
  const sub = PHRASES[0]!.exec(before);
  if (sub) {
    const [, text, letter, noun, number] = sub;
    return {
      text: text!,
      label: `onderdeel ${letter!.toLowerCase()} van ${noun!.toLowerCase()} ${Number(number)}`,
    };
  }
  const item = PHRASES[1]!.exec(before);
  if (item) {
    const [, text, noun, number] = item;
    return { text: text!, label: `${noun!.toLowerCase()} ${Number(number)}` };
  }
  return null;
}

/**
 * The element `label` names in `doc`. With more than one block of items a label carries the
 * block ("punt 3 onder 'Verzoekt het bestuur'"); then the one in the block around `near` wins,
 * else the first.
 */
export function findTargetByLabel(doc: Node, label: string, near: number): ReferenceTarget | null {
  const candidates = getReferenceTargets(doc).filter(
    (target) => target.label === label || target.label.startsWith(`${label} onder `),
  );
  if (candidates.length <= 1) return candidates[0] ?? null;
  const block = blockAround(doc, near);
  return candidates.find((target) => blockAround(doc, target.pos + 1) === block) ?? candidates[0]!;
}

// The position of the block `pos` lies in (recitals or operatives > block), or -1.
function blockAround(doc: Node, pos: number): number {
  const $pos = doc.resolve(pos);
  return $pos.depth >= 2 ? $pos.before(2) : -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `target` matches the filter `query`: a number ("3") matches that item and its
 * sub-items, a number and a letter ("1b") that sub-item, and anything else a label containing
 * it as whole words ("punt 3" not "punt 30") or a text containing it.
 */
export function matchesReferenceFilter(target: ReferenceTarget, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '') return true;
  const label = target.label.toLowerCase();
  const numbered = /^(\d{1,3})\s*([a-z])?$/.exec(q);
  if (numbered) {
    const [, number, letter] = numbered;
    const item = new RegExp(`^(punt|overweging) ${number}(?![0-9])`);
    const sub = new RegExp(
      `^onderdeel ${letter ?? '[a-z]'} van (punt|overweging) ${number}(?![0-9])`,
    );
    if (letter) return sub.test(label);
    return item.test(label) || sub.test(label);
  }
  if (new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(q)}(?![\\p{L}\\p{N}])`, 'u').test(label)) {
    return true;
  }
  return target.text.toLowerCase().includes(q);
}
