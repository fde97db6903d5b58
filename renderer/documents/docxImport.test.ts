// Importeren in the window with a Word file: the same import as the command line, the file's
// name in front of every refusal, and a Word file under a text file's name read as Word.
import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from './textImport.ts';
import {
  change,
  makeDocx,
  numberingXml,
  p,
  r,
} from '../../shared/import/docx/testing/docxFiles.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';

const body =
  p(r('Spreekt uit:')) +
  p(
    r('Dat het ') +
      change('ins', 1, 'Bewerker', '2024-11-20T10:00:00Z', r('Rijk ')) +
      r('betaalt.'),
    {
      numId: 1,
    },
  );
const word = () => makeDocx(body, { 'word/numbering.xml': numberingXml(['decimal'], [1]) });

// A File of `bytes` (copied: fflate's arrays may sit on any buffer, a File takes an ArrayBuffer's).
const wordFile = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name);

async function refusal(file: File): Promise<string> {
  const error = await importFile(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

describe('importFile with Word files', () => {
  it('reads a .docx with its proposal, named after the file', async () => {
    const imported = await importFile(wordFile(word(), 'motie.docx'));
    expect(imported.name).toBe('motie');
    expect(imported.counts).toBe(
      '0 overwegingen, 1 punt, Toelichting met 0 koppen, 1 voorstel, 0 opmerkingen',
    );
    expect(getTrackedChanges(imported.doc).map((c) => [c.name, c.inserted])).toEqual([
      ['Bewerker', 'Rijk '],
    ]);
  });

  it("reads a Word file under a text file's name as Word", async () => {
    const imported = await importFile(wordFile(word(), 'motie.txt'));
    expect(imported.counts).toMatch(/1 voorstel/);
  });

  it("names the file in front of the import's Dutch sentence", async () => {
    expect(await refusal(new File(['gewone tekst'], 'brief.docx'))).toBe(
      'brief.docx: Dit is geen Word-bestand (.docx): de inhoud is geen Word-document. Kies een .docx-bestand of een tekstbestand.',
    );
    expect(await refusal(wordFile(makeDocx(p(r('x')), {}, { macro: true }), 'macro.docm'))).toMatch(
      /^macro\.docm: Het Word-bestand bevat macro's/,
    );
  });

  it("advises saving other word processors' files as .docx or text", async () => {
    expect(await refusal(new File(['{\\rtf1}'], 'motie.rtf'))).toMatch(/^motie\.rtf: .*\.docx/);
  });

  it('still reads text as text', async () => {
    const imported = await importFile(new File(['Spreekt uit:\n1. Dat het werkt.\n'], 'motie.txt'));
    expect(imported.counts).toBe('0 overwegingen, 1 punt, Toelichting met 0 koppen');
    expect(imported.comments).toEqual([]);
  });
});
