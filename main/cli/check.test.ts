/**
 * `resolutie check` and the export's warning as a user runs them: the real command on real
 * files in a temporary folder, on seed 001, on stukken with findings, ignored findings and a
 * changed amendment, and on bad input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { Transform } from 'prosemirror-transform';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { stuk } from '../../shared/checks/testing/checkDocs.ts';
import {
  ProposalDraft,
  findIn,
  submitAmendment,
  writeDocToYDoc,
} from '../../shared/procedure/testing/proposalDraft.ts';
import { BESTUUR, UTRECHT } from '../../shared/procedure/testing/procedureScenario.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

const SEED_001 = new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url)
  .pathname;

// Each test starts the command as a real process; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-check-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const resolutie = (...args: string[]) => runResolutie(dir, ...args);
const writer = { app: 'Resolutie-editor', version: 'test' };

function save(name: string, content: Node | Y.Doc): void {
  const ydoc = content instanceof Y.Doc ? content : createYDoc(content);
  writeFileSync(path.join(dir, name), writeDocumentFile(ydoc, writer));
}

// A recital ending with a comma, and a dictum whose last item ends with ";".
const flawed = (status: 'concept' | 'definitief' = 'concept') =>
  stuk({
    status,
    recitals: [{ items: ['Gemeenten een stap zetten,', 'Het rijk betaalt.'] }],
    operatives: [{ items: ['Dat het uitgangspunt blijft;', 'Dat er een Extra ALV komt;'] }],
  });

describe('resolutie check', () => {
  it('finds nothing in seed 001, a complete resolution, and exits 0', () => {
    expect(resolutie('import', SEED_001, '-o', 'inzet.resolutie').code).toBe(0);
    const run = resolutie('check', 'inzet.resolutie');
    expect(run).toEqual({ code: 0, out: 'Geen bevindingen.\n', err: '' });
  });

  it('prints each finding on a line with its place, the count last, and exits 1', () => {
    save('stuk.resolutie', flawed());
    const run = resolutie('check', 'stuk.resolutie');
    expect(run.code).toBe(1);
    expect(run.err).toBe('');
    expect(run.out).toBe(
      'Overwegende dat, overweging 1: Een overweging eindigt met een puntkomma, en hier staat een komma. [overweging-einde]\n' +
        'Spreekt uit, punt 2: Het laatste punt van het besluit eindigt met een punt: daar eindigt de zin van de resolutie, en hier staat een puntkomma. [punt-einde]\n' +
        '2 bevindingen.\n',
    );
  });

  it('counts ignored findings without printing them', () => {
    const doc = flawed();
    const recital = findIn(doc, 'Gemeenten') - 1;
    const ignoring = new Transform(doc).setNodeMarkup(recital, undefined, {
      ...doc.nodeAt(recital)!.attrs,
      ignoredChecks: 'overweging-einde',
    }).doc;
    save('stuk.resolutie', ignoring);
    const run = resolutie('check', 'stuk.resolutie');
    expect(run.code).toBe(1);
    expect(run.out.split('\n')).toEqual([
      expect.stringMatching(/^Spreekt uit, punt 2: .* \[punt-einde\]$/),
      '1 bevinding, 1 genegeerd.',
      '',
    ]);

    const allIgnored = new Transform(ignoring).setNodeMarkup(
      findIn(ignoring, 'Dat er') - 1,
      undefined,
      {
        ...ignoring.nodeAt(findIn(ignoring, 'Dat er') - 1)!.attrs,
        ignoredChecks: 'punt-einde',
      },
    ).doc;
    save('stil.resolutie', allIgnored);
    expect(resolutie('check', 'stil.resolutie')).toEqual({
      code: 0,
      out: 'Geen bevindingen (2 genegeerd).\n',
      err: '',
    });
  });

  it('says when the text of an amendment changed since it was made, from the procedure', () => {
    const ydoc = createYDoc(
      stuk({ operatives: [{ items: ['Dat er meer gebouwd wordt;', 'Dat het Rijk helpt.'] }] }),
    );
    submitAmendment(ydoc, UTRECHT, { indiener: 'Utrecht' }, (draft) =>
      draft.replace('meer', 'veel meer'),
    );
    // The bestuur changes punt 1 since: a direct edit, outside the amendment.
    const edited = new ProposalDraft(readYDoc(ydoc), BESTUUR);
    const end = findIn(edited.doc, 'wordt;', true);
    writeDocToYDoc(ydoc, edited.state.apply(edited.state.tr.insertText(' snel', end - 1)).doc);
    save('wonen.resolutie', ydoc);
    const run = resolutie('check', 'wonen.resolutie');
    expect(run.code).toBe(1);
    expect(run.out).toBe(
      'Amendement A1: De tekst waarop amendement A1 is gemaakt (punt 1 onder ‘Spreekt uit’) is sindsdien gewijzigd. [amendement-tekst-gewijzigd]\n' +
        '1 bevinding.\n',
    );
  });

  it('says in one line that it could not check, and exits 2', () => {
    expectOneLineError(resolutie('check', 'weg.resolutie'), 2, 'weg.resolutie');
    writeFileSync(path.join(dir, 'tekst.txt'), 'Overwegende dat:\n1. Het zo is;\n');
    expectOneLineError(resolutie('check', 'tekst.txt'), 2, 'tekst.txt');
    expectOneLineError(resolutie('check'), 2, 'check: het document ontbreekt');
    expectOneLineError(resolutie('check', 'a.resolutie', 'b.resolutie'), 2, 'te veel bestanden');
  });

  it('is in the help', () => {
    expect(resolutie('--help').out).toContain('check DOCUMENT.resolutie');
  });
});

describe('resolutie export of a definitief stuk', () => {
  const WARNING = 'Let op: 2 bevindingen van de controle; zie `resolutie check stuk.resolutie`.\n';

  it('warns on stderr when findings remain, and exports all the same', () => {
    save('stuk.resolutie', flawed('definitief'));
    const json = resolutie('export', 'stuk.resolutie', '--json', 'stuk.json');
    expect(json.code).toBe(0);
    expect(json.err).toBe(WARNING);
    expect(json.out).toBe('Geëxporteerd naar stuk.json.\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'stuk.json'), 'utf8')).format).toBe(
      'resolutie-json',
    );
    const docx = resolutie('export', 'stuk.resolutie', '--docx', 'stuk.docx');
    expect(docx.code).toBe(0);
    expect(docx.err).toBe(WARNING);
    expect(existsSync(path.join(dir, 'stuk.docx'))).toBe(true);
  });

  it('says nothing for a definitief stuk without findings, or a concept with findings', () => {
    save('af.resolutie', stuk({ status: 'definitief' }));
    expect(resolutie('export', 'af.resolutie', '--json', 'af.json')).toMatchObject({
      code: 0,
      err: '',
    });
    save('concept.resolutie', flawed('concept'));
    expect(resolutie('export', 'concept.resolutie', '--json', 'concept.json')).toMatchObject({
      code: 0,
      err: '',
    });
  });
});
