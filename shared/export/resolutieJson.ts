/**
 * The JSON export of a resolution (`resolutie export --json`): its TypeScript types and format
 * marker. Everything in it is plain JSON (strings, numbers, null, arrays, objects; never
 * undefined), so `JSON.parse(JSON.stringify(x))` gives back an equal value. The layout is
 * described field by field in docs/FORMAT.md ("JSON export").
 */
import type { OperativeHeading, RecitalHeading } from '../model/resolution.ts';
import type { MetadataText } from '../editor/queries/getMetadataText.ts';

/** The value of `format`: tells a reader what kind of JSON it holds. */
export const RESOLUTIE_JSON_FORMAT = 'resolutie-json';

/**
 * The value of `formatVersion`. Raised when a field changes meaning or disappears; adding a
 * field keeps the version, so readers should ignore fields they do not know.
 */
export const RESOLUTIE_JSON_FORMAT_VERSION = 1;

/** A whole resolution as JSON. */
export interface ResolutieJsonExport {
  format: typeof RESOLUTIE_JSON_FORMAT;
  formatVersion: typeof RESOLUTIE_JSON_FORMAT_VERSION;
  metadata: ResolutieJsonMetadata;
  /** All recital blocks, then all operative blocks, each in document order. */
  blocks: ResolutieJsonBlock[];
  /** The Toelichting; empty when it holds no text. */
  explanation: ResolutieJsonFlow[];
  /** Every footnote, numbered in document order like its "[n]" reference. */
  footnotes: ResolutieJsonFootnote[];
}

/**
 * The title line and the preamble: the metadata as the stuk reads it (`getMetadataText`, which
 * `resolutie show` and the print read too), field for field and in its order.
 */
export type ResolutieJsonMetadata = MetadataText;

/** A recital block ("Overwegende dat:" …) with its items. */
export interface ResolutieJsonRecitalBlock {
  kind: 'recital';
  heading: RecitalHeading;
  /** The heading as printed, colon included: "Overwegende dat:". */
  headingText: string;
  items: ResolutieJsonItem[];
  /** The id references point to it by; left out when it has none. */
  id?: string;
}

/** An operative block ("Spreekt uit:" …) with its items. */
export interface ResolutieJsonOperativeBlock {
  kind: 'operative';
  heading: OperativeHeading;
  /** The heading as printed, colon included: "Spreekt uit:". */
  headingText: string;
  items: ResolutieJsonItem[];
  /** The id references point to it by; left out when it has none. */
  id?: string;
}

/** A block of a resolution, told apart by `kind`. */
export type ResolutieJsonBlock = ResolutieJsonRecitalBlock | ResolutieJsonOperativeBlock;

/** A link in a text: its text as it reads, and its target (http, https or mailto). */
export interface ResolutieJsonLink {
  text: string;
  href: string;
}

/**
 * A cross-reference in a text: the id of the item, sub-item, block or Toelichting heading it
 * points to, the label it reads as ("punt 3"), and where that label stands in `text`.
 */
export interface ResolutieJsonReference {
  type: 'reference';
  /** The `id` of the element it points to. */
  target: string;
  /** The target's label as the text reads it, or "[verwijzing vervallen]" when it is gone. */
  label: string;
  /** Present (and true) only when no element carries `target`. */
  broken?: true;
  /** Where `label` starts in `text`, counted in UTF-16 code units (JavaScript string indices). */
  start: number;
  /** Where it ends in `text`. */
  end: number;
}

/** Text with its links and references; each list is left out when there are none. */
export interface ResolutieJsonText {
  /**
   * Plain text: footnote references as "[n]", line breaks as "\n", link texts only,
   * cross-references as their label.
   */
  text: string;
  links?: ResolutieJsonLink[];
  references?: ResolutieJsonReference[];
}

/** A numbered item, with the sub-items that follow it. */
export interface ResolutieJsonItem extends ResolutieJsonText {
  /**
   * The item's number ("1"), restarting in every block; null for a sub-item that has no
   * numbered item before it in its block and therefore stands as an item of its own.
   */
  number: string | null;
  /** The label as printed: "1.", or "a." / "•" for a sub-item standing on its own. */
  label: string;
  /** The id references point to it by; left out when it has none. */
  id?: string;
  subItems: ResolutieJsonSubItem[];
}

/** A sub-item: lettered (a., b. …, restarting under every numbered item) or bulleted. */
export interface ResolutieJsonSubItem extends ResolutieJsonText {
  /** The label as printed: "a.", "b." … or "•". */
  label: string;
  marker: 'letter' | 'bullet';
  /** The id references point to it by; left out when it has none. */
  id?: string;
}

/** A heading in the Toelichting: level 1 for a section, 2 for a sub-heading. */
export interface ResolutieJsonHeading extends ResolutieJsonText {
  type: 'heading';
  level: 1 | 2;
  /** The id references point to it by; left out when it has none. */
  id?: string;
}

/** A paragraph in the Toelichting. */
export interface ResolutieJsonParagraph extends ResolutieJsonText {
  type: 'paragraph';
}

/** A list; every item is a sequence of paragraphs and nested lists. */
export interface ResolutieJsonList {
  type: 'bullet_list' | 'ordered_list';
  items: ResolutieJsonFlow[][];
}

/** A quotation: paragraphs and lists. */
export interface ResolutieJsonBlockquote {
  type: 'blockquote';
  content: ResolutieJsonFlow[];
}

/** A piece of the Toelichting, told apart by `type`. */
export type ResolutieJsonFlow =
  ResolutieJsonHeading | ResolutieJsonParagraph | ResolutieJsonList | ResolutieJsonBlockquote;

/** A footnote: its number, as referenced by "[n]", and its text. */
export interface ResolutieJsonFootnote {
  number: number;
  text: string;
}
