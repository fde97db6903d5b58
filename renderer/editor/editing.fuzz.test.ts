/**
 * Seeded multi-replica fuzz test through Yjs: three to five simulated editors (drawn per seed)
 * apply the editor's own commands (typing, Enter, Backspace, Tab, adding, removing, moving and
 * retitling blocks, deleting across blocks) while their updates travel through a network
 * (testing/fuzzReplicas.ts) that delays them, delivers them in random order, delivers some
 * twice, cuts replicas off for a while, splits the replicas into two sides that go on among
 * themselves, and lets a reconnecting replica do the provider's handshake (its state at once,
 * the queued updates again later). When everything is delivered, every replica must be
 * identical, schema-valid (also read strictly), keep the five fixed parts, and y-prosemirror
 * must never have had to delete content because a merge broke a content expression (the
 * failure the merge-safe schema prevents); text the merge doubled must be found alike on every
 * replica, and after one removes it, nothing is doubled and the replicas converge again. Over a run of seeds, the test also checks that runs
 * of 3, 4 and 5 replicas, duplicates, handshakes and partitions all happened.
 *
 * Each editor is simulated the way ySyncPlugin works (see testing/fuzzReplicas.ts): a local
 * transaction is written into the Y.XmlFragment with `updateYFragment`, and remote updates are
 * read back into a fresh ProseMirror document. FUZZ_SEEDS=500 runs a longer mode, FUZZ_SEED=n
 * one seed.
 */
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/editor/schema.ts';
import { buildKeymap } from '../../shared/editor/keymap.ts';
import {
  addBlock,
  canRemoveBlock,
  moveBlock,
  removeBlock,
  setBlockHeading,
} from '../../shared/editor/commands/blocks.ts';
import { OPERATIVE_HEADINGS, RECITAL_HEADINGS } from '../../shared/model/resolution.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import {
  blockPositions,
  createInitialUpdate,
  Network,
  Replica,
  textblockRanges,
} from './testing/fuzzReplicas.ts';
import { addCoverage, fuzzSeeds, runFuzzSeeds } from './testing/fuzzSeeds.ts';
import { createSeededRandom } from '../../shared/testing/seededRandom.ts';
import type { Coverage } from './testing/fuzzSeeds.ts';
import { findDoubledText } from './merges/findDoubledText.ts';
import { removeDoubledText } from './merges/decideDoubledText.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
const WORDS = ['gemeenten', 'rijk', 'middelen', 'jeugdzorg', ';', ' ', 'ALV', 'ë€“”'];
/** Replicas in a run: 3 to 5, drawn per seed. */
const MIN_REPLICAS = 3;
const MAX_REPLICAS = 5;
/** Edits per run stay about the same whatever the number of replicas: rounds × replicas. */
const REPLICA_ROUNDS = 75;
/** The chance that an update is delivered a second time, later. */
const DUPLICATES = 0.2;

/** One random edit by one replica, with the editor's own commands. */
function randomEdit(replica: Replica, rnd: () => number): void {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  // The editor shows what arrived before the user acts on it.
  replica.refresh();
  const doc = replica.state.doc;
  const blocks = textblockRanges(doc);
  const items = blocks.filter((b) => b.item);
  const at = (b: { from: number; to: number }) => b.from + Math.floor(rnd() * (b.to - b.from + 1));
  const choice = Math.floor(rnd() * 11);
  const target = pick(choice < 5 ? items : blocks) ?? pick(blocks)!;
  switch (choice) {
    case 0:
    case 1:
      replica.apply((s, d) => (d ? (d(s.tr.insertText(pick(WORDS)!)), true) : true), at(target));
      return;
    case 2:
      replica.apply(keys.Enter!, at(target));
      return;
    case 3:
      replica.apply(keys.Backspace!, target.from);
      return;
    case 4:
      replica.apply(rnd() < 0.6 ? keys.Tab! : keys['Shift-Tab']!, target.from);
      return;
    case 5:
      replica.apply(addBlock(rnd() < 0.5 ? 'recital' : 'operative'), at(target));
      return;
    case 6: {
      const pos = pick(blockPositions(doc));
      if (pos !== undefined && canRemoveBlock(doc, pos)) replica.apply(removeBlock(pos), 1);
      return;
    }
    case 7: {
      const pos = pick(blockPositions(doc));
      if (pos !== undefined) replica.apply(moveBlock(pos, rnd() < 0.5 ? -1 : 1), 1);
      return;
    }
    case 8: {
      const pos = pick(blockPositions(doc));
      if (pos === undefined) return;
      const recital = doc.nodeAt(pos)!.type === schema.nodes.recital_block;
      replica.apply(
        setBlockHeading(pos, pick(recital ? RECITAL_HEADINGS : OPERATIVE_HEADINGS)!),
        1,
      );
      return;
    }
    case 9: {
      // A selection across blocks, deleted: the fixed parts must stay.
      const other = pick(blocks)!;
      const [a, b] = [at(target), at(other)].sort((x, y) => x - y) as [number, number];
      replica.apply(keys.Backspace!, a, b);
      return;
    }
    default:
      replica.apply(keys.Delete!, target.to);
  }
}

/** What the runs did, summed over the seeds, so the test can show the network misbehaved. */
function runSeed(seed: number, coverage: Coverage): void {
  const rnd = createSeededRandom(seed);
  const initial = createInitialUpdate();
  const count = MIN_REPLICAS + Math.floor(rnd() * (MAX_REPLICAS - MIN_REPLICAS + 1));
  const replicas = Array.from({ length: count }, (_, i) => new Replica(i + 1, initial));
  const network = new Network(replicas, rnd, { duplicates: DUPLICATES });
  for (let round = 0; round < Math.round(REPLICA_ROUNDS / count); round++) {
    network.disturb();
    for (const replica of replicas) {
      const edits = Math.floor(rnd() * 4);
      for (let e = 0; e < edits; e++) randomEdit(replica, rnd);
    }
    network.deliverSome(rnd());
  }
  // Everyone back online, on one side; every update delivered.
  network.deliverAll();
  expectConverged(replicas, 'after editing');
  // Text the merge doubled (concurrent splits, joins, moves) is found alike everywhere; once
  // someone removes it, the replicas converge again and nothing is doubled any more.
  const doubled = findDoubledText(replicas[0]!.fragment, schema);
  if (doubled.length > 0) {
    removeDoubledText(replicas[0]!.ydoc, doubled, { removeItems: true });
    replicas[0]!.read();
    network.deliverAll();
    expectConverged(replicas, 'doubled text removed');
    expect(findDoubledText(replicas[0]!.fragment, schema), 'nothing doubled').toEqual([]);
  }
  addCoverage(coverage, count, network.stats);
}

/** Every replica identical, sound, and finding the same doubled text. */
function expectConverged(replicas: readonly Replica[], stage: string): void {
  const json = replicas.map((r) => JSON.stringify(r.state.doc.toJSON()));
  const doubled = replicas.map((r) => JSON.stringify(findDoubledText(r.fragment, schema)));
  for (const [i, replica] of replicas.entries()) {
    expect(json[i], `${stage}: replica ${i + 1} converges`).toBe(json[0]);
    expect(replica.ydoc.store.pendingStructs, 'every update integrated').toBeNull();
    replica.state.doc.check();
    expect(JSON.stringify(readYDoc(replica.ydoc).toJSON()), 'strict read').toBe(json[i]);
    expect(replica.repairs, 'y-prosemirror had to delete content a merge broke').toBe(0);
    expect(replica.state.doc.childCount).toBe(5);
    expect(doubled[i], `${stage}: replica ${i + 1} finds the same doubled text`).toBe(doubled[0]);
  }
}

describe('concurrent editing through Yjs (seeded fuzz)', () => {
  const seeds = fuzzSeeds();
  it(
    `converges with valid documents and no forced deletions over ${seeds.length} seed(s)`,
    () => {
      runFuzzSeeds('editing fuzz', seeds, runSeed);
    },
    // A long run (FUZZ_SEEDS) takes some 35 ms a seed here.
    Math.max(120_000, seeds.length * 100),
  );
});
