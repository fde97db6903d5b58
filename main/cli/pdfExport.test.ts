/**
 * The PDF stuk as the command line makes it, checked with poppler's pdftotext and pdfinfo and
 * read back with pdf-lib: text in reading order with its numbers, tags, outline, properties,
 * page numbers, and the CONCEPT watermark only on concepts. Needs a Chromium and poppler-utils,
 * which `npm test` and .ci/run install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { setMetadata } from '../../shared/editor/commands/metadata.ts';
import { EditorState } from 'prosemirror-state';
import {
  countInkInMiddle,
  readOutlineTitles,
  readPdfInfo,
  readPdfText,
} from '../services/pdf/testing/pdfInspection.ts';
import type { Node } from 'prosemirror-model';
import type { InlineRun, ParsedFlow } from '../../shared/model/resolution.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { printToPdf } from './commands.ts';
import { BROKEN_REFERENCE_TEXT } from '../../shared/editor/queries/getReferences.ts';
import {
  REFERENCE_IDS,
  REFERENCE_LABELS,
  referenceDoc,
} from '../../shared/export/testing/referenceDoc.ts';

const CLI = new URL('./resolutie.ts', import.meta.url).pathname;
const SEED_001 = new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url)
  .pathname;
const writer = { app: 'Resolutie-editor', version: 'test' };

let dir: string;
let pdfPath: string;
let text: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-pdf-'));
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  };
  run('import', SEED_001, '-o', 'r.resolutie');
  run('export', 'r.resolutie', '--pdf', 'r.pdf');
  pdfPath = path.join(dir, 'r.pdf');
  text = readPdfText(pdfPath);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the PDF of seed 001', () => {
  it('has A4 pages, tags and the document properties', () => {
    const properties = readPdfInfo(pdfPath);
    expect(properties.Tagged).toBe('yes');
    expect(properties['Page size']).toContain('(A4)');
    expect(properties.Title).toBe('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”');
    expect(properties.Author).toBe('bestuur');
    expect(properties.Subject).toBe(
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
    );
    expect(Number(properties.Pages)).toBeGreaterThanOrEqual(2);
  });

  it('holds every part of the text in reading order, with the numbers', () => {
    const flat = text.replace(/\s+/g, ' ');
    const order = [
      'Geactualiseerde resolutie',
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
      'Overwegende dat:',
      '1. Gemeenten - mede in het licht van',
      '2. Gemeenten als krachtige bestuurslaag',
      '6. Gemeenten zich via onder meer onderlinge samenwerking',
      'Spreekt uit:',
      '1. Dat het uitgangspunt voor afspraken',
      '3. Dat gemeenten bereid zijn overleg te voeren',
      '6. Dat indien de omstandigheden daartoe aanleiding geven',
      'Toelichting',
      'Informele ledenpeiling',
      'Agenda op voorwaarden',
    ];
    let at = 0;
    for (const part of order) {
      const found = flat.indexOf(part, at);
      expect(found, `"${part}" after position ${at}`).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
  });

  it('numbers its pages "pagina n van N" in the footer, with the title', () => {
    const pages = Number(readPdfInfo(pdfPath).Pages);
    for (let page = 1; page <= pages; page++) {
      const pageText = readPdfText(pdfPath, page);
      expect(pageText).toContain(`pagina ${page} van ${pages}`);
      expect(pageText).toContain('VNG-inzet richting nieuwe kabinet');
    }
  });

  it('has an outline with every block and Toelichting heading', async () => {
    const titles = await readOutlineTitles(pdfPath);
    // The title line wraps on paper; its bookmark still reads as one line, said once.
    expect(titles[0]).toBe('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”');
    for (const heading of [
      'Overwegende dat:',
      'Spreekt uit:',
      'Toelichting',
      'Informele ledenpeiling',
      'Agenda op voorwaarden',
    ]) {
      expect(
        titles.some((t) => t.includes(heading)),
        heading,
      ).toBe(true);
    }
  });

  it('carries the CONCEPT watermark on every page while geactualiseerd', () => {
    const pages = Number(readPdfInfo(pdfPath).Pages);
    for (let page = 1; page <= pages; page++) {
      const pageText = readPdfText(pdfPath, page);
      expect(pageText.replace(/\s+/g, '')).toContain('CONCEPT');
    }
  });
});

describe('the PDF of other documents', () => {
  it('stamps the diagonal mark across a concept page, and nothing on a definitief one', async () => {
    const { writeFileSync } = await import('node:fs');
    const short = (status: 'concept' | 'definitief') => {
      let state = EditorState.create({
        doc: buildDoc({ title: 'Kort', recitals: [['Eén;']], operatives: [['Dat.']] }),
      });
      setMetadata({ status })(state, (tr) => (state = state.apply(tr)));
      return state.doc;
    };
    const concept = path.join(dir, 'concept.pdf');
    const final = path.join(dir, 'final.pdf');
    writeFileSync(concept, await printToPdf(short('concept'), writer));
    writeFileSync(final, await printToPdf(short('definitief'), writer));
    // The middle of a one-page stuk this short is blank paper, but for the mark.
    expect(countInkInMiddle(final, 1)).toBe(0);
    expect(countInkInMiddle(concept, 1)).toBeGreaterThan(20);
  }, 60_000);

  it('has no watermark once definitief, and prints characters outside Latin-1 and empty parts', async () => {
    const doc = buildDoc({
      title: 'Zorg – € en “aanhalingstekens”, financiële positie',
      recitals: [['Eerste overweging;', ''], []],
      operatives: [['Dat het rijk betaalt.']],
      explanation: ['Uitleg met ë, €, “” en –.'],
    });
    let state = EditorState.create({ doc });
    setMetadata({ status: 'definitief' })(state, (tr) => (state = state.apply(tr)));
    const file = path.join(dir, 'definitief.pdf');
    const bytes = await printToPdf(state.doc, writer);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, bytes);
    const out = readPdfText(file);
    expect(out).not.toContain('CONCEPT');
    expect(out).toContain('Zorg – € en “aanhalingstekens”, financiële positie');
    expect(out).toContain('Uitleg met ë, €, “” en –.');
    expect(out.replace(/\s+/g, ' ')).toContain('1. Eerste overweging;');
    expect(readPdfInfo(file).Tagged).toBe('yes');
  }, 60_000);
});

describe('the PDF of documents at the limits', () => {
  const print = async (doc: Node, name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, await printToPdf(doc, writer));
    return file;
  };

  it('prints a Toelichting of sixty pages and more, every page numbered', async () => {
    const explanation: ParsedFlow[] = [];
    for (let section = 1; section <= 60; section++) {
      explanation.push({ type: 'heading', level: 1, content: [run(`Paragraaf ${section}`)] });
      for (let paragraph = 1; paragraph <= 9; paragraph++) {
        explanation.push({
          type: 'paragraph',
          content: [
            run(
              `${section}.${paragraph} ${'De gemeenten vragen structurele middelen voor het sociaal domein. '.repeat(4)}`,
            ),
          ],
        });
      }
      explanation.push({
        type: 'bullet_list',
        items: [[{ type: 'paragraph', content: [run(`Afspraak ${section}`)] }]],
      });
    }
    const file = await print(
      docFromModel({ ...parseResolutionText('Resolutie “Lang”'), explanation }),
      'lang.pdf',
    );
    const pages = Number(readPdfInfo(file).Pages);
    expect(pages).toBeGreaterThanOrEqual(60);
    for (const page of [1, 30, pages]) {
      expect(readPdfText(file, page)).toContain(`pagina ${page} van ${pages}`);
    }
    const all = readPdfText(file).replace(/\s+/g, ' ');
    expect(all).toContain('60.9 De gemeenten vragen');
    expect(all).toContain('• Afspraak 60');
    const titles = await readOutlineTitles(file);
    expect(titles.filter((title) => title.startsWith('Paragraaf '))).toHaveLength(60);
  }, 120_000);

  it('prints a very long title whole on the page and in the properties, cut short in the footer', async () => {
    const title = `Resolutie over ${'de financiële positie van gemeenten en de opschalingskorting, '.repeat(8)}einde`;
    const doc = buildDoc({ title, recitals: [['Eén;']], operatives: [['Dat.']] });
    const file = await print(doc, 'lange-titel.pdf');
    const info = readPdfInfo(file);
    expect(info.Title).toBe(`Resolutie “${title}”`);
    const first = readPdfText(file, 1);
    expect(first.replace(/\s+/g, ' ')).toContain(`Resolutie “${title}”`);
    // The footer keeps to one line: the title cut off with "…", then "pagina 1 van N".
    const lines = first.split('\n').filter((line) => line.trim() !== '');
    const [footerTitle, pageNumber] = lines.slice(-2);
    expect(footerTitle).toMatch(/^Resolutie “Resolutie over .+ …$/);
    expect(footerTitle!.length).toBeLessThan(120);
    expect(pageNumber).toBe('pagina 1 van 1');
  }, 60_000);

  it('says so in one line when the PDF cannot be written, before printing, and writes nothing', () => {
    const tried = (target: string) => {
      const result = spawnSync(process.execPath, [CLI, 'export', 'r.resolutie', '--pdf', target], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      return result.stderr;
    };
    expect(tried('geen/map/r.pdf')).toBe(
      'resolutie: De map ‘geen/map’ bestaat niet; het bestand is niet opgeslagen.\n',
    );
    mkdirSync(path.join(dir, 'een-map.pdf'));
    expect(tried('een-map.pdf')).toBe(
      'resolutie: ‘een-map.pdf’ is een map, geen bestand; het bestand is niet opgeslagen.\n',
    );
    expect(existsSync(path.join(dir, 'geen'))).toBe(false);
    // The command starts Chromium as it starts, for the PDF it is asked for; a limit against
    // hanging on a loaded machine, not a speed test.
  }, 60_000);
});

function run(text: string): InlineRun {
  return { type: 'text', text };
}

describe('cross-references in the PDF', () => {
  it('links each reference to its target inside the PDF, reading as the text around it', async () => {
    const file = path.join(dir, 'verwijzingen.pdf');
    writeFileSync(file, await printToPdf(referenceDoc(), writer));
    const out = readPdfText(file).replace(/\s+/g, ' ');
    expect(out).toContain(
      `3. dat zie ${REFERENCE_LABELS.item}, ${REFERENCE_LABELS.subItem}, ${REFERENCE_LABELS.block}, ${REFERENCE_LABELS.heading} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`,
    );
    // qpdf's view of the file: every link annotation, and where it goes.
    const objects = (
      JSON.parse(execFileSync('qpdf', ['--json=2', file], { encoding: 'utf8' })) as {
        qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
      }
    ).qpdf[1];
    const links = Object.values(objects)
      .map((object) => object.value ?? {})
      .filter((value) => value['/Subtype'] === '/Link');
    // Chromium makes each one a link to a named destination in the file (a link over two
    // lines is two annotations), never to a web address; the broken one is no link at all.
    const dests = links.map((link) => link['/Dest']);
    expect(links.every((link) => link['/A'] === undefined)).toBe(true);
    expect(new Set(dests)).toEqual(
      new Set([
        `/el-${REFERENCE_IDS.item}`,
        `/el-${REFERENCE_IDS.subItem}`,
        `/el-${REFERENCE_IDS.block}`,
        `/el-${REFERENCE_IDS.heading}`,
      ]),
    );
    expect(dests.filter((dest) => dest === `/el-${REFERENCE_IDS.item}`)).toHaveLength(2);
    const trailer = objects.trailer!.value!;
    const catalog = objects[`obj:${String(trailer['/Root'])}`]!.value!;
    const named = objects[`obj:${String(catalog['/Dests'])}`]!.value!;
    for (const dest of dests) {
      // [page, /XYZ, left, top, zoom]: a place on a page of the file.
      expect(named[dest as string]).toEqual([
        expect.any(String),
        '/XYZ',
        ...[0, 0, 0].map(() => expect.any(Number)),
      ]);
    }
    // Drawn like the text around it: the link annotation has no border of its own.
    expect(links.every((link) => JSON.stringify(link['/Border']) === '[0,0,0]')).toBe(true);
  }, 60_000);
});
