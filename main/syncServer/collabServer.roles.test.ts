/**
 * The three roles on a real server on loopback: an honest redacteur and an honest voorsteller
 * editing through real providers (the app's own editor: the voorsteller's edits made by the
 * suggestion machinery under the name of their invitation), a lezer who may comment, and raw
 * clients sending hand-made updates that go beyond their role. Each of those is refused (4422,
 * with a Dutch reason) while the honest participants' updates keep flowing, and nothing of a
 * refused update reaches the others or the stored document. A lezer without permission to
 * comment stays read-only: what they send is answered "not saved" and goes nowhere.
 *
 * Issue 17's "Done means" for the server; the rules themselves are in roleRules.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Command } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { buildDoc, findText, itemStart } from '../../shared/editor/testing/buildDoc.ts';
import { buildKeymap } from '../../shared/editor/keymap.ts';
import {
  acceptChanges,
  getTrackedChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { VERSIONS_MAP, recordVersion } from '../../shared/ydoc/versions.ts';
import { createAnchor } from '../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';
import { addReply, addThread, setThreadResolved } from '../../shared/comments/commentStore.ts';
import { readCommentEntries } from '../../shared/comments/commentRecords.ts';
import { readPresenceState } from '../../shared/session/presenceState.ts';
import { USER_COLOURS } from '../../shared/model/userColours.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import type { CollabServer } from './collabServer.ts';
import { CLOSE_CODES } from '../../shared/session/refusals.ts';
import {
  COMMENTS_ONLY_REASON,
  NO_VERSION_REASON,
  OWN_COMMENT_REASON,
  OWN_NAME_PROPOSAL_REASON,
  OWN_THREAD_REASON,
  PROPOSALS_ONLY_REASON,
} from '../../shared/session/roleRules.ts';
import {
  connectProvider,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
  whenRefused,
  whenSynced,
} from './testing/collabTesting.ts';
import { RawClient } from './testing/rawClient.ts';
import { Participant } from './testing/roleParticipants.ts';

vi.setConfig({ testTimeout: 60_000 });

const NAME = 'rollen';
const keys = buildKeymap({ undo: () => false, redo: () => false });
const enter = chainCommands(keys.Enter!, baseKeymap.Enter!);
const backspace = chainCommands(keys.Backspace!, baseKeymap.Backspace!);
const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer;
let editor: Participant;
let proposer: Participant;
let reader: Participant;
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];
/** Close codes the honest participants heard: none, throughout. */
let honestCloses: number[];
let nextAttacker = 500;

/** A participant on its own provider, with the invitation of `role` under its name. */
async function join(
  id: number,
  role: SessionRole,
  name: string,
  suggesting: 'proposer' | 'on' | 'off',
): Promise<Participant> {
  const initial = Y.encodeStateAsUpdate(new Y.Doc());
  const participant = new Participant(id, initial, { name, suggesting });
  const token = tokenFor(NAME, role, null, { name, mayComment: true });
  const provider = connectProvider(server.url, NAME, token, participant.replica.ydoc);
  provider.on('close', ({ event }: { event: CloseEvent }) => honestCloses.push(event.code));
  providers.push(provider);
  await whenSynced(provider);
  return participant;
}

beforeEach(async () => {
  temp = makeTempDir();
  server = await startTestServer(temp.dir);
  await server.documents.create(
    NAME,
    createYDoc(
      buildDoc({
        title: 'Motie',
        recitals: [['de gemeente helpt inwoners;', 'het loket is open;']],
        operatives: [['het college te vragen;']],
      }),
    ),
  );
  honestCloses = [];
  editor = await join(1, 'editor', 'Redacteur', 'off');
  proposer = await join(2, 'proposer', 'Voorsteller', 'proposer');
  reader = await join(3, 'reader', 'Lezer', 'off');
});

afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  for (const provider of providers.splice(0)) provider.destroy();
  await server.stop();
  temp.remove();
});

/** The text of everyone's document is the same, and holds `text`. */
async function everyoneHas(text: string): Promise<void> {
  await waitFor(
    () =>
      [editor, proposer, reader].every((p) => p.doc.textContent.includes(text)) &&
      JSON.stringify(editor.doc.toJSON()) === JSON.stringify(proposer.doc.toJSON()),
    `everyone has ${JSON.stringify(text)}`,
  );
}

function changes(participant: Participant) {
  return getTrackedChanges(participant.doc).map(({ name, inserted, deleted, item }) => ({
    name,
    inserted,
    deleted,
    item: item ?? null,
  }));
}

/**
 * Sends an update made on a copy of what the server holds (by `make`, on a replica writing as
 * `name`) from a raw client with the invitation of `role`; resolves with the close reason once
 * the server closed that connection.
 */
async function attack(
  role: SessionRole,
  name: string,
  make: (attacker: Participant) => Uint8Array,
  options: { suggesting?: 'on' | 'off'; writesAs?: string } = {},
): Promise<{ code: number; reason: string }> {
  const state = Y.encodeStateAsUpdate(editor.replica.ydoc);
  nextAttacker += 1;
  // Its editor may write under another name than its invitation's.
  const attacker = new Participant(nextAttacker, state, {
    name: options.writesAs ?? name,
    suggesting: options.suggesting ?? 'off',
  });
  const update = make(attacker);
  const token = tokenFor(NAME, role, null, { name, mayComment: true });
  const client = new RawClient(server.url, NAME, token, { state });
  rawClients.push(client);
  await waitFor(() => client.synced, 'the attacker joined');
  client.sendUpdate(update);
  await waitFor(() => client.closed !== null, 'the attacker refused');
  return { code: client.closed!.code, reason: client.closeMessage ?? '' };
}

/** A new thread by `who` on `text`, written on its replica: the update. */
function threadOn(who: Participant, text: string, comment: string, id: string): Uint8Array {
  const from = findText(who.doc, text, true);
  return who.write((ydoc) => {
    const mapping = who.replica.mapping as YMapping;
    const anchor = createAnchor(
      who.doc,
      who.replica.fragment,
      mapping,
      from,
      from + text.length,
      null,
    );
    addThread(ydoc, who.author, comment, anchor, 1_000, id);
  });
}

/** The stored file, read after the server stored and stopped. */
async function storedDocument(): Promise<Y.Doc> {
  for (const provider of providers.splice(0)) provider.destroy();
  await server.stop();
  const file = readFileSync(path.join(temp.dir, `${NAME}.resolutie`));
  return readDocumentFile(file).ydoc;
}

describe('roles on the server', () => {
  it("lets a voorsteller's proposals through and refuses all else, while both keep working", async () => {
    // Honest proposals, made by the suggestion machinery under the invitation's name.
    proposer.act(typeText('zeer '), findText(proposer.doc, 'de gemeente '));
    await everyoneHas('zeer ');
    proposer.act(typeText('goed '), findText(proposer.doc, 'zeer '));
    proposer.act(backspace, findText(proposer.doc, 'helpt', true), findText(proposer.doc, 'helpt'));
    const end = findText(proposer.doc, 'het loket is open;');
    proposer.act(enter, end);
    proposer.act(typeText('de wachttijd daalt;'), end + 2);
    await everyoneHas('de wachttijd daalt;');
    // Taking back part of one's own proposal, and proposing an item away.
    proposer.act(backspace, findText(proposer.doc, 'goed ', true), findText(proposer.doc, 'goed '));
    const from = findText(proposer.doc, 'inwoners;');
    proposer.act(backspace, from, itemStart(proposer.doc, 2));
    await waitFor(
      () => changes(editor).some((c) => c.item === 'delete' && c.name === 'Voorsteller'),
      'the proposal to delete an item reaches the redacteur',
    );
    await waitFor(() => !editor.doc.textContent.includes('goed '), 'taken back');
    expect(changes(editor)).toEqual(
      expect.arrayContaining([
        { name: 'Voorsteller', inserted: 'zeer ', deleted: '', item: null },
        { name: 'Voorsteller', inserted: '', deleted: 'helpt', item: null },
        expect.objectContaining({
          name: 'Voorsteller',
          inserted: 'de wachttijd daalt;',
          item: 'insert',
        }),
      ]),
    );
    // The redacteur proposes too (under its own name), and edits directly.
    editor.suggesting = true;
    editor.act(typeText('alle '), findText(editor.doc, 'het college '));
    editor.suggesting = false;
    await everyoneHas('alle ');

    // Each refused, with its reason, and the connection closed 4422.
    const refused = [
      await attack('proposer', 'Voorsteller', (a) =>
        a.act(typeText('DIRECT '), findText(a.doc, 'het loket ')),
      ),
      await attack('proposer', 'Voorsteller', (a) =>
        a.act(backspace, findText(a.doc, 'loket', true), findText(a.doc, 'loket')),
      ),
      await attack(
        'proposer',
        'Voorsteller',
        (a) => a.act(typeText('NAMENS '), findText(a.doc, 'het college ')),
        { suggesting: 'on', writesAs: 'Redacteur' },
      ),
      await attack('proposer', 'Voorsteller', (a) =>
        a.act(
          acceptChanges(() => true),
          1,
        ),
      ),
      await attack('proposer', 'Voorsteller', (a) =>
        a.write((ydoc) =>
          recordVersion(ydoc, {
            id: 'eigen-versie',
            name: 'Eigen versie',
            author: 'Voorsteller',
            createdAt: '2026-01-01T10:00:00.000Z',
            doc: readYDoc(ydoc),
          }),
        ),
      ),
    ];
    expect(refused).toEqual([
      { code: CLOSE_CODES.invalidUpdate, reason: PROPOSALS_ONLY_REASON },
      { code: CLOSE_CODES.invalidUpdate, reason: PROPOSALS_ONLY_REASON },
      { code: CLOSE_CODES.invalidUpdate, reason: OWN_NAME_PROPOSAL_REASON },
      { code: CLOSE_CODES.invalidUpdate, reason: PROPOSALS_ONLY_REASON },
      { code: CLOSE_CODES.invalidUpdate, reason: NO_VERSION_REASON },
    ]);

    // The honest ones go on, and nothing refused reached anyone.
    proposer.act(typeText('nu '), findText(proposer.doc, 'het loket '));
    editor.act(typeText('Eind. '), findText(editor.doc, 'Mo', true));
    await everyoneHas('Eind. ');
    await everyoneHas('nu ');
    for (const text of ['DIRECT', 'NAMENS']) {
      expect(editor.doc.textContent).not.toContain(text);
      expect(proposer.doc.textContent).not.toContain(text);
    }
    expect(changes(editor).some((c) => c.name === 'Redacteur' && c.inserted === 'alle ')).toBe(
      true,
    );
    expect(editor.doc.textContent).toContain('loket');
    expect(honestCloses).toEqual([]);
    const stored = await storedDocument();
    const text = readYDoc(stored).textContent;
    expect(text).toContain('nu ');
    expect(text).not.toMatch(/DIRECT|NAMENS/);
    expect(stored.getMap(VERSIONS_MAP).size).toBe(0);
  });

  it('holds comments to the name of the invitation, and a lezer to comments', async () => {
    await sendThread(reader, 'de gemeente', 'Welke gemeente?', 'vraag');
    await sendThread(editor, 'het loket', 'Open?', 'redactie');
    reader.write((ydoc) => addReply(ydoc, 'redactie', reader.author, 'Ja.', 2_000, 'antwoord'));
    proposer.write((ydoc) => addReply(ydoc, 'vraag', proposer.author, 'Deze.', 3_000, 'reactie'));
    reader.write((ydoc) => setThreadResolved(ydoc, 'vraag', true, 'Lezer', 4_000));
    await waitFor(
      () => readCommentEntries(editor.replica.ydoc).statuses.get('vraag')?.resolved === true,
      'the lezer resolves their own thread',
    );

    const refused = [
      await attack('proposer', 'Voorsteller', (a) =>
        a.write((ydoc) =>
          addReply(
            ydoc,
            'redactie',
            { name: 'Redacteur', colour: USER_COLOURS[0]! },
            'Ja!',
            5,
            'nep',
          ),
        ),
      ),
      await attack('reader', 'Lezer', (a) =>
        a.act(typeText('LEZER '), findText(a.doc, 'het loket ')),
      ),
      await attack('reader', 'Lezer', (a) =>
        a.write((ydoc) => setThreadResolved(ydoc, 'redactie', true, 'Lezer', 6)),
      ),
    ];
    expect(refused).toEqual([
      { code: CLOSE_CODES.invalidUpdate, reason: OWN_COMMENT_REASON },
      { code: CLOSE_CODES.invalidUpdate, reason: COMMENTS_ONLY_REASON },
      { code: CLOSE_CODES.invalidUpdate, reason: OWN_THREAD_REASON },
    ]);

    // A lezer without permission to comment is read-only: not saved, not relayed.
    const state = Y.encodeStateAsUpdate(editor.replica.ydoc);
    const silent = new RawClient(server.url, NAME, tokenFor(NAME, 'reader'), { state });
    rawClients.push(silent);
    await waitFor(() => silent.synced, 'the lezer joined');
    const lezer = new Participant(600, state, { name: 'Lezer', suggesting: 'off' });
    silent.sendUpdate(threadOn(lezer, 'het college', 'Mag dit?', 'stil'));
    await waitFor(() => silent.syncStatuses.includes(false), 'the server answered "not saved"');
    expect(silent.scope).toBe('readonly');

    editor.act(typeText('Eind. '), findText(editor.doc, 'Mo', true));
    await everyoneHas('Eind. ');
    const ids = readCommentEntries(proposer.replica.ydoc)
      .comments.map((c) => c.id)
      .sort();
    expect(ids).toEqual(['antwoord', 'reactie', 'redactie', 'vraag']);
    expect(readCommentEntries(editor.replica.ydoc).statuses.get('redactie')).toBeUndefined();
    expect(editor.doc.textContent).not.toContain('LEZER');
    expect(honestCloses).toEqual([]);
    const stored = readCommentEntries(await storedDocument())
      .comments.map((c) => c.id)
      .sort();
    expect(stored).toEqual(ids);
  });

  it('lets only a redacteur make a document exist', async () => {
    const token = tokenFor('nieuw', 'proposer', null, { name: 'Voorsteller' });
    const provider = connectProvider(server.url, 'nieuw', token);
    providers.push(provider);
    expect(await whenRefused(provider)).toBe(
      'Dit document staat (nog) niet op de server; een voorsteller kan het niet aanmaken.',
    );
  });

  it('shows a named participant under the name of their invitation', async () => {
    const [editorProvider, proposerProvider] = providers;
    proposerProvider!.awareness!.setLocalStateField('user', {
      name: 'Iemand anders',
      color: USER_COLOURS[1],
    });
    await waitFor(() => {
      const states = [...editorProvider!.awareness!.getStates().values()];
      return states.some((state) => readPresenceState(state)?.user?.name === 'Voorsteller');
    }, 'the redacteur sees the voorsteller under the invitation name');
    const names = [...editorProvider!.awareness!.getStates().values()].map(
      (state) => readPresenceState(state)?.user?.name,
    );
    expect(names).not.toContain('Iemand anders');
  });
});

/** Sends a new thread by `who` and waits until everyone has it. */
async function sendThread(who: Participant, text: string, comment: string, id: string) {
  threadOn(who, text, comment, id);
  await waitFor(
    () =>
      [editor, proposer, reader].every((p) =>
        readCommentEntries(p.replica.ydoc).comments.some((c) => c.id === id),
      ),
    `thread ${id} reaches everyone`,
  );
}
