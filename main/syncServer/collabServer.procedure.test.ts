/**
 * The ALV procedure on a real server on loopback (issue 18): an honest voorsteller on a real
 * provider makes proposals, drafts an amendment and submits it, and the redacteur records the
 * preadvies and the besluit; raw clients send what our client never sends (an amendment under
 * another's name, another's proposals claimed, what was fixed at submission changed, a
 * withdrawal undone, an amendment the ALV decided on rewritten, a preadvies or besluit by a
 * voorsteller or under another name, a procedure entry from a lezer, an entry removed or
 * malformed, a root beside the procedure). Each is refused with 4422 and its Dutch reason,
 * reaches nobody, and leaves the stored file as the honest participants made it. Through Redis,
 * a peer's malformed procedure entry is refused on both instances.
 *
 * The rules themselves: shared/session/roleRules.ts (findProcedureRefusal) and
 * shared/procedure/procedureRecords.ts (the strict reading).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Command } from 'prosemirror-state';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import {
  adviceKey,
  decisionKey,
  getProcedureMap,
  readProcedureEntries,
  submissionKey,
} from '../../shared/procedure/procedureRecords.ts';
import type {
  StoredAdvice,
  StoredDecision,
  StoredSubmission,
} from '../../shared/procedure/procedureRecords.ts';
import {
  createSubmission,
  getSubmission,
  recordAdvice,
  recordDecision,
  submitSubmission,
  updateSubmission,
  withdrawSubmission,
} from '../../shared/procedure/procedureStore.ts';
import type { SubmissionFields } from '../../shared/procedure/procedureStore.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { CLOSE_CODES, INVALID_UPDATE_REASON } from '../../shared/session/refusals.ts';
import {
  COMMENTS_ONLY_REASON,
  NO_DECISION_REASON,
  OWN_AMENDMENT_REASON,
  OWN_NAME_DECISION_REASON,
} from '../../shared/session/roleRules.ts';
import type { CollabServer } from './collabServer.ts';
import {
  connectProvider,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { RawClient } from './testing/rawClient.ts';
import { Participant } from './testing/roleParticipants.ts';
import { findRedisServer, startRedis } from './testing/redisProcess.ts';
import type { RedisProcess } from './testing/redisProcess.ts';
import { frameForRedis, publishToRedis } from './testing/redisPublish.ts';
import { SYNC_STEP, encodeSyncFrame } from './messageFrames.ts';

vi.setConfig({ testTimeout: 60_000 });

const NAME = 'procedure';
const UTRECHT = 'Voorsteller Utrecht';
const FIELDS: SubmissionFields = {
  indiener: 'Utrecht',
  coIndieners: ['Zwolle'],
  title: 'Investeringen',
  motivation: 'Onverkort is te stellig.',
};
const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

const RESOLUTION = buildDoc({
  title: 'Woningbouw',
  recitals: [['gemeenten bouwen te weinig woningen;']],
  operatives: [['het Rijk te vragen onverkort te investeren;', 'de leden op te roepen.']],
});

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
let editor: Participant;
let proposer: Participant;
let reader: Participant;
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];
/** Close codes the honest participants heard: none, throughout. */
let honestCloses: number[];
let nextAttacker = 700;
/** The server's log, and why it closed each attacker's connection (its log line). */
let log: string[];
let details: string[];

async function join(
  id: number,
  role: SessionRole,
  name: string,
  suggesting: 'proposer' | 'on' | 'off',
): Promise<Participant> {
  const participant = new Participant(id, Y.encodeStateAsUpdate(new Y.Doc()), {
    name,
    suggesting,
  });
  const token = tokenFor(NAME, role, null, { name, mayComment: true });
  const provider = connectProvider(server.url, NAME, token, participant.replica.ydoc);
  provider.on('close', ({ event }: { event: CloseEvent }) => honestCloses.push(event.code));
  providers.push(provider);
  await whenSynced(provider);
  return participant;
}

beforeEach(async () => {
  temp = makeTempDir();
  log = [];
  server = await startTestServer(temp.dir, { log: (line) => log.push(line) });
  await server.documents.create(NAME, createYDoc(RESOLUTION));
  honestCloses = [];
  details = [];
  editor = await join(1, 'editor', 'Redacteur', 'off');
  proposer = await join(2, 'proposer', UTRECHT, 'proposer');
  reader = await join(3, 'reader', 'Lezer', 'off');
});

afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  for (const provider of providers.splice(0)) provider.destroy();
  await server.stop();
  temp.remove();
});

function writerOf(participant: Participant) {
  return { name: participant.author.name, colour: participant.author.colour };
}

/** The procedure map of `participant` as JSON, to compare. */
function procedureOf(participant: Participant): Record<string, unknown> {
  return getProcedureMap(participant.replica.ydoc).toJSON();
}

/** Waits until everyone's procedure map is the same and `holds` it. */
async function everyoneHas(holds: (map: Record<string, unknown>) => boolean, what: string) {
  await waitFor(() => {
    const maps = [editor, proposer, reader].map((p) => JSON.stringify(procedureOf(p)));
    return maps.every((map) => map === maps[0]) && holds(procedureOf(editor));
  }, what);
}

/** The honest voorsteller's amendment: proposals made, then drafted and submitted. */
async function honestAmendment(word: string, by: string, time: number): Promise<string> {
  const from = findText(proposer.doc, word, true);
  proposer.act(typeText(by), from, from + word.length);
  await waitFor(() => editor.doc.textContent.includes(by), `the proposal ${by} arrives`);
  let id = '';
  proposer.write((ydoc) => {
    id = createSubmission(ydoc, proposer.doc, 'amendement', FIELDS, writerOf(proposer), time);
    submitSubmission(
      ydoc,
      proposer.doc,
      getTrackedChanges(proposer.doc),
      id,
      writerOf(proposer),
      time + 1,
    );
  });
  await everyoneHas(
    (map) => (map[submissionKey(id)] as StoredSubmission | undefined)?.submitted === time + 1,
    `amendment ${id} submitted reaches everyone`,
  );
  return id;
}

/**
 * Sends `update` (made by `make` on a copy of the server's state, on a replica writing as
 * `name`) from a raw client with the invitation of `role` under `name`; resolves with how the
 * server closed that connection.
 */
async function attack(
  role: SessionRole,
  name: string,
  make: (attacker: Participant) => Uint8Array,
): Promise<{ code: number; reason: string }> {
  const state = Y.encodeStateAsUpdate(editor.replica.ydoc);
  nextAttacker += 1;
  const attacker = new Participant(nextAttacker, state, { name, suggesting: 'off' });
  const update = make(attacker);
  const token = tokenFor(NAME, role, null, { name, mayComment: true });
  const client = new RawClient(server.url, NAME, token, { state });
  rawClients.push(client);
  await waitFor(() => client.synced, 'the attacker joined');
  const logged = log.length;
  client.sendUpdate(update);
  await waitFor(() => client.closed !== null, 'the attacker refused');
  details.push(log.slice(logged).find((line) => line.includes(' gesloten: ')) ?? '');
  return { code: client.closed!.code, reason: client.closeMessage ?? '' };
}

/** An update that sets `key` of the procedure map to `value`, as `attacker` writes it. */
function setting(key: string, value: unknown) {
  return (attacker: Participant) => attacker.write((ydoc) => getProcedureMap(ydoc).set(key, value));
}

/** The stored indiening `id` as the redacteur has it. */
function stored(id: string): StoredSubmission {
  return getProcedureMap(editor.replica.ydoc).get(submissionKey(id)) as StoredSubmission;
}

/** The stored file's procedure map, read after the server stored and stopped. */
async function storedProcedure(): Promise<Record<string, unknown>> {
  for (const provider of providers.splice(0)) provider.destroy();
  await server.stop();
  const { ydoc } = readDocumentFile(readFileSync(path.join(temp.dir, `${NAME}.resolutie`)));
  readProcedureEntries(ydoc);
  return getProcedureMap(ydoc).toJSON();
}

const refused = (reason: string) => ({ code: CLOSE_CODES.invalidUpdate, reason });

/** The server logged why it closed each attacker's connection, in turn (then forgotten). */
function expectDetails(expected: string[]): void {
  expect(details.splice(0)).toEqual(expected.map((detail) => expect.stringContaining(detail)));
}

describe('the procedure on the server', () => {
  it("takes a voorsteller's own amendment and refuses what goes beyond it", async () => {
    const id = await honestAmendment('onverkort', 'zo veel mogelijk', 1_000);
    const own = getTrackedChanges(editor.doc).filter((c) => c.name === UTRECHT);
    expect(own.length).toBeGreaterThan(0);
    expect(stored(id)).toMatchObject({
      number: 'A1',
      author: UTRECHT,
      changes: own.map((c) => c.id),
      indiener: 'Utrecht',
    });
    // The bestuur's preadvies reaches the voorsteller; the voorsteller edits the motivation.
    editor.write((ydoc) =>
      recordAdvice(ydoc, id, 'ontraden', 'Het Rijk doet al veel.', writerOf(editor)),
    );
    proposer.write((ydoc) =>
      updateSubmission(
        ydoc,
        id,
        { ...FIELDS, motivation: 'Beter onderbouwd.' },
        writerOf(proposer),
      ),
    );
    await everyoneHas(
      (map) =>
        map[adviceKey(id)] !== undefined &&
        (map[submissionKey(id)] as StoredSubmission).motivation === 'Beter onderbouwd.',
      'the preadvies and the new motivation reach everyone',
    );
    // A proposal of the redacteur's, which no voorsteller may claim.
    editor.suggesting = true;
    editor.act(typeText('alle '), findText(editor.doc, 'de leden', true));
    editor.suggesting = false;
    await waitFor(
      () => getTrackedChanges(proposer.doc).some((c) => c.name === 'Redacteur'),
      'the redacteur’s proposal arrives',
    );
    const theirs = getTrackedChanges(editor.doc).find((c) => c.name === 'Redacteur')!.id;
    const before = procedureOf(editor);
    const entry = stored(id);

    const results = [
      // A new amendment under another name.
      await attack('proposer', UTRECHT, (a) =>
        a.write((ydoc) =>
          createSubmission(ydoc, a.doc, 'amendement', FIELDS, {
            name: 'Voorsteller Zwolle',
            colour: '#1b6e3a',
          }),
        ),
      ),
      // The redacteur's proposal claimed, in a new amendment and in the submitted one.
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey('nieuw'), { ...entry, number: 'A7', changes: [theirs], targets: [] }),
      ),
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...entry, changes: [...entry.changes, theirs] }),
      ),
      // What was fixed at submission: its proposals, their places, its number, its time.
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...entry, changes: [], targets: [] }),
      ),
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, targets: [] })),
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, number: 'A9' })),
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, submitted: 5 })),
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, submitted: null })),
      // What was fixed when it was made.
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, created: 5 })),
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...entry, base: { ...entry.base, version: 'Oud' } }),
      ),
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...entry, kind: 'motie', number: 'M1' }),
      ),
      // Taking over one's own amendment under another name.
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, author: 'Iemand' })),
      // A preadvies and a besluit: the bestuur's.
      await attack('proposer', UTRECHT, (a) =>
        a.write((ydoc) => recordAdvice(ydoc, id, 'overnemen', 'Graag.', writerOf(a))),
      ),
      await attack('proposer', UTRECHT, (a) =>
        a.write((ydoc) => recordDecision(ydoc, id, 'aangenomen', 'algemeen', writerOf(a))),
      ),
      // Removing: never, for anyone.
      await attack('proposer', UTRECHT, (a) =>
        a.write((ydoc) => getProcedureMap(ydoc).delete(submissionKey(id))),
      ),
      await attack('editor', 'Redacteur', (a) =>
        a.write((ydoc) => getProcedureMap(ydoc).delete(adviceKey(id))),
      ),
    ];
    expect(results).toEqual([
      ...Array(12).fill(refused(OWN_AMENDMENT_REASON)),
      refused(NO_DECISION_REASON),
      refused(NO_DECISION_REASON),
      refused(INVALID_UPDATE_REASON),
      refused(INVALID_UPDATE_REASON),
    ]);
    expectDetails([
      'op naam van een ander',
      `bevat voorstel "${theirs}" dat niet van de indiener is`,
      ...Array(9).fill('vastgelegde velden gewijzigd'),
      'op naam van een ander',
      'voorsteller schrijft "preadvies:',
      'voorsteller schrijft "besluit:',
      '(verwijderd; de procedure wordt nooit weggehaald)',
      '(verwijderd; de procedure wordt nooit weggehaald)',
    ]);

    // Withdrawn honestly; undone by hand, refused.
    proposer.write((ydoc) => withdrawSubmission(ydoc, id, writerOf(proposer), {}, 9_000));
    await everyoneHas(
      (map) => (map[submissionKey(id)] as StoredSubmission).withdrawn === 9_000,
      'the withdrawal reaches everyone',
    );
    const withdrawn = stored(id);
    expect(
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...withdrawn, withdrawn: null }),
      ),
    ).toEqual(refused(OWN_AMENDMENT_REASON));
    expect(
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...withdrawn, withdrawn: 1 })),
    ).toEqual(refused(OWN_AMENDMENT_REASON));
    expectDetails(['vastgelegde velden gewijzigd', 'vastgelegde velden gewijzigd']);

    // Nothing refused reached anyone: the map is the honest one, with the withdrawal.
    expect(procedureOf(editor)).toEqual({ ...before, [submissionKey(id)]: withdrawn });
    expect(procedureOf(proposer)).toEqual(procedureOf(editor));
    expect(procedureOf(reader)).toEqual(procedureOf(editor));
    expect(honestCloses).toEqual([]);
    expect(await storedProcedure()).toEqual(procedureOf(editor));
  });

  it('keeps what the ALV decided on as it was decided on', async () => {
    const id = await honestAmendment('onverkort', 'zo veel mogelijk', 1_000);
    editor.write((ydoc) => recordDecision(ydoc, id, 'aangehouden', null, writerOf(editor), 2_000));
    await everyoneHas((map) => map[decisionKey(id)] !== undefined, 'held over');
    // Held over, the indiener may still explain it better.
    proposer.write((ydoc) =>
      updateSubmission(ydoc, id, { ...FIELDS, motivation: 'Aangevuld.' }, writerOf(proposer)),
    );
    await everyoneHas(
      (map) => (map[submissionKey(id)] as StoredSubmission).motivation === 'Aangevuld.',
      'the motivation of a held-over amendment changes',
    );
    editor.write((ydoc) =>
      recordDecision(
        ydoc,
        id,
        'aangenomen',
        { voor: 28, tegen: 3, onthouding: 1 },
        writerOf(editor),
        3_000,
      ),
    );
    await everyoneHas(
      (map) => (map[decisionKey(id)] as StoredDecision).outcome === 'aangenomen',
      'the besluit reaches everyone',
    );
    const entry = stored(id);
    const decided = procedureOf(editor);
    // What the app refuses (updateSubmission, withdrawSubmission), sent by hand.
    expect([
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...entry, motivation: 'Achteraf anders.' }),
      ),
      await attack('proposer', UTRECHT, setting(submissionKey(id), { ...entry, withdrawn: 4_000 })),
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey(id), { ...entry, indiener: 'Tilburg' }),
      ),
    ]).toEqual(Array(3).fill(refused(OWN_AMENDMENT_REASON)));
    // A new indiening under the id of one the bestuur already advised on or decided.
    editor.write((ydoc) => {
      const map = getProcedureMap(ydoc);
      map.set(adviceKey('vooruit'), {
        advice: 'ontraden',
        reasoning: '',
        name: 'Redacteur',
        time: 1,
      } satisfies StoredAdvice);
    });
    await everyoneHas((map) => map[adviceKey('vooruit')] !== undefined, 'an early preadvies');
    expect(
      await attack(
        'proposer',
        UTRECHT,
        setting(submissionKey('vooruit'), { ...entry, number: 'A5' }),
      ),
    ).toEqual(refused(OWN_AMENDMENT_REASON));
    expectDetails([
      ...Array(3).fill('er is al over besloten'),
      'nieuw, terwijl er al een preadvies of besluit is',
    ]);
    expect(getSubmission(editor.replica.ydoc, id)?.motivation).toBe('Aangevuld.');
    expect(procedureOf(editor)).toEqual({
      ...decided,
      [adviceKey('vooruit')]: expect.objectContaining({ advice: 'ontraden' }),
    });
    expect(honestCloses).toEqual([]);
  });

  it('holds a lezer to comments and a named redacteur to their name; refuses malformed entries', async () => {
    const id = await honestAmendment('onverkort', 'zo veel mogelijk', 1_000);
    const entry = stored(id);
    const advice: StoredAdvice = { advice: 'overnemen', reasoning: '', name: 'Redacteur', time: 5 };
    const decision: StoredDecision = {
      outcome: 'verworpen',
      vote: 'algemeen',
      name: 'Redacteur',
      time: 6,
      instructions: [],
    };
    // The named redacteur records under their own name, and withdraws on the indiener's behalf.
    editor.write((ydoc) => recordAdvice(ydoc, id, 'overnemen', 'Akkoord.', writerOf(editor)));
    await everyoneHas((map) => map[adviceKey(id)] !== undefined, 'the preadvies');
    const before = procedureOf(editor);

    const results = [
      await attack('reader', 'Lezer', (a) =>
        a.write((ydoc) => createSubmission(ydoc, a.doc, 'amendement', FIELDS, writerOf(a))),
      ),
      await attack('reader', 'Lezer', setting(adviceKey(id), { ...advice, name: 'Lezer' })),
      await attack('reader', 'Lezer', setting(submissionKey(id), { ...entry, withdrawn: 7 })),
      await attack(
        'editor',
        'Redacteur',
        setting(decisionKey(id), { ...decision, name: 'Voorzitter' }),
      ),
      await attack(
        'editor',
        'Redacteur',
        setting(adviceKey(id), { ...advice, name: 'Secretariaat' }),
      ),
      // Malformed, from anyone: an unknown field, a shared type as the entry, a vote that is
      // no count, a key of no kind, list content in the map, a root beside the procedure.
      await attack('editor', 'Redacteur', setting(submissionKey(id), { ...entry, html: '<b>' })),
      await attack(
        'editor',
        'Redacteur',
        setting(decisionKey(id), new Y.Map(Object.entries(decision))),
      ),
      await attack(
        'editor',
        'Redacteur',
        setting(decisionKey(id), { ...decision, vote: { voor: -1, tegen: 0, onthouding: 0 } }),
      ),
      await attack('editor', 'Redacteur', setting('notulen:1', advice)),
      await attack('editor', 'Redacteur', (a) => {
        // Written beside the state (nothing to build on): Yjs puts it in the map's list.
        const loose = new Y.Doc();
        loose.clientID = a.replica.ydoc.clientID;
        loose.getArray('procedure').insert(0, [decision]);
        return Y.encodeStateAsUpdate(loose);
      }),
      await attack('editor', 'Redacteur', (a) =>
        a.write((ydoc) => ydoc.getMap('procedure-kopie').set(submissionKey(id), entry)),
      ),
    ];
    expect(results).toEqual([
      refused(COMMENTS_ONLY_REASON),
      refused(COMMENTS_ONLY_REASON),
      refused(COMMENTS_ONLY_REASON),
      refused(OWN_NAME_DECISION_REASON),
      refused(OWN_NAME_DECISION_REASON),
      ...Array(6).fill(refused(INVALID_UPDATE_REASON)),
    ]);
    expectDetails([
      ...Array(3).fill('een lezer wijzigt meer dan opmerkingen'),
      'op een andere naam',
      'op een andere naam',
      '(onbekend veld "html")',
      '(geen besluit)',
      '(stemming)',
      '"notulen:1" zijn beschadigd (onbekende soort)',
      'bevat inhoud zonder sleutel',
      'onbekend onderdeel toe ("procedure-kopie")',
    ]);

    editor.write((ydoc) => withdrawSubmission(ydoc, id, writerOf(editor), { onBehalf: true }, 8));
    await everyoneHas(
      (map) => (map[submissionKey(id)] as StoredSubmission).withdrawn === 8,
      'withdrawn on behalf',
    );
    expect(procedureOf(editor)).toEqual({
      ...before,
      [submissionKey(id)]: { ...entry, withdrawn: 8 },
    });
    expect(procedureOf(reader)).toEqual(procedureOf(editor));
    expect(reader.replica.ydoc.share.has('procedure-kopie')).toBe(false);
    expect(honestCloses).toEqual([]);
    expect(await storedProcedure()).toEqual(procedureOf(editor));
  });
});

describe('the procedure through Redis', () => {
  const REDIS_SERVER = findRedisServer();
  let redis: RedisProcess | null = null;
  const others: CollabServer[] = [];
  const lines: string[] = [];

  afterEach(async () => {
    for (const other of others.splice(0)) await other.stop();
    await redis?.stop();
    redis = null;
  });

  it("refuses a peer's malformed procedure entry on every instance", async (context) => {
    context.skip(!REDIS_SERVER, 'redis-server ontbreekt; de Redis-test is overgeslagen.');
    redis = await startRedis(REDIS_SERVER!, temp.dir);
    const peerDir = makeTempDir();
    for (let i = 0; i < 2; i += 1) {
      others.push(
        await startTestServer(peerDir.dir, {
          redis: { host: '127.0.0.1', port: redis.port, prefix: 'test' },
          log: (line) => lines.push(`instantie ${i + 1}: ${line}`),
        }),
      );
    }
    await others[0]!.documents.create('gedeeld', createYDoc(RESOLUTION));
    const a = connectProvider(others[0]!.url, 'gedeeld', tokenFor('gedeeld'));
    const b = connectProvider(others[1]!.url, 'gedeeld', tokenFor('gedeeld'));
    providers.push(a, b);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    const state = Y.encodeStateAsUpdate(a.document);
    const hostile = new Y.Doc();
    Y.applyUpdate(hostile, state);
    hostile.clientID = 616161;
    const vector = Y.encodeStateVector(hostile);
    getProcedureMap(hostile).set(decisionKey('x'), {
      outcome: 'aangenomen',
      vote: { voor: 1.5, tegen: 0, onthouding: 0 },
      name: 'Redacteur',
      time: 1,
      instructions: [],
    });
    const message = encodeSyncFrame(
      'gedeeld',
      SYNC_STEP.step2,
      Y.encodeStateAsUpdate(hostile, vector),
    );
    expect(await publishToRedis(redis.port, 'test:gedeeld', frameForRedis('kwaad', message))).toBe(
      2,
    );
    await waitFor(
      () => lines.filter((line) => line.includes('via Redis geweigerd')).length >= 2,
      'both instances refused it',
    );
    expect(lines.filter((line) => line.includes('via Redis geweigerd')).join('\n')).toContain(
      'Procedure-gegevens "besluit:x" zijn beschadigd (stemming)',
    );
    // An honest besluit from one instance reaches the other.
    const honest = {
      outcome: 'verworpen',
      vote: 'algemeen',
      name: 'Redacteur',
      time: 2,
      instructions: [],
    };
    getProcedureMap(a.document).set(decisionKey('y'), honest);
    await waitFor(() => getProcedureMap(b.document).has(decisionKey('y')), 'the honest besluit');
    for (const provider of [a, b]) {
      expect(getProcedureMap(provider.document).has(decisionKey('x'))).toBe(false);
    }
    for (const provider of providers.splice(providers.indexOf(a))) provider.destroy();
    for (const other of others.splice(0)) await other.stop();
    const { ydoc } = readDocumentFile(readFileSync(path.join(peerDir.dir, 'gedeeld.resolutie')));
    expect(getProcedureMap(ydoc).toJSON()).toEqual({ [decisionKey('y')]: honest });
    peerDir.remove();
  });
});
