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
  /**
   * The same instructions in their parts, where known (see InstructionPart): per instruction,
   * parts whose texts joined read exactly as that instruction. Left out for instructions that
   * are only known as text (those recorded with a decision).
   */
  instructionParts?: readonly (readonly InstructionPart[])[];
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

/**
 * Where in the resolution an instruction's place is: its section (the document's child: 0 the
 * title, the last the Toelichting), the block in that section and the item in that block,
 * counted in the resolution as it reads without any pending proposal; null where the place is
 * the section or the block itself.
 */
export interface ElementPath {
  section: number;
  block: number | null;
  item: number | null;
}

/**
 * A part of an instruction: plain words ('text'), the place it names ('place': "punt 3 onder
 * ‘Spreekt uit’"), or quoted words with their quotes: the resolution's words it changes
 * ('old'), the words it proposes ('new'), or the words before the place of an insertion
 * ('context').
 */
export interface InstructionPart {
  kind: 'text' | 'place' | 'old' | 'new' | 'context';
  text: string;
  /** For a place of the resolution: the element it names, when it has one of its own. */
  target?: ElementPath;
  /** For a place: that element's eId in the resolution's Akoma Ntoso export, where known. */
  eId?: string;
}

/** "Utrecht" as the amendment names it: without a "Gemeente " it may have been given with. */
export function gemeenteName(name: string): string {
  return name.replace(/^gemeente\s+/i, '').trim();
}
