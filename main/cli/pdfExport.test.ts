/**
 * The PDF stuk as the command line makes it, checked with poppler's pdftotext and pdfinfo and
 * read back with pdf-lib: text in reading order with its numbers, tags, outline, properties,
 * page numbers, and the CONCEPT watermark only on concepts. Needs a Chromium and poppler-utils,
 * which `npm test` and .ci/run install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { setMetadata } from '../../shared/editor/commands/metadata.ts';
import { EditorState } from 'prosemirror-state';
import { printToPdf } from './commands.ts';

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
  text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function info(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** The outline's titles, depth-first. */
async function outlineTitles(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(readFileSync(file));
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString)
        titles.push(title.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describe('the PDF of seed 001', () => {
  it('has A4 pages, tags and the document properties', () => {
    const properties = info(pdfPath);
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
    const pages = Number(info(pdfPath).Pages);
    for (let page = 1; page <= pages; page++) {
      const pageText = execFileSync(
        'pdftotext',
        ['-f', String(page), '-l', String(page), pdfPath, '-'],
        {
          encoding: 'utf8',
        },
      );
      expect(pageText).toContain(`pagina ${page} van ${pages}`);
      expect(pageText).toContain('VNG-inzet richting nieuwe kabinet');
    }
  });

  it('has an outline with every block and Toelichting heading', async () => {
    const titles = await outlineTitles(pdfPath);
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
    const pages = Number(info(pdfPath).Pages);
    for (let page = 1; page <= pages; page++) {
      const pageText = execFileSync(
        'pdftotext',
        ['-f', String(page), '-l', String(page), pdfPath, '-'],
        {
          encoding: 'utf8',
        },
      );
      expect(pageText.replace(/\s+/g, '')).toContain('CONCEPT');
    }
  });
});

/** How many dark-ish pixels the middle of a page holds (a grey render at 20 dpi). */
function inkInMiddle(file: string, page: number): number {
  const pgm = execFileSync(
    'pdftoppm',
    ['-gray', '-r', '20', '-f', String(page), '-l', String(page), file],
    {
      maxBuffer: 1 << 22,
    },
  );
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (let y = Math.floor(height * 0.4); y < height * 0.6; y++) {
    for (let x = Math.floor(width * 0.3); x < width * 0.7; x++)
      if (pixels[y * width + x]! < 245) ink += 1;
  }
  return ink;
}

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
    expect(inkInMiddle(final, 1)).toBe(0);
    expect(inkInMiddle(concept, 1)).toBeGreaterThan(20);
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
    const out = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(out).not.toContain('CONCEPT');
    expect(out).toContain('Zorg – € en “aanhalingstekens”, financiële positie');
    expect(out).toContain('Uitleg met ë, €, “” en –.');
    expect(out.replace(/\s+/g, ' ')).toContain('1. Eerste overweging;');
    expect(info(file).Tagged).toBe('yes');
  }, 60_000);
});
