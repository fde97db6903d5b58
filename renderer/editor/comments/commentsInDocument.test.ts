import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc } from 'y-prosemirror';
import { decodeBase64 } from '../../../shared/format/base64.ts';
import { schema } from '../../../shared/editor/schema.ts';
import { getDocumentFragment, openDocumentState } from '../../../shared/ydoc/yDocument.ts';
import { createAnchor } from '../../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../../shared/comments/commentAnchors.ts';
import { addReply, addThread, setThreadResolved } from '../../../shared/comments/commentStore.ts';
import { readCommentEntries } from '../../../shared/comments/commentRecords.ts';
import { findText } from '../../../shared/editor/testing/buildDoc.ts';
import { typeInTitle } from '../../../main/services/testing/yjsDocuments.ts';
import { OpenDocument } from '../../documents/OpenDocument.ts';

/** A host in memory: the journal as it would be on disk, and the last file saved. */
function host() {
  let journal = new Y.Doc();
  let saved: Uint8Array | null = null;
  const api = {
    journalReset: async ({ state }: { state: string }) => {
      journal = new Y.Doc();
      Y.applyUpdate(journal, decodeBase64(state)!);
      return {};
    },
    journalAppend: async ({ update }: { update: string }) => {
      Y.applyUpdate(journal, decodeBase64(update)!);
      return { records: 2 };
    },
    journalDiscard: async () => ({}),
    saveDocument: async ({ state }: { state: string }) => {
      saved = decodeBase64(state)!;
      return { path: '/docs/motie.resolutie', name: 'motie', savedAt: new Date().toISOString() };
    },
  };
  return { api, journal: () => journal, saved: () => saved };
}

const writer = { name: 'Redacteur', colour: '#1f77b4' };

/** A thread on the title's first word in `ydoc`, as the editor makes it. */
function commentOnTitle(ydoc: Y.Doc): string {
  const fragment = getDocumentFragment(ydoc);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const to = findText(doc, 'Motie');
  const from = to - 'Motie'.length;
  const anchor = createAnchor(doc, fragment, mapping as YMapping, from, to, null);
  return addThread(ydoc, writer, 'Een betere titel?', anchor, 1000);
}

describe('comments in the open document', () => {
  it('make it unsaved, reach the journal, and are in the file it saves', async () => {
    const files = host();
    const opened = await OpenDocument.createNew('motie', files.api as never, 'ALV');
    typeInTitle(opened.ydoc, 'Motie over wonen');
    await opened.saveAs('motie');
    expect(opened.getSnapshot().dirty).toBe(false);

    // Only a comment: unsaved, and in the journal once it is flushed.
    const thread = commentOnTitle(opened.ydoc);
    expect(opened.getSnapshot().dirty).toBe(true);
    addReply(opened.ydoc, thread, { name: 'Voorsteller', colour: '#d62728' }, 'Ja.', 2000);
    setThreadResolved(opened.ydoc, thread, true, 'Redacteur', 3000);
    await opened.save();
    expect(opened.getSnapshot().dirty).toBe(false);

    // The file holds the thread, its reply and its state, read as a file is opened.
    const reopened = openDocumentState(files.saved()!);
    const entries = readCommentEntries(reopened.ydoc);
    expect(entries.comments.map((c) => c.text).sort()).toEqual(['Een betere titel?', 'Ja.']);
    expect(entries.statuses.get(thread)?.resolved).toBe(true);
    // So does the journal (a crash after the save loses none of it).
    expect(readCommentEntries(files.journal()).comments).toHaveLength(2);
    await opened.close();
  });
});
