/**
 * An amendment's Akoma Ntoso export on a real stuk (seed 001 with the procedure scenario's two
 * open amendments, and a stuk where another amendment adds a punt before the one changed): the
 * `mod`s mark their places as `ref`s to elements of the stuk's own export and the words they
 * quote as `quotedText`, validate against the published schema, and read as printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { endSentence } from '../../shared/sentences.ts';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { submitAmendment } from '../../shared/procedure/testing/proposalDraft.ts';
import {
  EDE,
  UTRECHT,
  buildProcedureScenario,
} from '../../shared/procedure/testing/procedureScenario.ts';
import { amendmentToAkomaNtoso } from '../../shared/export/akn/amendmentToAkomaNtoso.ts';
import { aknWorkUriOf, toAkomaNtoso } from '../../shared/export/akn/toAkomaNtoso.ts';
import { el, xpath } from '../../shared/export/akn/testing/aknXpath.ts';
import { findPrintedAmendment, readProcedureOf } from './procedureCommands.ts';

const SEED_001 = readFileSync(
  new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);
const SCHEMA = fileURLToPath(
  new URL('../../test/fixtures/standards/akn/akomantoso30.xsd', import.meta.url),
);
const now = new Date('2026-03-04T12:00:00Z');
const folder = mkdtempSync(path.join(os.tmpdir(), 'amendment-akn-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function validates(xml: string, name: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, xml);
  return spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' }).stderr;
}

/** The amendment's AKN and the stuk's own (`export --akn` and `--amendement`, in process). */
function exportBoth(ydoc: ReturnType<typeof createYDoc>, number: string) {
  const stuk = { input: 'stuk.resolutie', ydoc, doc: readYDoc(ydoc) };
  const own = readProcedureOf(stuk).text;
  const amendment = findPrintedAmendment(stuk, number);
  const resolutionUri = aknWorkUriOf(own, { now });
  return {
    amendment,
    resolutionUri,
    xml: amendmentToAkomaNtoso(amendment, { resolutionUri, now }),
    stukXml: toAkomaNtoso(own, { now }),
  };
}

/** Every ref of the amendment's mods: its href, and the eId it names in the stuk. */
function refsOf(xml: string, resolutionUri: string): { href: string; eId: string }[] {
  const count = Number(xpath(xml, `count(//${el('mod')}//${el('ref')})`));
  return Array.from({ length: count }, (_unused, index) => {
    const href = xpath(xml, `string((//${el('mod')}//${el('ref')})[${index + 1}]/@href)`);
    expect(href.startsWith(`${resolutionUri}/~`)).toBe(true);
    return { href, eId: href.slice(resolutionUri.length + 2) };
  });
}

describe('the amendment’s mods in Akoma Ntoso', () => {
  it('point to the stuk’s own elements and quote the words, reading as printed', () => {
    const { resolution } = buildProcedureScenario(SEED_001);
    const { amendment, resolutionUri, xml, stukXml } = exportBoth(resolution, 'A1');
    expect(validates(xml, 'a1.xml')).toContain('validates');
    expect(amendment.instructions).toHaveLength(2);
    // Each mod reads as its printed instruction, closed as printed.
    amendment.instructions.forEach((instruction, index) => {
      const mark = index === amendment.instructions.length - 1 ? '.' : ';';
      expect(xpath(xml, `string(//${el('mod')}[@eId='mod_${index + 1}'])`)).toBe(
        endSentence(instruction, mark),
      );
    });
    // “onverkort” te vervangen door “zo veel mogelijk”: the words as quotedText.
    expect(xpath(xml, `string(//${el('mod')}[1]/${el('quotedText')}[@class='oud'])`)).toBe(
      '“onverkort”',
    );
    expect(xpath(xml, `string(//${el('mod')}[1]/${el('quotedText')}[@class='nieuw'])`)).toBe(
      '“zo veel mogelijk”',
    );
    expect(xpath(xml, `string((//${el('mod')})[2]/${el('quotedText')}[@class='nieuw'])`)).toBe(
      '“Dat de VNG de leden tijdig informeert.”',
    );
    // Each ref names an element of the stuk's own export; the first the punt holding the words.
    const refs = refsOf(xml, resolutionUri);
    expect(refs.length).toBe(2);
    for (const { eId } of refs) {
      expect(xpath(stukXml, `count(//*[@eId='${eId}'])`)).toBe('1');
    }
    const first = xpath(xml, `string((//${el('mod')})[1]/${el('ref')})`);
    expect(first).toMatch(/^punt \d+ onder ‘/);
    expect(xpath(stukXml, `string(//*[@eId='${refs[0]!.eId}'])`)).toContain('onverkort');
    // The new punt comes after the punt the second ref names, which holds “Extra ALV zal”.
    expect(xpath(stukXml, `string(//*[@eId='${refs[1]!.eId}'])`)).toContain('Extra ALV zal');
  });

  it('point to each punt an amendment deletes', () => {
    const { resolution } = buildProcedureScenario(SEED_001);
    const { amendment, resolutionUri, xml, stukXml } = exportBoth(resolution, 'A2');
    expect(validates(xml, 'a2.xml')).toContain('validates');
    const refs = refsOf(xml, resolutionUri);
    expect(refs.length).toBeGreaterThan(0);
    expect(xpath(stukXml, `string(//*[@eId='${refs[0]!.eId}'])`)).toContain('Dat, als het kabinet');
    expect(xpath(xml, `string(//${el('mod')})`)).toBe(endSentence(amendment.instructions[0]!, '.'));
  });

  it('count the punten as the resolution reads, not with another amendment’s new punt', () => {
    const ydoc = createYDoc(
      buildDoc({
        title: 'Wonen',
        recitals: [['Er is te weinig;']],
        operatives: [['Dat er gebouwd wordt;', 'Dat het Rijk onverkort helpt.']],
      }),
    );
    submitAmendment(ydoc, EDE, { indiener: 'Ede' }, (draft) =>
      draft.newItemAfter('gebouwd wordt', 'Dat de gemeenten meedoen;'),
    );
    submitAmendment(ydoc, UTRECHT, { indiener: 'Utrecht' }, (draft) =>
      draft.replace('onverkort', 'ruim'),
    );
    const { amendment, resolutionUri, xml, stukXml } = exportBoth(ydoc, 'A2');
    expect(amendment.instructions).toEqual([
      'in punt 2 onder ‘Spreekt uit’ “onverkort” te vervangen door “ruim”',
    ]);
    expect(validates(xml, 'wonen.xml')).toContain('validates');
    const [ref] = refsOf(xml, resolutionUri);
    expect(ref!.href).toBe(`${resolutionUri}/~hcontainer_1__para_2`);
    expect(xpath(stukXml, `string(//*[@eId='hcontainer_1__para_2'])`)).toContain('onverkort');
  });
});
