/**
 * The archival step on PDFs made here with pdf-lib: what PDF/A forbids is refused with a
 * Dutch message, and a hostile title ends up the same in the Info dictionary and in the XMP.
 * The step on Chromium's real output is tested in main/cli/pdfArchive.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { PdfArchiveError, makePdfA } from './pdfArchive.ts';

async function makeDocument(title: string): Promise<PDFDocument> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.addPage([595, 842]);
  document.setTitle(title);
  document.setAuthor('Auteur');
  document.setCreationDate(new Date('2024-11-29T10:00:00Z'));
  document.setModificationDate(new Date('2024-11-29T10:05:00.750Z'));
  return document;
}

async function reload(document: PDFDocument): Promise<PDFDocument> {
  return PDFDocument.load(await document.save({ useObjectStreams: false }), {
    updateMetadata: false,
  });
}

function readXmp(document: PDFDocument): string {
  const stream = document.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) throw new Error('no metadata stream');
  return new TextDecoder().decode(stream.contents);
}

describe('makePdfA', () => {
  it('writes the cleaned title to Info and XMP alike, and the dates to the second', async () => {
    const document = await makeDocument('Titel <x> & "y" ]]>\u0007');
    makePdfA(document, new Uint8Array([1, 2, 3]));
    const saved = await reload(document);
    expect(saved.getTitle()).toBe('Titel <x> & "y" ]]>');
    const xmp = readXmp(saved);
    expect(xmp).toContain('Titel &lt;x&gt; &amp; &quot;y&quot; ]]&gt;</rdf:li>');
    expect(xmp).toContain('<xmp:ModifyDate>2024-11-29T10:05:00Z</xmp:ModifyDate>');
    expect(saved.getModificationDate()?.toISOString()).toBe('2024-11-29T10:05:00.000Z');
    expect(saved.catalog.get(PDFName.of('OutputIntents'))).toBeDefined();
  });

  it('leaves an empty property out of both', async () => {
    const document = await makeDocument('Titel');
    document.setSubject('   ');
    makePdfA(document, new Uint8Array([1]));
    const saved = await reload(document);
    expect(saved.getSubject()).toBeUndefined();
    expect(readXmp(saved)).not.toContain('dc:description');
  });

  it('derives the file identifier from the printed file', async () => {
    const identify = async (source: number[]) => {
      const document = await makeDocument('Titel');
      makePdfA(document, new Uint8Array(source));
      return String(document.context.trailerInfo.ID);
    };
    expect(await identify([1, 2])).toBe(await identify([1, 2]));
    expect(await identify([1, 2])).not.toBe(await identify([2, 1]));
  });

  it('refuses JavaScript, embedded files, LZW and fonts that are not embedded', async () => {
    const cases: [string, (document: PDFDocument) => void][] = [
      [
        'JavaScript',
        (document) =>
          document.catalog.set(
            PDFName.of('OpenAction'),
            document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
          ),
      ],
      [
        'ingesloten bestanden',
        (document) =>
          document.catalog.set(
            PDFName.of('Names'),
            document.context.obj({ EmbeddedFiles: document.context.obj({ Names: [] }) }),
          ),
      ],
      [
        'LZW',
        (document) => {
          document.context.register(
            document.context.stream(new Uint8Array([0]), { Filter: 'LZWDecode' }),
          );
        },
      ],
      [
        'niet ingebed',
        (document) => {
          document.context.register(
            document.context.obj({ Type: 'FontDescriptor', FontName: 'Helvetica' }),
          );
        },
      ],
    ];
    for (const [message, spoil] of cases) {
      const document = await makeDocument('Titel');
      spoil(document);
      expect(() => makePdfA(document, new Uint8Array([1])), message).toThrow(PdfArchiveError);
      expect(() => makePdfA(document, new Uint8Array([1]))).toThrow(message);
      expect(document.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    }
    // The catalog of a clean file is left with what it had, plus the PDF/A parts.
    const clean = await makeDocument('Titel');
    makePdfA(clean, new Uint8Array([1]));
    expect(clean.catalog.lookup(PDFName.of('Metadata'))).toBeInstanceOf(PDFRawStream);
    expect(clean.catalog.lookup(PDFName.of('Pages'))).toBeInstanceOf(PDFDict);
  });
});
