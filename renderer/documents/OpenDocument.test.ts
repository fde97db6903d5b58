import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { encodeYDoc, getDocumentFragment, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { typeInTitle } from '../../main/services/testing/yjsDocuments.ts';
import { JOURNAL_FLUSH_DELAY_MS } from './journalStream.ts';
import { OpenDocument } from './OpenDocument.ts';

/**
 * A host in memory: the journal as it would be on disk (its reset and appends applied) and,
 * at every save, whether the journal held everything the saved state holds.
 */
function recordingHost() {
  let journal = new Y.Doc();
  const savesAheadOfJournal: string[] = [];
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
      const saved = new Y.Doc();
      Y.applyUpdate(saved, decodeBase64(state)!);
      const savedText = getDocumentFragment(saved).toString();
      if (savedText !== getDocumentFragment(journal).toString()) {
        savesAheadOfJournal.push(readYDoc(saved).textContent);
      }
      return { path: '/docs/motie.resolutie', name: 'motie', savedAt: new Date().toISOString() };
    },
  };
  const journalText = () => getDocumentFragment(journal).toString();
  return { api, savesAheadOfJournal, journalText };
}

describe('OpenDocument', () => {
  // Found by test/e2e/crashLoop.spec.ts: an edit typed just before Ctrl+S went into the file
  // but not yet into the journal; the host was killed right after the save, the recovery
  // dialog offered the journal (still dirty), and restoring it showed the document without
  // that edit, ready to be saved over the file that had it.
  it('has every edit a save holds in the journal before the file is written', async () => {
    const host = recordingHost();
    const opened = await OpenDocument.createNew('motie', host.api as never, 'ALV');
    typeInTitle(opened.ydoc, 'Geen verlies bij een crash');
    await opened.saveAs('motie');
    expect(host.savesAheadOfJournal).toEqual([]);
    typeInTitle(opened.ydoc, ' na het opslaan');
    await opened.save();
    expect(host.savesAheadOfJournal).toEqual([]);
    await opened.close();
  });

  it('shows an opened file before its journal has started, and journals every edit after it', async () => {
    const host = recordingHost();
    const created = await OpenDocument.createNew('motie', host.api as never, 'ALV');
    typeInTitle(created.ydoc, 'Uit het bestand');
    const file = {
      path: '/docs/motie.resolutie',
      name: 'motie',
      state: encodeBase64(encodeYDoc(created.ydoc)),
      savedAt: new Date().toISOString(),
    };
    let releaseReset = () => {};
    const resetHeld = new Promise<void>((resolve) => {
      releaseReset = resolve;
    });
    const api = {
      ...host.api,
      journalReset: async (request: { state: string }) => {
        await resetHeld;
        return host.api.journalReset(request);
      },
    };
    const opened = await OpenDocument.fromFile(file, api as never);
    typeInTitle(opened.ydoc, ' en daarna getypt');
    await new Promise((resolve) => setTimeout(resolve, JOURNAL_FLUSH_DELAY_MS + 50));
    // The edit waits behind the reset: sent before it, the reset would wipe it from the journal.
    expect(host.journalText()).not.toContain('daarna getypt');
    releaseReset();
    await opened.save();
    expect(host.journalText()).toContain('Uit het bestand en daarna getypt');
    expect(host.savesAheadOfJournal).toEqual([]);
    await opened.close();
  });
});
