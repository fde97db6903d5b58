/**
 * The window's controller for React: made once per window with the real host behind it,
 * started with the document the desktop app opened the window for (asked for while the page
 * loaded, see pageLaunch.ts), and subscribed to, with the open document's own snapshot (name,
 * saved state) beside it. The components only render.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api/client.ts';
import type { DocumentSnapshot } from '../documents/OpenDocument.ts';
import { printDocumentOnPaper } from '../documents/paperPrint.ts';
import { downloadPdf, downloadVersionPdf, printDocumentPdf } from '../documents/pdfExport.ts';
import { downloadWord } from '../documents/wordExport.ts';
import { WindowController } from './WindowController.ts';
import { pageLaunch } from './pageLaunch.ts';

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

export function useWindowController() {
  const [controller] = useState(
    () =>
      new WindowController({
        api,
        printPdf: printDocumentPdf,
        downloadPdf,
        downloadVersionPdf,
        downloadWord,
        printOnPaper: printDocumentOnPaper,
      }),
  );
  // The document the desktop app opened this window for, read once from the address and
  // asked for while the page loaded (pageLaunch.ts).
  const [launch] = useState(() => pageLaunch);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const openDocument = state.openDocument;
  const snapshot = useSyncExternalStore(
    openDocument?.subscribe ?? noSubscription,
    openDocument?.getSnapshot ?? (() => EMPTY_SNAPSHOT),
  );

  useEffect(() => {
    // The address has done its work: a reload starts from a new document, like any window.
    if (launch !== null) window.history.replaceState(null, '', window.location.pathname);
    return controller.start(launch?.path ?? null, launch?.file);
  }, [controller, launch]);

  // Leaving the page with unsaved changes: the browser asks (the journal keeps them anyway).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (controller.isDirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [controller]);

  return { controller, state, snapshot };
}
