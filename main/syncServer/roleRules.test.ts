/**
 * The role rules, decided by the server's check of an update (checkDocumentUpdate with the
 * sender's role): honest participants' updates, made by the app's own editor and comment
 * store, pass; hand-made ones that go beyond the role are refused with the reason the
 * participant is told. The same cases against a real server and provider are in
 * collabServer.roles.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Command } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText, itemStart } from '../../shared/editor/testing/buildDoc.ts';
import { buildKeymap } from '../../shared/editor/keymap.ts';
import {
  acceptChanges,
  getTrackedChanges,
  rejectChanges,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { indentItem } from '../../shared/editor/commands/indentItems.ts';
import { recordVersion } from '../../shared/ydoc/versions.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { createAnchor } from '../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';
import {
  addReply,
  addThread,
  editComment,
  setThreadResolved,
} from '../../shared/comments/commentStore.ts';
import { readCommentEntries } from '../../shared/comments/commentRecords.ts';
import { USER_COLOURS } from '../../shared/model/userColours.ts';
import { createInitialUpdate } from '../../renderer/editor/testing/fuzzReplicas.ts';
import { InvalidUpdateError, checkDocumentUpdate } from '../../shared/session/updateValidation.ts';
import {
  COMMENTS_ONLY_REASON,
  NO_VERSION_REASON,
  OWN_COMMENT_REASON,
  OWN_NAME_PROPOSAL_REASON,
  OWN_THREAD_REASON,
  PROPOSALS_ONLY_REASON,
  READ_ONLY_REASON,
} from '../../shared/session/roleRules.ts';
import type { RoleContext } from '../../shared/session/roleRules.ts';
import { Participant } from './testing/roleParticipants.ts';

const keys = buildKeymap({ undo: () => false, redo: () => false });
const enter = chainCommands(keys.Enter!, baseKeymap.Enter!);
const backspace = chainCommands(keys.Backspace!, baseKeymap.Backspace!);
const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

const EDITOR: RoleContext = {
  role: 'editor',
  name: 'Redacteur',
  mayComment: true,
};
const PROPOSER: RoleContext = {
  role: 'proposer',
  name: 'Voorsteller',
  mayComment: true,
};
const READER: RoleContext = { role: 'reader', name: 'Lezer', mayComment: true };
const UNNAMED_EDITOR: RoleContext = { role: 'editor', name: null, mayComment: true };

/** A server document and three participants on it, each receiving what the server takes. */
function session() {
  const initial = createInitialUpdate(
    buildDoc({
      title: 'Motie',
      recitals: [['de gemeente helpt inwoners;', 'het loket is open;']],
      operatives: [['het college te vragen;']],
      explanation: ['Een toelichting.'],
    }),
  );
  const server = new Y.Doc();
  Y.applyUpdate(server, initial);
  const editor = new Participant(1, initial, { name: 'Redacteur', suggesting: 'off' });
  const proposer = new Participant(2, initial, { name: 'Voorsteller', suggesting: 'proposer' });
  const reader = new Participant(3, initial, { name: 'Lezer', suggesting: 'off' });
  const everyone = [editor, proposer, reader];
  /** The server's check of `update` from `role`, then the update applied and relayed. */
  const send = (role: RoleContext, update: Uint8Array) => {
    expect(checkDocumentUpdate(server, update, undefined, role)).toBe('accepted');
    Y.applyUpdate(server, update);
    for (const participant of everyone) participant.receive(update);
  };
  /** A replica of what the server holds now, to make hand-made updates on. */
  const attacker = (id: number, name: string, suggesting: 'on' | 'off') =>
    new Participant(id, Y.encodeStateAsUpdate(server), { name, suggesting });
  return { server, editor, proposer, reader, send, attacker };
}

/** The reason `update` from `role` is refused with; the server's document is left as it was. */
function refusal(server: Y.Doc, role: RoleContext, update: Uint8Array): string {
  const before = Y.encodeStateAsUpdate(server);
  try {
    // Not held as waiting for something either: refused outright.
    expect(checkDocumentUpdate(server, update, undefined, role)).toBe('accepted');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidUpdateError);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
    return (error as InvalidUpdateError).reason;
  }
  throw new Error('not refused');
}

/** The range of `text` in `doc`. */
function rangeOf(doc: Node, text: string): [number, number] {
  const from = findText(doc, text, true);
  return [from, from + text.length];
}

/** A new thread by `who` on `text`, written on its own replica. */
function threadOn(who: Participant, text: string, comment: string, id: string): Uint8Array {
  const [from, to] = rangeOf(who.doc, text);
  return who.write((ydoc) => {
    const { fragment } = who.replica;
    const mapping = who.replica.mapping as YMapping;
    const anchor = createAnchor(who.doc, fragment, mapping, from, to, null);
    addThread(ydoc, who.author, comment, anchor, 1_000, id);
  });
}

function changesOf(server: Y.Doc) {
  return getTrackedChanges(readYDoc(server)).map(({ name, inserted, deleted, item }) => ({
    name,
    inserted,
    deleted,
    item,
  }));
}

describe('a voorsteller', () => {
  it('may propose text, type on in it, take it back, and propose deletions', () => {
    const { server, proposer, send } = session();
    send(PROPOSER, proposer.act(typeText('zeer '), findText(proposer.doc, 'de gemeente ')));
    send(PROPOSER, proposer.act(typeText('goed '), findText(proposer.doc, 'zeer ')));
    send(PROPOSER, proposer.act(backspace, ...rangeOf(proposer.doc, 'helpt')));
    expect(changesOf(server)).toEqual([
      { name: 'Voorsteller', inserted: 'zeer goed ', deleted: '', item: undefined },
      { name: 'Voorsteller', inserted: '', deleted: 'helpt', item: undefined },
    ]);
    // Typing inside one's own proposal, and deleting part of it (taken back for real).
    send(PROPOSER, proposer.act(typeText('!'), findText(proposer.doc, 'zeer')));
    send(PROPOSER, proposer.act(backspace, ...rangeOf(proposer.doc, 'goed ')));
    expect(changesOf(server)[0]).toMatchObject({ inserted: 'zeer! ' });
  });

  it('may propose a new item and the deletion of an item', () => {
    const { server, proposer, send } = session();
    const end = findText(proposer.doc, 'het loket is open;');
    send(PROPOSER, proposer.act(enter, end));
    send(PROPOSER, proposer.act(typeText('de wachttijd daalt;'), end + 2));
    // From the end of the first item to the start of the third: the second goes whole.
    const from = findText(proposer.doc, 'inwoners;');
    send(PROPOSER, proposer.act(backspace, from, itemStart(proposer.doc, 2)));
    const changes = changesOf(server);
    expect(changes).toContainEqual(
      expect.objectContaining({ inserted: 'de wachttijd daalt;', item: 'insert' }),
    );
    expect(
      changes.some((change) => change.item === 'delete' && change.name === 'Voorsteller'),
    ).toBe(true);
  });

  it('is refused a direct edit, a deletion without proposal and a change of attributes', () => {
    const { server, proposer, send, attacker } = session();
    send(PROPOSER, proposer.act(typeText('zeer '), findText(proposer.doc, 'de gemeente ')));
    const direct = attacker(12, 'Voorsteller', 'off');
    expect(refusal(server, PROPOSER, direct.act(typeText('niet '), 1 + 'Mo'.length + 1))).toBe(
      PROPOSALS_ONLY_REASON,
    );
    const deleting = attacker(12, 'Voorsteller', 'off');
    expect(
      refusal(server, PROPOSER, deleting.act(backspace, ...rangeOf(deleting.doc, 'loket'))),
    ).toBe(PROPOSALS_ONLY_REASON);
    const indenting = attacker(12, 'Voorsteller', 'off');
    const second = itemStart(indenting.doc, 1);
    expect(refusal(server, PROPOSER, indenting.act(indentItem, second))).toBe(
      PROPOSALS_ONLY_REASON,
    );
  });

  it('is refused a proposal in another name, and accepting or rejecting one', () => {
    const { server, editor, send, attacker } = session();
    editor.suggesting = true;
    send(EDITOR, editor.act(typeText('alle '), findText(editor.doc, 'helpt ')));
    const forger = attacker(12, 'Redacteur', 'on');
    const forged = forger.act(typeText('nooit '), findText(forger.doc, 'het college '));
    expect(refusal(server, PROPOSER, forged)).toBe(OWN_NAME_PROPOSAL_REASON);
    const accepting = attacker(12, 'Voorsteller', 'off');
    const accepted = accepting.act(
      acceptChanges(() => true),
      1,
    );
    expect(refusal(server, PROPOSER, accepted)).toBe(PROPOSALS_ONLY_REASON);
    const rejecting = attacker(12, 'Voorsteller', 'off');
    const rejected = rejecting.act(
      rejectChanges(() => true),
      1,
    );
    expect(refusal(server, PROPOSER, rejected)).toBe(PROPOSALS_ONLY_REASON);
    // Accepting without saying so: the proposal's mark taken off its text, which then reads
    // as plain text.
    const unmarking = attacker(12, 'Voorsteller', 'off');
    const [from, to] = rangeOf(unmarking.doc, 'alle ');
    const unmarked = unmarking.act((state, dispatch) => {
      dispatch?.(state.tr.removeMark(from, to, state.schema.marks.insertion!));
      return true;
    }, 1);
    expect(refusal(server, PROPOSER, unmarked)).toBe(PROPOSALS_ONLY_REASON);
    expect(changesOf(server)).toEqual([
      { name: 'Redacteur', inserted: 'alle ', deleted: '', item: undefined },
    ]);
  });

  it("may propose to delete a colleague's proposal", () => {
    const { server, editor, proposer, send } = session();
    editor.suggesting = true;
    send(EDITOR, editor.act(typeText('alle '), findText(editor.doc, 'helpt ')));
    send(PROPOSER, proposer.act(backspace, ...rangeOf(proposer.doc, 'alle ')));
    expect(changesOf(server)).toEqual([
      { name: 'Redacteur', inserted: 'alle ', deleted: '', item: undefined },
      { name: 'Voorsteller', inserted: '', deleted: 'alle ', item: undefined },
    ]);
  });

  it('is refused recording a version', () => {
    const { server, attacker } = session();
    const recorder = attacker(12, 'Voorsteller', 'off');
    const version = recorder.write((ydoc) =>
      recordVersion(ydoc, {
        id: 'v1',
        name: 'Eigen versie',
        author: 'Voorsteller',
        createdAt: '2026-01-01T10:00:00.000Z',
        doc: readYDoc(ydoc),
      }),
    );
    expect(refusal(server, PROPOSER, version)).toBe(NO_VERSION_REASON);
  });

  it('may comment under its own name only, and resolve only its own threads', () => {
    const { server, editor, proposer, send, attacker } = session();
    send(PROPOSER, threadOn(proposer, 'het loket', 'Is dat zo?', 'eigen'));
    send(EDITOR, threadOn(editor, 'het college', 'Welk college?', 'redactie'));
    send(
      PROPOSER,
      proposer.write((ydoc) =>
        addReply(ydoc, 'redactie', proposer.author, 'Dit.', 2_000, 'antwoord'),
      ),
    );
    send(
      PROPOSER,
      proposer.write((ydoc) => setThreadResolved(ydoc, 'eigen', true, 'Voorsteller', 3_000)),
    );
    // Each attempt from a fresh copy of what the server holds: a refused update stays out.
    const others = attacker(12, 'Voorsteller', 'off').write((ydoc) =>
      setThreadResolved(ydoc, 'redactie', true, 'Voorsteller', 4_000),
    );
    expect(refusal(server, PROPOSER, others)).toBe(OWN_THREAD_REASON);
    const asEditor = attacker(12, 'Voorsteller', 'off').write((ydoc) =>
      addReply(ydoc, 'eigen', { name: 'Redacteur', colour: USER_COLOURS[0]! }, 'Ja.', 5_000, 'nep'),
    );
    expect(refusal(server, PROPOSER, asEditor)).toBe(OWN_COMMENT_REASON);
    const rewritten = attacker(12, 'Voorsteller', 'off').write((ydoc) =>
      editComment(ydoc, 'redactie', 'Redacteur', 'Anders.', 6_000),
    );
    expect(refusal(server, PROPOSER, rewritten)).toBe(OWN_COMMENT_REASON);
    expect(
      readCommentEntries(server)
        .comments.map((c) => c.id)
        .sort(),
    ).toEqual(['antwoord', 'eigen', 'redactie']);
  });
});

describe('a lezer who may comment', () => {
  it('may start a thread, reply and resolve its own thread', () => {
    const { server, editor, reader, send } = session();
    send(READER, threadOn(reader, 'de gemeente', 'Welke gemeente?', 'vraag'));
    send(EDITOR, threadOn(editor, 'het loket', 'Open?', 'redactie'));
    send(
      READER,
      reader.write((ydoc) => addReply(ydoc, 'redactie', reader.author, 'Ja.', 2_000, 'ja')),
    );
    send(
      READER,
      reader.write((ydoc) => setThreadResolved(ydoc, 'vraag', true, 'Lezer', 3_000)),
    );
    expect(readCommentEntries(server).statuses.get('vraag')).toMatchObject({ resolved: true });
  });

  it('is refused a text edit, a comment in another name and resolving another thread', () => {
    const { server, editor, reader, send, attacker } = session();
    send(EDITOR, threadOn(editor, 'het loket', 'Open?', 'redactie'));
    const edit = reader.act(typeText('niet '), findText(reader.doc, 'het loket '));
    expect(refusal(server, READER, edit)).toBe(COMMENTS_ONLY_REASON);
    // Each attempt from a fresh copy of what the server holds: a refused update stays out.
    const asEditor = attacker(13, 'Lezer', 'off').write((ydoc) =>
      addReply(ydoc, 'redactie', { name: 'Redacteur', colour: USER_COLOURS[0]! }, 'Ja.', 1, 'nep'),
    );
    expect(refusal(server, READER, asEditor)).toBe(OWN_COMMENT_REASON);
    const resolving = attacker(13, 'Lezer', 'off').write((ydoc) =>
      setThreadResolved(ydoc, 'redactie', true, 'Lezer', 2),
    );
    expect(refusal(server, READER, resolving)).toBe(OWN_THREAD_REASON);
  });

  it('may not change anything without permission to comment', () => {
    const { server, reader } = session();
    const thread = threadOn(reader, 'de gemeente', 'Welke gemeente?', 'vraag');
    expect(refusal(server, { ...READER, mayComment: false }, thread)).toBe(READ_ONLY_REASON);
  });
});

describe('a redacteur', () => {
  it('with a name proposes and comments under it, and may resolve any thread', () => {
    const { server, editor, reader, send, attacker } = session();
    send(READER, threadOn(reader, 'de gemeente', 'Welke gemeente?', 'vraag'));
    editor.suggesting = true;
    send(EDITOR, editor.act(typeText('alle '), findText(editor.doc, 'helpt ')));
    editor.suggesting = false;
    send(EDITOR, editor.act(typeText('Nieuwe '), findText(editor.doc, 'Mo', true)));
    send(
      EDITOR,
      editor.write((ydoc) => setThreadResolved(ydoc, 'vraag', true, 'Redacteur', 1)),
    );
    const forger = attacker(11, 'Voorsteller', 'on');
    const forged = forger.act(typeText('nooit '), findText(forger.doc, 'het college '));
    expect(refusal(server, EDITOR, forged)).toBe(OWN_NAME_PROPOSAL_REASON);
    const asReader = editor.write((ydoc) =>
      addReply(ydoc, 'vraag', { name: 'Lezer', colour: USER_COLOURS[2]! }, 'Ja.', 2, 'nep'),
    );
    expect(refusal(server, EDITOR, asReader)).toBe(OWN_COMMENT_REASON);
  });

  it('without a name (an invitation from before names) is not held to one', () => {
    const { server, editor, send } = session();
    send(UNNAMED_EDITOR, threadOn(editor, 'de gemeente', 'Namens een ander.', 'vraag'));
    const other = editor.write((ydoc) =>
      addReply(ydoc, 'vraag', { name: 'Wie dan ook', colour: USER_COLOURS[3]! }, 'Ja.', 2, 'x'),
    );
    expect(checkDocumentUpdate(server, other, undefined, UNNAMED_EDITOR)).toBe('accepted');
  });
});

describe('the cost of the rules', () => {
  it("is a few milliseconds for a voorsteller's keystroke in 300 items (printed, not asserted)", () => {
    const items = Array.from({ length: 300 }, (_, i) => `punt ${i}: een zin over gemeenten;`);
    const initial = createInitialUpdate(buildDoc({ title: 'Groot', recitals: [items] }));
    const server = new Y.Doc();
    Y.applyUpdate(server, initial);
    const proposer = new Participant(2, initial, { name: 'Voorsteller', suggesting: 'proposer' });
    const keystrokes = Array.from({ length: 20 }, (_, i) =>
      proposer.act(typeText('x'), findText(proposer.doc, `punt ${i * 10}:`)),
    );
    const start = performance.now();
    for (const update of keystrokes) {
      expect(checkDocumentUpdate(server, update, undefined, PROPOSER)).toBe('accepted');
      Y.applyUpdate(server, update);
    }
    const perCheck = (performance.now() - start) / keystrokes.length;
    console.log(`role rules: ${perCheck.toFixed(1)} ms per voorsteller keystroke, 300 items`);
  });
});
