// The hostile corpus: every file the Word import must refuse, each with its Dutch message, and
// the sloppy ones it must read without stumbling.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DocxImportError, importDocx } from './importDocx.ts';
import { looksLikeWordFile } from './wordFileSigns.ts';
import type { DocxRefusal } from './docxErrors.ts';
import { MAX_PART_BYTES, MAX_ZIP_PARTS } from './zipArchive.ts';
import {
  change,
  makeDocx,
  numberingXml,
  p,
  r,
  withDeclaredSize,
  withEncryptionFlag,
} from './testing/docxFiles.ts';

function refusal(bytes: Uint8Array): DocxImportError {
  try {
    importDocx(bytes);
  } catch (error) {
    if (error instanceof DocxImportError) return error;
    throw error;
  }
  throw new Error('The file was imported.');
}

function expectRefused(bytes: Uint8Array, reason: DocxRefusal, message: RegExp): DocxImportError {
  const error = refusal(bytes);
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
  // One line, for the command line and the dialog alike.
  expect(error.message).not.toContain('\n');
  return error;
}

const simple = () => makeDocx(p(r('Spreekt uit:')) + p(r('Dat het werkt.')));

describe('refusing what is not a Word document', () => {
  it('refuses a text file renamed to .docx', () => {
    expectRefused(
      strToU8('Spreekt uit:\n1. Dat dit tekst is.\n'),
      'not_docx',
      /^Dit is geen Word-bestand \(\.docx\)/,
    );
  });

  it('refuses an empty file and a few bytes', () => {
    expectRefused(new Uint8Array(0), 'not_docx', /geen Word-bestand/);
    expectRefused(strToU8('PK'), 'not_docx', /geen Word-bestand/);
  });

  it('refuses a zip that is no Word package', () => {
    const zip = zipSync({ 'foto.txt': strToU8('geen document') });
    expectRefused(zip, 'not_docx', /geen Word-bestand/);
  });

  it('refuses a truncated zip', () => {
    const whole = simple();
    expectRefused(
      whole.subarray(0, Math.floor(whole.length / 2)),
      'damaged',
      /beschadigd of onvolledig/,
    );
    // Cut inside the central directory: the end record is there, the directory it points at is not.
    expectRefused(whole.subarray(0, whole.length - 40), 'damaged', /beschadigd of onvolledig/);
  });

  it('refuses a package without word/document.xml', () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    });
    expectRefused(zip, 'no_document', /mist de tekst \(word\/document\.xml\)/);
  });

  it('refuses an OLE compound file: a password-protected .docx, or an old .doc', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectRefused(ole, 'old_or_protected', /wachtwoord beveiligd of in het oude formaat \(\.doc\)/);
  });

  it('refuses a zip whose parts are encrypted', () => {
    expectRefused(withEncryptionFlag(simple(), 'word/document.xml'), 'encrypted', /versleuteld/);
  });
});

describe('refusing zip bombs and huge parts', () => {
  it('stops inflating a part that expands beyond its declared size', () => {
    // 8 MB of one letter compresses to some 8 kB; the directory says 1,000 bytes.
    const body = p(r('a'.repeat(8_000_000)));
    const bomb = withDeclaredSize(makeDocx(body), 'word/document.xml', 1000);
    expect(bomb.length).toBeLessThan(100_000);
    expectRefused(bomb, 'zip_bomb', /word\/document\.xml pakt groter uit dan het bestand opgeeft/);
  });

  it('stops a deflate stream of 60 MB that claims to be small, well before inflating it all', () => {
    // A package whose document.xml is 60 MB of zero bytes, and whose directory then lies.
    const bomb = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': [new Uint8Array(60_000_000), { level: 9 }],
    });
    expect(bomb.length).toBeLessThan(200_000);
    expectRefused(withDeclaredSize(bomb, 'word/document.xml', 2048), 'zip_bomb', /zip-bom/);
    // Declaring the most a part may have does not help: inflation stops at the limit.
    expectRefused(
      withDeclaredSize(bomb, 'word/document.xml', MAX_PART_BYTES),
      'zip_bomb',
      /zip-bom/,
    );
  });

  it('refuses an honest part over the limit before inflating it', () => {
    const zip = makeDocx(p(r('a'.repeat(MAX_PART_BYTES + 1000))));
    expectRefused(
      zip,
      'too_large',
      /te groot om te importeren: word\/document\.xml is 20 MB, hoogstens 20 MB/,
    );
  });

  it('refuses parts that are together over the limit', () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i < 3; i++) parts[`word/media/deel${i}.xml`] = 'b'.repeat(19_000_000);
    expectRefused(makeDocx(p(r('Tekst')), parts), 'too_large', /samen meer dan 50 MB/);
  });

  it('refuses a zip of too many parts', () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i < MAX_ZIP_PARTS; i++) parts[`word/deel${i}.xml`] = '<a/>';
    expectRefused(
      makeDocx(p(r('Tekst')), parts),
      'too_many_parts',
      /te veel onderdelen \(1002; hoogstens 1000\)/,
    );
  });
});

describe('telling Word files from text', () => {
  it('knows a zip and an OLE file by their signatures, not a text that starts with PK', () => {
    expect(looksLikeWordFile(simple())).toBe(true);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect(looksLikeWordFile(ole)).toBe(true);
    expect(looksLikeWordFile(strToU8('PKV-motie over de lokale lasten'))).toBe(false);
    expect(looksLikeWordFile(strToU8('Spreekt uit:'))).toBe(false);
  });
});

describe('refusing macros and unsafe XML', () => {
  it('refuses a .docm by its content type', () => {
    expectRefused(
      makeDocx(p(r('Tekst')), {}, { macro: true }),
      'macros',
      /bevat macro's \(\.docm\)/,
    );
  });

  it('refuses a VBA project in any part', () => {
    const zip = makeDocx(p(r('Tekst')), { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) });
    expectRefused(zip, 'macros', /bevat macro's/);
  });

  it('refuses the billion laughs before parsing', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;
    const zip = makeDocx('', { 'word/document.xml': laughs });
    expectRefused(zip, 'unsafe_xml', /word\/document\.xml bevat een DOCTYPE- of ENTITY-declaratie/);
  });

  it('refuses an external entity, and never shows what it points at', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    const error = expectRefused(
      makeDocx('', { 'word/document.xml': external }),
      'unsafe_xml',
      /DOCTYPE/,
    );
    expect(error.message).not.toMatch(/root:|passwd/);
  });

  it('refuses a DOCTYPE in a part beside the text', () => {
    const styles = `<!DOCTYPE x SYSTEM "http://voorbeeld.invalid/x.dtd"><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`;
    expectRefused(
      makeDocx(p(r('Tekst')), { 'word/styles.xml': styles }),
      'unsafe_xml',
      /word\/styles\.xml/,
    );
  });

  it('refuses an entity reference that nothing declares, as malformed', () => {
    const undeclared = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    expectRefused(
      makeDocx('', { 'word/document.xml': undeclared }),
      'malformed_xml',
      /word\/document\.xml is geen geldige XML/,
    );
  });

  it('refuses malformed XML', () => {
    const broken = makeDocx('', { 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p>' });
    expectRefused(broken, 'malformed_xml', /geen geldige XML/);
    const notUtf8 = makeDocx('', {
      'word/document.xml': new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]),
    });
    expectRefused(notUtf8, 'malformed_xml', /geen geldige XML/);
  });
});

describe('reading sloppy files without stumbling', () => {
  it('reads paragraphs whose numbering names a list that does not exist as unnumbered', () => {
    const body =
      p(r('Spreekt uit:')) +
      p(r('Eerste punt.'), { numId: 7 }) +
      p(r('Tweede punt.'), { numId: 1, ilvl: 0 });
    const imported = importDocx(
      makeDocx(body, { 'word/numbering.xml': numberingXml(['decimal'], [1]) }),
    );
    const items = imported.model.blocks[0]!.items;
    expect(
      items.map((item) =>
        item.content.map((run) => (run.type === 'text' ? run.text : '')).join(''),
      ),
    ).toEqual(['Eerste punt.', 'Tweede punt.']);
  });

  it('reads an absurd list level as the deepest, a negative one as the first', () => {
    const body =
      p(r('Spreekt uit:')) +
      p(r('Punt.'), { numId: 1, ilvl: 0 }) +
      p(r('Diep.'), { numId: 1, ilvl: 99_999_999_999 }) +
      p(r('Negatief.'), { numId: 1, ilvl: -4 });
    const imported = importDocx(
      makeDocx(body, { 'word/numbering.xml': numberingXml(['decimal', 'lowerLetter'], [1]) }),
    );
    expect(imported.model.blocks[0]!.items.map((item) => item.indent)).toEqual([0, 1, 0]);
  });

  it("keeps an author name within the editor's limit and without hidden characters", () => {
    const body =
      p(r('Spreekt uit:')) +
      p(change('ins', 1, `\u202e${'x'.repeat(200)}`, null, r('Nieuw.')), { numId: 1 });
    const imported = importDocx(
      makeDocx(body, { 'word/numbering.xml': numberingXml(['decimal'], [1]) }),
      1000,
    );
    const run = imported.model.blocks[0]!.items[0]!.content[0]!;
    expect(run.type === 'text' && run.changes?.[0]?.name).toBe('x'.repeat(60));
    expect(run.type === 'text' && run.changes?.[0]?.time).toBe(1000);
  });
});
