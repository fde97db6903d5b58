/**
 * The application window: the header with the file commands, the toolbar, the outline, the
 * document page and the metadata panel, plus whichever dialog is open. The window's controller
 * (window/WindowController.ts) owns the open document, its dialogs and versions; co-editing is
 * useCollaboration's. This component subscribes to both and renders; the editor is created per
 * open document.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { Toolbar } from './components/Toolbar.tsx';
import { OutlinePanel } from './components/OutlinePanel.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { EditorPane } from './components/EditorPane.tsx';
import { FileBar, getDocumentName } from './components/FileBar.tsx';
import { MetadataPanel } from './components/MetadataPanel.tsx';
import { ChangesPanel, jumpTo } from './components/ChangesPanel.tsx';
import { CommentsPanel } from './components/CommentsPanel.tsx';
import { AmendmentsPanel } from './components/AmendmentsPanel.tsx';
import { ChecksPanel, focusChecksPanel } from './components/ChecksPanel.tsx';
import { useChecks } from './components/useChecks.ts';
import { useExportCheck } from './components/useExportCheck.ts';
import { useAmendments } from './components/useAmendments.ts';
import { useCommentCommand } from './components/useCommentCommand.ts';
import { useReferenceCommand } from './components/useReferenceCommand.ts';
import { setProposingWords } from './editor/createEditor.ts';
import { SessionControls } from './components/SessionControls.tsx';
import { PresencePanel } from './components/PresencePanel.tsx';
import { setSuggestionAuthor } from '../shared/editor/suggestions/suggestionMode.ts';
import { getMetadata } from '../shared/editor/queries/getMetadata.ts';
import { getStateChanges } from '../shared/editor/suggestions/trackedChanges.ts';
import { useWindowController } from './window/useWindowController.ts';
import { useCollaboration } from './liveSession/useCollaboration.ts';
import {
  AmendmentDialogs,
  CompareDialog,
  ConfirmUnsavedDialog,
  ExportCheckDialog,
  ImportDialog,
  InviteDialog,
  JoinSessionDialog,
  NewDocumentDialog,
  OpenDialog,
  PreferencesDialog,
  PrintPreviewDialog,
  RecoveryDialog,
  ReferenceDialog,
  SaveAsDialog,
  VersionsDialog,
  loadPrintPreviewDialog,
} from './dialogs/lazyDialogs.tsx';
import { WhenLoaded } from './controls/WhenLoaded.tsx';
import { AppDialogs } from './help/AppDialogs.tsx';
import { HelpMenu } from './help/HelpMenu.tsx';
import { useDesktopMenus } from './desktop/useDesktopMenus.ts';
import { createMenuActions } from './desktop/menuActions.ts';
import { readAmendmentMenu } from './desktop/amendmentMenu.ts';
import { DRAFTING_REASONS, PROPOSER_REASONS } from './liveSession/roleReasons.ts';

/** A name to start from in Versies: the document's version label, or the moment. */
function suggestVersionName(view: EditorView | null): string {
  const label = view && getMetadata(view.state.doc).versionLabel;
  if (label) return label;
  const moment = new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `Versie ${moment.format(new Date())}`;
}

export function App() {
  const { controller, state, snapshot } = useWindowController();
  const { openDocument, dialog } = state;
  const collaboration = useCollaboration(controller);
  const { liveSnapshot, user } = collaboration;
  const [view, setView] = useState<EditorView | null>(null);
  const [, setRevision] = useState(0);
  const readOnly = collaboration.editorLive?.readOnly ?? false;
  // Proposals carry the user's name: while it is still the account's default, ask for it first.
  const { withName } = collaboration;
  const amendmentWithName = useCallback(
    (action: () => void) => withName('amendment', action),
    [withName],
  );
  // The ALV procedure: amendments, and the one this user drafts (components/useAmendments.ts).
  const amendments = useAmendments({
    openDocument,
    view,
    user,
    readOnly,
    proposing: collaboration.proposing,
    inSession: collaboration.live !== null,
    dialogOpen: dialog !== null,
    withName: amendmentWithName,
    showDialog: controller.showDialog,
    // The ALV-overzicht's "Openen": as Openen does, after asking about unsaved changes.
    openStuk: (path: string) =>
      controller.guardUnsaved(() => void controller.openPath(path).catch(controller.report)),
  });
  // "Wijzigingen bijhouden": this user's edits become proposals, under their name and colour.
  // A voorsteller's always are, and so are a member's while they draft an amendment: for them
  // it is on and stays on.
  const [suggestingChosen, setSuggesting] = useState(false);
  const proposing = amendments.proposeOnly;
  const suggesting = suggestingChosen || proposing;
  const proposingReasons = collaboration.proposing ? PROPOSER_REASONS : DRAFTING_REASONS;
  const toggleSuggesting = useCallback(() => {
    if (proposing) return;
    if (suggestingChosen) setSuggesting(false);
    else withName('suggesting', () => setSuggesting(true));
  }, [proposing, suggestingChosen, withName]);
  useEffect(() => {
    // Not on an editor that just went (joining puts a new one in its place, in the same render
    // as the session's role arrives); the new editor gets the mode when it comes.
    if (!view || view.isDestroyed) return;
    // What the editor says while only proposals are made: a voorsteller's or a drafter's words.
    setProposingWords(view, proposingReasons.reason, proposingReasons.directEdit);
    view.dispatch(setSuggestionAuthor(view.state.tr, suggesting ? user : null, proposing));
  }, [view, suggesting, user, proposing, proposingReasons]);

  // The drafting checks (Controle), and the export's question when a definitief stuk has findings.
  const checks = useChecks(view, amendments.rows);
  const exportCheck = useExportCheck(view, checks.current);
  const { confirmExport } = exportCheck;

  // Afdrukvoorbeeld asks for the PDF once the dialog's code is there (lazyDialogs.tsx says why).
  const fileCommands = useMemo(
    () => ({
      ...controller.commands,
      printPreview: () =>
        void loadPrintPreviewDialog().then(controller.commands.printPreview, controller.report),
      exportPdf: () => confirmExport(controller.commands.exportPdf),
      exportWord: () => confirmExport(controller.commands.exportWord),
      exportWordChanges: () => confirmExport(controller.commands.exportWordChanges),
    }),
    [controller, confirmExport],
  );

  const onView = useCallback(
    (next: EditorView | null) => {
      controller.attachEditor(next);
      setView(next);
    },
    [controller],
  );
  const openVersions = () => controller.showDialog({ type: 'versions' });
  // Comments carry the user's name too; who may make them is the session's to say.
  const { canComment } = collaboration;
  const commentWithName = useCallback(
    (action: () => void) => withName('commenting', action),
    [withName],
  );
  const comment = useCommentCommand(view, canComment, commentWithName);
  // "Verwijzing invoegen": the toolbar, Ctrl+Shift+K and the Document menu open its picker.
  const openReferenceDialog = useCallback(
    () => controller.showDialog({ type: 'reference' }),
    [controller],
  );
  const reference = useReferenceCommand(view, readOnly || proposing, openReferenceDialog);

  // The desktop app's native menus: they follow this window's state and run its commands
  // (the amendments as the Bestand menu's section offers them).
  const amendmentMenu = readAmendmentMenu(amendments.menuSection.entries);
  useDesktopMenus({
    view,
    state: {
      dirty: snapshot.dirty,
      path: snapshot.path,
      readOnly,
      proposing,
      suggesting,
      session: collaboration.hosted ? 'hosting' : collaboration.live ? 'joined' : 'none',
      sessionStarting: collaboration.starting,
      canComment,
      amendments: amendmentMenu.enabled,
    },
    actions: createMenuActions({
      view,
      file: fileCommands,
      session: collaboration.commands,
      toggleSuggesting,
      jumpToChange: (direction) => {
        if (view) jumpTo(view, direction);
      },
      openVersions,
      insertReference: reference.start,
      addComment: comment.start,
      amendments: amendmentMenu.actions,
      printOnPaper: () => controller.printOnPaper(),
      openHelp: () => controller.openAppDialog('help'),
      openAbout: () => controller.openAppDialog('about'),
      inSession: collaboration.live !== null,
    }),
  });

  // The panels and the toolbar read the editor's state when they render. Their update is a
  // transition: React renders it after the keystroke's own work and the frame that shows it,
  // and a next keystroke interrupts it, so typing never waits for the panels.
  const onChange = useCallback(
    (changed: EditorView) => {
      openDocument?.setTitle(changed.state.doc.firstChild?.textContent ?? '');
      startTransition(() => setRevision((r) => r + 1));
    },
    [openDocument],
  );
  const cancelDialog = () => controller.showDialog(null);

  return (
    <div className="app">
      <FileBar
        snapshot={snapshot}
        commands={fileCommands}
        reading={readOnly}
        joined={collaboration.live !== null && collaboration.hosted === null}
        helpMenu={<HelpMenu onOpen={controller.openAppDialog} />}
        moreSections={[amendments.menuSection]}
      >
        <SessionControls
          snapshot={liveSnapshot}
          hosting={collaboration.hosted !== null}
          starting={collaboration.starting}
          commands={collaboration.commands}
        />
      </FileBar>
      <Toolbar
        view={view}
        readOnly={readOnly}
        suggesting={suggesting}
        proposing={proposing}
        proposingReasons={proposingReasons}
        onToggleSuggesting={toggleSuggesting}
        onVersions={openVersions}
        comment={comment}
        onInsertReference={reference.start}
      />
      <div className="workspace">
        <div className="side-column">
          {liveSnapshot && (
            <PresencePanel
              snapshot={liveSnapshot}
              onPreferences={collaboration.commands.preferences}
              host={collaboration.hostControls}
            />
          )}
          <OutlinePanel view={view} />
        </div>
        {openDocument ? (
          <EditorPane
            openDocument={openDocument}
            live={collaboration.editorLive}
            onView={onView}
            onChange={onChange}
          />
        ) : (
          <main className="page-area" aria-label="Document" aria-busy="true" />
        )}
        <div className="side-column side-column-right">
          <AmendmentsPanel view={view} {...amendments.panel} />
          <ChangesPanel
            view={view}
            readOnly={readOnly}
            proposing={proposing}
            nameFromInvitation={collaboration.nameFromInvitation}
            inSession={collaboration.live !== null}
            authorName={user.name}
            onPreferences={collaboration.commands.preferences}
            amendmentOf={amendments.amendmentOf}
          />
          <ChecksPanel
            view={view}
            result={checks.result}
            current={checks.current}
            readOnly={readOnly}
            proposing={proposing}
            reason={proposing ? proposingReasons.reason : undefined}
          />
          <CommentsPanel
            view={view}
            canComment={canComment}
            canResolveAll={collaboration.role === null || collaboration.role === 'editor'}
            user={user}
            withName={commentWithName}
          />
          <MetadataPanel
            view={view}
            readOnly={readOnly || proposing}
            reason={proposing ? proposingReasons.reason : undefined}
          />
        </div>
      </div>
      <StatusBar
        notice={state.notice}
        outcome={state.outcome}
        onPreferences={() => controller.openAppDialog('preferences')}
      />
      <WhenLoaded
        onClose={() => {
          cancelDialog();
          amendments.dialog?.onClose();
        }}
      >
        {dialog?.type === 'new' && (
          <NewDocumentDialog
            onCreate={(kind) => void controller.createNew(kind)}
            onCancel={cancelDialog}
          />
        )}
        {dialog?.type === 'open' && (
          <OpenDialog onOpen={controller.openPath} onCancel={cancelDialog} />
        )}
        {dialog?.type === 'import' && (
          <ImportDialog onImport={controller.importParsed} onCancel={cancelDialog} />
        )}
        {dialog?.type === 'saveAs' && (
          <SaveAsDialog
            initialName={
              dialog.suggestedName ?? snapshot.name ?? (openDocument?.title.trim() || 'Naamloos')
            }
            onSave={controller.saveAs}
            onCancel={cancelDialog}
          />
        )}
        {dialog?.type === 'unsaved' && (
          <ConfirmUnsavedDialog
            name={getDocumentName(snapshot)}
            onChoose={controller.chooseUnsaved}
          />
        )}
        {dialog?.type === 'versions' && (
          <VersionsDialog
            versions={state.versions}
            suggestedName={suggestVersionName(view)}
            readOnly={readOnly || proposing}
            onRecord={(name) => controller.recordVersion(name, user.name)}
            onCompare={controller.compareVersions}
            onRestore={(id) => controller.restoreVersion(id, user)}
            onExportPdf={controller.exportVersionPdf}
            onClose={cancelDialog}
          />
        )}
        {dialog?.type === 'reference' && view && (
          <ReferenceDialog view={view} onClose={cancelDialog} />
        )}
        {dialog?.type === 'compare' && (
          <CompareDialog
            comparison={dialog.comparison.doc}
            fromLabel={dialog.comparison.from}
            toLabel={dialog.comparison.to}
            onClose={cancelDialog}
          />
        )}
        {dialog?.type === 'join' && (
          <JoinSessionDialog
            userName={collaboration.user.name}
            onJoin={collaboration.joinSession}
            onCancel={collaboration.commands.closeDialog}
          />
        )}
        {dialog?.type === 'invite' && collaboration.hosted && (
          <InviteDialog
            networkAddress={collaboration.hosted.networkAddress}
            fingerprint={collaboration.hosted.fingerprint}
            onCreate={collaboration.createInvitation}
            onClose={collaboration.commands.closeDialog}
          />
        )}
        {state.preferences && collaboration.preferences && (
          <PreferencesDialog
            initial={collaboration.preferences}
            onSave={collaboration.savePreferences}
            onCancel={collaboration.commands.closeDialog}
          />
        )}
        {dialog?.type === 'recovery' && (
          <RecoveryDialog
            documents={dialog.documents}
            onRestore={(doc) => void controller.restoreRecoverable(doc)}
            onDiscard={(doc) => void controller.discardRecoverable(doc)}
            onLater={cancelDialog}
          />
        )}
        {dialog?.type === 'preview' && (
          <PrintPreviewDialog
            printing={dialog.printing}
            changes={
              view && getStateChanges(view.state).length > 0
                ? { shown: dialog.changesShown, onChange: controller.previewChanges }
                : undefined
            }
            onExport={(bytes) => confirmExport(() => controller.exportPreviewed(bytes))}
            onClose={cancelDialog}
          />
        )}
        {amendments.dialog && <AmendmentDialogs {...amendments.dialog} />}
        {exportCheck.question && (
          <ExportCheckDialog
            count={exportCheck.question.count}
            onExport={() => exportCheck.answer('export')}
            onShowChecks={() => {
              exportCheck.answer('show');
              controller.closeDialog('preview');
              // After the dialog has given the focus back to what opened it.
              setTimeout(focusChecksPanel);
            }}
            onCancel={() => exportCheck.answer('cancel')}
          />
        )}
      </WhenLoaded>
      {/* Over Resolutie-editor and Help: the Help menu, F1 and the native menus open them. */}
      <AppDialogs
        open={state.info}
        onOpen={controller.openAppDialog}
        onClose={controller.closeAppDialog}
      />
    </div>
  );
}
