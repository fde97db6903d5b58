/**
 * The window's dialogs, each loaded when it first opens rather than with the window: none of
 * them is on the first screen, and together with what only they use (the print preview's
 * pdf.js, the version comparison, the import, the procedure's forms) they were most of the
 * start script. Loading one takes a moment the first time, from disk in the desktop app and
 * from the host in browser mode; the dialog's own code is then cached for the window's life.
 * App.tsx shows them inside controls/WhenLoaded.tsx.
 */
import { lazyPart as lazyNamed } from '../controls/lazyPart.tsx';

export const VersionsDialog = lazyNamed(
  async () => (await import('./VersionsDialog.tsx')).VersionsDialog,
);
export const CompareDialog = lazyNamed(
  async () => (await import('./CompareDialog.tsx')).CompareDialog,
);
export const NewDocumentDialog = lazyNamed(
  async () => (await import('./NewDocumentDialog.tsx')).NewDocumentDialog,
);
export const OpenDialog = lazyNamed(async () => (await import('./OpenDialog.tsx')).OpenDialog);
export const ImportDialog = lazyNamed(
  async () => (await import('./ImportDialog.tsx')).ImportDialog,
);
export const SaveAsDialog = lazyNamed(
  async () => (await import('./SaveAsDialog.tsx')).SaveAsDialog,
);
export const ConfirmUnsavedDialog = lazyNamed(
  async () => (await import('./ConfirmUnsavedDialog.tsx')).ConfirmUnsavedDialog,
);
export const ExportCheckDialog = lazyNamed(
  async () => (await import('./ExportCheckDialog.tsx')).ExportCheckDialog,
);
export const RecoveryDialog = lazyNamed(
  async () => (await import('./RecoveryDialog.tsx')).RecoveryDialog,
);
export const JoinSessionDialog = lazyNamed(
  async () => (await import('./JoinSessionDialog.tsx')).JoinSessionDialog,
);
export const InviteDialog = lazyNamed(
  async () => (await import('./InviteDialog.tsx')).InviteDialog,
);
export const PreferencesDialog = lazyNamed(
  async () => (await import('./PreferencesDialog.tsx')).PreferencesDialog,
);
/**
 * The print preview's code. Loaded before the preview asks for its PDF (App.tsx): in browser
 * mode the host that makes the PDF also serves this code, and a host busy starting its
 * printer would otherwise keep the dialog at "Laden …" until the PDF is done or has failed.
 */
export const loadPrintPreviewDialog = async () =>
  (await import('./PrintPreviewDialog.tsx')).PrintPreviewDialog;
export const PrintPreviewDialog = lazyNamed(loadPrintPreviewDialog);
export const AmendmentDialogs = lazyNamed(
  async () => (await import('./AmendmentDialogs.tsx')).AmendmentDialogs,
);
export const ReferenceDialog = lazyNamed(
  async () => (await import('./ReferenceDialog.tsx')).ReferenceDialog,
);
