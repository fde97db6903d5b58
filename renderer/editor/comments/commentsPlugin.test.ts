import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../../../shared/editor/schema.ts';
import { buildDoc, findText } from '../../../shared/editor/testing/buildDoc.ts';
import { createAnchor } from '../../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../../shared/comments/commentAnchors.ts';
import {
  addReply,
  addThread,
  deleteComment,
  setThreadResolved,
} from '../../../shared/comments/commentStore.ts';
import { getCommentsMap } from '../../../shared/comments/commentRecords.ts';
import { DOCUMENT_FRAGMENT } from '../yjsBinding.ts';
import { commentsPlugin, getComments, readTransaction } from './commentsPlugin.ts';
import type { CommentsState } from './commentsPlugin.ts';
import { COMMENT_CLASSES } from './commentDecorations.ts';

const writer = { name: 'Redacteur', colour: '#1f77b4' };
const colleague = { name: 'Voorsteller', colour: '#d62728' };

function initialUpdate(): Uint8Array {
  const origin = new Y.Doc();
  const fragment = origin.getXmlFragment(DOCUMENT_FRAGMENT);
  const doc = buildDoc({
    recitals: [['de woningnood groot is;', 'gemeenten bouwen willen;']],
    operatives: [['het Rijk te vragen om middelen.']],
    explanation: ['De toelichting bij de motie.'],
  });
  origin.transact(() => {
    const { meta } = initProseMirrorDoc(fragment, schema);
    updateYFragment(origin, fragment, doc, meta);
  });
  return Y.encodeStateAsUpdate(origin);
}

/**
 * An editor as createEditor makes it, without a view: its state with the comments plugin, a
 * local transaction written to Yjs as the sync plugin writes it, and a colleague's update read
 * back as the sync plugin reads it (one step replacing the whole document). The comments
 * plugin's own view (which reads again after a change) is `read`.
 */
class Editor {
  readonly ydoc = new Y.Doc();
  readonly fragment = this.ydoc.getXmlFragment(DOCUMENT_FRAGMENT);
  state: EditorState;
  private meta: ReturnType<typeof initProseMirrorDoc>['meta'];

  constructor(id: number, initial: Uint8Array) {
    this.ydoc.clientID = id;
    Y.applyUpdate(this.ydoc, initial);
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    this.meta = meta;
    const plugin = commentsPlugin({
      ydoc: this.ydoc,
      fragment: this.fragment,
      mapping: () => this.meta.mapping as YMapping,
    });
    this.state = EditorState.create({ doc, plugins: [plugin] });
  }

  get comments(): CommentsState {
    return getComments(this.state)!;
  }

  /** A local transaction, written to Yjs. */
  local(make: (state: EditorState) => Transaction): void {
    this.state = this.state.apply(make(this.state));
    this.ydoc.transact(() => {
      updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta);
    }, ySyncPluginKey);
  }

  select(from: number, to = from): void {
    this.local((s) => s.tr.setSelection(TextSelection.create(s.doc, from, to)));
  }

  type(text: string, at: number): void {
    this.local((s) => s.tr.insertText(text, at));
  }

  delete(from: number, to: number): void {
    this.local((s) => s.tr.delete(from, to));
  }

  /** A colleague's update arriving: Yjs first, then the editor's document, all of it anew. */
  receive(update: Uint8Array): void {
    Y.applyUpdate(this.ydoc, update);
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    this.meta = meta;
    const tr = this.state.tr.replaceWith(0, this.state.doc.content.size, doc.content);
    this.state = this.state.apply(tr.setMeta(ySyncPluginKey, { isChangeOrigin: true }));
  }

  /** What the plugin's view does after a change: reads the comments and anchors again. */
  read(entriesChanged = false): void {
    const tr = readTransaction(this.state, entriesChanged);
    if (tr) this.state = this.state.apply(tr);
  }

  /** A thread on `text`, written to the Y.Doc and read as the view reads a change. */
  comment(text: string, body = 'Klopt dit?'): string {
    const to = findText(this.state.doc, text);
    const mapping = this.meta.mapping as YMapping;
    const anchor = createAnchor(this.state.doc, this.fragment, mapping, to - text.length, to, null);
    const id = addThread(this.ydoc, writer, body, anchor, 1000);
    this.read(true);
    return id;
  }

  /** The text each thread lies on now, by the plugin's ranges (null: gone). */
  anchored(thread: string): string | null {
    const range = this.comments.ranges.get(thread);
    return range ? this.state.doc.textBetween(range.from, range.to, ' ') : null;
  }

  /** The highlighted texts with their classes, in document order. */
  highlights(): { text: string; active: boolean }[] {
    return this.comments.decorations.find().map((decoration) => ({
      text: this.state.doc.textBetween(decoration.from, decoration.to, ' '),
      active: String(
        (decoration as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
      ).includes(COMMENT_CLASSES.active),
    }));
  }
}

function pair() {
  const initial = initialUpdate();
  const a = new Editor(1, initial);
  const b = new Editor(2, initial);
  return { a, b };
}

/** Sends everything `from` has that `to` lacks, as a provider does. */
function send(from: Editor, to: Editor): void {
  to.receive(Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)));
}

function at(doc: Node, text: string): number {
  return findText(doc, text, true);
}

describe('the comments plugin', () => {
  it('highlights a thread’s text and follows it through typing before, inside and after it', () => {
    const { a } = pair();
    const thread = a.comment('woningnood');
    expect(a.highlights()).toEqual([{ text: 'woningnood', active: false }]);
    a.type('grote ', at(a.state.doc, 'woningnood'));
    a.type(' echt', findText(a.state.doc, 'woningnood'));
    a.type('s', findText(a.state.doc, 'woning'));
    // Mapped, without reading the anchors again: the same text as the anchors say.
    expect(a.anchored(thread)).toBe('woningsnood');
    expect(a.highlights()).toEqual([{ text: 'woningsnood', active: false }]);
    expect(a.comments.lastChange).toBe('typing');
    // Read again (once typing pauses): the anchors say the same, nothing to do.
    expect(readTransaction(a.state, false)).toBeNull();
  });

  it('follows a colleague’s edits at once, reading the anchors where the text changed', () => {
    const { a, b } = pair();
    const thread = a.comment('gemeenten bouwen');
    // Before and after the part the colleague changes: mapped.
    const before = a.comment('woningnood');
    const after = a.comment('toelichting');
    send(a, b);
    b.read(true);
    expect(b.anchored(thread)).toBe('gemeenten bouwen');
    // The colleague types before the text, in another item, and inside it.
    b.type('alle ', at(b.state.doc, 'gemeenten'));
    b.type(' snel', findText(b.state.doc, 'middelen'));
    b.type(' graag', findText(b.state.doc, 'gemeenten'));
    send(b, a);
    expect(a.comments.lastChange).toBe('other');
    expect(a.anchored(thread)).toBe('gemeenten graag bouwen');
    expect(a.anchored(before)).toBe('woningnood');
    expect(a.anchored(after)).toBe('toelichting');
    expect(a.highlights().map((h) => h.text)).toEqual([
      'woningnood',
      'gemeenten graag bouwen',
      'toelichting',
    ]);
    // Read again, the anchors say the same: nothing to do.
    expect(readTransaction(a.state, false)).toBeNull();
  });

  it('lists a thread whose text was deleted as gone, without a highlight, here or remotely', () => {
    const { a, b } = pair();
    const mine = a.comment('het Rijk');
    const other = a.comment('toelichting');
    send(a, b);
    b.read(true);
    // Deleted here: gone at once, by mapping.
    const from = at(a.state.doc, 'het Rijk ');
    a.delete(from, from + 'het Rijk '.length);
    expect(a.anchored(mine)).toBeNull();
    expect(a.highlights().map((h) => h.text)).toEqual(['toelichting']);
    // The colleague hears of it: gone there too once the anchors are read.
    send(a, b);
    b.read();
    expect(b.anchored(mine)).toBeNull();
    expect(b.comments.threads.map((t) => [t.id, t.range === null])).toEqual([
      [other, false],
      [mine, true],
    ]);
    expect(b.comments.threads[1]!.anchor.quote).toBe('het Rijk');
    expect(b.highlights().map((h) => h.text)).toEqual(['toelichting']);
  });

  it('shows the thread at the cursor as active, and no highlight for a resolved thread', () => {
    const { a } = pair();
    const first = a.comment('woningnood');
    const second = a.comment('middelen');
    a.select(at(a.state.doc, 'middelen') + 2);
    expect(a.comments.active).toBe(second);
    expect(a.highlights()).toEqual([
      { text: 'woningnood', active: false },
      { text: 'middelen', active: true },
    ]);
    a.select(at(a.state.doc, 'Rijk'));
    expect(a.comments.active).toBeNull();
    setThreadResolved(a.ydoc, first, true, writer.name, 2000);
    a.read(true);
    expect(a.highlights().map((h) => h.text)).toEqual(['middelen']);
    expect(a.comments.threads.find((t) => t.id === first)!.resolved).toBe(true);
    // Reopened: highlighted again.
    setThreadResolved(a.ydoc, first, false, writer.name, 3000);
    a.read(true);
    expect(a.highlights().map((h) => h.text)).toEqual(['woningnood', 'middelen']);
  });

  it('takes the innermost of overlapping threads as the active one', () => {
    const { a } = pair();
    const outer = a.comment('gemeenten bouwen willen');
    const inner = a.comment('bouwen');
    a.select(at(a.state.doc, 'bouwen') + 1);
    expect(a.comments.active).toBe(inner);
    a.select(at(a.state.doc, 'gemeenten') + 1);
    expect(a.comments.active).toBe(outer);
  });

  it('hears of a colleague’s replies, edits and deletions when the comments are read', () => {
    const { a, b } = pair();
    const thread = a.comment('woningnood', 'Is dit zo?');
    send(a, b);
    b.read(true);
    addReply(b.ydoc, thread, colleague, 'Ja, zie de cijfers.', 2000);
    send(b, a);
    a.read(true);
    expect(a.comments.threads[0]!.comments.map((c) => c.text)).toEqual([
      'Is dit zo?',
      'Ja, zie de cijfers.',
    ]);
    // The only comment of a thread deleted: the thread is gone from the list and the page.
    const solo = a.comment('middelen');
    deleteComment(a.ydoc, solo, writer.name, 3000);
    a.read(true);
    expect(a.comments.threads.map((t) => t.id)).toEqual([thread]);
    expect(a.highlights().map((h) => h.text)).toEqual(['woningnood']);
  });

  it('keeps the comments it had and says so when the map holds a damaged entry', () => {
    const { a } = pair();
    a.comment('woningnood');
    getCommentsMap(a.ydoc).set('kapot', { thread: 'kapot' });
    a.read(true);
    expect(a.comments.problem).toMatch(
      /^De opmerkingen van dit document kunnen niet worden gelezen/,
    );
    expect(a.comments.threads).toHaveLength(1);
  });

  it('does nothing per selection change but find the active thread', () => {
    const { a } = pair();
    a.comment('woningnood');
    const before = a.comments;
    a.select(at(a.state.doc, 'Rijk'));
    expect(a.comments.threads).toBe(before.threads);
    expect(a.comments.decorations).toBe(before.decorations);
    expect(readTransaction(a.state, false)).toBeNull();
  });
});
