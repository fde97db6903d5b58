/**
 * An amendment in the standard form of the ALV as plain data: what the printed stuk, the bundle
 * and the Akoma Ntoso export show of it. The procedure works it out (main/cli and main/api read
 * it from the document's procedure with shared/procedure); print and export only read it, so
 * neither needs to know the procedure, and both name the same fields.
 */

export interface AmendmentForm {
  /** "A1". */
  number: string;
  /** The gemeente that submits it ("Utrecht"), and those that co-submit it. */
  indiener: string;
  coIndieners: readonly string[];
  /** Its subject in a few words, or ''. */
  subject: string;
  /** The title of the resolution it amends (without the kind), or null when it has none. */
  resolution: string | null;
  /** The assembly ("Najaars ALV") and its date (yyyy-mm-dd) or null. */
  assembly: string;
  date: string | null;
  /** What it changes, in the standard form, one instruction each, in document order. */
  instructions: readonly string[];
  /** Said instead of the instructions when there are none to print (see the caller); or ''. */
  instructionsNote: string;
  /** Its Toelichting: plain text, paragraphs separated by an empty line. */
  motivation: string;
  /** Its status as the overview says it ("Ingediend", "Ingetrokken"). */
  status: string;
  /** A concept is marked CONCEPT, like any stuk that is not final. */
  concept: boolean;
  /** The bestuur's preadvies ("Overnemen" and its reasoning), or null. */
  advice: { label: string; reasoning: string } | null;
  /** The ALV's besluit ("Aangenomen") with the vote as it reads, or '' without one; or null. */
  decision: { label: string; vote: string } | null;
}

/** "Utrecht" as the amendment names it: without a "Gemeente " it may have been given with. */
export function gemeenteName(name: string): string {
  return name.replace(/^gemeente\s+/i, '').trim();
}
