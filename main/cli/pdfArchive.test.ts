/**
 * `--pdfa`: the stuk and the bundle printed by Chromium, made PDF/A-2b by the finishing step,
 * and read back with qpdf (structure, catalog, trailer), poppler (properties, XMP, fonts,
 * text, structure tags) and xmllint (the XMP itself). Without `--pdfa` the PDF claims nothing.
 * veraPDF, the reference validator, is not installable here; these checks are what PDF/A asks
 * that qpdf and poppler can see. Needs a Chromium, qpdf, poppler-utils and xmllint.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, removeTempDir } from '../services/testing/tempDir.ts';
import { readPdfInfo, readPdfText } from '../services/pdf/testing/pdfInspection.ts';

const CLI = new URL('./resolutie.ts', import.meta.url).pathname;
const seed = (name: string) =>
  new URL(`../../test/fixtures/seeds/${name}`, import.meta.url).pathname;

let dir: string;
const file = (name: string) => path.join(dir, name);

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
}

function runOk(...args: string[]): void {
  const result = run(...args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

beforeAll(async () => {
  dir = await createTempDir('resolutie-pdfa-');
  runOk('import', seed('001_92c05f855c935f92.txt'), '-o', 'r.resolutie');
  // Seed 002 has a link: an annotation PDF/A wants printable.
  // It is all Toelichting, which the import notes on stderr.
  expect(run('import', seed('002_02bf334f00973653.txt'), '-o', 'links.resolutie').status).toBe(0);
  runOk('export', 'r.resolutie', '--pdf', 'plain.pdf');
  runOk('export', 'r.resolutie', '--pdf', 'archive.pdf', '--pdfa');
  runOk('bundle', 'r.resolutie', 'links.resolutie', '--pdf', 'bundle.pdf', '--pdfa');
}, 180_000);

afterAll(() => removeTempDir(dir));

type QpdfObjects = Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>;

/** The file's objects as `qpdf --json` gives them: `obj:N 0 R` and `trailer`. */
function readObjects(pdf: string): QpdfObjects {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', pdf], { encoding: 'utf8' })) as {
    qpdf: [unknown, QpdfObjects];
  };
  return json.qpdf[1];
}

function lookup(objects: QpdfObjects, ref: unknown): Record<string, unknown> {
  const object = objects[`obj:${String(ref)}`];
  expect(object, String(ref)).toBeDefined();
  return (object!.stream?.dict ?? object!.value) as Record<string, unknown>;
}

function readCatalog(objects: QpdfObjects): Record<string, unknown> {
  const trailer = objects.trailer!.value as Record<string, unknown>;
  return lookup(objects, trailer['/Root']);
}

function expectQpdfCheckClean(pdf: string): void {
  const result = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('No syntax or stream encoding errors found');
  expect(result.stdout).not.toMatch(/warning|error:/i);
}

function readXmp(pdf: string): string {
  return execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
}

function xpath(xmpFile: string, expression: string): string {
  return execFileSync('xmllint', ['--noout', '--xpath', expression, xmpFile], {
    encoding: 'utf8',
  }).replace(/\n$/, '');
}

/** Checks what PDF/A-2b asks of the file's structure; the catalog is returned for more. */
function expectPdfA2b(pdf: string): Record<string, unknown> {
  expectQpdfCheckClean(pdf);
  const objects = readObjects(pdf);
  const catalog = readCatalog(objects);

  const metadata = objects[`obj:${String(catalog['/Metadata'])}`]!.stream!.dict;
  expect(metadata['/Type']).toBe('/Metadata');
  expect(metadata['/Subtype']).toBe('/XML');
  expect(metadata['/Filter']).toBeUndefined();

  const intents = catalog['/OutputIntents'] as unknown[];
  expect(intents).toHaveLength(1);
  const intent = lookup(objects, intents[0]);
  expect(intent['/S']).toBe('/GTS_PDFA1');
  expect(intent['/OutputConditionIdentifier']).toBe('u:sRGB IEC61966-2.1');
  const profileRef = String(intent['/DestOutputProfile']);
  expect(lookup(objects, profileRef)['/N']).toBe(3);
  const profile = execFileSync('qpdf', [
    `--show-object=${profileRef.split(' ')[0]}`,
    '--filtered-stream-data',
    pdf,
  ]);
  expect(profile.readUInt32BE(0)).toBe(profile.length);
  expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
  expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');

  const id = (objects.trailer!.value as Record<string, unknown>)['/ID'] as string[];
  expect(id).toHaveLength(2);
  expect(id[0]).toMatch(/^b:[0-9a-f]{32}$/);
  expect(id[1]).toBe(id[0]);
  expect((objects.trailer!.value as Record<string, unknown>)['/Encrypt']).toBeUndefined();

  // What Chromium wrote is kept: the tags, the outline, the language.
  expect(catalog['/StructTreeRoot']).toBeDefined();
  expect(catalog['/MarkInfo']).toMatchObject({ '/Marked': true });
  expect(catalog['/Outlines']).toBeDefined();
  expect(String(catalog['/Lang'])).toMatch(/^u:nl\b/);

  // Every annotation (Chromium writes links) printable and not hidden.
  for (const object of Object.values(objects)) {
    const value = object.value as Record<string, unknown> | undefined;
    if (value?.['/Type'] !== '/Annot') continue;
    expect(Number(value['/F']) & 4).toBe(4);
    expect(Number(value['/F']) & (1 | 2 | 32 | 256)).toBe(0);
  }

  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) {
    // name, type…, encoding, then emb sub uni and the object id.
    const [emb, , uni] = line.trim().split(/\s+/).slice(-5);
    expect(emb, line).toBe('yes');
    expect(uni, line).toBe('yes');
  }
  return catalog;
}

describe('export --pdfa', () => {
  it('adds the XMP, the sRGB output intent and the file identifier, and keeps the tags', () => {
    expectPdfA2b(file('archive.pdf'));
  });

  it('says in the XMP what the Info dictionary says, with the PDF/A identification', () => {
    const xmp = readXmp(file('archive.pdf'));
    const xmpFile = file('archive.xmp');
    writeFileSync(xmpFile, xmp);
    execFileSync('xmllint', ['--noout', xmpFile]);
    expect(xpath(xmpFile, 'string(//*[local-name()="part"])')).toBe('2');
    expect(xpath(xmpFile, 'string(//*[local-name()="conformance"])')).toBe('B');

    const info = readPdfInfo(file('archive.pdf'));
    expect(info['Metadata Stream']).toBe('yes');
    expect(info.Title).toBe('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”');
    const li = (name: string) => `string(//*[local-name()="${name}"]//*[local-name()="li"])`;
    expect(xpath(xmpFile, li('title'))).toBe(info.Title);
    expect(xpath(xmpFile, li('creator'))).toBe(info.Author);
    expect(xpath(xmpFile, li('description'))).toBe(info.Subject);
    expect(xpath(xmpFile, li('language'))).toBe('nl-NL');
    expect(xpath(xmpFile, 'string(//*[local-name()="Keywords"])')).toBe(info.Keywords);
    expect(xpath(xmpFile, 'string(//*[local-name()="CreatorTool"])')).toBe(info.Creator);
    expect(xpath(xmpFile, 'string(//*[local-name()="Producer"])')).toBe(info.Producer);

    // The same instants, as pdfinfo reads the Info dictionary's dates.
    const isoInfo = Object.fromEntries(
      execFileSync('pdfinfo', ['-isodates', file('archive.pdf')], { encoding: 'utf8' })
        .split('\n')
        .map((line) => [
          line.slice(0, line.indexOf(':')),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
    );
    const instant = (text: string) => new Date(text).getTime();
    expect(instant(xpath(xmpFile, 'string(//*[local-name()="CreateDate"])'))).toBe(
      instant(isoInfo.CreationDate!),
    );
    expect(instant(xpath(xmpFile, 'string(//*[local-name()="ModifyDate"])'))).toBe(
      instant(isoInfo.ModDate!),
    );
    expect(xpath(xmpFile, 'string(//*[local-name()="DocumentID"])')).toMatch(
      /^uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('still reads as the stuk: its text, its structure tags, its pages', () => {
    const text = readPdfText(file('archive.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Overwegende dat:');
    expect(text).toContain('1. Dat het uitgangspunt voor afspraken');
    expect(text).toContain('Agenda op voorwaarden');
    const structure = execFileSync('pdfinfo', ['-struct', file('archive.pdf')], {
      encoding: 'utf8',
    });
    expect(structure).toMatch(/^Document/m);
    expect(structure).toContain('H1');
    expect(structure).toContain('LI');
    expect(readPdfInfo(file('archive.pdf')).Pages).toBe(readPdfInfo(file('plain.pdf')).Pages);
  });

  it('marks the CONCEPT strokes as an artifact on every page, outside the tags', () => {
    // Seed 001 is geactualiseerd: every page carries the mark.
    const pages = Number(readPdfInfo(file('archive.pdf')).Pages);
    const unpacked = execFileSync(
      'qpdf',
      ['--qdf', '--object-streams=disable', file('archive.pdf'), '-'],
      {
        maxBuffer: 1 << 26,
      },
    ).toString('latin1');
    expect(unpacked.match(/\/Artifact BMC/g)).toHaveLength(pages);
  });

  it('is not made without --pdfa: no XMP, no output intent, no PDF/A claim', () => {
    const catalog = readCatalog(readObjects(file('plain.pdf')));
    expect(catalog['/Metadata']).toBeUndefined();
    expect(catalog['/OutputIntents']).toBeUndefined();
    expect(readPdfInfo(file('plain.pdf'))['Metadata Stream']).toBe('no');
    expect(readXmp(file('plain.pdf'))).not.toContain('pdfaid');
    expectQpdfCheckClean(file('plain.pdf'));
  });

  it('is refused without a PDF to make, in one line', () => {
    const result = run('export', 'r.resolutie', '--json', 'r.json', '--pdfa');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'resolutie: export: --pdfa hoort bij --pdf UIT.pdf (zie resolutie --help)\n',
    );
  });
});

describe('bundle --pdfa', () => {
  it('makes the bundle PDF/A-2b as well, its links printable', () => {
    expectPdfA2b(file('bundle.pdf'));
    const objects = readObjects(file('bundle.pdf'));
    const links = Object.values(objects).filter(
      (object) => (object.value as Record<string, unknown> | undefined)?.['/Subtype'] === '/Link',
    );
    expect(links.length).toBeGreaterThan(0);
    expect(readXmp(file('bundle.pdf'))).toContain('<pdfaid:part>2</pdfaid:part>');
  });
});

describe('the procedure stukken with --pdfa', () => {
  it('makes the preadviezen and the resolution zoals geamendeerd PDF/A-2b', () => {
    runOk('preadviezen', 'r.resolutie', '--pdf', 'preadviezen.pdf', '--pdfa');
    runOk('export', 'r.resolutie', '--pdf', 'geamendeerd.pdf', '--geamendeerd', '--pdfa');
    for (const name of ['preadviezen.pdf', 'geamendeerd.pdf']) {
      expectPdfA2b(file(name));
      expect(readXmp(file(name))).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    }
  }, 60_000);
});
