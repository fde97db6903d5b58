/**
 * `resolutie bundle` as a user runs it: seed 001 imported by the command line and two more
 * stukken, bundled into one PDF by a real Chromium, then read back with poppler and pdf-lib:
 * the cover, the contents whose page numbers are the pages the stukken start on, continuous
 * page numbers, the outline, the CONCEPT mark on the concepts' pages only; and every kind of
 * bad input as one line, with nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { setMetadata } from '../../shared/editor/commands/metadata.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { readPdfOutline } from '../services/pdf/pdfOutline.ts';
import {
  findMarkedPages,
  readPdfInfo,
  readPdfText,
} from '../services/pdf/testing/pdfInspection.ts';
import { bundleDocuments } from './commands.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

// Chromium prints the bundle twice; a limit against hanging, not a speed test.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const SEED_001 = new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url)
  .pathname;
const writer = { app: 'Resolutie-editor', version: 'test' };
const TITLE = 'Stukken Najaars ALV 2024';

let dir: string;
const resolutie = (...args: string[]) => runResolutie(dir, ...args);

/** A short stuk with metadata, saved as a .resolutie file in the test folder. */
function saveStuk(name: string, doc: Node, change: Parameters<typeof setMetadata>[0]): string {
  let state = EditorState.create({ doc });
  setMetadata(change)(state, (tr) => (state = state.apply(tr)));
  const file = path.join(dir, name);
  writeFileSync(file, writeDocumentFile(createYDoc(state.doc), writer));
  return name;
}

/** A Toelichting long enough to take several pages. */
function longExplanation(paragraphs: number): string[] {
  return Array.from(
    { length: paragraphs },
    (_, index) =>
      `Alinea ${index + 1}. De gemeenten vragen het Rijk om structurele middelen voor de ` +
      'uitvoering van de taken in het sociaal domein, de jeugdzorg en de Wmo, zodat de ' +
      'begroting sluitend blijft en voorzieningen voor inwoners op peil blijven.',
  );
}

let pdfPath: string;
let pages: number;
let bundleOut: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-bundle-'));
  expect(resolutie('import', SEED_001, '-o', 'inzet.resolutie').code).toBe(0);
  saveStuk(
    'jeugdzorg.resolutie',
    buildDoc({
      title: 'Motie jeugdzorg',
      recitals: [['De kosten stijgen;']],
      operatives: [['Dat het Rijk bijdraagt.']],
    }),
    {
      kind: 'motie',
      status: 'definitief',
      submitter: 'Gemeente Utrecht',
      assembly: 'Najaars ALV',
      date: '2024-11-29',
    },
  );
  saveStuk(
    'gemeentefonds.resolutie',
    buildDoc({
      title: 'Gemeentefonds',
      recitals: [['Het fonds krimpt;']],
      operatives: [['Dat de opschalingskorting vervalt.']],
      explanation: longExplanation(40),
    }),
    { status: 'concept', assembly: 'Najaars ALV', date: '2024-11-29' },
  );
  const run = resolutie(
    'bundle',
    'inzet.resolutie',
    'jeugdzorg.resolutie',
    'gemeentefonds.resolutie',
    '--pdf',
    'bundel.pdf',
    '--title',
    TITLE,
  );
  // Not a terminal: no progress bar, only the result line.
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  bundleOut = run.out;
  pdfPath = path.join(dir, 'bundel.pdf');
  pages = Number(readPdfInfo(pdfPath).Pages);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The contents as printed on page 2: per stuk its title line and page number. */
function readContents(): { title: string; page: number }[] {
  const text = readPdfText(pdfPath, 2).replace(/\s+/g, ' ');
  return [...text.matchAll(/(\d)\. (.+?) (\d+) (?:Concept|Definitief|Geactualiseerd) ·/g)].map(
    (match) => ({ title: match[2]!, page: Number(match[3]) }),
  );
}

describe('resolutie bundle', () => {
  it('says what it made', () => {
    expect(bundleOut).toBe(`Bundel gemaakt: bundel.pdf (3 stukken, ${pages} pagina's).\n`);
  });

  it('is a tagged A4 PDF with the bundle as its title', () => {
    const info = readPdfInfo(pdfPath);
    expect(info.Title).toBe(TITLE);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('(A4)');
    expect(info.Author).toBe('bestuur, Gemeente Utrecht');
    expect(info.Subject).toBe('3 stukken voor de Najaars ALV van vrijdag 29 november 2024');
  });

  it('opens with a cover page', () => {
    const cover = readPdfText(pdfPath, 1).replace(/\s+/g, ' ');
    expect(cover).toContain(`Najaars ALV van vrijdag 29 november 2024 ${TITLE} 3 stukken`);
    expect(cover).toMatch(/Samengesteld op \w+dag \d+ \w+ \d{4}/);
  });

  it('lists the stukken in the given order with the page each starts on', () => {
    const contents = readContents();
    expect(contents.map((entry) => entry.title)).toEqual([
      'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”',
      'Motie “Motie jeugdzorg”',
      'Resolutie “Gemeentefonds”',
    ]);
    const [first, second, third] = contents.map((entry) => entry.page);
    expect(first).toBe(3);
    expect(second).toBeGreaterThan(first!);
    expect(third).toBeGreaterThan(second!);
    expect(third).toBeLessThan(pages);
  });

  it('starts every stuk at the top of the page the contents name, on a new page', () => {
    for (const { title, page } of readContents()) {
      const text = readPdfText(pdfPath, page).trimStart();
      expect(text.replace(/\s+/g, ' ').startsWith(title), `${title} on page ${page}`).toBe(true);
      // The page before ends the previous stuk (or the contents) and holds no part of this one.
      expect(readPdfText(pdfPath, page - 1).replace(/\s+/g, ' ')).not.toContain(
        `${title} De leden bijeen`,
      );
    }
  });

  it('numbers every page "pagina n van N" straight through, with the bundle title', () => {
    for (let page = 1; page <= pages; page++) {
      const text = readPdfText(pdfPath, page);
      expect(text).toContain(`pagina ${page} van ${pages}`);
      expect(text).toContain(TITLE);
    }
  });

  it('has an outline with the cover and each stuk at its page, its headings below', async () => {
    const outline = await readPdfOutline(readFileSync(pdfPath));
    const contents = readContents();
    expect(outline.map((entry) => entry.title)).toEqual([
      TITLE,
      ...contents.map((entry) => entry.title),
    ]);
    expect(outline.slice(1).map((entry) => entry.pageIndex! + 1)).toEqual(
      contents.map((entry) => entry.page),
    );
    expect(outline[0]!.children.map((entry) => entry.title)).toEqual(['Inhoud']);
    expect(outline[1]!.children.map((entry) => entry.title)).toContain('Spreekt uit:');
  });

  it('links each line of the contents to its stuk', async () => {
    const pdf = await PDFDocument.load(readFileSync(pdfPath));
    const annots = pdf.getPage(1).node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    expect(annots?.size() ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('marks the pages of the concepts CONCEPT, and no others', async () => {
    // Seed 001 is geactualiseerd (still a concept) and the last stuk a concept; the motie
    // between them is definitief, and the cover and contents belong to none.
    const [inzet, motie, fonds] = readContents().map((entry) => entry.page);
    const expected = [];
    for (let page = inzet!; page < motie!; page++) expected.push(page);
    for (let page = fonds!; page <= pages; page++) expected.push(page);
    expect(await findMarkedPages(pdfPath)).toEqual(expected);
  });

  it('reports its progress step by step on a terminal, and clears the bar at the end', async () => {
    const written: string[] = [];
    const out: string[] = [];
    const terminal = { isTTY: true, columns: 100, write: (text: string) => written.push(text) };
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await bundleDocuments(['jeugdzorg.resolutie'], 'klein.pdf', undefined, writer, {
        out: (text) => out.push(text),
        err: (text) => out.push(text),
        progress: terminal,
      });
    } finally {
      process.chdir(cwd);
    }
    const lines = written.map((text) => text.replace('\r\x1b[2K', ''));
    expect(lines.at(-1)).toBe('');
    const bars = lines.slice(0, -1);
    expect(bars.map((line) => line.replace(/^\[[█░]+\]\s+\d+%\s+/, ''))).toEqual([
      'Chromium starten en de inhoud opmaken',
      "De pagina's tellen",
      'De bundel drukken',
      'Afwerken',
      '',
    ]);
    const percents = bars.map((line) => Number(/(\d+)%/.exec(line)![1]));
    expect(percents).toEqual([0, 25, 50, 75, 100]);
    expect(out).toEqual(["Bundel gemaakt: klein.pdf (1 stuk, 3 pagina's).\n"]);
    // Without --title the bundle is named after the assembly of its stukken.
    expect(readPdfInfo(path.join(dir, 'klein.pdf')).Title).toBe('Stukken Najaars ALV');
  });
});

describe('resolutie bundle with bad input', () => {
  it('asks for the documents and the output', () => {
    expectOneLineError(resolutie('bundle', '--pdf', 'x.pdf'), 2, 'geef de documenten');
    expectOneLineError(resolutie('bundle', 'jeugdzorg.resolutie'), 2, '--pdf UIT.pdf');
  });

  it('refuses an empty or overlong title, and an output that is one of the documents', () => {
    const bundle = (...args: string[]) => resolutie('bundle', 'jeugdzorg.resolutie', ...args);
    expectOneLineError(bundle('--pdf', 'x.pdf', '--title', ' '), 2, 'de titel (--title) is leeg');
    expectOneLineError(bundle('--pdf', 'x.pdf', '--title', 'x'.repeat(201)), 2, 'te lang');
    expectOneLineError(bundle('--pdf', 'jeugdzorg.resolutie'), 2, 'hetzelfde als een van');
    expect(existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });

  it('names the document that is missing or is no resolutie, and writes nothing', () => {
    writeFileSync(path.join(dir, 'brief.resolutie'), 'Geachte leden,');
    const missing = resolutie('bundle', 'jeugdzorg.resolutie', 'weg.resolutie', '--pdf', 'y.pdf');
    expectOneLineError(missing, 1, 'Het bestand ‘weg.resolutie’ bestaat niet.');
    const wrong = resolutie('bundle', 'brief.resolutie', 'jeugdzorg.resolutie', '--pdf', 'y.pdf');
    expectOneLineError(wrong, 1, 'brief.resolutie: ');
    expect(existsSync(path.join(dir, 'y.pdf'))).toBe(false);
  });

  it('says so before printing when the PDF cannot be written, and leaves an old PDF alone', () => {
    const run = resolutie('bundle', 'jeugdzorg.resolutie', '--pdf', 'geen/map/z.pdf');
    expectOneLineError(run, 1, `De map ‘geen/map’ bestaat niet; het bestand is niet opgeslagen.`);
    mkdirSync(path.join(dir, 'map.pdf'));
    expectOneLineError(
      resolutie('bundle', 'jeugdzorg.resolutie', '--pdf', 'map.pdf'),
      1,
      '‘map.pdf’ is een map, geen bestand',
    );
    const before = readFileSync(pdfPath);
    expectOneLineError(
      resolutie('bundle', 'weg.resolutie', '--pdf', 'bundel.pdf'),
      1,
      'bestaat niet',
    );
    expect(readFileSync(pdfPath).equals(before)).toBe(true);
  });
});
