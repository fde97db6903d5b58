/**
 * The window's controller as a plain class, with the host faked at its seam: which dialog the
 * file commands, the recovery offer and Versies put on screen, and what reaches the host.
 */
import { describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { createYDoc, encodeYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { getStateChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { typeInTitle } from '../../main/services/testing/yjsDocuments.ts';
import type { OpenDocument } from '../documents/OpenDocument.ts';
import { WindowController } from './WindowController.ts';
import { CURRENT } from './versionComparison.ts';
import type { WindowEditor, WindowServices, WindowState } from './WindowController.ts';
import type { Recoverable } from './windowDialogs.ts';

const SAVED_AT = '2026-03-01T10:00:00.000Z';
const ADVISEUR = { name: 'Adviseur van Venray', colour: '#1b6e3a' };

/** The base64 state of a document titled `title`. */
function stateWithTitle(title: string): string {
  return encodeBase64(encodeYDoc(createYDoc(buildDoc({ title, recitals: [['Overweging.']] }))));
}

function recoverable(documentId: string, title: string): Recoverable {
  return { documentId, title, path: null, session: null, changedAt: SAVED_AT };
}

/**
 * A host in memory. `recoverable` is what listRecoverable answers; with `holdResets`, starting
 * a journal (which a new document waits for) waits until the test calls `releaseResets`.
 */
function fakeHost(
  options: {
    recoverable?: Recoverable[];
    openFails?: string;
    holdResets?: boolean;
    wordFails?: string;
  } = {},
) {
  const saved: string[] = [];
  const discarded: string[] = [];
  let releaseResets = () => {};
  const resetsHeld = new Promise<void>((resolve) => {
    releaseResets = resolve;
  });
  const api: WindowServices['api'] = {
    journalReset: async () => {
      if (options.holdResets) await resetsHeld;
      return {};
    },
    journalAppend: async () => ({ records: 2 }),
    journalDiscard: async ({ documentId }) => {
      discarded.push(documentId);
      return {};
    },
    saveDocument: async ({ path, name }) => {
      const savedPath = path ?? `/docs/${name}.resolutie`;
      saved.push(savedPath);
      return { path: savedPath, name: name ?? 'motie', savedAt: SAVED_AT };
    },
    openDocument: async ({ path }) => {
      if (options.openFails) throw new Error(options.openFails);
      return { path, name: 'geopend', state: stateWithTitle('Geopend stuk'), savedAt: SAVED_AT };
    },
    recoverDocument: async ({ documentId }) => ({
      documentId,
      state: stateWithTitle(`Hersteld ${documentId}`),
      path: null,
      title: `Hersteld ${documentId}`,
      session: null,
    }),
    listRecoverable: async () => ({ documents: options.recoverable ?? [] }),
  };
  const services = {
    api,
    assembly: 'ALV',
    printPdf: vi.fn(async (_document: OpenDocument, _changes: 'shown' | 'hidden') =>
      Uint8Array.of(37, 80, 68, 70),
    ),
    downloadPdf: vi.fn(),
    downloadVersionPdf: vi.fn(async () => undefined),
    downloadWord: vi.fn(async (_document: OpenDocument, changes: 'shown' | 'hidden') => {
      if (options.wordFails) throw new Error(options.wordFails);
      return void changes;
    }),
    printOnPaper: vi.fn(async () => 'printed'),
  } satisfies WindowServices;
  return { services, saved, discarded, releaseResets };
}

/** An editor on the open document, as the page would bind it (without a view). */
function editorOn(openDocument: OpenDocument): WindowEditor & { state: EditorState } {
  const editor = {
    state: EditorState.create({ doc: readYDoc(openDocument.ydoc) }),
    dispatch(tr: Transaction) {
      editor.state = editor.state.apply(tr);
    },
    focus() {},
  };
  return editor;
}

/** Resolves once the controller's state satisfies `done`. */
function until(controller: WindowController, done: (state: WindowState) => boolean) {
  return vi.waitFor(() => {
    if (!done(controller.getState())) throw new Error('not yet');
  });
}

async function started(host: ReturnType<typeof fakeHost>, launchPath: string | null = null) {
  const controller = new WindowController(host.services);
  controller.start(launchPath);
  await until(controller, (state) => state.openDocument !== null);
  return controller;
}

describe('WindowController', () => {
  it('starts with a new resolution behind the offer of unsaved work', async () => {
    const host = fakeHost({
      recoverable: [recoverable('a', 'Eerste'), recoverable('b', 'Tweede')],
    });
    const controller = await started(host);
    const state = controller.getState();
    expect(state.dialog).toMatchObject({ type: 'recovery' });
    expect(state.openDocument?.getSnapshot()).toMatchObject({ path: null, dirty: false });
  });

  it('restores one recoverable document in place of the new one and keeps offering the other', async () => {
    const host = fakeHost({
      recoverable: [recoverable('a', 'Eerste'), recoverable('b', 'Tweede')],
    });
    const controller = await started(host);
    const blank = controller.getState().openDocument;
    await controller.restoreRecoverable(recoverable('a', 'Eerste'));
    const state = controller.getState();
    expect(state.openDocument).not.toBe(blank);
    expect(readYDoc(state.openDocument!.ydoc).firstChild?.textContent).toBe('Hersteld a');
    expect(state.dialog).toEqual({ type: 'recovery', documents: [recoverable('b', 'Tweede')] });
    await controller.discardRecoverable(recoverable('b', 'Tweede'));
    expect(host.discarded).toContain('b');
    expect(controller.getState().dialog).toBeNull();
  });

  it('never puts the new resolution in place of a document restored while it was being made', async () => {
    const host = fakeHost({ recoverable: [recoverable('a', 'Eerste')], holdResets: true });
    const controller = new WindowController(host.services);
    controller.start(null);
    await until(controller, (state) => state.dialog?.type === 'recovery');
    await controller.restoreRecoverable(recoverable('a', 'Eerste'));
    const restored = controller.getState().openDocument;
    host.releaseResets();
    // The blank one has been made and closed again (its journal discarded).
    await vi.waitFor(() => expect(host.discarded).toHaveLength(1));
    expect(controller.getState().openDocument).toBe(restored);
    expect(readYDoc(restored!.ydoc).firstChild?.textContent).toBe('Hersteld a');
  });

  it('starts with the file the window was opened for, or says why not beside a new one', async () => {
    const opened = await started(fakeHost(), '/docs/geopend.resolutie');
    expect(opened.getState().openDocument?.getSnapshot().name).toBe('geopend');

    const host = fakeHost({ openFails: 'Het bestand bestaat niet meer.' });
    const controller = new WindowController(host.services);
    controller.start('/docs/weg.resolutie');
    await until(controller, (state) => state.notice !== null && state.openDocument !== null);
    expect(controller.getState().notice).toBe('Het bestand bestaat niet meer.');
    expect(controller.getState().openDocument?.getSnapshot().path).toBeNull();
  });

  it('takes the answer the page asked for at load instead of asking again, failure and all', async () => {
    const host = fakeHost();
    const openDocument = vi.spyOn(host.services.api, 'openDocument');
    const early = host.services.api.openDocument({ path: '/docs/vroeg.resolutie' });
    openDocument.mockClear();
    const controller = new WindowController(host.services);
    controller.start('/docs/vroeg.resolutie', early);
    await until(controller, (state) => state.openDocument !== null);
    expect(controller.getState().openDocument?.getSnapshot().path).toBe('/docs/vroeg.resolutie');
    expect(openDocument).not.toHaveBeenCalled();

    const failing = new WindowController(fakeHost().services);
    const refused = Promise.reject(new Error('Het bestand bestaat niet meer.'));
    refused.catch(() => undefined);
    failing.start('/docs/weg.resolutie', refused);
    await until(failing, (state) => state.notice !== null && state.openDocument !== null);
    expect(failing.getState().notice).toBe('Het bestand bestaat niet meer.');
    expect(failing.getState().openDocument?.getSnapshot().path).toBeNull();
  });

  it('asks about unsaved changes before New, and saves as a new file before going on', async () => {
    const host = fakeHost();
    const controller = await started(host);
    controller.commands.newDocument();
    expect(controller.getState().dialog).toEqual({ type: 'new' });
    controller.showDialog(null);

    typeInTitle(controller.getState().openDocument!.ydoc, 'Motie over de bibliotheek');
    controller.commands.newDocument();
    expect(controller.getState().dialog).toMatchObject({ type: 'unsaved' });
    controller.chooseUnsaved('save');
    // Never saved: saving asks a name first, and New follows the save.
    await until(controller, (state) => state.dialog?.type === 'saveAs');
    await controller.saveAs('bibliotheek', false);
    expect(host.saved).toEqual(['/docs/bibliotheek.resolutie']);
    expect(controller.getState().dialog).toEqual({ type: 'new' });

    await controller.createNew('amendement');
    expect(controller.getState().dialog).toBeNull();
    expect(controller.getState().openDocument?.getSnapshot().path).toBeNull();
  });

  it('drops the waiting command when the user cancels the unsaved-changes question', async () => {
    const controller = await started(fakeHost());
    const first = controller.getState().openDocument!;
    typeInTitle(first.ydoc, 'Nog niet opgeslagen');
    controller.commands.close();
    controller.chooseUnsaved('cancel');
    expect(controller.getState().dialog).toBeNull();
    expect(controller.getState().openDocument).toBe(first);
  });

  it('previews with changes hidden, prints again on request, and ignores Ctrl+P in a dialog', async () => {
    const host = fakeHost();
    const controller = await started(host);
    controller.commands.printPreview();
    expect(controller.getState().dialog).toMatchObject({ type: 'preview', changesShown: false });
    controller.previewChanges(true);
    expect(controller.getState().dialog).toMatchObject({ type: 'preview', changesShown: true });
    expect(host.services.printPdf.mock.calls.map(([, changes]) => changes)).toEqual([
      'hidden',
      'shown',
    ]);
    controller.commands.printPreview();
    expect(host.services.printPdf).toHaveBeenCalledTimes(2);

    controller.showDialog({ type: 'versions' });
    controller.commands.printPreview();
    expect(controller.getState().dialog).toEqual({ type: 'versions' });
  });

  it('exports as Word with the proposals accepted or tracked, and says why it could not', async () => {
    const host = fakeHost();
    const controller = await started(host);
    controller.commands.exportWord();
    controller.commands.exportWordChanges();
    await vi.waitFor(() => expect(host.services.downloadWord).toHaveBeenCalledTimes(2));
    expect(host.services.downloadWord.mock.calls.map(([, changes]) => changes)).toEqual([
      'hidden',
      'shown',
    ]);
    const failing = await started(
      fakeHost({ wordFails: 'Het Word-bestand kan niet worden gemaakt.' }),
    );
    failing.commands.exportWord();
    await until(failing, (state) => state.notice === 'Het Word-bestand kan niet worden gemaakt.');
  });

  it('lists a recorded version, compares it with the current text and restores it as a proposal', async () => {
    const controller = await started(fakeHost());
    const openDocument = controller.getState().openDocument!;
    const editor = editorOn(openDocument);
    controller.attachEditor(editor);
    controller.recordVersion('Eerste lezing', ADVISEUR.name);
    const [version] = controller.getState().versions;
    expect(version).toMatchObject({ name: 'Eerste lezing', author: ADVISEUR.name });

    typeInTitle(openDocument.ydoc, ' (gewijzigd)');
    editor.state = EditorState.create({ doc: readYDoc(openDocument.ydoc) });
    controller.showDialog({ type: 'versions' });
    controller.compareVersions(version!.id, CURRENT);
    const dialog = controller.getState().dialog;
    expect(dialog?.type).toBe('compare');
    if (dialog?.type === 'compare') {
      expect([dialog.comparison.from, dialog.comparison.to]).toEqual([
        'Eerste lezing',
        'Huidige tekst',
      ]);
    }

    controller.showDialog({ type: 'versions' });
    controller.restoreVersion(version!.id, ADVISEUR);
    expect(controller.getState().dialog).toBeNull();
    expect(getStateChanges(editor.state).length).toBeGreaterThan(0);
  });

  it('keeps the preferences open under the help, and About and Help in one place', async () => {
    const controller = await started(fakeHost());
    controller.openAppDialog('preferences');
    controller.openAppDialog('help');
    controller.openAppDialog('about');
    expect(controller.getState()).toMatchObject({ preferences: true, info: 'about' });
    controller.closeAppDialog('about');
    expect(controller.getState()).toMatchObject({ preferences: true, info: null });
    // A session dialog closes only itself, never what else the slot holds.
    controller.showDialog({ type: 'open' });
    controller.closeDialog('join', 'invite');
    expect(controller.getState().dialog).toEqual({ type: 'open' });
  });
});
