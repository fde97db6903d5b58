/**
 * The procedure on the command line as a user runs it, on real files (seed 001 with three
 * amendments from three gemeenten, one of them in a member's file) and a real Chromium:
 * `resolutie amendments` lists, checks and adds amendment files; `export --amendement` and
 * `--geamendeerd`, `preadviezen` and `bundle` print the stukken (read back with pdftotext and
 * the outline); `export --akn --amendement` writes an AKN amendment (checked with xmllint);
 * `export --json` carries the procedure; and every kind of bad input is one
 * Dutch line with nothing written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { submitAmendment } from '../../shared/procedure/testing/proposalDraft.ts';
import {
  TILBURG,
  buildProcedureScenario,
  copyYDoc,
  decideScenario,
} from '../../shared/procedure/testing/procedureScenario.ts';
import { readPdfOutline } from '../services/pdf/pdfOutline.ts';
import { readPdfInfo, readPdfText } from '../services/pdf/testing/pdfInspection.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

// Chromium prints several PDFs; a limit against hanging, not a speed test.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const SEED_001 = readFileSync(
  new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);
const writer = { app: 'Resolutie-editor', version: 'test' };
const TITLE_LINE = 'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”';

let dir: string;
const resolutie = (...args: string[]) => runResolutie(dir, ...args);
const file = (name: string) => path.join(dir, name);
const save = (name: string, ydoc: Y.Doc) =>
  writeFileSync(file(name), writeDocumentFile(ydoc, writer));
/** A PDF's text with white space collapsed. */
const pdfText = (name: string, page?: number) => readPdfText(file(name), page).replace(/\s+/g, ' ');

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-amendments-'));
  const scenario = buildProcedureScenario(SEED_001);
  save('resolutie.resolutie', scenario.resolution);
  save('tilburg.resolutie', scenario.tilburg);
  decideScenario(scenario);
  save('besloten.resolutie', scenario.resolution);
  // An amendment on another resolution, and a second file of Tilburg's copy made later.
  const other = createYDoc(
    buildDoc({ title: 'Jeugdzorg', recitals: [['De kosten stijgen;']], operatives: [['Dat.']] }),
  );
  submitAmendment(other, TILBURG, { indiener: 'Tilburg' }, (draft) =>
    draft.replace('stijgen', 'dalen'),
  );
  save('jeugdzorg-amendement.resolutie', other);
  writeFileSync(file('brief.resolutie'), 'Geachte leden,');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolutie amendments', () => {
  it('lists the amendments one per line with status, preadvies and vote', () => {
    const open = resolutie('amendments', 'resolutie.resolutie');
    expect(open.err).toBe('');
    expect(open.code).toBe(0);
    expect(open.out).toBe(
      `${TITLE_LINE}: 2 amendementen\n` +
        '  A1 · Utrecht, mede Zwolle · “Uitgangspunt” · Ingediend · preadvies: Overnemen\n' +
        '  A2 · Ede · “Geen procedure” · Ingediend · preadvies: Ontraden\n',
    );
    expect(resolutie('amendments', 'besloten.resolutie').out).toBe(
      `${TITLE_LINE}: 2 amendementen\n` +
        '  A1 · Utrecht, mede Zwolle · “Uitgangspunt” · Aangenomen (28 voor, 3 tegen, 1 onthouding) · preadvies: Overnemen\n' +
        '  A2 · Ede · “Geen procedure” · Verworpen met algemene stemmen · preadvies: Ontraden\n',
    );
  });

  it('refuses a member’s file whose number is taken, and with --hernummeren says it fits', () => {
    const before = readFileSync(file('resolutie.resolutie'));
    expectOneLineError(
      resolutie('amendments', 'resolutie.resolutie', 'tilburg.resolutie'),
      1,
      'tilburg.resolutie: Er is al een amendement A1 (van Utrecht). Geef het amendement van Tilburg een ander nummer, bijvoorbeeld A3. Met --hernummeren krijgt het nummer A3.',
    );
    const run = resolutie(
      'amendments',
      'resolutie.resolutie',
      'tilburg.resolutie',
      '--hernummeren',
    );
    expect(run.code).toBe(0);
    expect(run.out.split('\n').slice(-2)).toEqual([
      'tilburg.resolutie: past bij deze resolutie: A3 van Tilburg (nummer A3: A1 was al in gebruik)',
      '',
    ]);
    expect(run.out).toContain('2 amendementen');
    expect(readFileSync(file('resolutie.resolutie')).equals(before)).toBe(true);
  });

  it('prints the procedure as JSON', () => {
    const run = resolutie('amendments', 'besloten.resolutie', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { indieningen: Record<string, unknown>[] };
    expect(json.indieningen.map((entry) => [entry.number, entry.status])).toEqual([
      ['A1', 'aangenomen'],
      ['A2', 'verworpen'],
    ]);
    expect(json.indieningen[1]!.instructions).toEqual(['punt 5 onder ‘Spreekt uit’ te schrappen']);
  });

  it('adds the member’s file with --toevoegen, written whole, and not twice', () => {
    const copy = file('toevoegen.resolutie');
    writeFileSync(copy, readFileSync(file('resolutie.resolutie')));
    const add = ['amendments', 'toevoegen.resolutie', 'tilburg.resolutie', '--toevoegen'];
    const run = resolutie(...add, '--hernummeren');
    expect(run.err).toBe('');
    expect(run.out).toBe(
      `${TITLE_LINE}: 3 amendementen\n` +
        '  A1 · Utrecht, mede Zwolle · “Uitgangspunt” · Ingediend · preadvies: Overnemen\n' +
        '  A2 · Ede · “Geen procedure” · Ingediend · preadvies: Ontraden\n' +
        '  A3 · Tilburg · “Extra ALV” · Ingediend · nog geen preadvies\n' +
        'tilburg.resolutie: toegevoegd: A3 van Tilburg (nummer A3: A1 was al in gebruik)\n',
    );
    const after = readFileSync(copy);
    const again = resolutie(
      'amendments',
      'toevoegen.resolutie',
      'tilburg.resolutie',
      '--toevoegen',
    );
    expectOneLineError(
      again,
      1,
      'tilburg.resolutie: Dit amendement is al toegevoegd: A1 van Tilburg.',
    );
    expect(readFileSync(copy).equals(after)).toBe(true);
  });

  it('refuses a file for another resolution, or that is none, and adds none of them', () => {
    const copy = file('weigeren.resolutie');
    writeFileSync(copy, readFileSync(file('resolutie.resolutie')));
    const before = readFileSync(copy);
    const other = resolutie(
      'amendments',
      'weigeren.resolutie',
      'tilburg.resolutie',
      'jeugdzorg-amendement.resolutie',
      '--toevoegen',
      '--hernummeren',
    );
    expectOneLineError(
      other,
      1,
      'jeugdzorg-amendement.resolutie: Dit amendement hoort bij een andere resolutie (Resolutie “Jeugdzorg”).',
    );
    expectOneLineError(
      resolutie('amendments', 'weigeren.resolutie', 'brief.resolutie'),
      1,
      'brief.resolutie: ',
    );
    expectOneLineError(resolutie('amendments', 'brief.resolutie'), 1, 'brief.resolutie: ');
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('asks for the resolution and for files to add, and refuses the resolution as its own file', () => {
    expectOneLineError(resolutie('amendments'), 2, 'amendments: de resolutie ontbreekt');
    expectOneLineError(
      resolutie('amendments', 'resolutie.resolutie', '--toevoegen'),
      2,
      '--toevoegen hoort bij amendementbestanden',
    );
    expectOneLineError(
      resolutie('amendments', 'resolutie.resolutie', 'resolutie.resolutie'),
      2,
      'is de resolutie zelf',
    );
    expectOneLineError(
      resolutie('amendments', 'resolutie.resolutie', '--hernummeren'),
      2,
      '--hernummeren hoort bij amendementbestanden',
    );
  });
});

describe('resolutie export with the procedure', () => {
  it('prints an amendment in the standard form', () => {
    const run = resolutie('export', 'besloten.resolutie', '--pdf', 'a1.pdf', '--amendement', 'a1');
    expect(run.err).toBe('');
    expect(run.out).toBe('PDF gemaakt: a1.pdf.\n');
    expect(readPdfInfo(file('a1.pdf')).Title).toBe('Amendement A1 van de gemeente Utrecht');
    expect(pdfText('a1.pdf')).toContain(
      'Amendement A1 van de gemeente Utrecht mede ingediend door de gemeente Zwolle ' +
        'op de resolutie ‘VNG-inzet richting nieuwe kabinet’ ' +
        'Najaars ALV, vrijdag 29 november 2024 · Onderwerp: Uitgangspunt · Aangenomen ' +
        'De Algemene Ledenvergadering, in vergadering bijeen op vrijdag 29 november 2024, ' +
        'besluit de resolutie ‘VNG-inzet richting nieuwe kabinet’ als volgt te wijzigen: ' +
        '1. in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”; ' +
        '2. na punt 6 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat de VNG de leden tijdig informeert.” ' +
        'Toelichting Onverkort is te stellig. Het Rijk moet ook kunnen. ' +
        'Preadvies van het bestuur Overnemen Het bestuur kan zich hierin vinden. ' +
        'Besluit van de ALV Aangenomen, 28 voor, 3 tegen, 1 onthouding.',
    );
  });

  it('prints the resolution zoals geamendeerd, the numbers in the margin', () => {
    const run = resolutie(
      'export',
      'besloten.resolutie',
      '--pdf',
      'geamendeerd.pdf',
      '--geamendeerd',
    );
    expect(run.code).toBe(0);
    expect(readPdfInfo(file('geamendeerd.pdf')).Title).toBe(`${TITLE_LINE} zoals geamendeerd`);
    const text = pdfText('geamendeerd.pdf');
    expect(text).toContain('Met het aangenomen amendement A1, waarvan het nummer in de kantlijn');
    expect(text).toContain(
      'A1 1. Dat het uitgangspunt voor afspraken met het rijk zo veel mogelijk',
    );
    expect(text).toContain('A1 7. Dat de VNG de leden tijdig informeert.');
    // Ede's amendment was rejected: its punt stays, without a number.
    expect(text).toContain('5. Dat, als het kabinet');
  });

  it('prints the stuk itself without its open amendments, and shows it so', () => {
    expect(resolutie('export', 'resolutie.resolutie', '--pdf', 'stuk.pdf').code).toBe(0);
    const text = pdfText('stuk.pdf');
    expect(text).toContain('onverkort van kracht blijft');
    expect(text).not.toContain('zo veel mogelijk');
    const shown = resolutie('show', 'resolutie.resolutie').out;
    expect(shown).toContain('onverkort van kracht blijft');
    expect(shown).not.toContain('tijdig informeert');
  });

  it('writes the procedure beside the text in the JSON', () => {
    expect(resolutie('export', 'resolutie.resolutie', '--json', 'r.json').code).toBe(0);
    const json = JSON.parse(readFileSync(file('r.json'), 'utf8')) as {
      blocks: { items: { text: string }[] }[];
      procedure: { indieningen: Record<string, unknown>[] };
    };
    expect(json.blocks[1]!.items[0]!.text).toContain('onverkort van kracht blijft');
    expect(json.procedure.indieningen).toHaveLength(2);
    expect(json.procedure.indieningen[0]).toMatchObject({
      kind: 'amendement',
      number: 'A1',
      indiener: 'Utrecht',
      coIndieners: ['Zwolle'],
      status: 'ingediend',
      statusText: 'Ingediend',
      instructions: [
        'in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”',
        'na punt 6 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat de VNG de leden tijdig informeert.”',
      ],
      preadvies: {
        advice: 'overnemen',
        adviceText: 'Overnemen',
        reasoning: 'Het bestuur kan zich hierin vinden.',
      },
      besluit: null,
    });
  });

  it('refuses an unknown number, and options that do not go together', () => {
    expectOneLineError(
      resolutie('export', 'resolutie.resolutie', '--pdf', 'x.pdf', '--amendement', 'A7'),
      1,
      'resolutie.resolutie: geen amendement "A7"; wel A1 en A2',
    );
    const bad: [string[], string][] = [
      [['--json', 'x.json', '--amendement', 'A1'], '--amendement hoort bij --pdf UIT.pdf of --akn'],
      [['--akn', 'x.xml', '--json', 'x.json', '--amendement', 'A1'], 'niet samen met --json'],
      [['--pdf', 'x.pdf', '--amendement', 'A1', '--geamendeerd'], 'niet beide'],
      [['--pdf', 'x.pdf', '--geamendeerd', '--changes', 'shown'], 'niet samen met --changes'],
      [['--pdf', 'x.pdf', '--amendement', 'A1', '--comments'], 'niet samen met --comments'],
      [['--pdf', 'x.pdf', '--amendement', ' '], 'mist het nummer'],
    ];
    for (const [args, message] of bad) {
      expectOneLineError(resolutie('export', 'resolutie.resolutie', ...args), 2, message);
    }
    expect(existsSync(file('x.pdf'))).toBe(false);
    expect(existsSync(file('x.json'))).toBe(false);
    expect(existsSync(file('x.xml'))).toBe(false);
  });

  it('exports an amendment as Akoma Ntoso that points to its resolution’s export', () => {
    const run = resolutie('export', 'besloten.resolutie', '--akn', 'a1.xml', '--amendement', 'A1');
    expect(run.err).toBe('');
    expect(run.out).toBe('Geëxporteerd naar a1.xml (Akoma Ntoso).\n');
    expect(resolutie('export', 'besloten.resolutie', '--akn', 'stuk.xml').code).toBe(0);
    const schema = fileURLToPath(
      new URL('../../test/fixtures/standards/akn/akomantoso30.xsd', import.meta.url),
    );
    const valid = spawnSync('xmllint', ['--noout', '--schema', schema, file('a1.xml')], {
      encoding: 'utf8',
    });
    expect(valid.stderr).toContain('validates');
    const read = (name: string, expression: string) =>
      spawnSync('xmllint', ['--xpath', expression, file(name)], { encoding: 'utf8' }).stdout.trim();
    const work = "string(//*[local-name()='FRBRWork']/*[local-name()='FRBRuri']/@value)";
    expect(read('a1.xml', "string(//*[local-name()='affectedDocument']/@href)")).toBe(
      read('stuk.xml', work),
    );
    expect(read('a1.xml', "string(//*[local-name()='docTitle'])")).toBe('Amendement A1');
    expect(read('a1.xml', "count(//*[local-name()='mod'])")).toBe('2');
    expect(read('a1.xml', "string(//*[local-name()='container'][@name='besluit'])")).toBe(
      'Aangenomen, 28 voor, 3 tegen, 1 onthouding.',
    );
  });
});

describe('resolutie preadviezen', () => {
  it('prints the overview of the resolution, with a member’s file joined to it', () => {
    const run = resolutie(
      'preadviezen',
      'besloten.resolutie',
      'tilburg.resolutie',
      '--pdf',
      'preadviezen.pdf',
    );
    expect(run.err).toBe('');
    expect(run.out).toBe('Preadviezen gemaakt: preadviezen.pdf (3 amendementen en moties).\n');
    const info = readPdfInfo(file('preadviezen.pdf'));
    expect(info.Title).toBe('Preadviezen van het bestuur, Najaars ALV');
    // A4 turned sideways.
    expect(info['Page size']).toBe('841.92 x 594.96 pts (A4)');
    expect(pdfText('preadviezen.pdf')).toContain(
      `${TITLE_LINE} Nummer Indiener(s) Onderwerp Preadvies Motivering van het preadvies Status / uitkomst ` +
        'A1 Utrecht mede: Zwolle Uitgangspunt Overnemen Het bestuur kan zich hierin vinden. Aangenomen 28 voor, 3 tegen, 1 onthouding',
    );
    expect(pdfText('preadviezen.pdf')).toContain('A3 Tilburg Extra ALV nog geen — Ingediend');
  });

  it('asks for the stukken and the output, and refuses a file that is no resolution', () => {
    expectOneLineError(
      resolutie('preadviezen', '--pdf', 'p.pdf'),
      2,
      'preadviezen: geef de stukken',
    );
    expectOneLineError(resolutie('preadviezen', 'resolutie.resolutie'), 2, '--pdf UIT.pdf');
    expectOneLineError(
      resolutie('preadviezen', 'resolutie.resolutie', '--pdf', 'resolutie.resolutie'),
      2,
      'hetzelfde als een van de documenten',
    );
    expectOneLineError(
      resolutie('preadviezen', 'brief.resolutie', '--pdf', 'p.pdf'),
      1,
      'brief.resolutie: ',
    );
    expect(existsSync(file('p.pdf'))).toBe(false);
  });
});

describe('resolutie bundle with amendments', () => {
  let contents: { title: string; page: number }[];
  let pages: number;

  beforeAll(() => {
    const run = resolutie(
      'bundle',
      'tilburg.resolutie',
      'resolutie.resolutie',
      '--pdf',
      'bundel.pdf',
      '--title',
      'Stukken Najaars ALV 2024',
    );
    expect(run.err).toBe('');
    pages = Number(readPdfInfo(file('bundel.pdf')).Pages);
    expect(run.out).toBe(
      `Bundel gemaakt: bundel.pdf (1 stuk en 3 amendementen, ${pages} pagina's).\n`,
    );
    const toc = pdfText('bundel.pdf', 2);
    contents = [...toc.matchAll(/(?:\d\.|A\d) (.+?) (\d+) /g)].map((match) => ({
      title: match[1]!,
      page: Number(match[2]),
    }));
  });

  it('lists each amendment under its resolution, in number order, with its page', () => {
    expect(contents.map((entry) => entry.title)).toEqual([
      TITLE_LINE,
      'Amendement van de gemeente Utrecht',
      'Amendement van de gemeente Ede',
      'Amendement van de gemeente Tilburg',
    ]);
    expect(pdfText('bundel.pdf', 1)).toContain('1 stuk en 3 amendementen');
  });

  it('starts each amendment on the page the contents name, after its resolution', async () => {
    const [resolution, ...amendments] = contents;
    expect(resolution!.page).toBe(3);
    for (const [index, entry] of amendments.entries()) {
      expect(pdfText('bundel.pdf', entry.page).trimStart()).toMatch(
        new RegExp(`^Amendement A${index + 1} `),
      );
    }
    expect(amendments[2]!.page).toBeLessThanOrEqual(pages);
    const outline = await readPdfOutline(readFileSync(file('bundel.pdf')));
    expect(outline.map((entry) => entry.title)).toEqual([
      'Stukken Najaars ALV 2024',
      TITLE_LINE,
      'Amendement A1',
      'Amendement A2',
      'Amendement A3',
    ]);
    expect(outline.slice(1).map((entry) => entry.pageIndex! + 1)).toEqual(
      contents.map((entry) => entry.page),
    );
  });

  it('prints the resolution as its own text, the amendments’ changes in their instructions', () => {
    const resolutionText = pdfText('bundel.pdf', 3);
    expect(resolutionText).toContain('onverkort');
    const tilburg = pdfText('bundel.pdf', contents[3]!.page);
    expect(tilburg).toContain(
      'in punt 6 onder ‘Spreekt uit’ “in het voorjaar van 2025” te vervangen door “in maart 2025”.',
    );
  });

  it('keeps a member’s copy that fits no resolution of the bundle as a stuk of its own', () => {
    const alone = copyYDoc(createYDoc(buildDoc({ title: 'Los', operatives: [['Dat.']] })));
    save('los.resolutie', alone);
    const run = resolutie(
      'bundle',
      'los.resolutie',
      'jeugdzorg-amendement.resolutie',
      '--pdf',
      'los.pdf',
    );
    expect(run.out).toMatch(
      /^Bundel gemaakt: los\.pdf \(2 stukken en 1 amendement, \d+ pagina's\)\.\n$/,
    );
  });
});
