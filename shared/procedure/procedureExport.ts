/**
 * The procedure of a stuk as plain JSON, for the `procedure` field of `resolutie export
 * --json` (docs/FORMAT.md): every indiening with its status, the bestuur's preadvies, the ALV's
 * besluit and, for an amendment, its instructions in the standard form. The JSON export of
 * the text (shared/export/) may not read the procedure; the command line puts the two side by
 * side.
 *
 * Only what the stukken say: no change ids, state vectors or names of the people who typed.
 * Times are ISO 8601 (UTC).
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { describeAmendmentChanges } from './amendmentInstructions.ts';
import { readProcedureEntries } from './procedureRecords.ts';
import type { Advice, Outcome, SubmissionKind, Vote } from './procedureRecords.ts';
import { findSubmissionChanges } from './procedureStore.ts';
import {
  ADVICE_TEXT,
  OUTCOME_LABELS,
  STATUS_TEXT,
  formatVote,
  listSubmissions,
} from './procedureStatus.ts';
import type { SubmissionStatus } from './procedureStatus.ts';

/** The `procedure` field. */
export interface ProcedureJson {
  indieningen: IndieningJson[];
}

/** One amendment or motie. */
export interface IndieningJson {
  kind: SubmissionKind;
  number: string;
  indiener: string;
  coIndieners: string[];
  /** Its subject, or ''. */
  title: string;
  /** Its Toelichting, plain text. */
  motivation: string;
  status: SubmissionStatus;
  statusText: string;
  created: string;
  submitted: string | null;
  withdrawn: string | null;
  /** What it was made on: the version's name (or null) and the resolution's title line. */
  base: { version: string | null; resolution: string };
  /**
   * What it changes, in the standard form, while its proposals are pending in the text; []
   * once they are decided (or for a motie).
   */
  instructions: string[];
  /** The places it was made on, as they were named then. */
  places: string[];
  /** Places whose text changed since (or is gone: `gone`). */
  changedPlaces: { place: string; gone: boolean }[];
  /** Numbers of other open amendments that change the same text. */
  conflicts: string[];
  preadvies: { advice: Advice; adviceText: string; reasoning: string; time: string } | null;
  besluit: {
    outcome: Outcome;
    outcomeText: string;
    vote: Vote;
    voteText: string;
    time: string;
  } | null;
}

/** The procedure of the stuk in `ydoc` (`doc`, as read from it), read strictly. */
export function getProcedureJson(ydoc: Y.Doc, doc: Node): ProcedureJson {
  const entries = readProcedureEntries(ydoc);
  const changes = getTrackedChanges(doc);
  const rows = listSubmissions(doc, entries, changes, (entry) =>
    findSubmissionChanges(entry, entries.submissions, changes),
  );
  return {
    indieningen: rows.map((row): IndieningJson => {
      const { entry, advice, decision } = row;
      return {
        kind: entry.kind,
        number: entry.number,
        indiener: entry.indiener,
        coIndieners: [...entry.coIndieners],
        title: entry.title,
        motivation: entry.motivation,
        status: row.status,
        statusText: STATUS_TEXT[row.status],
        created: iso(entry.created),
        submitted: entry.submitted === null ? null : iso(entry.submitted),
        withdrawn: entry.withdrawn === null ? null : iso(entry.withdrawn),
        base: { version: entry.base.version, resolution: entry.base.resolution },
        instructions:
          row.changes.length === 0 && row.decision && row.decision.instructions.length > 0
            ? row.decision.instructions
            : describeAmendmentChanges(doc, row.changes),
        places: [...new Set(entry.targets.map((target) => target.place))],
        changedPlaces: row.changedPlaces.map((place) => ({ ...place })),
        conflicts: [...row.conflicts],
        preadvies: advice
          ? {
              advice: advice.advice,
              adviceText: ADVICE_TEXT[advice.advice],
              reasoning: advice.reasoning,
              time: iso(advice.time),
            }
          : null,
        besluit: decision
          ? {
              outcome: decision.outcome,
              outcomeText: OUTCOME_LABELS[decision.outcome],
              vote:
                decision.vote === null || decision.vote === 'algemeen'
                  ? decision.vote
                  : { ...decision.vote },
              voteText: formatVote(decision.vote),
              time: iso(decision.time),
            }
          : null,
      };
    }),
  };
}

function iso(time: number): string {
  return new Date(time).toISOString();
}
