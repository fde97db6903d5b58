/**
 * The application window: the header with the file commands, the toolbar, the outline, the
 * document page and the metadata panel, plus whichever file dialog (or the print preview) is
 * open. The document session (useDocuments) owns the Y.Doc; the editor is created per session.
 */
import { startTransition, useCallback, useEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { Toolbar } from './components/Toolbar.tsx';
import { OutlinePanel } from './components/OutlinePanel.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { EditorPane } from './components/EditorPane.tsx';
import { FileBar, getDocumentName } from './components/FileBar.tsx';
import { MetadataPanel } from './components/MetadataPanel.tsx';
import { ChangesPanel, jumpTo } from './components/ChangesPanel.tsx';
import { setSuggestionAuthor } from '../shared/editor/suggestions/suggestionMode.ts';
import { KEEP_AS_IS } from '../shared/editor/suggestions/suggestChanges.ts';
import { compareDocuments } from '../shared/editor/suggestions/compareDocuments.ts';
import { replaceDocument } from '../shared/editor/commands/replaceDocument.ts';
import { getMetadata } from '../shared/editor/commands/metadata.ts';
import { getStateChanges } from '../shared/editor/suggestions/trackedChanges.ts';
import { useVersions } from './collab/useVersions.ts';
import { downloadVersionPdf } from './documents/pdfExport.ts';
import { CURRENT, VersionsDialog } from './dialogs/VersionsDialog.tsx';
import { CompareDialog } from './dialogs/CompareDialog.tsx';

/** The two sides of a comparison: what the older side had (grey), what the newer added (blue). */
const COMPARE_COLOURS = { older: '#5b6775', newer: '#3d4fb8' } as const;
import { useDocuments } from './documents/useDocuments.ts';
import { NewDocumentDialog } from './dialogs/NewDocumentDialog.tsx';
import { OpenDialog } from './dialogs/OpenDialog.tsx';
import { SaveAsDialog } from './dialogs/SaveAsDialog.tsx';
import { ConfirmUnsavedDialog } from './dialogs/ConfirmUnsavedDialog.tsx';
import { RecoveryDialog } from './dialogs/RecoveryDialog.tsx';
import { JoinSessionDialog } from './dialogs/JoinSessionDialog.tsx';
import { InviteDialog } from './dialogs/InviteDialog.tsx';
import { PreferencesDialog } from './dialogs/PreferencesDialog.tsx';
import { SessionControls } from './components/SessionControls.tsx';
import { PresencePanel } from './components/PresencePanel.tsx';
import { useCollaboration } from './collab/useCollaboration.ts';
import { PrintPreviewDialog } from './dialogs/PrintPreviewDialog.tsx';
import { AppDialogs } from './help/AppDialogs.tsx';
import { useDesktopMenus } from './desktop/useDesktopMenus.ts';
import { openAppDialog } from './dialogs/appDialogs.ts';
import { createMenuActions } from './desktop/menuActions.ts';
import { printDocumentOnPaper } from './documents/paperPrint.ts';

export function App() {
  const documents = useDocuments();
  const { session, snapshot, dialog, dialogActions } = documents;
  const collaboration = useCollaboration(documents);
  const { liveSnapshot, user } = collaboration;
  const [view, setView] = useState<EditorView | null>(null);
  const [, setRevision] = useState(0);
  // "Wijzigingen bijhouden": this user's edits become proposals, under their name and colour.
  const [suggesting, setSuggesting] = useState(false);
  const toggleSuggesting = useCallback(() => setSuggesting((on) => !on), []);
  useEffect(() => {
    if (!view) return;
    view.dispatch(setSuggestionAuthor(view.state.tr, suggesting ? user : null));
  }, [view, suggesting, user]);

  // Named versions: recorded, compared and restored from "Versies".
  const versions = useVersions(session);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [comparison, setComparison] = useState<{ doc: Node; from: string; to: string } | null>(
    null,
  );
  const versionLabel = (id: string) =>
    id === CURRENT ? 'Huidige tekst' : (versions.versions.find((v) => v.id === id)?.name ?? id);
  const versionDoc = (id: string) =>
    id === CURRENT ? (view?.state.doc ?? null) : versions.read(id);
  const compare = (from: string, to: string) => {
    const older = versionDoc(from);
    const newer = versionDoc(to);
    if (!older || !newer) return;
    const labels = {
      older: { name: versionLabel(from), colour: COMPARE_COLOURS.older },
      newer: { name: versionLabel(to), colour: COMPARE_COLOURS.newer },
    };
    setComparison({
      doc: compareDocuments(older, newer, labels),
      from: labels.older.name,
      to: labels.newer.name,
    });
  };
  const restore = (id: string) => {
    const old = versions.read(id);
    if (!view || !old) return;
    // The old text, proposed on the user's name: what it removes struck through, what it brings
    // back underlined, to accept or reject like any change.
    const proposal = compareDocuments(view.state.doc, old, { older: user, newer: user });
    view.dispatch(replaceDocument(view.state.tr, proposal).setMeta(KEEP_AS_IS, true));
    setVersionsOpen(false);
    view.focus();
  };

  // The desktop app's native menus: they follow this window's state and run its commands.
  useDesktopMenus({
    view,
    state: {
      dirty: snapshot.dirty,
      path: snapshot.path,
      readOnly: collaboration.editorLive?.readOnly ?? false,
      suggesting,
      session: collaboration.hosted ? 'hosting' : collaboration.live ? 'joined' : 'none',
      sessionStarting: collaboration.starting,
    },
    actions: createMenuActions({
      view,
      file: documents.commands,
      session: collaboration.commands,
      toggleSuggesting,
      jumpToChange: (direction) => {
        if (view) jumpTo(view, direction);
      },
      openVersions: () => setVersionsOpen(true),
      printOnPaper: () => {
        if (session) printDocumentOnPaper(session).catch(documents.report);
      },
      openHelp: () => openAppDialog('help'),
      openAbout: () => openAppDialog('about'),
      inSession: collaboration.live !== null,
    }),
  });

  // The panels and the toolbar read the editor's state when they render. Their update is a
  // transition: React renders it after the keystroke's own work and the frame that shows it,
  // and a next keystroke interrupts it, so typing never waits for the panels.
  const onChange = useCallback(
    (changed: EditorView) => {
      session?.setTitle(changed.state.doc.firstChild?.textContent ?? '');
      startTransition(() => setRevision((r) => r + 1));
    },
    [session],
  );

  return (
    <div className="app">
      <FileBar snapshot={snapshot} commands={documents.commands}>
        <SessionControls
          snapshot={liveSnapshot}
          hosting={collaboration.hosted !== null}
          starting={collaboration.starting}
          commands={collaboration.commands}
        />
      </FileBar>
      <Toolbar
        view={view}
        suggesting={suggesting}
        onToggleSuggesting={toggleSuggesting}
        onVersions={() => setVersionsOpen(true)}
      />
      <div className="workspace">
        <div className="side-column">
          {liveSnapshot && (
            <PresencePanel
              snapshot={liveSnapshot}
              onPreferences={collaboration.commands.preferences}
            />
          )}
          <OutlinePanel view={view} />
        </div>
        {session ? (
          <EditorPane
            openDocument={session}
            live={collaboration.editorLive}
            onView={setView}
            onChange={onChange}
          />
        ) : (
          <main className="page-area" aria-label="Document" aria-busy="true" />
        )}
        <div className="side-column side-column-right">
          <ChangesPanel
            view={view}
            readOnly={collaboration.editorLive?.readOnly ?? false}
            inSession={collaboration.live !== null}
            authorName={user.name}
            onPreferences={collaboration.commands.preferences}
          />
          <MetadataPanel view={view} />
        </div>
      </div>
      <StatusBar notice={documents.notice} />
      {dialog?.type === 'new' && (
        <NewDocumentDialog onCreate={dialogActions.createNew} onCancel={dialogActions.cancel} />
      )}
      {dialog?.type === 'open' && (
        <OpenDialog onOpen={dialogActions.openPath} onCancel={dialogActions.cancel} />
      )}
      {dialog?.type === 'saveAs' && (
        <SaveAsDialog
          initialName={snapshot.name ?? (session?.title.trim() || 'Naamloos')}
          onSave={dialogActions.saveAs}
          onCancel={dialogActions.cancel}
        />
      )}
      {dialog?.type === 'unsaved' && (
        <ConfirmUnsavedDialog
          name={getDocumentName(snapshot)}
          onChoose={dialogActions.chooseUnsaved}
        />
      )}
      {versionsOpen && (
        <VersionsDialog
          versions={versions.versions}
          suggestedName={
            (view && getMetadata(view.state.doc).versionLabel) ||
            `Versie ${new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date())}`
          }
          readOnly={collaboration.editorLive?.readOnly ?? false}
          onRecord={(name) => view && versions.record(name, user.name, view.state.doc)}
          onCompare={(from, to) => {
            setVersionsOpen(false);
            compare(from, to);
          }}
          onRestore={restore}
          onExportPdf={(id) => {
            const version = versions.versions.find((v) => v.id === id);
            const doc = versions.read(id);
            if (session && version && doc) {
              downloadVersionPdf(session, { name: version.name, doc }).catch(documents.report);
            }
          }}
          onClose={() => setVersionsOpen(false)}
        />
      )}
      {comparison && (
        <CompareDialog
          comparison={comparison.doc}
          fromLabel={comparison.from}
          toLabel={comparison.to}
          onClose={() => setComparison(null)}
        />
      )}
      {collaboration.dialog === 'join' && (
        <JoinSessionDialog
          userName={collaboration.user.name}
          onJoin={collaboration.joinSession}
          onPreferences={collaboration.commands.preferences}
          onCancel={collaboration.commands.closeDialog}
        />
      )}
      {collaboration.dialog === 'invite' && collaboration.hosted && (
        <InviteDialog
          invitations={collaboration.hosted.invitations}
          networkAddress={collaboration.hosted.networkAddress}
          onClose={collaboration.commands.closeDialog}
        />
      )}
      {collaboration.dialog === 'preferences' && collaboration.preferences && (
        <PreferencesDialog
          initial={collaboration.preferences}
          onSave={collaboration.savePreferences}
          onCancel={collaboration.commands.closeDialog}
        />
      )}
      {dialog?.type === 'recovery' && (
        <RecoveryDialog
          documents={dialog.documents}
          onRestore={dialogActions.restore}
          onDiscard={dialogActions.discardRecoverable}
          onLater={dialogActions.cancel}
        />
      )}
      {dialog?.type === 'preview' && (
        <PrintPreviewDialog
          printing={dialog.printing}
          changes={
            view && getStateChanges(view.state).length > 0
              ? { shown: dialog.changesShown, onChange: dialogActions.previewChanges }
              : undefined
          }
          onExport={dialogActions.exportPreviewed}
          onClose={dialogActions.cancel}
        />
      )}
      {/* Over Resolutie-editor and Help: opened by openAppDialog (Help menu, F1, native menus). */}
      <AppDialogs />
    </div>
  );
}
