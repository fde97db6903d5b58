/**
 * Seeded fuzz test of the role rules (roleRules.ts) against honest participants: one or two
 * voorstellers, each in suggestion mode for good under the name of their invitation (the app's
 * editor: every transaction turned into a proposal by `suggestTransaction`, anything that is no
 * proposal not made), beside a redacteur with a named invitation who edits directly, proposes
 * under their own name now and then, indents, and accepts and rejects proposals. They type,
 * delete (a character, a range, across items and blocks, over a colleague's proposal, their own
 * proposal), type inside their own proposal, press Enter, add and remove blocks. Now and then
 * they take a step of the ALV procedure as the app's store writes it (procedureStore.ts): a
 * voorsteller drafts, explains, submits or withdraws an amendment; the redacteur advises, holds
 * over, decides, or withdraws one on the indiener's behalf.
 *
 * Between them sits the server as its gate runs it: every update a participant sends is checked
 * with the rules of its role (checkDocumentUpdate with the role context) and applied, then
 * relayed to the others (and the server document's own formatting cleanup to everyone). A
 * participant whose update is refused is disconnected, as the server does (4422), and the run
 * goes on without it. Two ways of delivery:
 *
 * - **in turn**: each update reaches the server and everyone before the next edit, as when
 *   colleagues do not type in the same place at the same moment;
 * - **at once**: updates travel per participant in order, as over a WebSocket, but the server
 *   takes them in random interleavings, participants go offline for a while (their updates then
 *   arrive as one, as in the provider's handshake), and what the server relays reaches each at
 *   its own pace: every update is checked against whatever arrived in between.
 *
 * What must hold: the redacteur is never refused; in turn, no update the voorsteller's editor
 * writes is refused but for the rare cases below, and at once few are; every participant still
 * connected ends with the server's document. The rates are bounded rather than zero because
 * honest editors do write what is no proposal of theirs (docs/SERVER.md, "What the server
 * cannot tell"): the editor puts back text a colleague deleted unseen (rescueLostText.ts), also
 * text that is no pending proposal; y-prosemirror writes a text anew as the difference of two
 * strings and may, when the same character stands twice, delete the wrong one or carry a mark
 * onto a colleague's character; and concurrent formatting runs marks on or cuts them. Each
 * refusal is printed with the kind of write that made it (`[rescue]`, `[edit]` or
 * `[procedure]`). One procedure race is refused by design: the bestuur withdraws an amendment
 * on the indiener's behalf, or records the ALV's besluit on it, while the indiener, not knowing
 * yet, rewrites it (the whole entry, last writer wins): taking that would undo the withdrawal,
 * or change what the ALV decided on.
 *
 * FUZZ_SEEDS=n runs more seeds (100 by default), FUZZ_SEED=n one, FUZZ_TRACE=1 prints every
 * action and every refusal's documents.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chainCommands } from 'prosemirror-commands';
import type { Command } from 'prosemirror-state';
import {
  backspace,
  del,
  deleteChar,
  enter,
  keys,
  typeText,
} from '../../renderer/editor/testing/editorKeys.ts';
import type { Node } from 'prosemirror-model';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { addBlock, canRemoveBlock, removeBlock } from '../../shared/editor/commands/blocks.ts';
import {
  acceptChanges,
  getStateChanges,
  getTrackedChanges,
  rejectChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import {
  ProcedureError,
  createSubmission,
  recordAdvice,
  recordDecision,
  submitSubmission,
  updateSubmission,
  withdrawSubmission,
} from '../../shared/procedure/procedureStore.ts';
import {
  ADVICES,
  getProcedureMap,
  readProcedureEntries,
} from '../../shared/procedure/procedureRecords.ts';
import type { SubmissionRecord } from '../../shared/procedure/procedureRecords.ts';
import { getSubmissionStatus, isSettled } from '../../shared/procedure/procedureStatus.ts';
import { createSeededRandom } from '../../shared/testing/seededRandom.ts';
import {
  blockPositions,
  createInitialUpdate,
  textblockRanges,
} from '../../renderer/editor/testing/fuzzReplicas.ts';
import { RESCUE } from '../../renderer/editor/merges/rescueLostText.ts';
import { fuzzSeeds } from '../../renderer/editor/testing/fuzzSeeds.ts';
import { checkDocumentUpdate } from '../../shared/session/updateValidation.ts';
import { DocumentView } from '../../shared/session/roleRules.ts';
import type { RoleContext } from '../../shared/session/roleRules.ts';
import { Participant } from './testing/roleParticipants.ts';

const TRACE = process.env.FUZZ_TRACE === '1';
const ROUNDS = 40;
const FILLERS = [' ', ';', ' en ', ','];
/** The most refused voorsteller updates allowed, per update sent: in turn, and at once. */
const MAX_REFUSED = { inTurn: 0.001, atOnce: 0.03 };
/** How many actions are a step of the procedure rather than an edit. */
const PROCEDURE_SHARE = 0.06;

/** What wrote an update: the editor, its putting back of lost text, or the procedure's store. */
type Kind = 'edit' | 'rescue' | 'procedure';

/** The origin of the procedure's writes, to tell their updates apart. */
const PROCEDURE = Symbol('procedure');

/** A participant on the network: its role, and its two directions of the connection. */
interface Peer {
  participant: Participant;
  role: RoleContext;
  /** Updates relayed to it, not yet received. */
  inbox: Uint8Array[];
  /** What wrote each of its updates: the editor, or its putting back of lost text. */
  kinds: WeakMap<Uint8Array, Kind>;
  offline: number;
  /** Refused and disconnected: it sends and receives nothing more. */
  refused: boolean;
}

/** What a run did, summed over the seeds. */
interface Totals {
  made: Record<string, number>;
  notMade: Record<string, number>;
  sent: { editor: number; proposer: number };
  refusals: string[];
}

/** The server: a document, the check with each sender's role, and the relay to the others. */
class Server {
  readonly doc = new Y.Doc();
  private readonly peers: Peer[];
  private readonly totals: Totals;
  private readonly seed: number;

  constructor(initial: Uint8Array, peers: Peer[], totals: Totals, seed: number) {
    Y.applyUpdate(this.doc, initial);
    this.peers = peers;
    this.totals = totals;
    this.seed = seed;
    // What the document applies goes to everyone connected but its sender; its own formatting
    // cleanup (Yjs tidies formatting after remote changes) goes to everyone.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const peer of peers) {
        if (peer !== origin && !peer.refused) peer.inbox.push(update);
      }
    });
  }

  /** Takes the first `count` updates `from` wrote, one by one or merged (a handshake). */
  take(from: Peer, count: number, merged: boolean): void {
    const updates = from.participant.written.splice(0, count);
    // A batch is the procedure's only when all of it is: the detail says what was refused.
    const kind: Kind = updates.some((u) => from.kinds.get(u) === 'rescue')
      ? 'rescue'
      : updates.every((u) => from.kinds.get(u) === 'procedure')
        ? 'procedure'
        : 'edit';
    const batches = merged && updates.length > 1 ? [Y.mergeUpdates(updates)] : updates;
    for (const update of batches) {
      if (from.refused) return;
      this.totals.sent[from.role.role === 'editor' ? 'editor' : 'proposer'] += 1;
      try {
        // An honest participant builds only on what the server sent it: never held.
        expect(checkDocumentUpdate(this.doc, update, undefined, from.role)).toBe('accepted');
      } catch (error) {
        if (TRACE) describeRefusal(this.doc, update, from.role);
        const kind2 = batches.length === 1 ? kind : (from.kinds.get(update) ?? 'edit');
        this.totals.refusals.push(
          `seed ${this.seed}, ${from.role.role} [${kind2}]: ${(error as Error).message.slice(0, 200)}`,
        );
        from.refused = true;
        from.inbox.length = 0;
        return;
      }
      Y.applyUpdate(this.doc, update, from);
    }
  }

  /** Delivers the first `count` relayed updates to `to`. */
  deliver(to: Peer, count: number): void {
    for (const update of to.inbox.splice(0, count)) to.participant.receive(update);
  }

  get connected(): Peer[] {
    return this.peers.filter((peer) => !peer.refused);
  }
}

/** Prints the documents of a refused update, before and after, without the proposals. */
function describeRefusal(doc: Y.Doc, update: Uint8Array, role: RoleContext): void {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = new DocumentView(readYDoc(copy), copy);
  const name = role.name ?? '';
  const without = before.withoutProposalsOf({ name }).tokens.join('');
  Y.applyUpdate(copy, update);
  const after = new DocumentView(readYDoc(copy), copy);
  console.log(`REFUSED\nbefore ${JSON.stringify(before.doc.toJSON())}`);
  console.log(`after  ${JSON.stringify(after.doc.toJSON())}`);
  console.log(
    `R(before) ${without}\nR(after)  ${after.withoutProposalsOf({ name }).tokens.join('')}`,
  );
}

interface Run {
  rnd: () => number;
  clock: { now: number };
  /** The last indiening id given out (ids are the run's, so that a seed repeats). */
  submissions: number;
  log: string[];
  totals: Totals;
}

function pick<T>(rnd: () => number, list: readonly T[]): T | undefined {
  return list[Math.floor(rnd() * list.length)];
}

function within(rnd: () => number, range: { from: number; to: number }): number {
  return range.from + Math.floor(rnd() * (range.to - range.from + 1));
}

function sorted(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function word(rnd: () => number): string {
  const length = 2 + Math.floor(rnd() * 6);
  let text = '';
  for (let i = 0; i < length; i += 1) text += LETTERS[Math.floor(rnd() * LETTERS.length)];
  return rnd() < 0.3 ? `${pick(rnd, FILLERS)!}${text}` : text;
}

/** Runs `command` for `who` with the selection `from`–`to`, and logs it. */
function act(run: Run, who: Peer, what: string, command: Command, from: number, to = from) {
  run.clock.now += 1;
  who.participant.action = what;
  if (!who.participant.edit(command, from, to)) return;
  run.totals.made[what] = (run.totals.made[what] ?? 0) + 1;
  const line = `${who.participant.author.name} ${what} at ${from}-${to}`;
  run.log.push(line);
  if (TRACE) console.log(line);
}

/**
 * Now and then, a step of the procedure as the app takes it (procedureStore.ts): a voorsteller
 * drafts an amendment, explains it, submits or withdraws it; the redacteur advises, holds over,
 * decides or withdraws on the indiener's behalf. What the store refuses (nothing proposed yet, a
 * decided amendment) is not written, as in the app.
 */
function procedureAction(run: Run, who: Peer): void {
  const { rnd } = run;
  const { participant } = who;
  const ydoc = participant.replica.ydoc;
  const writer = { name: participant.author.name, colour: participant.author.colour };
  const entries = readProcedureEntries(ydoc);
  const statusOf = (entry: SubmissionRecord) =>
    getSubmissionStatus(entry, entries.decisions.get(entry.id) ?? null);
  const open = entries.submissions.filter((entry) => !isSettled(statusOf(entry)));
  let what: string;
  let about: string;
  let step: () => void;
  if (who.role.role === 'editor') {
    const entry = pick(
      rnd,
      open.filter((e) => statusOf(e) !== 'concept'),
    );
    if (!entry) return;
    const choice = Math.floor(rnd() * 4);
    what = ['advises', 'holds over', 'decides', 'withdraws on behalf'][choice]!;
    about = entry.id;
    step = () => {
      if (choice === 0)
        recordAdvice(ydoc, entry.id, pick(rnd, ADVICES)!, 'Toelichting.', writer, run.clock.now);
      else if (choice === 1)
        recordDecision(ydoc, entry.id, 'aangehouden', null, writer, run.clock.now);
      else if (choice === 2) {
        const outcome = pick(rnd, ['aangenomen', 'verworpen', 'overgenomen'] as const)!;
        const vote = outcome === 'overgenomen' ? null : 'algemeen';
        recordDecision(ydoc, entry.id, outcome, vote, writer, run.clock.now);
      } else withdrawSubmission(ydoc, entry.id, writer, { onBehalf: true }, run.clock.now);
    };
  } else {
    const own = open.filter((entry) => entry.author === writer.name);
    const entry = pick(rnd, own);
    // Submitting most: a concept waits for a proposal and a motivation.
    const choice = entry ? pick(rnd, [0, 1, 2, 2, 2, 3])! : 0;
    what = ['drafts an amendment', 'explains', 'submits', 'withdraws'][choice]!;
    about = choice === 0 ? `a${run.submissions + 1}` : entry!.id;
    step = () => {
      if (choice === 0) {
        run.submissions += 1;
        const motivation = rnd() < 0.5 ? 'Toelichting.' : '';
        const fields = { indiener: 'Utrecht', coIndieners: [], title: 'Wijziging', motivation };
        createSubmission(
          ydoc,
          participant.doc,
          'amendement',
          fields,
          writer,
          run.clock.now,
          `a${run.submissions}`,
        );
      } else if (choice === 1) {
        const fields = { ...entry!, motivation: `Toelichting ${run.clock.now}.` };
        updateSubmission(ydoc, entry!.id, fields, writer);
      } else if (choice === 2) {
        const doc = participant.doc;
        submitSubmission(ydoc, doc, getTrackedChanges(doc), entry!.id, writer, run.clock.now);
      } else withdrawSubmission(ydoc, entry!.id, writer, {}, run.clock.now);
    };
  }
  run.clock.now += 1;
  try {
    ydoc.transact(step, PROCEDURE);
  } catch (error) {
    if (error instanceof ProcedureError) return;
    throw error;
  }
  run.totals.made[what] = (run.totals.made[what] ?? 0) + 1;
  run.log.push(`${writer.name} ${what} ${about}`);
  if (TRACE) console.log(`${writer.name} ${what} ${about}`);
}

/** One random action of `who`. */
function randomAction(run: Run, who: Peer): void {
  const { rnd } = run;
  if (rnd() < PROCEDURE_SHARE) return procedureAction(run, who);
  const doc = who.participant.doc;
  const blocks = textblockRanges(doc);
  const items = blocks.filter((block) => block.item);
  const target = (rnd() < 0.8 ? pick(rnd, items) : undefined) ?? pick(rnd, blocks)!;
  const changes = getStateChanges(who.participant.replica.state);
  const name = who.participant.author.name;
  const own = changes.filter((change) => change.name === name);
  const theirs = changes.filter((change) => change.name !== name);
  const editor = who.role.role === 'editor';
  switch (Math.floor(rnd() * (editor ? 19 : 16))) {
    case 0:
    case 1:
    case 2:
      return act(run, who, 'types', typeText(word(rnd)), within(rnd, target));
    case 3: {
      // Inside or at the edge of one's own proposal.
      const change = pick(rnd, own);
      if (!change) return;
      const at = change.from + Math.floor(rnd() * (change.to - change.from + 1));
      return act(run, who, 'types in own', typeText(word(rnd)), at);
    }
    case 4:
    case 5: {
      const forward = rnd() < 0.5;
      const key = chainCommands(deleteChar(forward), forward ? del : backspace);
      return act(run, who, forward ? 'Delete' : 'Backspace', key, within(rnd, target));
    }
    case 6: {
      const [a, b] = sorted(within(rnd, target), within(rnd, target));
      if (rnd() < 0.5) return act(run, who, 'deletes', backspace, a, b);
      return act(run, who, 'replaces', typeText(word(rnd)), a, b);
    }
    case 7: {
      const other = pick(rnd, rnd() < 0.7 ? items : blocks) ?? target;
      const [a, b] = sorted(within(rnd, target), within(rnd, other));
      if (rnd() < 0.6) return act(run, who, 'deletes across', rnd() < 0.5 ? backspace : del, a, b);
      return act(run, who, 'replaces across', typeText(word(rnd)), a, b);
    }
    case 8:
    case 9:
      return act(run, who, 'Enter', enter, within(rnd, target));
    case 10: {
      const change = pick(rnd, theirs);
      if (!change) return;
      const from = Math.max(0, change.from - Math.floor(rnd() * 3));
      const to = Math.min(doc.content.size, change.to + Math.floor(rnd() * 3));
      return act(run, who, 'deletes over theirs', rnd() < 0.5 ? backspace : del, from, to);
    }
    case 11: {
      // Taking back (part of) one's own proposal.
      const change = pick(rnd, own);
      if (!change) return;
      const [a, b] = sorted(within(rnd, change), within(rnd, change));
      return act(run, who, 'deletes own', rnd() < 0.5 ? backspace : del, a, b);
    }
    case 12: {
      const kind = rnd() < 0.5 ? 'recital' : 'operative';
      return act(run, who, `adds a ${kind} block`, addBlock(kind), within(rnd, target));
    }
    case 13: {
      const pos = pick(rnd, blockPositions(doc));
      if (pos === undefined || !canRemoveBlock(doc, pos)) return;
      return act(run, who, 'removes a block', removeBlock(pos), 1);
    }
    case 14:
    case 15:
      return act(run, who, 'types filler', typeText(pick(rnd, FILLERS)!), within(rnd, target));
    case 16: {
      // The redacteur decides on a proposal, or on all of one author's.
      const change = pick(rnd, changes);
      if (!change) return;
      const accept = rnd() < 0.5;
      const filter =
        rnd() < 0.7
          ? (c: { id: string }) => c.id === change.id
          : (c: { name: string }) => c.name === change.name;
      const command = accept ? acceptChanges(filter) : rejectChanges(filter);
      return act(run, who, accept ? 'accepts' : 'rejects', command, 1);
    }
    case 17:
      who.participant.suggesting = !who.participant.suggesting;
      run.log.push(`${name} suggestion mode ${who.participant.suggesting ? 'on' : 'off'}`);
      return;
    default:
      return act(run, who, 'Tab', rnd() < 0.6 ? keys.Tab! : keys['Shift-Tab']!, target.from);
  }
}

/** Random traffic: the server takes from some participants, some receive what it relayed. */
function traffic(server: Server, rnd: () => number, share: number): void {
  const order = [...server.connected].sort(() => rnd() - 0.5);
  for (const who of order) {
    if (who.offline > 0) continue;
    const written = who.participant.written.length;
    if (rnd() < share && written > 0) {
      server.take(who, 1 + Math.floor(rnd() * written), rnd() < 0.3);
    }
    if (!who.refused && rnd() < share && who.inbox.length > 0) {
      server.deliver(who, 1 + Math.floor(rnd() * who.inbox.length));
    }
  }
}

/** Everything delivered that can be: every connected participant has all the server has. */
function settle(server: Server): void {
  const busy = () =>
    server.connected.some((peer) => peer.participant.written.length + peer.inbox.length > 0);
  do {
    for (const peer of server.connected) {
      peer.offline = 0;
      server.take(peer, peer.participant.written.length, false);
    }
    for (const peer of server.connected) server.deliver(peer, peer.inbox.length);
    // Reading can write (y-prosemirror joins adjacent texts), which sends updates again.
    for (const peer of server.connected) void peer.participant.doc;
  } while (busy());
}

function startingDoc(): Node {
  return buildDoc({
    title: 'Motie over de dienstverlening',
    recitals: [
      ['de gemeente helpt inwoners;', { text: 'dat loket open is;', indent: 1 }, 'het gaat goed;'],
      ['er wachten mensen;', { text: 'te lang', indent: 1, marker: 'bullet' }],
    ],
    operatives: [['het college te vragen;', 'een plan te maken;']],
    explanation: ['Een toelichting bij de motie.', 'Nog een alinea.'],
  });
}

function runSeed(seed: number, inTurn: boolean, totals: Totals): void {
  const rnd = createSeededRandom(seed);
  const initial = createInitialUpdate(startingDoc());
  const clock = { now: 1_700_000_000_000 };
  const roles: RoleContext[] = [
    { role: 'editor', name: 'Redacteur', mayComment: true },
    { role: 'proposer', name: 'Voorsteller', mayComment: true },
  ];
  if (rnd() < 0.5) roles.push({ role: 'proposer', name: 'Tweede voorsteller', mayComment: true });
  const notMade = (action: string) => (totals.notMade[action] = (totals.notMade[action] ?? 0) + 1);
  const peers: Peer[] = roles.map((role, i) => {
    const participant = new Participant(i + 1, initial, {
      name: role.name!,
      suggesting: role.role === 'proposer' ? 'proposer' : 'off',
      clock,
      notMade,
    });
    const kinds = new WeakMap<Uint8Array, Kind>();
    participant.replica.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      kinds.set(update, origin === RESCUE ? 'rescue' : origin === PROCEDURE ? 'procedure' : 'edit');
    });
    return { participant, role, inbox: [], kinds, offline: 0, refused: false };
  });
  const server = new Server(initial, peers, totals, seed);
  const run: Run = { rnd, clock, submissions: 0, log: [], totals };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const who of server.connected) {
        if (!inTurn) {
          if (who.offline > 0) who.offline -= 1;
          else if (rnd() < 0.08) who.offline = 1 + Math.floor(rnd() * 3);
        }
        const actions = Math.floor(rnd() * 4);
        for (let a = 0; a < actions && !who.refused; a += 1) {
          randomAction(run, who);
          if (inTurn) settle(server);
        }
      }
      if (!inTurn) traffic(server, rnd, rnd());
    }
    settle(server);
    const expected = JSON.stringify(readYDoc(server.doc).toJSON());
    readProcedureEntries(server.doc);
    const procedure = getProcedureMap(server.doc).toJSON();
    for (const peer of server.connected) {
      const name = peer.participant.author.name;
      expect(JSON.stringify(peer.participant.doc.toJSON()), `${name} converged`).toBe(expected);
      const own = getProcedureMap(peer.participant.replica.ydoc).toJSON();
      expect(own, `${name}'s procedure converged`).toEqual(procedure);
    }
  } catch (error) {
    throw new Error(`${String(error)}\n  actions:\n    ${run.log.join('\n    ')}`, {
      cause: error,
    });
  }
}

describe('role rules against honest participants (seeded fuzz)', () => {
  const seeds = fuzzSeeds();
  for (const inTurn of [true, false]) {
    const how = inTurn ? 'in turn' : 'at once';
    it(`take what they send ${how}, over ${seeds.length} seed(s)`, () => {
      const totals: Totals = {
        made: {},
        notMade: {},
        sent: { editor: 0, proposer: 0 },
        refusals: [],
      };
      for (const seed of seeds) {
        try {
          runSeed(seed, inTurn, totals);
        } catch (error) {
          throw new Error(`seed ${seed} (replay: FUZZ_SEED=${seed}): ${String(error)}`, {
            cause: error,
          });
        }
      }
      const { sent, refusals } = totals;
      console.log(
        `role rules fuzz, ${how}, ${seeds.length} seed(s): ${JSON.stringify({ ...totals, refusals: refusals.length })}` +
          (refusals.length > 0 ? `\n  ${refusals.join('\n  ')}` : ''),
      );
      expect(
        refusals.filter((line) => line.includes(' editor ')),
        'redacteur refused',
      ).toEqual([]);
      const limit = MAX_REFUSED[inTurn ? 'inTurn' : 'atOnce'];
      expect(refusals.length, 'voorsteller updates refused').toBeLessThanOrEqual(
        Math.floor(sent.proposer * limit),
      );
      if (seeds.length >= 20) {
        const procedure = ['submits', 'explains', 'withdraws', 'advises', 'decides', 'holds over'];
        for (const what of [
          'types in own',
          'deletes own',
          'deletes over theirs',
          'Enter',
          ...procedure,
        ]) {
          expect(totals.made[what], what).toBeGreaterThan(0);
        }
        expect(sent.proposer, 'voorstellers’ updates sent').toBeGreaterThan(1000);
      }
    }, 600_000);
  }
});
