/**
 * What the print template needs from the document's metadata: the title line (for `<title>`,
 * the footer and the PDF's title), the PDF's document properties, the small line under the
 * title, and whether the stuk is still a concept (watermark).
 */
import type { DocumentStatus } from '../model/resolution.ts';
import { KIND_LABELS } from '../labels.ts';
import type { Node } from 'prosemirror-model';
import type { MetadataText } from '../editor/queries/getMetadataText.ts';
import { getStukName, hasClauseBlocks, isPreambleEmpty } from './stukShape.ts';

/** The PDF's document properties. */
export interface PrintMetadata {
  /**
   * The title line: `Geactualiseerde resolutie “Titel”`, or the kind alone without a title; a
   * stuk without blocks its own name (`getStukName`).
   */
  title: string;
  /** The indiener, or "bestuur" when none is filled in ('' for a stuk without blocks). */
  author: string;
  /** The preamble line: "De leden bijeen in de …:"; the title when the preamble is empty. */
  subject: string;
  language: 'nl-NL';
  /** The kind ("Resolutie"), the assembly and, when known, the ISO date. */
  keywords: string[];
}

/** The author when the document names no indiener: resoluties come from the bestuur. */
export const DEFAULT_AUTHOR = 'bestuur';

/** Statuses that print the CONCEPT watermark: the stuk is not final yet. */
export const WATERMARK_STATUSES: readonly DocumentStatus[] = ['concept', 'geactualiseerd'];

/**
 * The document properties for the PDF, from the same metadata the exports print. A stuk
 * without blocks (a letter) is named as `getStukName` names it, has no kind among its
 * keywords, is not by the bestuur unless it says so, and has no placeholder preamble as its
 * subject.
 */
export function getPrintMetadata(
  doc: Node,
  metadata: MetadataText,
  fallbackName?: string,
): PrintMetadata {
  const ofKind = hasClauseBlocks(doc);
  const title = getStukName(doc, metadata, fallbackName);
  const preambleEmpty = isPreambleEmpty(metadata);
  return {
    title,
    author: metadata.submitter ?? (ofKind ? DEFAULT_AUTHOR : ''),
    subject: preambleEmpty ? title : metadata.preamble,
    language: 'nl-NL',
    // The kind alone ("Resolutie", not "Geactualiseerde resolutie"): keywords classify the
    // stuk, its status is not a subject.
    keywords: [
      ...(ofKind ? [KIND_LABELS[metadata.kind]] : []),
      ...(preambleEmpty ? [] : [metadata.assembly]),
      ...(metadata.date ? [metadata.date] : []),
    ],
  };
}

/** True when a stuk with this status prints the CONCEPT watermark. */
export function hasWatermark(status: DocumentStatus): boolean {
  return WATERMARK_STATUSES.includes(status);
}

/**
 * The small line under the title: "Indiener: bestuur · Concept 12 november", with only the
 * parts that are filled in; null when neither is.
 */
export function formatMetaLine(metadata: MetadataText): string | null {
  const parts: string[] = [];
  if (metadata.submitter !== null) parts.push(`Indiener: ${metadata.submitter}`);
  if (metadata.versionLabel !== null) parts.push(metadata.versionLabel);
  return parts.length > 0 ? parts.join(' · ') : null;
}
