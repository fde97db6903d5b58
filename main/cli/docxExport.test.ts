/**
 * `resolutie export --docx` read back by LibreOffice, the independent reader: the seeds and
 * generated stukken converted to text must read as the app shows them, numbers included (each
 * block's list restarting at 1, sub-items lettered); converted to flat ODF, the proposals must
 * be tracked changes with the author, kind, date and text the app shows, comments annotations,
 * footnotes notes, headings and block headings their styles, the metadata the document's
 * properties and the page A4. LibreOffice runs three times in all, each over many files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Node } from 'prosemirror-model';
import type * as Y from 'yjs';
import { initProseMirrorDoc } from 'y-prosemirror';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { schema } from '../../shared/editor/schema.ts';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { recordVersion } from '../../shared/ydoc/versions.ts';
import { createAnchor } from '../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';
import { addReply, addThread, setThreadResolved } from '../../shared/comments/commentStore.ts';
import { getAcceptedDoc } from '../../shared/editor/suggestions/acceptedDoc.ts';
import {
  getBlockChange,
  getTrackedChanges,
  withoutStrayDeletions,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { OPERATIVE_HEADING_LABELS, RECITAL_HEADING_LABELS } from '../../shared/labels.ts';
import type { OperativeHeading, RecitalHeading } from '../../shared/model/resolution.ts';
import { getFootnoteNumbers } from '../../shared/editor/queries/getFootnoteNumbers.ts';
import { getMetadataText, formatTitleLine } from '../../shared/editor/queries/getMetadataText.ts';
import { readClauseBlocks } from '../../shared/export/readClauseBlocks.ts';
import { generatedDocs, seedDocs } from '../../shared/export/akn/testing/aknTestDocs.ts';
import { PROPOSALS, proposalDoc } from '../../shared/export/docx/testing/docxTestDocs.ts';
import { toDocx } from '../../shared/export/docx/toDocx.ts';
import { BROKEN_REFERENCE_TEXT } from '../../shared/editor/queries/getReferences.ts';
import { REFERENCE_LABELS, referenceDoc } from '../../shared/export/testing/referenceDoc.ts';
import { convertManyWithLibreOffice } from '../services/testing/libreOffice.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 240_000 });

const writer = { app: 'Resolutie-editor', version: 'test' };
const VOORSTELLER = { name: 'Voorsteller', colour: '#d62728' };
const REDACTEUR = { name: 'Redacteur', colour: '#1f77b4' };
const COMMENT_TIME = Date.UTC(2024, 10, 25, 9, 0);
/** The text of the version recorded in the proposals stuk. */
const VERSION_DOC = buildDoc({
  title: 'Jeugdzorg',
  recitals: [['Eerder: de kosten stijgen;']],
  operatives: [['Eerder: het Rijk betaalt;', 'Eerder: snel.']],
});

let dir: string;
/** Every stuk exported, by the name of its .docx (without extension). */
const stukken = new Map<string, Node>();
/** LibreOffice's text of each .docx, by name. */
const texts = new Map<string, string>();
/** LibreOffice's flat ODF of some, by name. */
const flat = new Map<string, string>();

/** The proposals stuk with two threads of comments: one open with a reply, one resolved. */
function commentedProposals(): Y.Doc {
  const ydoc = createYDoc(proposalDoc());
  const fragment = getDocumentFragment(ydoc);
  const anchorOn = (text: string) => {
    const { doc, mapping } = initProseMirrorDoc(fragment, schema);
    const to = findText(doc, text);
    return createAnchor(doc, fragment, mapping as YMapping, to - text.length, to, null);
  };
  const open = addThread(
    ydoc,
    VOORSTELLER,
    'Welke gemeenten bedoelen we?',
    anchorOn('Gemeenten betalen'),
    COMMENT_TIME,
  );
  addReply(ydoc, open, REDACTEUR, 'Alle gemeenten.', COMMENT_TIME + 60_000);
  const resolved = addThread(
    ydoc,
    REDACTEUR,
    'Is dit snel genoeg?',
    anchorOn('snel'),
    COMMENT_TIME,
  );
  setThreadResolved(ydoc, resolved, true, REDACTEUR.name, COMMENT_TIME + 120_000);
  recordVersion(ydoc, {
    id: 'versie-1',
    name: 'Eerste versie',
    author: REDACTEUR.name,
    createdAt: new Date(COMMENT_TIME).toISOString(),
    doc: VERSION_DOC,
  });
  return ydoc;
}

const resolutie = (...args: string[]) => runResolutie(dir, ...args);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-docx-'));
  const seeds = seedDocs();
  const seed001 = seeds.find((seed) => seed.name.startsWith('001'));
  if (!seed001) throw new Error('seed 001 ontbreekt');
  writeFileSync(
    path.join(dir, 'seed001.resolutie'),
    writeDocumentFile(createYDoc(seed001.doc), writer),
  );
  writeFileSync(
    path.join(dir, 'voorstellen.resolutie'),
    writeDocumentFile(commentedProposals(), writer),
  );
  // As a user runs it: the command line, on real files.
  for (const args of [
    ['seed001.resolutie', '--docx', 'seed001.docx'],
    ['voorstellen.resolutie', '--docx', 'verborgen.docx'],
    ['voorstellen.resolutie', '--docx', 'getoond.docx', '--changes', 'shown', '--comments'],
    ['voorstellen.resolutie', '--docx', 'versie.docx', '--version', 'Eerste versie'],
  ]) {
    const run = resolutie('export', ...args);
    if (run.code !== 0) throw new Error(`export ${args.join(' ')}: ${run.err}`);
  }
  stukken.set('seed001', seed001.doc);
  stukken.set('verborgen', proposalDoc());
  stukken.set('versie', VERSION_DOC);
  // A stuk with cross-references, each a hyperlink to a bookmark on its target.
  writeFileSync(path.join(dir, 'verwijzingen.docx'), await toDocx(referenceDoc()));
  stukken.set('verwijzingen', referenceDoc());
  // The other seeds and the generated stukken through the export function itself.
  for (const [index, stuk] of [...seeds, ...generatedDocs()].entries()) {
    if (stuk === seed001) continue;
    const name = `stuk${index}`;
    writeFileSync(path.join(dir, `${name}.docx`), await toDocx(stuk.doc));
    stukken.set(name, stuk.doc);
  }
  const out = path.join(dir, 'lo');
  const docx = (name: string) => path.join(dir, `${name}.docx`);
  const flatNames = ['seed001', 'getoond', 'verborgen', generatedName(), 'verwijzingen'];
  const textNames = [...stukken.keys(), 'getoond'];
  const [textFiles, flatFiles] = await Promise.all([
    convertManyWithLibreOffice(textNames.map(docx), 'txt:Text (encoded):UTF8', out),
    convertManyWithLibreOffice(flatNames.map(docx), 'fodt', path.join(dir, 'fodt')),
  ]);
  textNames.forEach((name, index) => {
    // LibreOffice's text filter writes a bullet on the second level as "◦" whatever the list
    // says (its flat ODF keeps the "•" the file defines); read it as the bullet it is.
    const text = readFileSync(textFiles[index]!, 'utf8').replace(/^\uFEFF/, '');
    texts.set(name, text.replace(/^( {8})◦ /gm, '$1• '));
  });
  flatNames.forEach((name, index) => flat.set(name, readFileSync(flatFiles[index]!, 'utf8')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The generated stuk with every structure (the first of generatedDocs), by its docx name.
function generatedName(): string {
  return `stuk${seedDocs().length}`;
}

/**
 * The blocks as the app numbers them, as LibreOffice writes a Word list as text: four spaces
 * and the label per level, footnote references as their number, a line break as a new line.
 */
function expectedClauses(doc: Node, changes: 'hidden' | 'shown' = 'hidden'): string {
  // Shown, LibreOffice's text holds the proposed and the deleted text both, as the editor does.
  const read = changes === 'hidden' ? getAcceptedDoc(doc) : withoutStrayDeletions(doc);
  return readClauseBlocks(read, getFootnoteNumbers(read))
    .map((block) =>
      [
        block.headingText,
        ...block.items.map((item) => {
          const text = item.content.text.replace(/\[(\d+)\]/g, '$1');
          return `${' '.repeat(4 * (item.indent + 1))}${item.label} ${text}`;
        }),
      ].join('\n'),
    )
    .join('\n');
}

describe('resolutie export --docx, read by LibreOffice', () => {
  it('reads every stuk’s title, preamble, blocks and numbers as the app shows them', () => {
    expect(stukken.size).toBe(seedDocs().length + generatedDocs().length + 3);
    // `--version`: the recorded text, not the current one.
    expect(texts.get('versie')).toContain('Spreekt uit:\n    1. Eerder: het Rijk betaalt;');
    expect(texts.get('versie')).not.toContain('Gemeenten betalen');
    for (const [name, doc] of stukken) {
      const text = texts.get(name) ?? '';
      const metadata = getMetadataText(getAcceptedDoc(doc));
      expect(text, name).toContain(expectedClauses(doc));
      if (expectedClauses(doc).includes(':')) {
        expect(text.split('\n')[0], name).toBe(formatTitleLine(metadata));
      }
    }
    const seed = texts.get('seed001') ?? '';
    expect(seed).toContain('De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:');
    expect(seed).toContain('Overwegende dat:\n    1. Gemeenten - mede in het licht');
    expect(seed).toContain('Spreekt uit:\n    1. Dat het uitgangspunt');
  });

  it('numbers sub-items a, b and keeps bullets out of the count', () => {
    const text = texts.get(generatedName()) ?? '';
    expect(text).toContain(
      '    • Een los opsommingsteken\n    1. De tekorten lopen op1\n        a. in 2025\n        b. en daarna',
    );
  });

  it('writes the proposals accepted by default', () => {
    const text = texts.get('verborgen') ?? '';
    expect(text).toContain(
      'Spreekt uit:\n    1. Dat het Rijk structurele bijdraagt;\n    2. Een voorgesteld punt.\n    3. Dat het snel gaat.',
    );
    expect(text).toContain('    1. De stijgen;');
    expect(text).not.toContain(PROPOSALS.block.text);
    expect(flat.get('verborgen')).not.toContain('<text:tracked-changes');
    expect(flat.get('verborgen')).not.toContain('<office:annotation');
  });

  it('writes the proposals as tracked changes with their author, kind, date and text', () => {
    const xml = flat.get('getoond') ?? '';
    const regions = trackedChanges(xml);
    // Every change the changes panel lists, with its author and text, is a region.
    for (const change of getTrackedChanges(proposalDoc())) {
      const own = regions.filter((region) => region.author === change.name);
      const text = (kind: string) =>
        own
          .filter((region) => region.kind === kind)
          .map((region) => region.text)
          .join('');
      expect(text('insertion').replace(/\s+/g, ''), change.name).toBe(
        change.inserted.replace(/\s+/g, ''),
      );
      // A whole block goes with its heading, in the same change.
      const heading = change.block === 'delete' ? blockHeading(proposalDoc(), change.id) : '';
      expect(text('deletion').replace(/\s+/g, ''), change.name).toBe(
        (heading + change.deleted).replace(/\s+/g, ''),
      );
    }
    // The items keep their numbers while the changes show, as in the editor.
    expect(texts.get('getoond')).toContain(expectedClauses(proposalDoc(), 'shown'));
    const { inserted, deleted, item, block } = PROPOSALS;
    const find = (kind: string, author: string) =>
      regions.filter((region) => region.kind === kind && region.author === author);
    expect(find('insertion', inserted.author).map((r) => r.text)).toEqual([inserted.text]);
    expect(find('deletion', deleted.author).map((r) => r.text)).toEqual([deleted.text]);
    expect(
      find('insertion', item.author)
        .map((r) => r.text)
        .join(''),
    ).toContain(item.text);
    expect(
      find('deletion', block.author)
        .map((r) => r.text)
        .join(''),
    ).toContain(block.text);
    for (const { author, time } of [inserted, deleted, item, block]) {
      const dates = regions.filter((r) => r.author === author).map((r) => r.date);
      expect(dates.length, author).toBeGreaterThan(0);
      for (const date of dates) {
        expect(date.slice(0, 16), author).toBe(new Date(time).toISOString().slice(0, 16));
      }
    }
    // Nothing else is marked: only these four authors proposed anything.
    expect(new Set(regions.map((r) => r.author))).toEqual(
      new Set([inserted.author, deleted.author, item.author, block.author]),
    );
  });

  it('writes comments as annotations on their text, with replies and authors', () => {
    const xml = flat.get('getoond') ?? '';
    const notes = [
      ...xml.matchAll(/<office:annotation(?: [^>]*)?>([\s\S]*?)<\/office:annotation>/g),
    ];
    const read = notes.map((note) => ({
      author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(note[1]!)?.[1],
      text: plainText(note[1]!.replace(/<(dc|meta):[^>]*>[^<]*<\/(dc|meta):[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    }));
    expect(read).toEqual(
      expect.arrayContaining([
        { author: VOORSTELLER.name, text: 'Welke gemeenten bedoelen we?' },
        { author: REDACTEUR.name, text: 'Alle gemeenten.' },
        { author: REDACTEUR.name, text: 'Is dit snel genoeg?' },
      ]),
    );
    // The first thread spans the text it was made on, from its start to its annotation-end.
    const span =
      /<office:annotation office:name="([^"]+)"[\s\S]*?<\/office:annotation>([\s\S]*?)<office:annotation-end office:name="\1"\/>/.exec(
        xml,
      );
    // Replies start where their thread does: their annotations stand inside the span.
    const spanned = (span?.[2] ?? '').replace(
      /<office:annotation[\s\S]*?<\/office:annotation>/g,
      '',
    );
    expect(plainText(spanned).trim()).toBe('Gemeenten betalen');
    expect(flat.get('seed001')).not.toContain('<office:annotation');
  });

  it('writes footnotes, headings, block headings and quotes as Word structure', () => {
    const xml = flat.get(generatedName()) ?? '';
    expect(xml).toMatch(/<text:note text:id="[^"]+" text:note-class="footnote">/);
    expect(
      plainText(/<text:note-body>([\s\S]*?)<\/text:note-body>/.exec(xml)?.[1] ?? '').trim(),
    ).toBe('Bron: CBS.');
    expect(xml).toMatch(/<text:h [^>]*text:outline-level="1"[^>]*>Waarom nu\?<\/text:h>/);
    expect(paragraphStyle(xml, 'Waarom nu?')).toBe('Heading_20_1');
    expect(paragraphStyle(xml, 'Constaterende dat:')).toBe('Blokkop');
    expect(paragraphStyle(xml, 'Zo zei de minister.')).toBe('Citaat');
    expect(xml).toContain('xlink:href="https://vng.nl/?a=1&amp;b=2"');
  });

  it('fills the document properties and lays the text out on A4 with the PDF’s margins', () => {
    const xml = flat.get('seed001') ?? '';
    expect(xml).toContain(
      '<dc:title>Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”</dc:title>',
    );
    expect(xml).toContain('<dc:subject>Resolutie · Najaars ALV</dc:subject>');
    expect(xml).toContain(
      '<dc:description>De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:</dc:description>',
    );
    expect(xml).toContain(
      '<meta:user-defined meta:name="Status">Geactualiseerd</meta:user-defined>',
    );
    expect(xml).toContain('<meta:user-defined meta:name="Datum">2024-11-29</meta:user-defined>');
    expect(xml).toContain('<meta:initial-creator>Resolutie-editor</meta:initial-creator>');
    expect(xml).toContain('<meta:keyword>2024-11-29</meta:keyword>');
    const page = /<style:page-layout-properties [^>]*fo:page-width[^>]*>/.exec(xml)?.[0] ?? '';
    const mm = (name: string) => millimetres(new RegExp(`${name}="([^"]+)"`).exec(page)?.[1]);
    expect(mm('fo:page-width')).toBeCloseTo(210, 0);
    expect(mm('fo:page-height')).toBeCloseTo(297, 0);
    expect(mm('fo:margin-top')).toBeCloseTo(25, 0);
    expect(mm('fo:margin-right')).toBeCloseTo(22, 0);
    expect(mm('fo:margin-bottom')).toBeCloseTo(28, 0);
    expect(mm('fo:margin-left')).toBeCloseTo(25, 0);
    expect(xml).toContain('<style:font-face style:name="Source Serif 4"');
  });
});

describe('cross-references in the Word export, read by LibreOffice', () => {
  it('reads each reference as a link to a bookmark on its target, the broken one as text', () => {
    const xml = flat.get('verwijzingen') ?? '';
    const text = texts.get('verwijzingen') ?? '';
    expect(text).toContain(
      `    3. dat zie ${REFERENCE_LABELS.item}, ${REFERENCE_LABELS.subItem}, ${REFERENCE_LABELS.block}, ${REFERENCE_LABELS.heading} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`,
    );
    // Each target: a bookmark where its paragraph starts (LibreOffice's own internal link).
    const bookmarked = (name: string, text: string) =>
      new RegExp(`<text:bookmark-start text:name="${name}"/>${text}`).test(xml) ||
      new RegExp(`<text:bookmark-start text:name="${name}"/><text:span[^>]*>${text}`).test(xml);
    expect(bookmarked('_Ref_punt_bouwen', 'dat er gebouwd wordt;')).toBe(true);
    expect(bookmarked('_Ref_onderdeel_grond', 'voor grond;')).toBe(true);
    expect(bookmarked('_Ref_blok_spreekt_uit', 'Spreekt uit:')).toBe(true);
    expect(bookmarked('_Ref_kop_cijfers', 'Woningbouw in cijfers')).toBe(true);
    const links = [
      ...xml.matchAll(/<text:a [^>]*xlink:href="([^"]+)"[^>]*>([\s\S]*?)<\/text:a>/g),
    ].map((match) => [match[1], plainText(match[2]!)]);
    expect(links).toEqual([
      ['#_Ref_punt_bouwen', REFERENCE_LABELS.item],
      ['#_Ref_onderdeel_grond', REFERENCE_LABELS.subItem],
      ['#_Ref_blok_spreekt_uit', REFERENCE_LABELS.block],
      ['#_Ref_kop_cijfers', REFERENCE_LABELS.heading],
      ['#_Ref_punt_bouwen', REFERENCE_LABELS.item],
    ]);
  });
});

describe('resolutie export --docx, refusals', () => {
  it('never writes over the stuk itself, and names what is wrong in one line', () => {
    const before = readFileSync(path.join(dir, 'seed001.resolutie'));
    const run = resolutie('export', 'seed001.resolutie', '--docx', 'seed001.resolutie');
    expect(run.code).not.toBe(0);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'seed001.resolutie'))).toEqual(before);
    expectOneLineError(
      resolutie('export', 'seed001.resolutie', '--docx', ''),
      2,
      'export: --docx mist de naam van het uitvoerbestand',
    );
    expectOneLineError(
      resolutie('export', 'seed001.resolutie', '--docx', 'x.docx', '--changes', 'zichtbaar'),
      2,
      '--changes moet shown of hidden zijn',
    );
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
});

// The heading of the block that a whole-block proposal `id` is on.
function blockHeading(doc: Node, id: string): string {
  let heading = '';
  doc.descendants((node) => {
    if (getBlockChange(node)?.id === id) {
      heading =
        node.type.name === 'recital_block'
          ? RECITAL_HEADING_LABELS[node.attrs.heading as RecitalHeading]
          : OPERATIVE_HEADING_LABELS[node.attrs.heading as OperativeHeading];
    }
    return heading === '';
  });
  return heading;
}

// An ODF length ("0.9839in", "2.5cm", "25mm") in millimetres.
function millimetres(length: string | undefined): number {
  const match = /^([\d.]+)(in|cm|mm|pt)$/.exec(length ?? '');
  if (!match) return Number.NaN;
  const factor = { in: 25.4, cm: 10, mm: 1, pt: 25.4 / 72 }[match[2] as 'in' | 'cm' | 'mm' | 'pt'];
  return Number(match[1]) * factor;
}

/** Every changed region of a flat ODF text: its kind, author, date and text. */
function trackedChanges(xml: string) {
  const regions = [
    ...xml.matchAll(
      /<text:changed-region [^>]*text:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>([\s\S]*?)<\/text:\2>/g,
    ),
  ];
  return regions.map(([, id, kind, body]) => {
    const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(body!)?.[1] ?? '';
    const date = /<dc:date>([^<]*)<\/dc:date>/.exec(body!)?.[1] ?? '';
    // The text of both kinds lies in the body, between the region's marks (an older
    // LibreOffice kept a deletion's text inside the region: read there when no marks).
    const marked = new RegExp(
      `<text:change-start text:change-id="${id}"/>([\\s\\S]*?)<text:change-end text:change-id="${id}"/>`,
    ).exec(xml)?.[1];
    const content =
      marked ?? body!.replace(/<office:change-info>[\s\S]*?<\/office:change-info>/, '');
    return { kind: kind!, author, date, text: plainText(content) };
  });
}

// The text of an XML fragment: tags dropped, entities read, spaces as ODF writes them.
function plainText(fragment: string): string {
  return fragment
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, count: string | undefined) =>
      ' '.repeat(Number(count ?? 1)),
    )
    .replace(/<text:(?:line-break|tab)\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

// The paragraph style a paragraph with exactly `text` has, its automatic style read through to
// the named style it is based on.
function paragraphStyle(xml: string, text: string): string | null {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const style = new RegExp(`<text:[ph] text:style-name="([^"]+)"[^>]*>${escaped}</text:[ph]>`).exec(
    xml,
  )?.[1];
  if (!style) return null;
  // An automatic style (P1 …) stands for the named style it is based on.
  const automatic =
    /<office:automatic-styles>[\s\S]*?<\/office:automatic-styles>/.exec(xml)?.[0] ?? '';
  const parent = new RegExp(
    `<style:style style:name="${style}" style:family="paragraph" style:parent-style-name="([^"]+)"`,
  ).exec(automatic)?.[1];
  return parent ?? style;
}
