import { describe, expect, it } from 'vitest';
import type { Command } from 'prosemirror-state';
import { Replica, createInitialUpdate, sync } from '../testing/fuzzReplicas.ts';
import { buildDoc, findText } from '../../../shared/editor/testing/buildDoc.ts';
import {
  createAnchor,
  resolveAnchor,
  resolveThreadAnchors,
} from '../../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../../shared/comments/commentAnchors.ts';
import { addThread } from '../../../shared/comments/commentStore.ts';
import { readCommentEntries } from '../../../shared/comments/commentRecords.ts';
import { threadAnchors } from '../../../shared/comments/commentThreads.ts';
import { readDocumentFile, writeDocumentFile } from '../../../shared/ydoc/documentFile.ts';
import { schema } from '../../../shared/editor/schema.ts';
import { replaceDocument } from '../../../shared/editor/commands/replaceDocument.ts';

const insertText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };
const deleteSelection: Command = (state, dispatch) => {
  dispatch?.(state.tr.deleteSelection());
  return true;
};
const writer = { name: 'Redacteur', colour: '#1f77b4' };

function setup() {
  const initial = createInitialUpdate(
    buildDoc({
      recitals: [['de woningnood groot is;', 'gemeenten bouwen willen;']],
      operatives: [['het Rijk te vragen om middelen.']],
    }),
  );
  return { a: new Replica(1, initial), b: new Replica(2, initial) };
}

/** A thread on `text` in `replica`; returns its id. */
function comment(replica: Replica, text: string): string {
  const doc = replica.state.doc;
  const to = findText(doc, text);
  const from = to - text.length;
  const anchor = createAnchor(doc, replica.fragment, replica.mapping as YMapping, from, to, null);
  expect(anchor.quote).toBe(text);
  return addThread(replica.ydoc, writer, 'Klopt dit?', anchor, 1000);
}

function anchoredText(replica: Replica, thread: string): string | null {
  replica.refresh();
  const entries = readCommentEntries(replica.ydoc);
  const anchor = threadAnchors(entries).get(thread)!;
  const range = resolveAnchor(
    replica.state.doc,
    replica.fragment,
    replica.mapping as YMapping,
    anchor,
  );
  return range ? replica.state.doc.textBetween(range.from, range.to, ' ') : null;
}

describe('comment anchors', () => {
  it('follow their text through typing before, inside and after it', () => {
    const { a } = setup();
    const thread = comment(a, 'woningnood');
    const at = findText(a.state.doc, 'woningnood');
    a.apply(insertText(' grote'), at);
    a.apply(insertText('Nu is '), findText(a.state.doc, 'de woningnood', true));
    expect(anchoredText(a, thread)).toBe('woningnood');
    a.apply(insertText('s'), findText(a.state.doc, 'woning'));
    expect(anchoredText(a, thread)).toBe('woningsnood');
  });

  it('follow their text through a colleague’s concurrent edits', () => {
    const { a, b } = setup();
    const thread = comment(a, 'gemeenten bouwen willen');
    // Meanwhile, b types before the text and in another item, and deletes a word after it.
    b.apply(insertText('alle '), findText(b.state.doc, 'gemeenten', true));
    b.apply(insertText(' snel'), findText(b.state.doc, 'middelen'));
    sync(a, b);
    expect(anchoredText(a, thread)).toBe('gemeenten bouwen willen');
    expect(anchoredText(b, thread)).toBe('gemeenten bouwen willen');
  });

  it('meet when their text is deleted, here or by a colleague', () => {
    const { a, b } = setup();
    const thread = comment(a, 'het Rijk');
    sync(a, b);
    const end = findText(b.state.doc, 'het Rijk ');
    b.apply(deleteSelection, end - 'het Rijk '.length, end);
    sync(a, b);
    expect(anchoredText(a, thread)).toBeNull();
    expect(anchoredText(b, thread)).toBeNull();
    // The quote stays, for the panel's "tekst verwijderd".
    expect(readCommentEntries(a.ydoc).comments[0]!.anchor!.quote).toBe('het Rijk');
  });

  it('resolve outside an editor, from the Yjs state alone', () => {
    const { a } = setup();
    const thread = comment(a, 'middelen');
    a.apply(insertText('extra '), findText(a.state.doc, 'middelen', true));
    const entries = readCommentEntries(a.ydoc);
    const { doc, ranges } = resolveThreadAnchors(a.ydoc, threadAnchors(entries));
    const range = ranges.get(thread)!;
    expect(doc.textBetween(range.from, range.to)).toBe('middelen');
  });

  it('survive saving and opening the file, anchored where they were', () => {
    const { a } = setup();
    const thread = comment(a, 'om middelen');
    const bytes = writeDocumentFile(a.ydoc, { app: 'Resolutie-editor', version: 'test' });
    const { ydoc } = readDocumentFile(bytes);
    const entries = readCommentEntries(ydoc);
    const { doc, ranges } = resolveThreadAnchors(ydoc, threadAnchors(entries));
    const range = ranges.get(thread)!;
    expect(doc.textBetween(range.from, range.to)).toBe('om middelen');
  });

  it('hold a footnote: a thread on one has its text, and goes when the footnote does', () => {
    const { a } = setup();
    const at = findText(a.state.doc, 'middelen');
    a.apply((state, dispatch) => {
      dispatch?.(state.tr.insert(at, schema.nodes.footnote!.create({ text: 'Zie de begroting.' })));
      return true;
    }, at);
    const anchor = createAnchor(a.state.doc, a.fragment, a.mapping as YMapping, at, at + 1, null);
    expect(anchor.quote).toBe('[Zie de begroting.]');
    const thread = addThread(a.ydoc, writer, 'Welke begroting?', anchor, 1000);
    a.apply(insertText('de '), findText(a.state.doc, 'om', true));
    expect(anchoredText(a, thread)).not.toBeNull();
    a.apply(deleteSelection, at + 3, at + 4);
    expect(anchoredText(a, thread)).toBeNull();
  });

  it('survive restoring a version, on what is left of their text', () => {
    const { a } = setup();
    const version = a.state.doc;
    const kept = comment(a, 'woningnood');
    a.apply(insertText(' snel'), findText(a.state.doc, 'bouwen'));
    const changed = comment(a, 'bouwen snel');
    // "Versie terugzetten", as the versions dialog does it.
    a.apply((state, dispatch) => {
      dispatch?.(replaceDocument(state.tr, version));
      return true;
    }, 1);
    expect(a.state.doc.eq(version)).toBe(true);
    expect(anchoredText(a, kept)).toBe('woningnood');
    // The words the version did not have are gone; the thread holds what is left of its text.
    expect(anchoredText(a, changed)?.trim()).toBe('bouwen');
  });
});
