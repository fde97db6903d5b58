/**
 * The drafting checks' contract: a rule is data (an id, a name, a plain-Dutch explanation) with
 * a function that reads a document and reports findings; a finding names its place, says why,
 * and may carry a fix. The editor's Controle panel, `resolutie check` and the export's warning
 * all run the same rules through `runChecks` (checkRunner.ts).
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';

/** What a check knows beside the document. Everything is optional: the document alone suffices. */
export interface CheckContext {
  /** Whether proposals (tracked changes) are pending in the document. */
  pendingProposals?: number;
  /**
   * Amendments whose target text changed since they were made (the procedure's overview worked
   * out by the caller): the amendment's number and the place named as it stands now.
   */
  changedAmendments?: readonly { number: string; place: string; gone: boolean }[];
}

/** A fix a finding offers: made as the user's own edit, so in suggestion mode a proposal. */
export interface CheckFix {
  /** The button's words: "Puntkomma toevoegen". */
  label: string;
  /**
   * The transaction that fixes it on `state`, or null when the document changed so that the
   * fix no longer applies where it was found.
   */
  apply(state: EditorState): Transaction | null;
}

/** One finding: a rule that does not hold at one place. */
export interface Finding {
  /** The rule's id ("overweging-einde"). */
  rule: string;
  /** Why, in plain Dutch: "Een overweging eindigt met een puntkomma." */
  message: string;
  /**
   * The element the finding is about, where "Negeren" is kept (its `ignoredChecks`): an item,
   * a block, a Toelichting heading or paragraph, the preamble, or the title for the document
   * as a whole. The position before it.
   */
  pos: number;
  /** The place as a reader names it: "Overwegende dat, 2", "Spreekt uit, punt 3", "Aanhef". */
  place: string;
  /** The text to select when the user jumps to it, if narrower than the element. */
  from?: number;
  to?: number;
  fix?: CheckFix;
}

/** A rule: data the secretariat could add to, each with a test of a positive and a negative case. */
export interface CheckRule {
  /** Stable id, kept in documents that ignore it: lower-case letters, digits and "-". */
  id: string;
  /** Short name for the panel and the command line: "Einde van een overweging". */
  title: string;
  /** The convention it checks, in plain Dutch. */
  description: string;
  check(doc: Node, context: CheckContext): Finding[];
}
