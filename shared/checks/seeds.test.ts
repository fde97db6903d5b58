/**
 * All rules on the five seeds, as the text import reads them. Seed 001 is a complete
 * resolution of the ALV and the conventions the rules check are read from it: it raises no
 * finding. The other seeds are letters and newsletters, not resolutions: they have no dictum
 * and no date in the preamble, and each finding below was read and judged right.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { runChecks } from './checkRunner.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);

const NOT_A_RESOLUTION = [
  'dictum-ontbreekt · Het stuk',
  'aanhef-onvolledig · Aanhef: In de aanhef ontbreekt de datum.',
];

const EXPECTED: Record<string, string[]> = {
  '000_1760b132dd2a04e9.txt': NOT_A_RESOLUTION,
  '001_92c05f855c935f92.txt': [],
  '002_02bf334f00973653.txt': NOT_A_RESOLUTION,
  // Two letters one after the other: the second repeats sentences of the first.
  '003_098bd7657cceb3f5.txt': [
    ...NOT_A_RESOLUTION,
    'dubbele-zin · Toelichting, onder ‘Aan de Voorzitter van de Tweede Kamer der Staten-Generaal’: Deze zin staat ook in Toelichting, onder ‘Aan de Voorzitter van de Eerste Kamer der Staten-Generaal’: „Dit overhedenoverleg heeft uiteindelijk plaatsgevonden op 16 april”.',
    'dubbele-zin · Toelichting, onder ‘Interbestuurlijke samenwerkingsagenda’: Deze zin staat ook in Toelichting, onder ‘Aan de Voorzitter van de Eerste Kamer der Staten-Generaal’: „De minister van Binnenlandse Zaken en Koninkrijksrelaties”.',
  ],
  // "het Wetsvoorstel ‘Wet verbetering beschikbaarheid Jeugdzorg en het Toekomstscenario …":
  // the quotation is opened and never closed in the source.
  '004_81a05f61c90a0110.txt': [
    ...NOT_A_RESOLUTION,
    'haakjes-aanhalingstekens · Toelichting, onder ‘Pak door met de Hervormingsagenda Jeugd’: Het aanhalingsteken ‘ wordt niet gesloten.',
  ],
};

describe('the checks on the seeds', () => {
  const files = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));

  it('has the five seeds', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s: runs every rule and finds what was judged right', (file) => {
    const doc = docFromModel(parseResolutionText(readFileSync(new URL(file, SEEDS), 'utf8')));
    const { findings, ignored } = runChecks(doc);
    expect(ignored).toEqual([]);
    const lines = findings.map((f) =>
      f.rule === 'dictum-ontbreekt'
        ? `${f.rule} · ${f.place}`
        : `${f.rule} · ${f.place}: ${f.message}`,
    );
    expect(lines).toEqual(EXPECTED[file]);
  });
});
