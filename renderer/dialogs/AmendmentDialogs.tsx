/**
 * The dialogs of the ALV procedure, as the window opens them (amendmentRequests.ts): making an
 * amendment, adding one from a file, submitting the motie the open document is, the
 * preadvies, the besluit, withdrawing, and the bestuur's ALV-overzicht. Each runs its
 * action on the open document (documents/amendmentActions.ts, amendmentImport.ts); a refusal
 * stays in the dialog with its Dutch message, and what was done goes to the amendments
 * panel's status line.
 */
import type { EditorView } from 'prosemirror-view';
import type { ProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import { describeSubmission } from '../../shared/procedure/procedureStatus.ts';
import { getSubmission } from '../../shared/procedure/procedureStore.ts';
import type { ProcedureWriter } from '../../shared/procedure/procedureStore.ts';
import {
  ProcedureError,
  adviseAmendment,
  createAmendment,
  decideAmendment,
  findAmendmentChanges,
  withdrawAmendment,
} from '../documents/amendmentActions.ts';
import type { TextDecision } from '../documents/amendmentActions.ts';
import type { DocumentYDoc } from '../documents/OpenDocument.ts';
import { OUTCOME_LABELS } from '../../shared/procedure/procedureStatus.ts';
import type { AmendmentDialogRequest, ProcedureRole } from './amendmentRequests.ts';
import { CreateAmendmentDialog } from './CreateAmendmentDialog.tsx';
import { AdviceDialog } from './AdviceDialog.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { WithdrawAmendmentDialog } from './WithdrawAmendmentDialog.tsx';
import { AddAmendmentDialog } from './AddAmendmentDialog.tsx';
import { SubmitMotionDialog } from './SubmitMotionDialog.tsx';
import { ProcedureOverviewDialog } from './ProcedureOverviewDialog.tsx';
import { overviewScope } from '../documents/procedureOverview.ts';
import { submitMotion, suggestedIndiener } from '../documents/motionActions.ts';

/** Runs a write; null when it succeeded, else why not (in Dutch). */
function attempt(write: () => void): string | null {
  try {
    write();
    return null;
  } catch (error) {
    if (error instanceof ProcedureError) return error.message;
    return `Dit kon niet worden vastgelegd. ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** "; 2 voorstellen aanvaard in de tekst". */
function textEffect(decision: TextDecision): string {
  const count = decision.accepted + decision.rejected;
  if (count === 0) return '';
  const what = count === 1 ? '1 voorstel' : `${count} voorstellen`;
  return `; ${what} ${decision.accepted > 0 ? 'aanvaard in' : 'uit'} de tekst`;
}

export function AmendmentDialogs({
  request,
  ydoc,
  view,
  entries,
  role,
  user,
  inSession,
  resolution,
  ownPath,
  onCreated,
  onNotice,
  onDone,
  onClose,
  onOpenStuk,
}: {
  request: AmendmentDialogRequest;
  ydoc: DocumentYDoc;
  view: EditorView;
  entries: ProcedureEntries;
  role: ProcedureRole;
  user: ProcedureWriter;
  inSession: boolean;
  /** The resolution's title line. */
  resolution: string;
  /** The open document's file, if it has one. */
  ownPath: string | null;
  /** An amendment was made: the window starts drafting it. */
  onCreated: (id: string) => void;
  /** Says in the panel what was done; the dialog stays. */
  onNotice: (notice: string) => void;
  /** Closes the dialog; `notice` says in the panel what was done. */
  onDone: (notice: string) => void;
  onClose: () => void;
  /** Opens another stuk in the window (the ALV-overzicht's "Openen"). */
  onOpenStuk: (path: string) => void;
}) {
  if (request.type === 'create') {
    return (
      <CreateAmendmentDialog
        resolution={resolution}
        authorName={user.name}
        voorsteller={role === 'voorsteller'}
        onCreate={(fields) => {
          let id = '';
          const refused = attempt(() => {
            id = createAmendment(ydoc, view, fields, user);
          });
          if (refused) return refused;
          onCreated(id);
          const number = getSubmission(ydoc, id)?.number ?? '';
          onDone(
            `Amendement ${number} gemaakt. Wijzig nu de tekst: uw wijzigingen worden de voorstellen ervan.`,
          );
          return null;
        }}
        onCancel={onClose}
      />
    );
  }
  if (request.type === 'submitMotion') {
    return (
      <SubmitMotionDialog
        motion={resolution}
        indiener={suggestedIndiener(view.state.doc)}
        authorName={user.name}
        onSubmit={(fields) => {
          let id = '';
          const refused = attempt(() => {
            id = submitMotion(ydoc, view.state.doc, fields, user);
          });
          if (!refused) onDone(`Motie ${getSubmission(ydoc, id)?.number ?? ''} ingediend.`);
          return refused;
        }}
        onCancel={onClose}
      />
    );
  }
  if (request.type === 'add') {
    return (
      <AddAmendmentDialog
        ydoc={ydoc}
        ownPath={ownPath}
        dropped={request.file}
        onAdded={onNotice}
        onClose={onClose}
      />
    );
  }
  if (request.type === 'overview') {
    return (
      <ProcedureOverviewDialog
        scope={overviewScope(view.state.doc)}
        ownPath={ownPath}
        onOpen={(path) => {
          onClose();
          onOpenStuk(path);
        }}
        onClose={onClose}
      />
    );
  }
  const entry = entries.submissions.find((candidate) => candidate.id === request.id);
  if (!entry) return null;
  const label = describeSubmission(entry);
  const proposals = findAmendmentChanges(ydoc, view.state, entry.id).length;
  if (request.type === 'advice') {
    return (
      <AdviceDialog
        label={label}
        subject={entry.title}
        current={entries.advices.get(entry.id) ?? null}
        onRecord={(advice, reasoning) => {
          const refused = attempt(() => adviseAmendment(ydoc, entry.id, advice, reasoning, user));
          if (!refused) onDone(`Preadvies bij ${entry.number} vastgelegd.`);
          return refused;
        }}
        onCancel={onClose}
      />
    );
  }
  if (request.type === 'decision') {
    return (
      <DecisionDialog
        label={label}
        subject={entry.title}
        proposals={proposals}
        motion={entry.kind === 'motie'}
        onRecord={(outcome, vote) => {
          let decided: TextDecision = { accepted: 0, rejected: 0 };
          const refused = attempt(() => {
            decided = decideAmendment(ydoc, view, entry.id, outcome, vote, user, inSession);
          });
          if (!refused) {
            onDone(
              `Besluit vastgelegd: ${entry.number} ${OUTCOME_LABELS[outcome].toLowerCase()}${textEffect(decided)}.`,
            );
          }
          return refused;
        }}
        onCancel={onClose}
      />
    );
  }
  const onBehalf = entry.author !== user.name;
  return (
    <WithdrawAmendmentDialog
      label={label}
      proposals={proposals}
      onBehalf={onBehalf}
      onWithdraw={() => {
        let decided: TextDecision = { accepted: 0, rejected: 0 };
        const refused = attempt(() => {
          decided = withdrawAmendment(ydoc, view, entry.id, user, { onBehalf, inSession });
        });
        if (!refused) onDone(`${entry.number} ingetrokken${textEffect(decided)}.`);
        return refused;
      }}
      onCancel={onClose}
    />
  );
}
