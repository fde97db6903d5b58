/**
 * Why a Word file is refused. Every refusal of the Word import is a `DocxImportError` whose
 * message is one Dutch line for the user (the dialog shows it, the command line prints it), and
 * whose `reason` says which check refused it, for the tests and for the caller's choices.
 */

/** Which check refused the file. */
export type DocxRefusal =
  | 'not_docx'
  | 'damaged'
  | 'too_large'
  | 'too_many_parts'
  | 'zip_bomb'
  | 'encrypted'
  | 'old_or_protected'
  | 'macros'
  | 'unsafe_xml'
  | 'malformed_xml'
  | 'no_document';

/** A Word file the import will not read, with a Dutch message of one line. */
export class DocxImportError extends Error {
  override name = 'DocxImportError';
  readonly reason: DocxRefusal;
  constructor(reason: DocxRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Sizes as people read them: "20 MB", "512 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

export const refuse = {
  notDocx: () =>
    new DocxImportError(
      'not_docx',
      'Dit is geen Word-bestand (.docx): de inhoud is geen Word-document. Kies een .docx-bestand of een tekstbestand.',
    ),
  damaged: (detail: string) =>
    new DocxImportError('damaged', `Het Word-bestand is beschadigd of onvolledig (${detail}).`),
  tooLarge: (detail: string) =>
    new DocxImportError('too_large', `Het Word-bestand is te groot om te importeren: ${detail}.`),
  tooManyParts: (count: number, max: number) =>
    new DocxImportError(
      'too_many_parts',
      `Het Word-bestand bestaat uit te veel onderdelen (${count}; hoogstens ${max}) en wordt niet geïmporteerd.`,
    ),
  zipBomb: (part: string) =>
    new DocxImportError(
      'zip_bomb',
      `Het Word-bestand wordt geweigerd: ${part} pakt groter uit dan het bestand opgeeft (een zip-bom).`,
    ),
  encrypted: () =>
    new DocxImportError(
      'encrypted',
      'Het Word-bestand is versleuteld; sla het zonder wachtwoord op als .docx en importeer het opnieuw.',
    ),
  oldOrProtected: () =>
    new DocxImportError(
      'old_or_protected',
      'Dit Word-bestand is met een wachtwoord beveiligd of in het oude formaat (.doc); sla het in Word zonder wachtwoord op als .docx en importeer het opnieuw.',
    ),
  macros: () =>
    new DocxImportError(
      'macros',
      "Het Word-bestand bevat macro's (.docm) en wordt niet geïmporteerd; sla het in Word op als gewoon document (.docx).",
    ),
  unsafeXml: (part: string) =>
    new DocxImportError(
      'unsafe_xml',
      `Het Word-bestand wordt geweigerd: ${part} bevat een DOCTYPE- of ENTITY-declaratie, die een Word-document nooit nodig heeft.`,
    ),
  malformedXml: (part: string) =>
    new DocxImportError(
      'malformed_xml',
      `Het Word-bestand is beschadigd: ${part} is geen geldige XML.`,
    ),
  noDocument: () =>
    new DocxImportError(
      'no_document',
      'Dit is geen Word-document: het bestand mist de tekst (word/document.xml).',
    ),
};
