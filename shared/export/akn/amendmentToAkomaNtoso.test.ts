/**
 * The amendment as Akoma Ntoso: what it names and points to, its instructions as `mod`s, its
 * conclusions, and escaping, read back by xmllint's XPath (an independent parser).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { docFromModel } from '../../editor/fromModel.ts';
import type { InstructionPart } from '../../model/amendmentForm.ts';
import { amendmentToAkomaNtoso } from './amendmentToAkomaNtoso.ts';
import { HOSTILE, fullModel, testAmendments } from './testing/aknTestDocs.ts';
import { el, xpath } from './testing/aknXpath.ts';
import { aknEidsOf, aknWorkUriOf, toAkomaNtoso } from './toAkomaNtoso.ts';

const now = new Date('2026-03-04T12:00:00Z');
const amendments = testAmendments();
const byNumber = (number: string) => {
  const found = amendments.find(({ amendment }) => amendment.number === number);
  if (!found) throw new Error(number);
  return found.amendment;
};

describe('the amendment export', () => {
  const resolution = docFromModel(fullModel());
  const resolutionUri = aknWorkUriOf(resolution, { now });

  it('points to the work URI the resolution’s own export carries', () => {
    const own = xpath(
      toAkomaNtoso(resolution, { now }),
      `string(//${el('FRBRWork')}/${el('FRBRuri')}/@value)`,
    );
    expect(own).toBe(resolutionUri);
    const xml = amendmentToAkomaNtoso(byNumber('A1'), { resolutionUri, now });
    expect(xpath(xml, `string(//${el('affectedDocument')}/@href)`)).toBe(resolutionUri);
    expect(xpath(xml, `string(//${el('FRBRWork')}/${el('FRBRuri')}/@value)`)).toBe(
      '/akn/nl/amendment/amendement/2024-11-29/geld-voor-de-jeugd-a1',
    );
  });

  it('names its number, indiener and co-indieners, each a known organisation', () => {
    const xml = amendmentToAkomaNtoso(byNumber('A2'), { resolutionUri, now });
    expect(xpath(xml, `string(//${el('docTitle')})`)).toBe('Amendement A2');
    expect(xpath(xml, `count(//${el('docProponent')})`)).toBe('3');
    expect(xpath(xml, `string(//${el('preface')}/${el('p')}[3])`)).toBe(
      'mede ingediend door de gemeenten Zwolle en Tilburg',
    );
    for (const ref of ['indiener', 'medeindiener_1', 'medeindiener_2']) {
      expect(xpath(xml, `string(//${el('TLCOrganization')}[@eId='${ref}']/@showAs)`)).not.toBe('');
      expect(xpath(xml, `count(//${el('docProponent')}[@refersTo='#${ref}'])`)).toBe('1');
    }
  });

  it('holds each instruction as a mod, numbered and closed as printed', () => {
    const several = amendmentToAkomaNtoso(byNumber('A2'), { resolutionUri, now });
    expect(xpath(several, `count(//${el('amendmentContent')}//${el('mod')})`)).toBe('3');
    expect(xpath(several, `string(//${el('mod')}[@eId='mod_1'])`)).toMatch(/“ruim”;$/);
    expect(xpath(several, `string(//${el('mod')}[@eId='mod_3'])`)).toMatch(/schrappen\.$/);
    const one = amendmentToAkomaNtoso(byNumber('A1'), { resolutionUri, now });
    expect(xpath(one, `count(//${el('blockList')})`)).toBe('0');
    expect(xpath(one, `string(//${el('mod')})`)).toMatch(/“ruim”\.$/);
    const none = amendmentToAkomaNtoso(byNumber('A3'), { resolutionUri, now });
    expect(xpath(none, `count(//${el('mod')})`)).toBe('0');
    expect(xpath(none, `string(//${el('amendmentContent')}/${el('p')}[@class='opmerking'])`)).toBe(
      'De wijziging is niet meer in de tekst te vinden.',
    );
  });

  it('has the Toelichting as justification and preadvies and besluit as conclusions', () => {
    const xml = amendmentToAkomaNtoso(byNumber('A2'), { resolutionUri, now });
    expect(xpath(xml, `count(//${el('amendmentJustification')}/${el('p')})`)).toBe('2');
    expect(xpath(xml, `string(//${el('container')}[@name='preadvies']/${el('p')}[1])`)).toBe(
      'Oordeel ALV',
    );
    expect(xpath(xml, `string(//${el('container')}[@name='besluit'])`)).toBe(
      'Aangenomen, 28 voor, 3 tegen, 1 onthouding.',
    );
    const plain = amendmentToAkomaNtoso(byNumber('A1'), { resolutionUri, now });
    expect(xpath(plain, `count(//${el('conclusions')})`)).toBe('0');
    expect(xpath(plain, `count(//${el('amendmentJustification')})`)).toBe('0');
  });

  it('reads back hostile text unchanged, never as markup', () => {
    const xml = amendmentToAkomaNtoso(byNumber('A4'), { resolutionUri, now });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<!--');
    expect(xpath(xml, `string(//${el('amendmentJustification')}/${el('p')})`)).toBe(HOSTILE.trim());
    expect(xpath(xml, `count(//${el('mod')})`)).toBe('2');
  });
});

describe('the amendment export’s mods in their parts', () => {
  const resolution = docFromModel(fullModel());
  const resolutionUri = aknWorkUriOf(resolution, { now });
  const own = toAkomaNtoso(resolution, { now });
  const folder = mkdtempSync(join(tmpdir(), 'akn-mods-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // The eIds of the first operative block and its first punt, as the export gives them.
  const eIds = aknEidsOf(resolution);
  const operatives = resolution.content.content.find((node) => node.type.name === 'operatives')!;
  const block = operatives.child(0);
  const punt = block.child(0);
  const instruction = 'in punt 1 onder ‘Spreekt uit’ “fors” te vervangen door “ruim”';
  const parts = (eId: string | undefined): InstructionPart[] => [
    { kind: 'text', text: 'in ' },
    { kind: 'place', text: 'punt 1 onder ‘Spreekt uit’', ...(eId ? { eId } : {}) },
    { kind: 'text', text: ' ' },
    { kind: 'old', text: '“fors”' },
    { kind: 'text', text: ' te vervangen door ' },
    { kind: 'new', text: '“ruim”' },
  ];
  const withParts = (list: InstructionPart[][], instructions = [instruction]) => ({
    ...byNumber('A1'),
    instructions,
    instructionParts: list,
  });

  it('marks the place as a ref into the resolution’s export and the words as quotedText', () => {
    const eId = eIds.get(punt)!;
    expect(eId).toBe(xpath(own, `string((//${el('mainBody')}//${el('paragraph')})[1]/@eId)`));
    const xml = amendmentToAkomaNtoso(withParts([parts(eId)]), { resolutionUri, now });
    const file = join(folder, 'a1.xml');
    writeFileSync(file, xml);
    const schema = fileURLToPath(
      new URL('../../../test/fixtures/standards/akn/akomantoso30.xsd', import.meta.url),
    );
    const valid = spawnSync('xmllint', ['--noout', '--schema', schema, file], {
      encoding: 'utf8',
    });
    expect(valid.stderr).toContain('validates');
    const href = xpath(xml, `string(//${el('mod')}/${el('ref')}/@href)`);
    expect(href).toBe(`${resolutionUri}/~${eId}`);
    expect(xpath(own, `count(//*[@eId='${href.split('/~')[1]}'])`)).toBe('1');
    expect(xpath(xml, `string(//${el('mod')}/${el('ref')})`)).toBe('punt 1 onder ‘Spreekt uit’');
    expect(xpath(xml, `string(//${el('mod')}/${el('quotedText')}[@class='oud'])`)).toBe('“fors”');
    expect(xpath(xml, `string(//${el('mod')}/${el('quotedText')}[@class='nieuw'])`)).toBe('“ruim”');
    expect(xpath(xml, `string(//${el('mod')})`)).toBe(`${instruction}.`);
    // A block's eId too: the block's place as the export names it.
    expect(eIds.get(block)).toBe(
      xpath(own, `string((//${el('mainBody')}/${el('hcontainer')})[1]/@eId)`),
    );
  });

  it('keeps a place without an eId as text, and parts that read otherwise as the sentence', () => {
    const bare = amendmentToAkomaNtoso(withParts([parts(undefined)]), { resolutionUri, now });
    expect(xpath(bare, `count(//${el('ref')})`)).toBe('0');
    expect(xpath(bare, `count(//${el('quotedText')})`)).toBe('2');
    expect(xpath(bare, `string(//${el('mod')})`)).toBe(`${instruction}.`);
    // Parts that do not read as the instruction are not used: the sentence counts.
    const other = withParts([parts('x')], ['punt 3 onder ‘Overwegende dat’ te schrappen']);
    const xml = amendmentToAkomaNtoso(other, { resolutionUri, now });
    expect(xpath(xml, `count(//${el('mod')}/*)`)).toBe('0');
    expect(xpath(xml, `string(//${el('mod')})`)).toBe(
      'punt 3 onder ‘Overwegende dat’ te schrappen.',
    );
  });
});
