/**
 * The window's document and its file commands: New, Open, Save, Save as, Close, the
 * unsaved-changes question, the PDF export and its preview and, at start, the recovery of
 * unsaved work. Returns the current session, which dialog is open, and the commands; the
 * components only render.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { DocumentKind } from '../../shared/model/resolution.ts';
import { getLaunchDocument } from '../../shared/api/launchDocument.ts';
import { api } from '../api/client.ts';
import { OpenDocument } from './OpenDocument.ts';
import { downloadPdf, printDocumentPdf } from './pdfExport.ts';
import type { DocumentSnapshot } from './OpenDocument.ts';
import type { UnsavedChoice } from '../dialogs/ConfirmUnsavedDialog.tsx';
import type { Recoverable } from '../dialogs/RecoveryDialog.tsx';

export type DialogState =
  | { type: 'new' }
  | { type: 'open' }
  | { type: 'saveAs'; then?: () => void }
  | { type: 'unsaved'; then: () => void }
  | { type: 'recovery'; documents: Recoverable[] }
  | { type: 'preview'; printing: Promise<Uint8Array>; changesShown: boolean }
  | null;

const EMPTY_SNAPSHOT: DocumentSnapshot = {
  id: '',
  name: null,
  path: null,
  dirty: false,
  savedAt: null,
  journal: 'ok',
  journalMessage: null,
};

const noSubscription = () => () => undefined;

export function useDocuments() {
  const [session, setSession] = useState<OpenDocument | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The document the desktop app opened this window for, read once from the address.
  const [launchPath] = useState(() => getLaunchDocument(window.location.search));
  // Callbacks read the session and dialog of when they run, not of when they were made.
  const sessionRef = useRef<OpenDocument | null>(null);
  const dialogRef = useRef<DialogState>(null);
  useLayoutEffect(() => {
    sessionRef.current = session;
    dialogRef.current = dialog;
  });

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? (() => EMPTY_SNAPSHOT),
  );

  const report = useCallback((error: unknown) => {
    setNotice(error instanceof Error ? error.message : String(error));
  }, []);

  /** Puts `next` in the window; the previous document is closed and its journal removed. */
  const replaceSession = useCallback(async (next: OpenDocument) => {
    const previous = sessionRef.current;
    sessionRef.current = next;
    setSession(next);
    setNotice(null);
    if (previous && previous !== next) await previous.close();
  }, []);

  const createNew = useCallback(
    async (kind: DocumentKind) => {
      try {
        await replaceSession(await OpenDocument.createNew(kind));
      } catch (error) {
        report(error);
      }
    },
    [replaceSession, report],
  );

  /** Runs `action` now, or after the user has decided about unsaved changes. */
  const guardUnsaved = useCallback((action: () => void) => {
    if (sessionRef.current?.getSnapshot().dirty) setDialog({ type: 'unsaved', then: action });
    else action();
  }, []);

  const save = useCallback(
    async (then?: () => void) => {
      const current = sessionRef.current;
      if (!current) return;
      try {
        if (await current.save()) {
          setNotice(null);
          then?.();
        } else {
          setDialog({ type: 'saveAs', ...(then ? { then } : {}) });
        }
      } catch (error) {
        report(error);
      }
    },
    [report],
  );

  const saveAs = useCallback(async (name: string, overwrite: boolean) => {
    const current = sessionRef.current;
    if (!current) return;
    await current.saveAs(name, overwrite);
    const then = dialogRef.current?.type === 'saveAs' ? dialogRef.current.then : undefined;
    setDialog(null);
    setNotice(null);
    then?.();
  }, []);

  const openPath = useCallback(
    async (path: string) => {
      const file = await api.openDocument({ path });
      await replaceSession(await OpenDocument.fromFile(file));
      setDialog(null);
    },
    [replaceSession],
  );

  const chooseUnsaved = useCallback(
    (choice: UnsavedChoice) => {
      const pending = dialogRef.current?.type === 'unsaved' ? dialogRef.current.then : null;
      setDialog(null);
      if (!pending || choice === 'cancel') return;
      if (choice === 'discard') pending();
      else void save(pending);
    },
    [save],
  );

  const restore = useCallback(
    async (doc: Recoverable) => {
      try {
        const recovered = await api.recoverDocument({ documentId: doc.documentId });
        await replaceSession(OpenDocument.fromRecovered(recovered));
        const rest = dialogRef.current?.type === 'recovery' ? dialogRef.current.documents : [];
        const others = rest.filter((d) => d.documentId !== doc.documentId);
        setDialog(others.length > 0 ? { type: 'recovery', documents: others } : null);
      } catch (error) {
        report(error);
      }
    },
    [replaceSession, report],
  );

  const discardRecoverable = useCallback(
    async (doc: Recoverable) => {
      try {
        await api.journalDiscard({ documentId: doc.documentId });
      } catch (error) {
        report(error);
      }
      const rest = dialogRef.current?.type === 'recovery' ? dialogRef.current.documents : [];
      const others = rest.filter((d) => d.documentId !== doc.documentId);
      setDialog(others.length > 0 ? { type: 'recovery', documents: others } : null);
      if (!sessionRef.current && others.length === 0) await createNew('resolutie');
    },
    [createNew, report],
  );

  // At start: offer unsaved work from a crash, and start a new resolution behind the offer,
  // unless the user restored a document (or opened one) while the new one was being made:
  // the first document to arrive must never be replaced by the blank one. A window the desktop
  // app opened for a file (see launchDocument.ts) starts with that file instead; if it cannot
  // be opened, the reason is shown and the window starts with a new resolution.
  useEffect(() => {
    let live = true;
    const startBlank = async () => {
      try {
        const blank = await OpenDocument.createNew('resolutie');
        if (!live || sessionRef.current) await blank.close();
        else await replaceSession(blank);
      } catch (error) {
        report(error);
      }
    };
    const startWithLaunchDocument = async (path: string) => {
      try {
        const opened = await OpenDocument.fromFile(await api.openDocument({ path }));
        if (!live || sessionRef.current) await opened.close();
        else await replaceSession(opened);
      } catch (error) {
        // The new document first: putting it in the window clears the notice, and the reason
        // must stay (before, it was shown and cleared again, depending on timing).
        if (live) await startBlank();
        report(error);
      }
    };
    if (launchPath !== null) {
      // The address has done its work: a reload starts from a new document, like any window.
      window.history.replaceState(null, '', window.location.pathname);
      void startWithLaunchDocument(launchPath);
    }
    const startFirst = () => (launchPath === null ? startBlank() : Promise.resolve());
    api
      .listRecoverable()
      .then(async ({ documents }) => {
        if (!live) return;
        if (documents.length > 0) setDialog({ type: 'recovery', documents });
        await startFirst();
      })
      .catch(async (error: unknown) => {
        report(error);
        if (live) await startFirst();
      });
    return () => {
      live = false;
    };
  }, [launchPath, replaceSession, report]);

  // Leaving the page with unsaved changes: the browser asks (the journal keeps them anyway).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (sessionRef.current?.getSnapshot().dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const exportPdf = useCallback(async () => {
    const current = sessionRef.current;
    if (!current) return;
    setNotice(null);
    try {
      downloadPdf(current, await printDocumentPdf(current));
    } catch (error) {
      report(error);
    }
  }, [report]);

  // The preview prints as the export does; the dialog shows the printing and its outcome.
  const printPreview = useCallback(() => {
    const current = sessionRef.current;
    // Ctrl/⌘+P inside an open dialog (the preview itself included) does nothing.
    if (!current || dialogRef.current) return;
    setNotice(null);
    const printing = printDocumentPdf(current);
    // The dialog reports a failure; this keeps an early one from counting as unhandled.
    printing.catch(() => undefined);
    setDialog({ type: 'preview', printing, changesShown: false });
  }, []);

  /** Prints the preview again with its pending changes shown, or hidden again. */
  const previewChanges = useCallback((shown: boolean) => {
    const current = sessionRef.current;
    if (!current || dialogRef.current?.type !== 'preview') return;
    const printing = printDocumentPdf(current, shown ? 'shown' : 'hidden');
    printing.catch(() => undefined);
    setDialog({ type: 'preview', printing, changesShown: shown });
  }, []);

  /** Downloads bytes the preview shows, under the name the export gives the current document. */
  const exportPreviewed = useCallback((bytes: Uint8Array) => {
    const current = sessionRef.current;
    if (current) downloadPdf(current, bytes);
  }, []);

  /** Puts a document joined in a session in the window (the caller asked about unsaved work). */
  const adopt = useCallback(
    async (next: OpenDocument) => {
      await replaceSession(next);
      setDialog(null);
    },
    [replaceSession],
  );

  const commands = {
    newDocument: () => guardUnsaved(() => setDialog({ type: 'new' })),
    open: () => guardUnsaved(() => setDialog({ type: 'open' })),
    save: () => void save(),
    saveAs: () => setDialog({ type: 'saveAs' }),
    printPreview,
    exportPdf: () => void exportPdf(),
    close: () =>
      guardUnsaved(() => {
        void createNew('resolutie');
      }),
  };

  return {
    session,
    snapshot,
    dialog,
    notice,
    commands,
    adopt,
    guardUnsaved,
    report,
    dialogActions: {
      cancel: () => setDialog(null),
      createNew: (kind: DocumentKind) => {
        setDialog(null);
        void createNew(kind);
      },
      openPath,
      saveAs,
      chooseUnsaved,
      restore: (doc: Recoverable) => void restore(doc),
      previewChanges,
      discardRecoverable: (doc: Recoverable) => void discardRecoverable(doc),
      exportPreviewed,
    },
  };
}
