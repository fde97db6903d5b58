/**
 * The ALV procedure in the window: what App hands the amendments panel, the changes panel, the
 * toolbar, the Bestand menu and the procedure's dialogs. It holds the window's own part of it:
 *
 * - the amendment being drafted outside a voorsteller's session ("Amendement maken" in one's
 *   own copy): while it is, the editor may only propose, as a voorsteller's does, so that the
 *   copy holds nothing but the amendment's proposals when it is saved for the secretariat; the
 *   member stops and resumes from the panel, and submitting stops it;
 * - the procedure dialog that is open and the panel's status line (what was done, or a PDF
 *   being made);
 * - a .resolutie file dropped on the window of a resolution: offered as an amendment to add.
 *
 * In a motie (a document whose kind is motie) the panel is the motie's own procedure: it is
 * submitted as its own entry (documents/motionActions.ts), then advised and decided as an
 * amendment is, without proposals. The Bestand menu also opens the bestuur's ALV-overzicht.
 *
 * Who may do what follows the session role: a lezer reads, a voorsteller makes and submits
 * their own, the bestuur (a redacteur, or anyone outside a session) also adds amendments from
 * files and records preadvies and besluit.
 */
import { useCallback, useEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { getStateChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { getMetadataText, formatTitleLine } from '../../shared/editor/queries/getMetadataText.ts';
import type { SubmissionRow } from '../../shared/procedure/procedureStatus.ts';
import type { ProcedureWriter } from '../../shared/procedure/procedureStore.ts';
import type { OpenDocument } from '../documents/OpenDocument.ts';
import { useProcedure } from '../documents/procedureState.ts';
import {
  amendmentFileName,
  amendmentNumbersByChange,
  buildRows,
} from '../documents/amendmentOverview.ts';
import { downloadProcedurePdf } from '../documents/amendmentPdf.ts';
import type { ProcedurePdf } from '../documents/amendmentPdf.ts';
import type { WindowDialog } from '../window/windowDialogs.ts';
import type { MenuSection } from '../controls/MenuButton.tsx';
import type { AmendmentDialogRequest, ProcedureRole } from '../dialogs/amendmentRequests.ts';

/** What the window's procedure needs of the rest of the window. */
export interface AmendmentsWindow {
  openDocument: OpenDocument | null;
  view: EditorView | null;
  /** The user as their proposals are signed. */
  user: ProcedureWriter;
  readOnly: boolean;
  /** A voorsteller in a session. */
  proposing: boolean;
  inSession: boolean;
  /** Whether a dialog of the window is open (a file dropped then is not taken). */
  dialogOpen: boolean;
  /** Runs `action` once the user has a name of their own (asked first while not). */
  withName: (action: () => void) => void;
  showDialog: (dialog: WindowDialog) => void;
  /** Opens the stuk at `path` in the window (asking first about unsaved changes). */
  openStuk: (path: string) => void;
}

/** How long the panel's status line says what was done (ms). */
const NOTICE_MS = 12_000;

/** Focuses the amendments panel's heading and brings it into view (Bestand → Amendementen). */
function focusPanel(): void {
  const heading = document.querySelector<HTMLElement>('.amendments .panel-title');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export function useAmendments(window: AmendmentsWindow) {
  const { openDocument, view, user, readOnly, proposing, inSession, dialogOpen } = window;
  const { withName, showDialog, openStuk } = window;
  const ydoc = openDocument?.ydoc ?? null;
  const procedure = useProcedure(ydoc);
  // The drafting, the dialog and the status line belong to one document: another one in the
  // window starts without them.
  const [draftingFor, setDraftingFor] = useState<{ of: OpenDocument; id: string } | null>(null);
  const [requestFor, setRequestFor] = useState<{
    of: OpenDocument;
    request: AmendmentDialogRequest;
  } | null>(null);
  const [noticeFor, setNoticeFor] = useState<{ of: OpenDocument; text: string } | null>(null);
  const request = requestFor?.of === openDocument ? requestFor.request : null;
  const notice = noticeFor?.of === openDocument ? noticeFor.text : null;

  const role: ProcedureRole = readOnly ? 'lezer' : proposing ? 'voorsteller' : 'bestuur';
  const doc = view?.state.doc ?? null;
  const metadata = doc ? getMetadataText(doc) : null;
  const isResolution = metadata?.kind === 'resolutie';
  // A motie "vreemd aan de orde": the document is the motie, the panel its procedure.
  const isMotion = metadata?.kind === 'motie';
  const rows: SubmissionRow[] =
    doc && view ? buildRows(doc, procedure.entries, getStateChanges(view.state)) : [];
  const amendmentOf = amendmentNumbersByChange(rows);
  // Drafting lasts while the amendment is a concept: submitted or withdrawn (here or by a
  // colleague), the editor edits as before.
  const drafted = draftingFor?.of === openDocument ? draftingFor.id : null;
  const drafting =
    !proposing &&
    !readOnly &&
    rows.some((row) => row.entry.id === drafted && row.status === 'concept')
      ? drafted
      : null;

  const setNotice = useCallback(
    (text: string) => {
      if (openDocument) setNoticeFor({ of: openDocument, text });
    },
    [openDocument],
  );
  // A line about what was done goes after a while; one about a PDF being made stays until the
  // PDF is there.
  useEffect(() => {
    if (!noticeFor || noticeFor.text.endsWith('…')) return;
    const timer = setTimeout(() => setNoticeFor(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [noticeFor]);
  const open = useCallback(
    (next: AmendmentDialogRequest) => {
      if (!openDocument) return;
      const show = () => setRequestFor({ of: openDocument, request: next });
      // Making an amendment signs it with the user's name: asked first while it is the account's.
      if (next.type === 'create') withName(show);
      else show();
    },
    [openDocument, withName],
  );
  const close = useCallback(() => setRequestFor(null), []);
  const draft = useCallback(
    (id: string | null) => {
      setDraftingFor(id && openDocument ? { of: openDocument, id } : null);
      view?.focus();
    },
    [openDocument, view],
  );

  const print = useCallback(
    (pdf: ProcedurePdf) => {
      if (!openDocument) return;
      setNotice('De PDF wordt gemaakt…');
      downloadProcedurePdf(openDocument, pdf)
        .then((name) => setNotice(`PDF gemaakt: ${name}`))
        .catch((error: unknown) =>
          setNotice(
            `De PDF kon niet worden gemaakt. ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    },
    [openDocument, setNotice],
  );

  const saveFile = useCallback(
    (row: SubmissionRow) => {
      setNotice('');
      showDialog({
        type: 'saveAs',
        suggestedName: amendmentFileName(row.entry.indiener, metadata?.title ?? null),
      });
    },
    [showDialog, setNotice, metadata?.title],
  );

  const ownConcept = rows.some(
    (row) =>
      row.entry.kind === 'amendement' && row.entry.author === user.name && row.status === 'concept',
  );

  // A .resolutie file dropped on the window of a resolution: the bestuur is offered to add it.
  const canAdd =
    role === 'bestuur' && isResolution && procedure.problem === null && !!view && !drafting;
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      // A file dropped anywhere else would make the browser leave the app to show it.
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file || !/\.resolutie$/i.test(file.name) || !canAdd || dialogOpen || request) return;
      open({ type: 'add', file });
    };
    globalThis.addEventListener('dragover', onDragOver);
    globalThis.addEventListener('drop', onDrop);
    return () => {
      globalThis.removeEventListener('dragover', onDragOver);
      globalThis.removeEventListener('drop', onDrop);
    };
  }, [canAdd, dialogOpen, request, open]);

  const menuSection: MenuSection = {
    label: 'Amendementen',
    entries: [
      { id: 'amendments', label: 'Amendementen', onSelect: focusPanel },
      {
        id: 'createAmendment',
        label: 'Amendement maken…',
        // One draft at a time: a second concept would gather none of the author's proposals
        // (the oldest concept does, findSubmissionChanges).
        disabled:
          !isResolution ||
          role === 'lezer' ||
          procedure.problem !== null ||
          drafting !== null ||
          ownConcept,
        title: !isResolution
          ? 'Een amendement wordt gemaakt op een resolutie.'
          : drafting !== null || ownConcept
            ? 'U stelt al een amendement op; dien het in of trek het in om een volgend te maken.'
            : undefined,
        onSelect: () => open({ type: 'create' }),
      },
      {
        id: 'addAmendment',
        label: 'Amendement toevoegen…',
        disabled: !canAdd,
        title: canAdd ? undefined : 'Een amendement voegt het bestuur toe aan een resolutie.',
        onSelect: () => open({ type: 'add' }),
      },
      {
        id: 'procedureOverview',
        label: 'ALV-overzicht…',
        disabled: role !== 'bestuur' || !view,
        title:
          role === 'bestuur'
            ? 'De amendementen en moties van deze ALV, uit de documentenmap'
            : 'Het ALV-overzicht is voor het bestuur.',
        onSelect: () => open({ type: 'overview' }),
      },
      {
        id: 'amendedPdf',
        label: 'Zoals geamendeerd (PDF)',
        disabled: !isResolution,
        onSelect: () => print({ form: 'geamendeerd' }),
      },
      {
        id: 'advicesPdf',
        label: 'Preadviezen (PDF)',
        disabled: rows.length === 0,
        onSelect: () => print({ form: 'preadviezen' }),
      },
    ],
  };

  return {
    procedure,
    rows,
    amendmentOf,
    role,
    drafting,
    /** Whether the editor may only propose: a voorsteller's, or while drafting an amendment. */
    proposeOnly: proposing || drafting !== null,
    isResolution,
    notice,
    menuSection,
    panel: {
      ydoc,
      procedure,
      rows,
      role,
      user,
      isResolution,
      isMotion,
      inSession,
      drafting,
      notice,
      onDraft: proposing ? undefined : draft,
      onRequest: open,
      onPrint: print,
      onSaveFile: saveFile,
      onSubmitted: (id: string) => {
        const number = procedure.entries.submissions.find((entry) => entry.id === id)?.number;
        setNotice(`Amendement ${number ?? ''} ingediend.`.replace('  ', ' '));
      },
    },
    dialog:
      request && ydoc && view
        ? {
            request,
            ydoc,
            view,
            entries: procedure.entries,
            role,
            user,
            inSession,
            resolution: metadata ? formatTitleLine(metadata) : 'de resolutie',
            ownPath: openDocument?.getSnapshot().path ?? null,
            onCreated: (id: string) => {
              if (!proposing) draft(id);
            },
            onNotice: setNotice,
            onDone: (text: string) => {
              setNotice(text);
              close();
            },
            onClose: close,
            onOpenStuk: openStuk,
          }
        : null,
  };
}
