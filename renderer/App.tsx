/**
 * The application window: the header with the file commands, the toolbar, the outline, the
 * document page and the metadata panel, plus whichever file dialog (or the print preview) is
 * open. The document session (useDocuments) owns the Y.Doc; the editor is created per session.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { Toolbar } from './components/Toolbar.tsx';
import { OutlinePanel } from './components/OutlinePanel.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { EditorPane } from './components/EditorPane.tsx';
import { FileBar, getDocumentName } from './components/FileBar.tsx';
import { MetadataPanel } from './components/MetadataPanel.tsx';
import { ChangesPanel } from './components/ChangesPanel.tsx';
import { setSuggestionAuthor } from '../shared/editor/suggestions/suggestionMode.ts';
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

  const onChange = useCallback(
    (changed: EditorView) => {
      session?.setTitle(changed.state.doc.firstChild?.textContent ?? '');
      setRevision((r) => r + 1);
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
      <Toolbar view={view} suggesting={suggesting} onToggleSuggesting={toggleSuggesting} />
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
            session={session}
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
          onExport={dialogActions.exportPreviewed}
          onClose={dialogActions.cancel}
        />
      )}
    </div>
  );
}
