/**
 * Seeded fuzz of comments through Yjs: three to five simulated editors (testing/fuzzReplicas.ts)
 * type, split and join items and delete ranges, and at the same time start threads on random
 * text, reply, edit and delete their own comments and resolve or reopen threads, while the
 * network delays, reorders, duplicates and partitions their updates. When everything is
 * delivered: every replica holds the same comments, each read strictly (no entry damaged by a
 * merge), none lost, each comment as its author last wrote it, and every thread's anchor
 * resolves to the same text on every replica (or is gone on all). FUZZ_SEEDS / FUZZ_SEED as
 * in the other fuzz tests.
 */
import { describe, expect, it } from 'vitest';
import { buildKeymap } from '../../../shared/editor/keymap.ts';
import { createSeededRandom } from '../../../shared/testing/seededRandom.ts';
import { Network, Replica, createInitialUpdate, textblockRanges } from '../testing/fuzzReplicas.ts';
import { addCoverage, fuzzSeeds, runFuzzSeeds } from '../testing/fuzzSeeds.ts';
import type { Coverage } from '../testing/fuzzSeeds.ts';
import { createAnchor, resolveAnchor } from '../../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../../shared/comments/commentAnchors.ts';
import {
  addReply,
  addThread,
  deleteComment,
  editComment,
  setThreadResolved,
} from '../../../shared/comments/commentStore.ts';
import { getCommentsMap, readCommentEntries } from '../../../shared/comments/commentRecords.ts';
import type { StoredComment } from '../../../shared/comments/commentRecords.ts';
import { threadAnchors } from '../../../shared/comments/commentThreads.ts';
import { buildDoc } from '../../../shared/editor/testing/buildDoc.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
const WORDS = ['gemeenten', 'rijk', ' ', 'middelen', ';', 'ALV'];
const ROUNDS = 60;

interface Writer {
  name: string;
  colour: string;
}

/** What each author last wrote into each of their comments, to check none was lost. */
type Written = Map<string, StoredComment>;

let now = 0;
let ids = 0;

function randomAction(replica: Replica, writer: Writer, written: Written, rnd: () => number): void {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  replica.refresh();
  const doc = replica.state.doc;
  const blocks = textblockRanges(doc).filter((b) => b.to > b.from);
  const target = pick(blocks);
  const choice = Math.floor(rnd() * 10);
  now += 1000;
  const mine = [...written.entries()].filter(([, c]) => c.author === writer.name);
  const threads = [...getCommentsMap(replica.ydoc).keys()].filter((k) => !k.startsWith('status:'));
  switch (choice) {
    case 0:
    case 1: {
      if (!target) return;
      const a = target.from + Math.floor(rnd() * (target.to - target.from));
      const b = a + 1 + Math.floor(rnd() * (target.to - a));
      const anchor = createAnchor(doc, replica.fragment, replica.mapping as YMapping, a, b, null);
      if (anchor.quote === '') return;
      const id = addThread(replica.ydoc, writer, `Draad ${ids}`, anchor, now, `t${(ids += 1)}`);
      written.set(id, getCommentsMap(replica.ydoc).get(id) as StoredComment);
      return;
    }
    case 2: {
      const thread = pick(threads);
      const first = thread && (getCommentsMap(replica.ydoc).get(thread) as StoredComment);
      if (!thread || !first || first.thread !== thread) return;
      const id = addReply(replica.ydoc, thread, writer, `Antwoord ${ids}`, now, `r${(ids += 1)}`);
      written.set(id, getCommentsMap(replica.ydoc).get(id) as StoredComment);
      return;
    }
    case 3: {
      const [id, comment] = pick(mine) ?? [];
      if (!id || !comment || comment.deleted) return;
      editComment(replica.ydoc, id, writer.name, `${comment.text} (bewerkt ${(ids += 1)})`, now);
      written.set(id, getCommentsMap(replica.ydoc).get(id) as StoredComment);
      return;
    }
    case 4: {
      const [id] = pick(mine) ?? [];
      if (!id || rnd() < 0.5) return;
      deleteComment(replica.ydoc, id, writer.name, now);
      written.set(id, getCommentsMap(replica.ydoc).get(id) as StoredComment);
      return;
    }
    case 5: {
      const thread = pick(threads);
      const first = thread && (getCommentsMap(replica.ydoc).get(thread) as StoredComment);
      if (!thread || !first || first.thread !== thread) return;
      setThreadResolved(replica.ydoc, thread, rnd() < 0.7, writer.name, now);
      return;
    }
    case 6:
      if (target) {
        const at = target.from + Math.floor(rnd() * (target.to - target.from + 1));
        replica.apply(keys.Enter!, at);
      }
      return;
    case 7:
      if (target) replica.apply(keys.Backspace!, target.from);
      return;
    case 8: {
      const other = pick(blocks);
      if (!target || !other) return;
      const [a, b] = [target.from + 1, other.to - 1].sort((x, y) => x - y) as [number, number];
      if (b > a) replica.apply(keys.Backspace!, a, b);
      return;
    }
    default:
      if (target) {
        const at = target.from + Math.floor(rnd() * (target.to - target.from + 1));
        replica.apply((s, d) => (d ? (d(s.tr.insertText(pick(WORDS)!)), true) : true), at);
      }
  }
}

/** Threads made and threads whose text went, over the seeds. */
const made = { threads: 0, gone: 0 };

function runSeed(seed: number, coverage: Coverage): void {
  const rnd = createSeededRandom(seed);
  const initial = createInitialUpdate(
    buildDoc({
      recitals: [['de woningnood groot is;', 'gemeenten willen bouwen;']],
      operatives: [['het Rijk te vragen om middelen.', 'de ALV te informeren.']],
      explanation: ['De Toelichting bij deze resolutie.'],
    }),
  );
  const count = 3 + Math.floor(rnd() * 3);
  const replicas = Array.from({ length: count }, (_, i) => new Replica(i + 1, initial));
  const writers = replicas.map((_, i) => ({ name: `Deelnemer ${i + 1}`, colour: '#1f77b4' }));
  const written: Written = new Map();
  const network = new Network(replicas, rnd, { duplicates: 0.2 });
  for (let round = 0; round < Math.round(ROUNDS / count); round++) {
    network.disturb();
    replicas.forEach((replica, i) => {
      const actions = Math.floor(rnd() * 4);
      for (let n = 0; n < actions; n++) randomAction(replica, writers[i]!, written, rnd);
    });
    network.deliverSome(rnd());
  }
  network.deliverAll();
  for (const replica of replicas) replica.refresh();

  const entries = replicas.map((replica) => readCommentEntries(replica.ydoc));
  const json = entries.map((e) =>
    JSON.stringify([
      [...e.comments].sort((a, b) => a.id.localeCompare(b.id)),
      [...e.statuses].sort(([a], [b]) => a.localeCompare(b)),
    ]),
  );
  const docs = replicas.map((r) => JSON.stringify(r.state.doc.toJSON()));
  for (const [i, replica] of replicas.entries()) {
    expect(docs[i], `replica ${i + 1}: the text converges`).toBe(docs[0]);
    expect(json[i], `replica ${i + 1}: the comments converge`).toBe(json[0]);
    expect(replica.ydoc.store.pendingStructs).toBeNull();
  }
  // None lost: every comment as its author last wrote it.
  const held = new Map(entries[0]!.comments.map((c) => [c.id, c]));
  for (const [id, comment] of written) {
    expect(held.get(id), `comment ${id}`).toEqual({ id, ...comment });
  }
  // Every anchor lies on the same text everywhere (or is gone everywhere).
  const anchors = threadAnchors(entries[0]!);
  const texts = replicas.map((replica) =>
    [...anchors].map(([id, anchor]) => {
      const range = resolveAnchor(
        replica.state.doc,
        replica.fragment,
        replica.mapping as YMapping,
        anchor,
      );
      return `${id}:${range ? replica.state.doc.textBetween(range.from, range.to, '|') : '-'}`;
    }),
  );
  for (const [i] of replicas.entries()) {
    expect(texts[i], `replica ${i + 1}: anchors on the same text`).toEqual(texts[0]);
  }
  made.threads += anchors.size;
  made.gone += texts[0]!.filter((t) => t.endsWith(':-')).length;
  addCoverage(coverage, count, network.stats);
}

describe('comments through Yjs (seeded fuzz)', () => {
  const seeds = fuzzSeeds();
  it(`converge, none lost, anchors alike on every replica, over ${seeds.length} seed(s)`, () => {
    runFuzzSeeds('comments fuzz', seeds, runSeed);
    // The runs made threads, and some lost their text to a colleague's deletion.
    if (seeds.length >= 20) {
      expect(made.threads).toBeGreaterThan(seeds.length);
      expect(made.gone).toBeGreaterThan(0);
    }
  }, 120_000);
});
