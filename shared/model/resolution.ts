/**
 * The plain-data model of a resolution: what a text import produces and what the editor's
 * document is built from. It holds no ProseMirror or Yjs types, so the command line, the
 * paste handler and the tests share it.
 */

/** The kinds of stuk the editor drafts. */
export const DOCUMENT_KINDS = ['resolutie', 'motie', 'amendement'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where a stuk is in its life; "geactualiseerd" prints as "Geactualiseerde resolutie". */
export const DOCUMENT_STATUSES = [
  'concept',
  'geactualiseerd',
  'definitief',
  'aangenomen',
  'verworpen',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Headings of recital blocks ("Overwegende dat:" …), in the order the menus offer them. */
export const RECITAL_HEADINGS = ['overwegende', 'constaterende', 'gelet_op'] as const;
export type RecitalHeading = (typeof RECITAL_HEADINGS)[number];

/** Headings of operative blocks ("Spreekt uit:" …), in the order the menus offer them. */
export const OPERATIVE_HEADINGS = [
  'spreekt_uit',
  'roept_op',
  'verzoekt_bestuur',
  'besluit',
] as const;
export type OperativeHeading = (typeof OPERATIVE_HEADINGS)[number];

/** Inline formatting a run of text may carry. */
export type InlineMark = 'bold' | 'italic' | 'underline';

/**
 * A proposal someone made on imported content (a tracked change of a Word file): that it be
 * added or deleted, as which change, by whom (name and colour) and when (ms since the epoch).
 * The same fields as an item's proposal in the editor.
 */
export interface ProposedChange {
  type: 'insert' | 'delete';
  id: string;
  name: string;
  colour: string;
  time: number;
}

/**
 * A piece of inline content: text with marks and an optional link, or a footnote. `changes`
 * (from a Word import) holds the proposals on it: an insertion, a deletion, or an insertion
 * and a deletion made on it.
 */
export type InlineRun =
  | { type: 'text'; text: string; marks?: InlineMark[]; href?: string; changes?: ProposedChange[] }
  | { type: 'footnote'; text: string; changes?: ProposedChange[] }
  | { type: 'hard_break'; changes?: ProposedChange[] };

/**
 * A numbered item of a block. Items form a flat list: `indent` 0 is a numbered item
 * (1, 2, 3 …), `indent` 1 a sub-item of the item above it, lettered (a, b, c …) or bulleted.
 */
export interface ParsedItem {
  indent: 0 | 1;
  marker: 'letter' | 'bullet';
  content: InlineRun[];
  /** A proposal on the whole item (a paragraph added or deleted in Word), if any. */
  change?: ProposedChange;
}

export interface ParsedRecitalBlock {
  type: 'recital';
  heading: RecitalHeading;
  items: ParsedItem[];
}

export interface ParsedOperativeBlock {
  type: 'operative';
  heading: OperativeHeading;
  items: ParsedItem[];
}

export type ParsedBlock = ParsedRecitalBlock | ParsedOperativeBlock;

/** Free-structure content of the Toelichting. */
export type ParsedFlow =
  | { type: 'paragraph'; content: InlineRun[] }
  | { type: 'heading'; level: 1 | 2; content: InlineRun[] }
  | { type: 'bullet_list' | 'ordered_list'; items: ParsedFlow[][] }
  | { type: 'blockquote'; content: ParsedFlow[] };

/** A whole resolution as plain data. Fields the source did not hold are null or empty. */
export interface ParsedResolution {
  kind: DocumentKind | null;
  status: DocumentStatus | null;
  title: string | null;
  /**
   * Who submits the stuk, from a line "Ingediend door de gemeente X (mede namens …)":
   * "gemeente X (mede namens …)". Absent or null when the source names none.
   */
  submitter?: string | null;
  /** The assembly ("Najaars ALV") and its date as ISO yyyy-mm-dd, from the preamble line. */
  preamble: { assembly: string; date: string | null } | null;
  /** Recital blocks first, then operative blocks, each in source order. */
  blocks: ParsedBlock[];
  /** The Toelichting; empty when the source has none. */
  explanation: ParsedFlow[];
}
