/**
 * The archival step of the finishing: makes Chromium's tagged PDF a PDF/A-2b file in place,
 * with pdf-lib, so that the tags, the outline, the language and the properties stay (a
 * rewrite through Ghostscript would drop the tags). It adds what Chromium leaves out: the XMP
 * metadata with the PDF/A identification and the same properties as the Info dictionary, an
 * sRGB output intent with a profile made here (srgbProfile.ts), and the file identifier. It
 * also sets the print flag on annotations (links), and refuses a file PDF/A forbids.
 *
 * Conformance level b, not a: Chromium tags the stuk's text, but draws the running header and
 * the footer ("pagina n van N") outside any marked content, neither tagged nor marked as an
 * artifact (the CONCEPT mark is an artifact, see pdfFinishing.ts). Level a asks for all content
 * to be one or the other, so b is what these files can honestly claim.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import type { PDFDocument, PDFObject } from 'pdf-lib';
import { SRGB_PROFILE_DESCRIPTION, getSrgbProfile } from './srgbProfile.ts';
import { buildXmpPacket, toXmlSafeText } from './xmpMetadata.ts';
import type { XmpFields } from './xmpMetadata.ts';

/** The PDF/A part and conformance level the archival step claims. */
export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'B';

/** A PDF that cannot become PDF/A; the message is Dutch. */
export class PdfArchiveError extends Error {
  override name = 'PdfArchiveError';
}

// Annotation flags (PDF 1.7, 12.5.3): PDF/A wants Print set and the hiding ones clear.
const ANNOTATION_PRINT = 4;
const ANNOTATION_HIDING = 1 | 2 | 32 | 256;

/**
 * Makes `document` PDF/A-2b, after its properties are set and before it is saved.
 * `source` is the PDF it was read from: the file identifier derives from it.
 */
export function makePdfA(document: PDFDocument, source: Uint8Array): void {
  refuseForbiddenContent(document);
  const fields = settleInfo(document);
  const digest = createHash('md5')
    .update(source)
    .update(JSON.stringify({ ...fields, created: +fields.created, modified: +fields.modified }))
    .digest();
  const id = toNameBasedUuid(digest);
  const packet = buildXmpPacket({ ...fields, documentId: id, instanceId: id });

  const { context, catalog } = document;
  const metadata = context.stream(new TextEncoder().encode(packet), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const profile = context.flateStream(getSrgbProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_PROFILE_DESCRIPTION),
    Info: PDFString.of(SRGB_PROFILE_DESCRIPTION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

  // A new file: both halves of the identifier are the same.
  const hex = PDFHexString.of(digest.toString('hex').toUpperCase());
  context.trailerInfo.ID = context.obj([hex, hex]);

  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annotations?.size() ?? 0); i += 1) {
      const annotation = annotations!.lookupMaybe(i, PDFDict);
      if (!annotation || annotation.get(PDFName.of('Subtype')) === PDFName.of('Popup')) continue;
      const flags = annotation.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      annotation.set(
        PDFName.of('F'),
        PDFNumber.of((flags | ANNOTATION_PRINT) & ~ANNOTATION_HIDING),
      );
    }
  }
}

// The Info dictionary's texts cleaned of what XML cannot hold, written back, so that the XMP
// says exactly what Info says; empty ones are removed from Info as from the XMP. The dates
// are rewritten to the second, in the form pdf-lib writes.
function settleInfo(document: PDFDocument): Omit<XmpFields, 'documentId' | 'instanceId'> {
  const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
  const clean = (key: string, read: () => string | undefined, write: (text: string) => void) => {
    const text = toXmlSafeText(read() ?? '').trim();
    if (text === '') info.delete(PDFName.of(key));
    else write(text);
    return text;
  };
  const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
  const modified = toSecond(document.getModificationDate() ?? new Date());
  const created = toSecond(document.getCreationDate() ?? modified);
  document.setCreationDate(created);
  document.setModificationDate(modified);
  const lang = document.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString);
  return {
    part: PDFA_PART,
    conformance: PDFA_CONFORMANCE,
    title: clean(
      'Title',
      () => document.getTitle(),
      (text) => document.setTitle(text, { showInWindowTitleBar: true }),
    ),
    author: clean(
      'Author',
      () => document.getAuthor(),
      (text) => document.setAuthor(text),
    ),
    subject: clean(
      'Subject',
      () => document.getSubject(),
      (text) => document.setSubject(text),
    ),
    keywords: clean(
      'Keywords',
      () => document.getKeywords(),
      (text) => document.setKeywords([text]),
    ),
    creatorTool: clean(
      'Creator',
      () => document.getCreator(),
      (text) => document.setCreator(text),
    ),
    producer: clean(
      'Producer',
      () => document.getProducer(),
      (text) => document.setProducer(text),
    ),
    language: lang ? toXmlSafeText(lang.decodeText()) : '',
    created,
    modified,
  };
}

// What PDF/A forbids and Chromium does not write, checked rather than trusted: encryption,
// JavaScript and launch actions, embedded files, LZW compression, fonts not embedded.
function refuseForbiddenContent(document: PDFDocument): void {
  const refuse = (what: string): never => {
    throw new PdfArchiveError(`De PDF kan geen PDF/A worden: ${what}.`);
  };
  if (document.isEncrypted) refuse('hij is versleuteld');
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (names?.has(PDFName.of('JavaScript'))) refuse('hij bevat JavaScript');
  if (names?.has(PDFName.of('EmbeddedFiles'))) refuse('hij bevat ingesloten bestanden');
  // Direct dictionaries inside an object (an action in a link, in the catalog's OpenAction)
  // count too; references are reached as the indirect objects they are.
  const check = (object: PDFObject): void => {
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) check(item);
      return;
    }
    const dict = toDict(object);
    if (!dict) return;
    const action = dict.get(PDFName.of('S'));
    if (action === PDFName.of('JavaScript') || action === PDFName.of('Launch')) {
      refuse('hij bevat JavaScript of een opdracht om een programma te starten');
    }
    const filter = dict.get(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
    if (filters.includes(PDFName.of('LZWDecode'))) refuse('hij gebruikt LZW-compressie');
    if (
      dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor') &&
      !['FontFile', 'FontFile2', 'FontFile3'].some((key) => dict.has(PDFName.of(key)))
    ) {
      refuse('een lettertype is niet ingebed');
    }
    for (const value of dict.values()) check(value);
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) check(object);
}

function toDict(object: PDFObject): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFRawStream || object instanceof PDFStream) return object.dict;
  return undefined;
}

// A UUID of version 3 (name-based, MD5) from the digest, for xmpMM's identifiers.
function toNameBasedUuid(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x30;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
