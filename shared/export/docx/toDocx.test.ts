/**
 * The Word export's own structure, read from the package's parts: one list instance per block
 * (so Word restarts the numbers), the styles and properties, and tracked changes only when
 * asked. What Word or LibreOffice make of the file is checked against LibreOffice in
 * main/cli/docxExport.test.ts; these checks say why, when that one fails.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PAGE_MARGINS_MM as PRINT_MARGINS, FONT_STACK } from '../../print/pageLayout.ts';
import { buildDoc, findText } from '../../editor/testing/buildDoc.ts';
import { anchoredText } from '../../comments/commentAnchors.ts';
import { docFromModel } from '../../editor/fromModel.ts';
import { PAGE_MARGINS_MM, TEXT_FONT } from './docxLayout.ts';
import { PROPOSALS, proposalDoc } from './testing/docxTestDocs.ts';
import { toDocx } from './toDocx.ts';
import type { DocxOptions } from './toDocx.ts';
import type { Node } from 'prosemirror-model';
import { BROKEN_REFERENCE_TEXT } from '../../editor/queries/getReferences.ts';
import { REFERENCE_IDS, REFERENCE_LABELS, referenceDoc } from '../testing/referenceDoc.ts';

async function parts(doc: Node, options: DocxOptions = {}): Promise<Record<string, string>> {
  const files = unzipSync(await toDocx(doc, options));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

// The w:numId of each numbered paragraph of document.xml, in order.
function numIds(xml: string): string[] {
  return [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]!);
}

describe('toDocx', () => {
  it('has the print’s page, margins and font', () => {
    expect(PAGE_MARGINS_MM).toEqual(PRINT_MARGINS);
    expect(FONT_STACK.startsWith(`'${TEXT_FONT}'`)).toBe(true);
  });

  it('gives every block a list instance of its own, sub-items on the second level', async () => {
    const doc = buildDoc({
      recitals: [['een', 'twee', { text: 'sub', indent: 1 }]],
      operatives: [['drie', 'vier'], ['vijf']],
    });
    const { 'word/document.xml': xml = '' } = await parts(doc);
    const ids = numIds(xml);
    expect(ids).toHaveLength(6);
    // One list per block: the first three items share one, then two, then one.
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(new Set(ids.slice(3, 5)).size).toBe(1);
    expect(new Set([ids[0], ids[3], ids[5]]).size).toBe(3);
    expect([...xml.matchAll(/<w:ilvl w:val="(\d)"\/>/g)].map((match) => match[1])).toEqual([
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(xml.match(/<w:pStyle w:val="Blokkop"\/>/g)).toHaveLength(3);
  });

  it('writes proposals as accepted text by default', async () => {
    const files = await parts(proposalDoc());
    const xml = files['word/document.xml'] ?? '';
    expect(files['word/settings.xml']).not.toContain('trackRevisions');
    expect(xml).not.toMatch(/<w:(ins|del) /);
    expect(xml).toContain(PROPOSALS.inserted.text);
    expect(xml).not.toContain(PROPOSALS.deleted.text);
    expect(xml).not.toContain(PROPOSALS.block.text);
  });

  it('writes proposals as tracked changes with author and date when shown', async () => {
    const files = await parts(proposalDoc(), { changes: 'shown' });
    const xml = files['word/document.xml'] ?? '';
    // Word goes on tracking, so a reviewer's own edits are changes too (LibreOffice's
    // conversion does not report the setting, so it is read here).
    expect(files['word/settings.xml']).toContain('<w:trackRevisions/>');
    const { inserted, deleted, item, block } = PROPOSALS;
    const iso = (time: number) => new Date(time).toISOString().replace(/\.\d+Z$/, '');
    expect(xml).toMatch(
      new RegExp(`<w:ins [^>]*w:author="${inserted.author}"[^>]*w:date="${iso(inserted.time)}`),
    );
    expect(xml).toMatch(new RegExp(`<w:del [^>]*w:author="${deleted.author}"`));
    expect(xml).toContain(`<w:delText xml:space="preserve">${deleted.text}</w:delText>`);
    // Whole item and block: their paragraph marks too (w:ins/w:del inside the mark's w:rPr).
    expect(xml).toMatch(new RegExp(`<w:rPr><w:ins [^>]*w:author="${item.author}"`));
    expect(
      xml.match(new RegExp(`<w:rPr><w:del [^>]*w:author="${block.author}"`, 'g')),
    ).toHaveLength(3);
  });

  it('anchors comments on their text, and a thread whose text is gone at the title', async () => {
    const comment = (author: string, text: string) => ({ author, time: 0, text, deleted: false });
    const files = await parts(proposalDoc(), {
      comments: [
        {
          text: 'Gemeenten betalen',
          textGone: false,
          resolved: false,
          comments: [comment('Jurist', 'Welke?'), comment('Auteur', 'Alle.')],
        },
        {
          text: 'een tekst die weg is',
          textGone: true,
          resolved: true,
          comments: [comment('Bewerker', 'Weg.')],
        },
      ],
    });
    const xml = files['word/document.xml'] ?? '';
    // The thread and its reply around their text; the gone one as a point in the title.
    expect(xml).toMatch(
      /<w:commentRangeStart w:id="0"\/><w:commentRangeStart w:id="1"\/><w:r><w:t xml:space="preserve">Gemeenten betalen<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/>/,
    );
    expect(xml).toContain(
      'Resolutie “</w:t></w:r><w:commentRangeStart w:id="2"/><w:commentRangeEnd w:id="2"/>',
    );
    const comments = files['word/comments.xml'] ?? '';
    expect(comments).toContain('Bij “een tekst die weg is” (tekst verwijderd):');
    expect(files['word/commentsExtended.xml']).toMatch(/w15:done="1"/);
  });

  it('leaves out what XML cannot hold, so Word does not call the file damaged', async () => {
    const bad = 'A\u0001B\u0008C\uFFFE\uD800D\u{1F600}E';
    const doc = buildDoc({ title: bad, recitals: [[bad]], explanation: [bad] });
    const files = await parts(doc, {
      comments: [
        {
          text: 'ABCD',
          textGone: false,
          resolved: false,
          comments: [{ author: bad, time: 0, text: bad, deleted: false }],
        },
      ],
    });
    for (const [name, xml] of Object.entries(files)) {
      expect(xml, name).not.toMatch(
        /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u,
      );
    }
    expect(files['word/document.xml']).toContain('ABCD\u{1F600}E');
    expect(files['word/comments.xml']).toContain('ABCD\u{1F600}E');
  });

  it('names a letter without title by its first heading, as the print does', async () => {
    const letter = docFromModel({
      kind: 'resolutie',
      status: 'concept',
      title: null,
      preamble: null,
      blocks: [],
      explanation: [
        { type: 'heading', level: 1, content: [{ type: 'text', text: 'Nieuwsbrief  juni' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Beste leden,' }] },
      ],
    });
    const files = await parts(letter);
    expect(files['docProps/core.xml']).toContain('<dc:title>Nieuwsbrief juni</dc:title>');
    expect(files['word/document.xml']).toMatch(
      /<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Nieuwsbrief juni<\/w:t>/,
    );
    // A letter is the whole text: no "Toelichting" heading above it.
    expect(files['word/document.xml']).not.toContain('Toelichtingkop');
  });

  it('puts the metadata in the document properties', async () => {
    const files = await parts(proposalDoc());
    const core = files['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:title>Resolutie “Jeugdzorg”</dc:title>');
    expect(core).toContain('<dc:creator>Resolutie-editor</dc:creator>');
    expect(files['docProps/custom.xml']).toContain('name="Status"');
  });
});

describe('toDocx with cross-references', () => {
  // The paragraph of document.xml that holds `text`.
  function paragraphWith(xml: string, text: string): string {
    const found = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
      .map((match) => match[0])
      .find((paragraph) => paragraph.includes(text));
    if (!found) throw new Error(`no paragraph with ${text}`);
    return found;
  }

  it('bookmarks each target and links each reference to it by its label', async () => {
    const { 'word/document.xml': xml = '' } = await parts(referenceDoc());
    const targets: [string, string][] = [
      [REFERENCE_IDS.item, 'dat er gebouwd wordt;'],
      [REFERENCE_IDS.subItem, 'voor grond;'],
      [REFERENCE_IDS.block, 'Spreekt uit:'],
      [REFERENCE_IDS.heading, '>Woningbouw in cijfers<'],
      [REFERENCE_IDS.recital, 'de woningnood groot is;'],
    ];
    for (const [id, text] of targets) {
      const name = `_Ref_${id.replace(/-/g, '_')}`;
      const paragraph = paragraphWith(xml, text);
      const start = new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/>`).exec(paragraph);
      expect(start, name).not.toBeNull();
      expect(paragraph).toContain(`<w:bookmarkEnd w:id="${start![1]}"/>`);
      // One bookmark per name in the whole document.
      expect(xml.split(`w:name="${name}"`)).toHaveLength(2);
    }
    const links = [
      ...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g),
    ].map((match) => [
      match[1],
      [...match[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
        .map((t) => t[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
        .join(''),
    ]);
    expect(links).toEqual([
      ['_Ref_punt_bouwen', REFERENCE_LABELS.item],
      ['_Ref_onderdeel_grond', REFERENCE_LABELS.subItem],
      ['_Ref_blok_spreekt_uit', REFERENCE_LABELS.block],
      ['_Ref_kop_cijfers', REFERENCE_LABELS.heading],
      ['_Ref_punt_bouwen', REFERENCE_LABELS.item],
    ]);
    // The broken one is its text alone, and no link has a web target.
    expect(paragraphWith(xml, 'aandacht krijgen.')).toContain(BROKEN_REFERENCE_TEXT);
    expect(xml).not.toContain(REFERENCE_IDS.missing.replace(/-/g, '_'));
    expect(xml).not.toMatch(/<w:hyperlink r:id=/);
  });

  it('places a comment on text holding a reference around that text, the link inside', async () => {
    const doc = referenceDoc();
    // The comment report quotes the text as a reader sees it (`anchoredText`).
    const from = findText(doc, 'Zoals', true);
    const quote = anchoredText(doc, from, findText(doc, ' vraagt', true));
    expect(quote).toBe(`Zoals ${REFERENCE_LABELS.item}`);
    const { 'word/document.xml': xml = '' } = await parts(doc, {
      comments: [
        {
          text: quote,
          textGone: false,
          resolved: false,
          comments: [{ author: 'Jurist', time: 0, text: 'Klopt dit?', deleted: false }],
        },
      ],
    });
    expect(paragraphWith(xml, 'Zoals')).toMatch(
      /<w:commentRangeStart w:id="0"\/><w:r><w:t xml:space="preserve">Zoals <\/w:t><\/w:r><w:hyperlink [^>]*w:anchor="_Ref_punt_bouwen"[^>]*>[\s\S]*?<\/w:hyperlink><w:commentRangeEnd w:id="0"\/>/,
    );
  });

  it('keeps the bookmark on the target and the new label after a renumbering', async () => {
    const { 'word/document.xml': xml = '' } = await parts(referenceDoc(['eerst dit;']));
    expect(paragraphWith(xml, 'dat er gebouwd wordt;')).toContain('w:name="_Ref_punt_bouwen"');
    expect(paragraphWith(xml, 'Zoals')).toMatch(
      /<w:hyperlink [^>]*w:anchor="_Ref_punt_bouwen"[^>]*>[\s\S]*>punt 2<\/w:t>/,
    );
  });
});
