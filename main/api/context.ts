import path from 'node:path';
import type { AppMode } from '../../shared/api/appInfo.ts';
import { readPackageIdentity } from '../services/app/appInfo.ts';
import { getJournalDir, getRecentFile, getSessionsDir } from '../services/app/appDirs.ts';
import { DocumentLibrary } from '../services/documents/documentLibrary.ts';
import { JournalStore, type JournalStoreOptions } from '../services/journal/journalStore.ts';
import { RecentDocuments } from '../services/documents/recentDocuments.ts';
import type { StartPagePrinter } from '../services/pdf/pagePrinter.ts';
import { WarmPrinter } from '../services/pdf/warmPrinter.ts';
import { DocumentsFolder } from '../services/documents/documentsFolder.ts';
import { PreferencesStore, getPreferencesFile } from '../services/preferences/preferencesStore.ts';
import { SessionHost } from '../syncServer/sessionHost.ts';

/**
 * What a handler may know about where it runs. Each shell builds one context at start-up (with
 * {@link createApiContext}) and passes it with every request; handlers take nothing from
 * globals, so tests build their own, on temporary folders.
 */
export interface ApiContext {
  /** Which shell carries the requests. */
  mode: AppMode;
  /** The directory holding the app's package.json (see `findAppRoot`). */
  appRoot: string;
  /**
   * Where unexpected failures are reported with their details (stack, zod issues); the caller
   * only gets a Dutch message without them. Defaults to `console.error`.
   */
  reportError?: (message: string, error: unknown) => void;
  /** The app's own folder on this machine: recent documents, recovery journals. */
  profileDir: string;
  /**
   * The standard folder of the user's `.resolutie` files: given at start, or the platform's.
   * The folder in use follows the user's preference: see {@link ApiContext.documentsFolder}.
   */
  documentsDir: string;
  /** The documents folder in use: the one given at start, the user's choice or the standard. */
  documentsFolder: DocumentsFolder;
  /** The documents and the recent list; `documents.grantPath` allows a dialog's path. */
  documents: DocumentLibrary;
  /** The recovery journals. */
  journal: JournalStore;
  /** The user's preferences (name and colour, new stukken, documents folder, dates). */
  preferences: PreferencesStore;
  /** The co-editing sessions this app hosts. */
  sessions: SessionHost;
  /**
   * Starts the printer of PDFs: the desktop app's own Chromium (`printToPDF`), or in browser
   * mode the warm Chromium of this machine ({@link ApiContext.warmPrinter}).
   */
  startPdfPrinter?: StartPagePrinter;
  /**
   * Browser mode: the Chromium of this machine that prints the PDFs, started with the first
   * and kept running for the next (`warmPrinter.ts`); the host closes it when it stops.
   */
  warmPrinter?: WarmPrinter;
  /**
   * Prints a complete print page through the system's print dialog: the desktop app's hidden
   * print window; unset in browser mode, which cannot.
   */
  printOnPaper?: PrintOnPaper;
}

/** Prints a page (complete HTML) on paper; answers whether it was printed or cancelled. */
export type PrintOnPaper = (html: string) => Promise<'printed' | 'cancelled'>;

/** What {@link createApiContext} needs. */
export interface ApiContextOptions {
  mode: AppMode;
  appRoot: string;
  profileDir: string;
  /** The documents folder given at start, or the platform's standard one (`getDocumentsDir`). */
  documentsDir: string;
  /**
   * Whether `documentsDir` was given at start (`--documents`, `RESOLUTIE_DOCUMENTS_DIR`): then
   * it wins over the folder in the user's preferences. False by default: the preference wins.
   */
  documentsDirFixed?: boolean;
  reportError?: (message: string, error: unknown) => void;
  startPdfPrinter?: StartPagePrinter;
  printOnPaper?: PrintOnPaper;
  /**
   * Where hosted sessions listen and what invitations name: all interfaces, port 4791 and this
   * computer's network address by default; tests use loopback and any port.
   */
  sessionNetwork?: { bindHost?: string; port?: number; advertisedHost?: string };
  /** For tests: lower compaction limits of the journal, a fixed clock. */
  journalOptions?: Omit<JournalStoreOptions, 'reportError'>;
}

/**
 * A context with its services: the documents library and the journal store of the given
 * folders. One per process and profile: the journal store serializes each document's appends,
 * which only works when every request for that profile goes through the same store.
 */
export function createApiContext(options: ApiContextOptions): ApiContext {
  // Services report through the context, so a reporter set later (tests) is honoured too.
  const report = (message: string, error: unknown) => {
    (context.reportError ?? console.error)(message, error);
  };
  const getWriter = async () => {
    const identity = await readPackageIdentity(options.appRoot);
    return { app: identity.name, version: identity.version };
  };
  const recent = new RecentDocuments(getRecentFile(options.profileDir), { reportError: report });
  const preferences = new PreferencesStore(getPreferencesFile(options.profileDir), {
    reportError: report,
  });
  const documentsFolder = new DocumentsFolder({
    standard: options.documentsDir,
    fixed: options.documentsDirFixed ?? false,
    readPreferred: async () => (await preferences.read({ quiet: true })).preferences.documentsDir,
  });
  // Without a printer of its own (browser mode), Chromium is kept warm between PDFs. Playwright
  // loads with the first PDF, not with the host.
  const warmPrinter = options.startPdfPrinter
    ? undefined
    : new WarmPrinter({
        start: async () =>
          (await import('../services/pdf/chromiumPagePrinter.ts')).launchSystemChromium(),
      });
  const context: ApiContext = {
    mode: options.mode,
    appRoot: options.appRoot,
    ...(options.reportError ? { reportError: options.reportError } : {}),
    ...(options.startPdfPrinter ? { startPdfPrinter: options.startPdfPrinter } : {}),
    ...(warmPrinter ? { warmPrinter, startPdfPrinter: warmPrinter.startPrinter } : {}),
    ...(options.printOnPaper ? { printOnPaper: options.printOnPaper } : {}),
    profileDir: path.resolve(options.profileDir),
    documentsDir: path.resolve(options.documentsDir),
    documentsFolder,
    documents: new DocumentLibrary({
      documentsDir: () => documentsFolder.current(),
      recent,
      getWriter,
      reportError: report,
    }),
    journal: new JournalStore(getJournalDir(options.profileDir), {
      ...options.journalOptions,
      reportError: report,
    }),
    preferences,
    sessions: new SessionHost({
      ...options.sessionNetwork,
      dataDir: getSessionsDir(options.profileDir),
      identityDir: options.profileDir,
      getWriter,
    }),
  };
  return context;
}
