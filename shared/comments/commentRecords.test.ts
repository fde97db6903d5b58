import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_COMMENTS,
  MAX_COMMENT_LENGTH,
  checkCommentEntries,
  getCommentsMap,
  readCommentEntries,
  statusKey,
} from './commentRecords.ts';
import type { StoredComment } from './commentRecords.ts';
import {
  CommentError,
  addReply,
  addThread,
  deleteComment,
  editComment,
  setThreadResolved,
} from './commentStore.ts';
import { listThreads } from './commentThreads.ts';
import { InvalidDocumentError } from '../ydoc/invalidDocument.ts';

const anchor = { start: 'AQID', end: 'BAUG', quote: 'de tekst', change: null };
const writer = { name: 'Redacteur', colour: '#1f77b4' };
const first: StoredComment = {
  thread: 't1',
  author: 'Redacteur',
  colour: '#1f77b4',
  time: 1,
  edited: null,
  text: 'Klopt dit?',
  deleted: false,
  anchor,
};

function withoutField(value: StoredComment, field: keyof StoredComment): unknown {
  const copy: Partial<StoredComment> = { ...value };
  delete copy[field];
  return copy;
}

function docWith(entries: Record<string, unknown>): Y.Doc {
  const ydoc = new Y.Doc();
  const map = getCommentsMap(ydoc);
  for (const [key, value] of Object.entries(entries)) map.set(key, value);
  return ydoc;
}

describe('reading the comments map', () => {
  it('reads threads, replies and states', () => {
    const ydoc = docWith({
      t1: first,
      r1: { ...first, thread: 't1', anchor: null, text: 'Ja.', time: 2 },
      [statusKey('t1')]: { resolved: true, name: 'Redacteur', time: 3 },
    });
    const entries = readCommentEntries(ydoc);
    const [thread] = listThreads(entries, new Map());
    expect(thread!.comments.map((c) => c.text)).toEqual(['Klopt dit?', 'Ja.']);
    expect(thread!.resolved).toBe(true);
  });

  it.each([
    ['an unknown field', { t1: { ...first, onclick: 'x' } }, 'onbekend veld "onclick"'],
    ['a missing field', { t1: withoutField(first, 'deleted') }, 'velden'],
    ['an author with hidden characters', { t1: { ...first, author: 'Re\u202edacteur' } }, 'auteur'],
    ['a colour that is no colour', { t1: { ...first, colour: 'red;x' } }, 'kleur'],
    [
      'text that is too long',
      { t1: { ...first, text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) } },
      'tekst',
    ],
    ['text with control characters', { t1: { ...first, text: 'a\u0000b' } }, 'tekst'],
    ['a deleted comment that kept its text', { t1: { ...first, deleted: true } }, 'tekst'],
    ['a reply with an anchor', { r1: { ...first, thread: 't1' } }, 'plaats in de tekst'],
    ['a first comment without anchor', { t1: { ...first, anchor: null } }, 'plaats in de tekst'],
    [
      'an anchor that is no position',
      { t1: { ...first, anchor: { ...anchor, start: '<x>' } } },
      'plaats',
    ],
    ['a bad id', { 'a b': first }, 'id'],
    [
      'a state that is no state',
      { [statusKey('t1')]: { resolved: 'ja', name: 'R', time: 1 } },
      'status',
    ],
    ['a Y type as value', { t1: new Y.Map() }, 'geen opmerking'],
  ])('refuses %s', (_what, entries, message) => {
    const ydoc = docWith(entries);
    expect(() => readCommentEntries(ydoc)).toThrow(InvalidDocumentError);
    expect(() => readCommentEntries(ydoc)).toThrow(message);
  });

  it('keeps a reply whose thread has not arrived yet, and shows it once it has', () => {
    const ydoc = docWith({ r1: { ...first, thread: 't1', anchor: null, text: 'Ja.' } });
    const entries = readCommentEntries(ydoc);
    expect(entries.comments).toHaveLength(1);
    expect(listThreads(entries, new Map())).toEqual([]);
    getCommentsMap(ydoc).set('t1', first);
    expect(listThreads(readCommentEntries(ydoc), new Map())[0]!.comments).toHaveLength(2);
  });

  it('refuses more entries than the store holds', () => {
    const ydoc = new Y.Doc();
    const map = getCommentsMap(ydoc);
    ydoc.transact(() => {
      for (let i = 0; i <= MAX_COMMENTS; i += 1) map.set(`t${i}`, { ...first, thread: `t${i}` });
    });
    expect(() => readCommentEntries(ydoc)).toThrow('meer dan');
  });

  it('refuses (on the server) an entry that was removed', () => {
    const ydoc = docWith({ t1: first });
    getCommentsMap(ydoc).delete('t1');
    expect(() => checkCommentEntries(ydoc, ['t1'])).toThrow('nooit weggehaald');
  });
});

describe('writing comments', () => {
  it('starts a thread, replies, edits and deletes one’s own, resolves and reopens', () => {
    const ydoc = new Y.Doc();
    const thread = addThread(ydoc, writer, '  Klopt dit?\r\nGraag een bron.  ', anchor, 10);
    const reply = addReply(ydoc, thread, { name: 'Voorsteller', colour: '#d62728' }, 'Ja.', 11);
    editComment(ydoc, thread, 'Redacteur', 'Klopt dit wel?', 12);
    expect(() => editComment(ydoc, reply, 'Redacteur', 'Nee.', 13)).toThrow(CommentError);
    expect(() => deleteComment(ydoc, reply, 'Redacteur', 13)).toThrow('eigen opmerkingen');
    deleteComment(ydoc, reply, 'Voorsteller', 14);
    setThreadResolved(ydoc, thread, true, 'Voorsteller', 15);
    let [shown] = listThreads(readCommentEntries(ydoc), new Map());
    expect(shown!.comments.map((c) => [c.text, c.deleted, c.edited])).toEqual([
      ['Klopt dit wel?', false, 12],
      ['', true, 14],
    ]);
    expect(shown!.resolved).toBe(true);
    setThreadResolved(ydoc, thread, false, 'Redacteur', 16);
    [shown] = listThreads(readCommentEntries(ydoc), new Map());
    expect(shown!.status).toEqual({ resolved: false, name: 'Redacteur', time: 16 });
  });

  it('keeps the line breaks of a comment and refuses what is no text', () => {
    const ydoc = new Y.Doc();
    expect(() => addThread(ydoc, writer, '   ', anchor)).toThrow('tekst nodig');
    expect(() => addThread(ydoc, writer, 'x'.repeat(MAX_COMMENT_LENGTH + 1), anchor)).toThrow(
      `hoogstens ${MAX_COMMENT_LENGTH}`,
    );
    expect(() => addThread(ydoc, writer, 'a\u202eb', anchor)).toThrow('tekens');
    expect(() => addThread(ydoc, { name: '', colour: '#1f77b4' }, 'x', anchor)).toThrow('naam');
    const id = addThread(ydoc, writer, 'Eerste regel\nTweede regel', anchor);
    expect((getCommentsMap(ydoc).get(id) as StoredComment).text).toBe('Eerste regel\nTweede regel');
  });
});
