/**
 * The documents the benchmarks work on: resolutions of 10, 100, 300 or 1,000 numbered items
 * (300 with its Toelichting is about 40 A4 pages, 1,000 about 130), generated from the clauses and explanations of
 * the real seeds by a seeded random generator, so every run measures the same documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import type {
  InlineRun,
  ParsedBlock,
  ParsedFlow,
  ParsedItem,
  ParsedResolution,
} from '../shared/model/resolution.ts';
import { OPERATIVE_HEADINGS, RECITAL_HEADINGS } from '../shared/model/resolution.ts';
import { parseResolutionText } from '../shared/import/parseResolutionText.ts';
import { docFromModel } from '../shared/editor/fromModel.ts';
import { createSeededRandom } from '../shared/testing/seededRandom.ts';

const SEEDS_DIR = new URL('../test/fixtures/seeds/', import.meta.url).pathname;

/** The item counts of the generated documents. */
export const DOCUMENT_SIZES = [10, 100, 300, 1000] as const;

/** The seed every benchmark document is generated from, unless told otherwise. */
export const DOCUMENT_SEED = 20241129;

interface SeedPool {
  recitals: InlineRun[][];
  operatives: InlineRun[][];
  explanation: ParsedFlow[];
}

let pool: SeedPool | null = null;

/** The clauses and Toelichting content of all seeds, read once. */
function readSeedPool(): SeedPool {
  if (pool) return pool;
  const next: SeedPool = { recitals: [], operatives: [], explanation: [] };
  for (const name of readdirSync(SEEDS_DIR).sort()) {
    if (!name.endsWith('.txt')) continue;
    const parsed = parseResolutionText(readFileSync(path.join(SEEDS_DIR, name), 'utf8'));
    for (const block of parsed.blocks) {
      const target = block.type === 'recital' ? next.recitals : next.operatives;
      for (const item of block.items) if (item.content.length > 0) target.push(item.content);
    }
    next.explanation.push(...parsed.explanation);
  }
  pool = next;
  return next;
}

/**
 * A resolution with `items` numbered items (sub-items included) in several recital and
 * operative blocks, and a Toelichting in proportion: the same `seed` gives the same document.
 */
export function generateResolution(items: number, seed = DOCUMENT_SEED): ParsedResolution {
  const random = createSeededRandom(seed + items);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const seeds = readSeedPool();

  // About two fifths recitals; a block per 40 items or so, at least one of each kind.
  const recitalCount = Math.max(1, Math.round(items * 0.4));
  const blockSizes = (count: number): number[] => {
    const blockCount = Math.max(1, Math.round(count / 40));
    return Array.from(
      { length: blockCount },
      (_, b) => Math.floor(count / blockCount) + (b < count % blockCount ? 1 : 0),
    );
  };
  const makeItems = (size: number, pool: readonly InlineRun[][]): ParsedItem[] =>
    Array.from({ length: size }, (_, i) => {
      // Now and then a lettered sub-item, as in seed 004; never as the block's first.
      const sub = i > 0 && random() < 0.12;
      return { indent: sub ? 1 : 0, marker: 'letter', content: pick(pool) };
    });
  const recitals: ParsedBlock[] = blockSizes(recitalCount).map((size, b) => ({
    type: 'recital',
    heading: RECITAL_HEADINGS[b % RECITAL_HEADINGS.length]!,
    items: makeItems(size, seeds.recitals),
  }));
  const operatives: ParsedBlock[] = blockSizes(items - recitalCount).map((size, b) => ({
    type: 'operative',
    heading: OPERATIVE_HEADINGS[b % OPERATIVE_HEADINGS.length]!,
    items: makeItems(size, seeds.operatives),
  }));

  // The Toelichting grows with the items (two pieces of seed content per five items, a heading
  // per twelve pieces), which makes 300 items about 40 A4 pages.
  const explanation: ParsedFlow[] = [];
  for (let i = 0; i < Math.max(3, Math.round(items * 0.4)); i++) {
    if (i % 12 === 0) {
      explanation.push({
        type: 'heading',
        level: 1,
        content: [{ type: 'text', text: `Onderdeel ${i / 12 + 1}` }],
      });
    }
    explanation.push(pick(seeds.explanation));
  }

  return {
    kind: 'resolutie',
    status: 'concept',
    title: `Benchmarkresolutie met ${items} punten`,
    preamble: { assembly: 'Najaars ALV', date: '2024-11-29' },
    blocks: [...recitals, ...operatives],
    explanation,
  };
}

/** The generated resolution as a ProseMirror document, checked against the schema. */
export function generateDoc(items: number, seed = DOCUMENT_SEED): Node {
  const doc = docFromModel(generateResolution(items, seed));
  doc.check();
  return doc;
}

/** The number of numbered items (and sub-items) of a document. */
export function countItems(doc: Node): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type.name === 'item') count += 1;
    return node.type.name !== 'item';
  });
  return count;
}
