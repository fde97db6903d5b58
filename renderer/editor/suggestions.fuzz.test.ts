/**
 * Seeded multi-replica fuzz test of tracked changes through Yjs. Three to five co-editors (drawn
 * per seed), each in suggestion mode as their own author, type, delete (within an item, across
 * items and blocks, over a colleague's pending proposal), type over selections, press Enter
 * and Tab, add blocks and retitle them, every transaction turned into a proposal by
 * `suggestTransaction` as the editor's dispatch does; and they accept and reject changes: one
 * by id, all of one author, all, and two of them the same change at once. Their updates travel
 * through a network (testing/fuzzReplicas.ts) that delays them, delivers them in random order,
 * delivers some twice, cuts replicas off for a while, splits the replicas into two sides that
 * go on among themselves, and lets a reconnecting replica do the provider's handshake (its
 * state at once, the queued updates again later).
 *
 * Every local edit must leave a valid document, remove no item, and remove or re-mark no text
 * but what it may (testing/textLedger.ts). When everything is delivered, every replica must hold
 * the same document and Yjs state, valid against the schema (also read strictly), with the same
 * tracked changes, changes keeping their authors, as many items as the local edits made, labels
 * that follow the indents, and no text gone that nobody deleted; after one co-editor decides on
 * everything left, nothing is pending anywhere. Over a run of seeds, the test also checks that
 * runs of 3, 4 and 5 co-editors, duplicates, handshakes and partitions all happened. Undo is not
 * driven (the plain editing fuzz does not drive it either). Removing blocks is; moving them is
 * not: concurrent moves of blocks of different lengths merge the texts of two blocks into one
 * item (nothing is lost; the editing fuzz drives moves). The block cases without a merge are in
 * shared/editor/suggestions/suggestBlocks.test.ts.
 *
 * Text a merge doubled (two co-editors splitting one item at once) must be found alike on every
 * replica (merges/findDoubledText.ts); a participant removes it, and then no text may be there
 * more often than local edits put it. Items put back for text a colleague deleted unseen
 * (merges/rescueLostText.ts) count as items. Losses that come from Yjs's formatting or from
 * containers rather than from the suggestion code (see textLedger.ts and
 * mergeKnownIssues.test.ts) fail the test too (strict, the default: FUZZ_STRICT=0 tolerates
 * them, to look past one for other faults). The editor's check of where change marks apply
 * (merges/changeOrigins.ts) is in every replica, and the ledger checks each co-editor's
 * document as it applies (`Suggester.view`). FUZZ_SEEDS=1000 runs a longer mode, FUZZ_SEED=n
 * one seed, FUZZ_KEEP_GOING=1 every seed whatever fails, FUZZ_TRACE=1 prints every edit.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chainCommands } from 'prosemirror-commands';
import type { Command } from 'prosemirror-state';
import { backspace, del, deleteChar, enter, keys, typeText } from './testing/editorKeys.ts';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/editor/schema.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import {
  addBlock,
  canRemoveBlock,
  removeBlock,
  setBlockHeading,
} from '../../shared/editor/commands/blocks.ts';
import { OPERATIVE_HEADINGS, RECITAL_HEADINGS } from '../../shared/model/resolution.ts';
import { getItemLabels, getItemNumbering } from '../../shared/editor/queries/getItemLabels.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { USER_COLOURS } from '../../shared/model/userColours.ts';
import type {
  ChangeAttrs,
  ChangeAuthor,
  ItemChange,
} from '../../shared/editor/suggestions/changeMarks.ts';
import { KEEP_AS_IS, suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import {
  acceptChanges,
  getTrackedChanges,
  rejectChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import type { ChangeFilter } from '../../shared/editor/suggestions/trackedChanges.ts';
import {
  createInitialUpdate,
  isLostWithContainer,
  Network,
  blockPositions,
  Replica,
  textblockRanges,
} from './testing/fuzzReplicas.ts';
import { addCoverage, fuzzSeeds, runFuzzSeeds } from './testing/fuzzSeeds.ts';
import { createSeededRandom } from '../../shared/testing/seededRandom.ts';
import type { Coverage } from './testing/fuzzSeeds.ts';
import { describeChanges, TextLedger } from './testing/textLedger.ts';
import { findDoubledText } from './merges/findDoubledText.ts';
import { withAppliedChanges } from '../../shared/editor/suggestions/appliedChanges.ts';
import { checkChanges, getChangeOrigins } from '../../shared/editor/suggestions/changeOrigins.ts';
import { removeDoubledText } from './merges/decideDoubledText.ts';

const AUTHORS: ChangeAuthor[] = [
  { name: 'Auteur', colour: USER_COLOURS[0] },
  { name: 'Bewerker', colour: USER_COLOURS[1] },
  { name: 'Controleur', colour: USER_COLOURS[2] },
  { name: 'Directeur', colour: USER_COLOURS[3] },
  { name: 'Expert', colour: USER_COLOURS[4] },
];
/** Co-editors in a run: 3 to 5, drawn per seed. */
const MIN_REPLICAS = 3;
/** Actions per run stay about the same whatever the number of co-editors: rounds × replicas. */
const REPLICA_ROUNDS = 60;
/** The chance that an update is delivered a second time, later. */
const DUPLICATES = 0.2;
/** Untracked text typed around the tracked words: spaces and punctuation repeat on purpose. */
const FILLERS = [' ', ';', ' en ', ','];
const STRICT = process.env.FUZZ_STRICT !== '0';
const TRACE = process.env.FUZZ_TRACE === '1';

/** One co-editor in suggestion mode, with its own change ids and the shared clock. */
class Suggester {
  readonly index: number;
  readonly author: ChangeAuthor;
  readonly replica: Replica;
  private nextId = 0;

  constructor(index: number, author: ChangeAuthor, initial: Uint8Array, clock: { now: number }) {
    this.index = index;
    this.author = author;
    const context = {
      author,
      get now() {
        return clock.now;
      },
      newId: () => `${author.name}-${(this.nextId += 1)}`,
    };
    // As createEditor's dispatch: decisions pass as they are, everything else is proposed.
    this.replica = new Replica(index + 1, initial, {
      propose: (state, tr) =>
        !tr.docChanged || tr.getMeta(KEEP_AS_IS) ? tr : suggestTransaction(state, tr, context),
      keepDeleted: true,
    });
  }

  /** The document as this co-editor sees it now (remote updates read). */
  get doc(): Node {
    this.replica.refresh();
    return this.replica.state.doc;
  }

  /**
   * The document as its proposals apply for this co-editor (appliedChanges.ts): what the
   * ledger checks, as the editor shows it and decides on it.
   */
  get view(): Node {
    const { state } = this.replica;
    return withAppliedChanges(state.doc, checkChanges(state.doc, getChangeOrigins(state)));
  }
}

interface Run {
  rnd: () => number;
  suggesters: Suggester[];
  network: Network;
  ledger: TextLedger;
  clock: { now: number };
  /** What happened, for the failure message. */
  log: string[];
  /** Items in the document as the local edits made them. */
  items: number;
  /**
   * Items local edits removed (a decision on a proposal to add or delete a whole item, taking
   * back one's own new item). Two replicas may remove the same item concurrently, so the merged
   * count lies between `items` and `items + removed`.
   */
  removed: number;
}

function pick<T>(rnd: () => number, list: readonly T[]): T | undefined {
  return list[Math.floor(rnd() * list.length)];
}

function countItems(doc: Node): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type === schema.nodes.item) count += 1;
    return !node.isTextblock;
  });
  return count;
}

/**
 * After a local edit: record it, and check what every local edit must keep. It removes no item
 * but the `removable` ones: proposals on whole items it decides, or the author's own new items.
 */
function recorded(run: Run, who: Suggester, label: string, before: Node, removable = 0): Node {
  const after = who.replica.state.doc;
  run.log.push(label);
  if (TRACE) console.log(`${label}\n${describeChanges(before)}\n-->\n${describeChanges(after)}`);
  after.check();
  const delta = countItems(after) - countItems(before);
  expect(delta, `${label} removed an item it had to keep`).toBeGreaterThanOrEqual(-removable);
  run.items += delta;
  if (delta < 0) run.removed -= delta;
  return after;
}

/** Items proposed on as a whole that match `test` (their `change` attribute). */
function countItemProposals(doc: Node, test: (change: ItemChange) => boolean): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type !== schema.nodes.item) return !node.isTextblock;
    const change = node.attrs.change as ItemChange | null;
    if (change && test(change)) count += 1;
    return false;
  });
  return count;
}

/** A suggestion by `who` with the selection `from`–`to`. */
function suggest(
  run: Run,
  who: Suggester,
  what: string,
  command: Command,
  from: number,
  to = from,
) {
  run.clock.now += 1;
  const before = who.doc;
  const seen = who.view;
  if (!who.replica.apply(command, from, to)) return;
  const label = `${who.author.name} ${what} at ${from}-${to}`;
  const ownNew = countItemProposals(
    before,
    (change) => change.type === 'insert' && change.name === who.author.name,
  );
  recorded(run, who, label, before, ownNew);
  run.ledger.recordSuggestion(who.author.name, seen, who.view, label);
}

/** `who` accepts or rejects the changes `filter` selects in its own document. */
function decide(run: Run, who: Suggester, accept: boolean, filter: ChangeFilter, what: string) {
  run.clock.now += 1;
  const before = who.doc;
  const seen = who.view;
  const ids = new Set(
    getTrackedChanges(seen)
      .filter(filter)
      .map((change) => change.id),
  );
  if (!who.replica.apply(accept ? acceptChanges(filter) : rejectChanges(filter), 1)) return;
  const label = `${who.author.name} ${accept ? 'accepts' : 'rejects'} ${what}`;
  const goes = countItemProposals(
    before,
    (change) => ids.has(change.id) && (change.type === 'delete') === accept,
  );
  recorded(run, who, label, before, goes);
  run.ledger.recordDecision(accept ? 'accept' : 'reject', ids, seen, who.view, label);
}

/** A random position in `range` (a text block's content). */
function within(rnd: () => number, range: { from: number; to: number }): number {
  return range.from + Math.floor(rnd() * (range.to - range.from + 1));
}

function sorted(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** One random edit or decision by `who`. */
function randomAction(run: Run, who: Suggester): void {
  const { rnd, ledger } = run;
  const doc = who.doc;
  const blocks = textblockRanges(doc);
  const items = blocks.filter((block) => block.item);
  const target = (rnd() < 0.8 ? pick(rnd, items) : undefined) ?? pick(rnd, blocks)!;
  const word = () => {
    const text = ledger.word(1 + Math.floor(rnd() * 3), who.index);
    return rnd() < 0.3 ? `${pick(rnd, FILLERS)!}${text}` : text;
  };
  switch (Math.floor(rnd() * 20)) {
    case 0:
    case 1:
    case 2:
      suggest(run, who, 'types', typeText(word()), within(rnd, target));
      return;
    case 3:
      suggest(run, who, 'types filler', typeText(pick(rnd, FILLERS)!), within(rnd, target));
      return;
    case 4:
    case 5: {
      const forward = rnd() < 0.5;
      const key = chainCommands(deleteChar(forward), forward ? del : backspace);
      suggest(run, who, forward ? 'Delete' : 'Backspace', key, within(rnd, target));
      return;
    }
    case 6: {
      // A range within one text block, deleted or typed over.
      const [a, b] = sorted(within(rnd, target), within(rnd, target));
      if (rnd() < 0.5) suggest(run, who, 'deletes', backspace, a, b);
      else suggest(run, who, 'replaces', typeText(word()), a, b);
      return;
    }
    case 7: {
      // A range across items or blocks, deleted or typed over.
      const other = pick(rnd, rnd() < 0.7 ? items : blocks) ?? target;
      const [a, b] = sorted(within(rnd, target), within(rnd, other));
      if (rnd() < 0.6) suggest(run, who, 'deletes across', rnd() < 0.5 ? backspace : del, a, b);
      else suggest(run, who, 'replaces across', typeText(word()), a, b);
      return;
    }
    case 8:
      suggest(run, who, 'Enter', enter, within(rnd, target));
      return;
    case 9:
      suggest(run, who, 'Tab', rnd() < 0.6 ? keys.Tab! : keys['Shift-Tab']!, target.from);
      return;
    case 10: {
      // Deleting text that holds a colleague's pending proposal, and some around it.
      const theirs = getTrackedChanges(doc).filter((change) => change.name !== who.author.name);
      const change = pick(rnd, theirs);
      if (!change) return;
      const from = Math.max(0, change.from - Math.floor(rnd() * 3));
      const to = Math.min(doc.content.size, change.to + Math.floor(rnd() * 3));
      suggest(run, who, `deletes over ${change.id}`, rnd() < 0.5 ? backspace : del, from, to);
      return;
    }
    case 11:
    case 12:
    case 13: {
      const change = pick(rnd, getTrackedChanges(doc));
      if (change) decide(run, who, rnd() < 0.5, (c) => c.id === change.id, change.id);
      return;
    }
    case 14: {
      const name = pick(rnd, AUTHORS)!.name;
      decide(run, who, rnd() < 0.5, (c) => c.name === name, `all of ${name}`);
      return;
    }
    case 15:
      if (rnd() < 0.3) decide(run, who, rnd() < 0.5, () => true, 'all');
      return;
    case 17: {
      // A new block, from the toolbar: its first item is proposed.
      const kind = rnd() < 0.5 ? 'recital' : 'operative';
      suggest(run, who, `adds a ${kind} block`, addBlock(kind), within(rnd, target));
      return;
    }
    case 18: {
      // A block's heading chooser: an attribute, which passes as it is.
      const pos = pick(rnd, blockPositions(doc));
      if (pos === undefined) return;
      const recital = doc.nodeAt(pos)!.type === schema.nodes.recital_block;
      const heading = pick(rnd, recital ? RECITAL_HEADINGS : OPERATIVE_HEADINGS)!;
      suggest(
        run,
        who,
        `retitles the block at ${pos} ${heading}`,
        setBlockHeading(pos, heading),
        1,
      );
      return;
    }
    case 19: {
      // A block's ×: its items are proposed for deletion (one's own new block goes for real).
      const pos = pick(rnd, blockPositions(doc));
      if (pos === undefined || !canRemoveBlock(doc, pos)) return;
      suggest(run, who, `removes the block at ${pos}`, removeBlock(pos), 1);
      return;
    }
    default: {
      // Two co-editors decide the same change before either hears of the other's decision.
      const other = pick(
        rnd,
        run.suggesters.filter((s) => s !== who),
      )!;
      const theirs = new Set(getTrackedChanges(other.doc).map((change) => change.id));
      const change = pick(
        rnd,
        getTrackedChanges(doc).filter((c) => theirs.has(c.id)),
      );
      if (!change) return;
      decide(run, who, rnd() < 0.5, (c) => c.id === change.id, `${change.id} (at once)`);
      decide(run, other, rnd() < 0.5, (c) => c.id === change.id, `${change.id} (at once)`);
    }
  }
}

/**
 * The starting document: text in the title, items with sub-items (a lettered one after a
 * bulleted one too, which the numbering must not count), a Toelichting paragraph.
 */
function startingDoc(ledger: TextLedger): Node {
  const text = () => `${ledger.word(3, null)} ${ledger.word(2, null)};`;
  const doc = buildDoc({
    title: ledger.word(4, null),
    recitals: [
      [text(), { text: text(), indent: 1 }, { text: text(), indent: 1 }, text()],
      [text(), { text: text(), indent: 1, marker: 'bullet' }, { text: text(), indent: 1 }],
    ],
    operatives: [[text(), text(), { text: text(), indent: 1 }]],
    explanation: [text()],
  });
  ledger.recordStart(doc);
  return doc;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The label the item at `index` of a block should show, worked out from the block alone and
 * in another way than getItemLabels (which keeps running counters), so that the check does not
 * repeat the code it checks: a numbered item (indent 0) shows how many numbered items there
 * are up to it; a lettered sub-item, how many lettered sub-items lie between it and the
 * numbered item above it, as a letter (a … z, aa … zz); a bulleted one, a bullet.
 */
function expectedLabel(block: Node, index: number): string {
  const items = Array.from({ length: block.childCount }, (_, i) => block.child(i).attrs);
  const numbered = (i: number) => items[i]!.indent === 0;
  const lettered = (i: number) => !numbered(i) && items[i]!.marker !== 'bullet';
  const upTo = (end: number, test: (i: number) => boolean, start = 0) =>
    Array.from({ length: end - start }, (_, k) => start + k).filter(test).length;
  if (numbered(index)) return `${upTo(index + 1, numbered)}.`;
  if (!lettered(index)) return '•';
  const above = items
    .slice(0, index)
    .map((item) => item.indent)
    .lastIndexOf(0);
  const n = upTo(index, lettered, above + 1);
  // Two letters reach 702 sub-items under one number, more than any run makes.
  if (n >= 26 * 27) throw new Error(`no expected label for lettered sub-item ${n}`);
  return `${n < 26 ? ALPHABET[n]! : ALPHABET[Math.floor(n / 26) - 1]! + ALPHABET[n % 26]!}.`;
}

/**
 * Each block starts with a numbered item, and its labels follow the indents and markers, in
 * the block (getItemLabels: print and export) and in the document (getItemNumbering: the
 * editor's decorations).
 */
function expectNumbering(doc: Node): void {
  const expected: { pos: number; label: string }[] = [];
  doc.descendants((node, pos, parent, index) => {
    if (node.type !== schema.nodes.item) return !node.isTextblock;
    expected.push({ pos, label: expectedLabel(parent!, index) });
    return false;
  });
  expect(getItemNumbering(doc), 'labels follow the indents').toEqual(expected);
  doc.forEach((section) => {
    if (section.type !== schema.nodes.recitals && section.type !== schema.nodes.operatives) return;
    section.forEach((block) => {
      const labels = Array.from({ length: block.childCount }, (_, i) => expectedLabel(block, i));
      expect(getItemLabels(block), 'labels follow the indents').toEqual(labels);
      expect(block.firstChild?.attrs.indent, 'a block starts with a numbered item').toBe(0);
    });
  });
}

/**
 * The replicas must agree and be sound; with `counted`, hold as many items as local edits made
 * (a merge's doubled items are counted once they are removed).
 */
function expectSound(run: Run, stage: string, counted: boolean): void {
  const replicas = run.suggesters.map((s) => s.replica);
  const [first] = replicas as [Replica];
  const json = (r: Replica) => JSON.stringify(r.state.doc.toJSON());
  for (const replica of replicas) {
    expect(json(replica), `${stage}: documents converge`).toBe(json(first));
    expect(replica.fragment.toJSON(), `${stage}: Yjs fragments converge`).toBe(
      first.fragment.toJSON(),
    );
    expect(Y.encodeStateVector(replica.ydoc), `${stage}: Yjs states converge`).toEqual(
      Y.encodeStateVector(first.ydoc),
    );
    expect(replica.ydoc.store.pendingStructs, `${stage}: every update integrated`).toBeNull();
    expect(replica.repairs, 'y-prosemirror had to delete content a merge broke').toBe(0);
    replica.state.doc.check();
    expect(JSON.stringify(readYDoc(replica.ydoc).toJSON()), 'strict read').toBe(json(replica));
    expect(JSON.stringify(getTrackedChanges(replica.state.doc)), 'same changes').toBe(
      JSON.stringify(getTrackedChanges(first.state.doc)),
    );
    expect(JSON.stringify(findDoubledText(replica.fragment, schema)), 'same doubled text').toBe(
      JSON.stringify(findDoubledText(first.fragment, schema)),
    );
  }
  const doc = first.state.doc;
  expect(doc.childCount).toBe(5);
  expectNumbering(doc);
  const items = countItems(doc);
  if (counted) {
    // Items a replica put back for text a colleague deleted unseen (rescueLostText) count too.
    const rescued = replicas.reduce((sum, replica) => sum + replica.rescuedItems, 0);
    expect(items, `${stage}: items as the local edits made them`).toBeGreaterThanOrEqual(run.items);
    expect(items, `${stage}: no item lost`).toBeLessThanOrEqual(run.items + run.removed + rescued);
  }
  // Every change keeps the author that made it (ids are "<name>-<n>").
  doc.descendants((node) => {
    for (const mark of node.marks) {
      const attrs = mark.attrs as Partial<ChangeAttrs>;
      if (attrs.id === undefined) continue;
      const author = AUTHORS.find((a) => attrs.id!.startsWith(`${a.name}-`));
      expect({ name: attrs.name, colour: attrs.colour }, `author of ${attrs.id}`).toEqual(author);
    }
  });
}

/**
 * Everything delivered: the replicas must agree and be sound; text a merge doubled (two
 * co-editors splitting one item or moving one block at once) is found alike everywhere and
 * removed as the changes panel proposes, after which no text is there more often than local
 * edits put it, and none is lost that nobody deleted.
 */
function expectConverged(run: Run, stage: string): void {
  run.network.deliverAll();
  const who = run.suggesters[0]!;
  const doubled = findDoubledText(who.replica.fragment, schema);
  expectSound(run, stage, doubled.length === 0);
  if (doubled.length > 0) {
    const before = who.doc;
    const label = `${who.author.name} removes doubled text ${doubled.map((d) => d.text).join(', ')}`;
    // Nobody edits meanwhile (everything is delivered), so doubled items may go whole.
    expect(removeDoubledText(who.replica.ydoc, doubled, { removeItems: true }), label).toBe(true);
    who.replica.read();
    const wholeItems = doubled.filter((d) => d.item).length;
    const after = recorded(run, who, label, before, wholeItems);
    run.ledger.recordDoubledRemoval(before, after, label);
    run.network.deliverAll();
    expectSound(run, `${stage}, doubled text removed`, true);
  }
  const first = run.suggesters[0]!.replica;
  const { ledger } = run;
  const lost = ledger.findLosses(first.state.doc, (char) => isLostWithContainer(first.ydoc, char));
  lost.push(...ledger.recreatedCopies);
  if (STRICT) lost.push(...ledger.spreadLosses, ...ledger.containerLosses);
  expect(lost.join('\n'), `${stage}: no text lost that nobody deleted`).toBe('');
}

/** What the runs did, summed over the seeds, so the test can show the network misbehaved. */
function runSeed(seed: number, coverage: Coverage): void {
  const rnd = createSeededRandom(seed);
  const ledger = new TextLedger();
  const initial = createInitialUpdate(startingDoc(ledger));
  const clock = { now: 1_700_000_000_000 };
  const count = MIN_REPLICAS + Math.floor(rnd() * (AUTHORS.length - MIN_REPLICAS + 1));
  const suggesters = AUTHORS.slice(0, count).map(
    (author, i) => new Suggester(i, author, initial, clock),
  );
  const network = new Network(
    suggesters.map((s) => s.replica),
    rnd,
    { duplicates: DUPLICATES },
  );
  const items = countItems(suggesters[0]!.doc);
  const run: Run = { rnd, suggesters, network, ledger, clock, log: [], items, removed: 0 };
  try {
    for (let round = 0; round < Math.round(REPLICA_ROUNDS / count); round++) {
      network.disturb();
      run.log.push(`network: ${network.describe()}`);
      for (const who of suggesters) {
        const actions = Math.floor(rnd() * 4);
        for (let a = 0; a < actions; a++) randomAction(run, who);
      }
      network.deliverSome(rnd());
    }
    expectConverged(run, 'after editing');
    // One co-editor decides on everything that is left; then nothing is pending anywhere.
    const last = pick(rnd, suggesters)!;
    decide(run, last, rnd() < 0.5, () => true, 'all that is left');
    expectConverged(run, 'after the last decision');
    expect(getTrackedChanges(last.doc), 'nothing pending after deciding on all').toEqual([]);
  } catch (error) {
    throw new Error(`${String(error)}\n  edits:\n    ${run.log.join('\n    ')}`, { cause: error });
  }
  addCoverage(coverage, count, network.stats);
}

describe('tracked changes between co-editors through Yjs (seeded fuzz)', () => {
  const seeds = fuzzSeeds();
  it(
    `converge, stay valid and lose no text over ${seeds.length} seed(s)`,
    () => {
      runFuzzSeeds('suggestions fuzz', seeds, runSeed);
    },
    Math.max(120_000, seeds.length * 500),
  );
});
