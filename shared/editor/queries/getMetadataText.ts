/**
 * The metadata as a stuk reads and prints it: the kind's label, the title trimmed (or none),
 * the assembly named, the date in Dutch, the preamble line, and indiener and version label
 * only when they hold text. `resolutie show`, the JSON export, the print and the command line
 * all read it here, so a title line or preamble cannot read differently in two of them.
 */
import type { Node } from 'prosemirror-model';
import { getAssemblyName } from '../../model/assembly.ts';
import type { DocumentKind, DocumentStatus } from '../../model/resolution.ts';
import { getKindHeading } from '../../labels.ts';
import { formatDutchDate } from '../../dates.ts';
import { formatPreamble } from '../nodes/preamble.ts';
import { getMetadata } from './getMetadata.ts';

/** The title line and the preamble, as text. */
export interface MetadataText {
  kind: DocumentKind;
  /** The title's opening words as printed: "Resolutie", "Geactualiseerde resolutie" … */
  kindLabel: string;
  status: DocumentStatus;
  /** The title without the kind and without quotes; null when there is none. */
  title: string | null;
  /** The assembly as the preamble names it ("Najaars ALV"). */
  assembly: string;
  /** The assembly's date as yyyy-mm-dd; null when not filled in. */
  date: string | null;
  /** The date in Dutch ("vrijdag 29 november 2024"); null when `date` is null. */
  dateText: string | null;
  /** The preamble line as printed: "De leden bijeen in de Najaars ALV van …:". */
  preamble: string;
  /** Who submits the stuk; null when unknown. */
  submitter: string | null;
  /** A version label such as "versie 2"; null when none. */
  versionLabel: string | null;
}

/** The metadata of a document of the resolution schema, as text. */
export function getMetadataText(doc: Node): MetadataText {
  const metadata = getMetadata(doc);
  const { kind, status, date } = metadata;
  const title = metadata.title.trim();
  // The key order is the JSON export's (`resolutie export --json` writes this record as is).
  return {
    kind,
    kindLabel: getKindHeading(kind, status),
    status,
    title: title.length > 0 ? title : null,
    assembly: getAssemblyName(metadata.assembly),
    date,
    dateText: date === null ? null : formatDutchDate(date),
    preamble: formatPreamble(metadata.assembly, date),
    submitter: textOrNull(metadata.submitter),
    versionLabel: textOrNull(metadata.versionLabel),
  };
}

/** `Geactualiseerde resolutie “Titel”`, or the kind alone when the title is empty. */
export function formatTitleLine(metadata: MetadataText): string {
  return metadata.title === null ? metadata.kindLabel : `${metadata.kindLabel} “${metadata.title}”`;
}

// Indiener and version label as typed may be blank: blank reads as "not given".
function textOrNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}
