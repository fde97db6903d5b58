/**
 * The Akoma Ntoso export's structure, ids and escaping. The XML is read back by xmllint's XPath
 * (an independent parser) where the structure matters, and checked as text for escaping.
 */
import { describe, expect, it } from 'vitest';
import { docFromModel } from '../../editor/fromModel.ts';
import { getFootnotes } from '../../editor/queries/getFootnoteNumbers.ts';
import { HOSTILE, fullModel, generatedDocs, seedDocs } from './testing/aknTestDocs.ts';
import { el, xpath } from './testing/aknXpath.ts';
import { AKN_NAMESPACE, toAkomaNtoso } from './toAkomaNtoso.ts';
import { escapeAttribute, escapeText } from './xmlText.ts';
import { BROKEN_REFERENCE_TEXT } from '../../editor/queries/getReferences.ts';
import { REFERENCE_IDS, REFERENCE_LABELS, referenceDoc } from '../testing/referenceDoc.ts';

const now = new Date('2026-03-04T12:00:00Z');

describe('escaping', () => {
  it('escapes markup, entities and quotes, and writes bidi controls as references', () => {
    expect(escapeText('<a>&b')).toBe('&lt;a&gt;&amp;b');
    expect(escapeAttribute('"x\' \n')).toBe('&quot;x&apos; &#xA;');
    expect(escapeText('\u202Eab')).toBe('&#x202E;ab');
    expect(escapeText('a\u0001b\uFFFFc')).toBe('abc');
  });

  it('lets no markup of the stuk reach the XML', () => {
    const hostile = generatedDocs().find((entry) => entry.name === 'vijandige tekst');
    const xml = toAkomaNtoso(hostile!.doc, { now });
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<!--');
    expect(xml).not.toContain('<b>&</b>');
    expect(xml).not.toContain('\u202E');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).toContain('&amp;amp;');
    expect(xml).toContain('&#x202E;evil&#x202C;');
  });

  it('reads back the hostile text unchanged', () => {
    const hostile = generatedDocs().find((entry) => entry.name === 'vijandige tekst');
    const xml = toAkomaNtoso(hostile!.doc, { now });
    const recital = xpath(xml, `string(//${el('recital')}/${el('p')})`);
    expect(recital).toBe(HOSTILE);
    const showAs = xpath(xml, `string(//${el('TLCOrganization')}[@eId='indiener']/@showAs)`);
    expect(showAs).toBe(HOSTILE);
  });
});

describe('structure of a full resolution', () => {
  const xml = toAkomaNtoso(docFromModel(fullModel()), { now });
  const text = (expression: string) => xpath(xml, `string(${expression})`);
  const count = (expression: string) => Number(xpath(xml, `count(${expression})`));

  it('is a statement named after the kind, in the AKN namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xpath(xml, `namespace-uri(/*)`)).toBe(AKN_NAMESPACE);
    expect(text(`/${el('akomaNtoso')}/${el('statement')}/@name`)).toBe('resolutie');
  });

  it('identifies work, expression and manifestation', () => {
    const id = `//${el('identification')}`;
    expect(text(`${id}/@source`)).toBe('#resolutie-editor');
    expect(text(`${id}/${el('FRBRWork')}/${el('FRBRdate')}/@date`)).toBe('2024-11-29');
    expect(text(`${id}/${el('FRBRWork')}/${el('FRBRcountry')}/@value`)).toBe('nl');
    expect(text(`${id}/${el('FRBRExpression')}/${el('FRBRlanguage')}/@language`)).toBe('nld');
    expect(text(`${id}/${el('FRBRManifestation')}/${el('FRBRdate')}/@date`)).toBe('2026-03-04');
    expect(text(`${id}/${el('FRBRWork')}/${el('FRBRuri')}/@value`)).toBe(
      '/akn/nl/statement/resolutie/2024-11-29/geld-voor-de-jeugd',
    );
    expect(count(`//${el('TLCOrganization')}[@eId='resolutie-editor']`)).toBe(1);
  });

  it('has the title, the formula and the recitals', () => {
    expect(text(`//${el('preface')}//${el('docTitle')}`)).toBe('Resolutie “Geld voor de jeugd”');
    expect(text(`//${el('formula')}/${el('p')}`)).toBe(
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
    );
    expect(count(`//${el('preamble')}/${el('recitals')}`)).toBe(2);
    expect(text(`//${el('recitals')}[1]/${el('intro')}`)).toBe('Constaterende dat:');
    expect(text(`//${el('recital')}[@eId='recs_1__rec_1']/${el('num')}`)).toBe('1.');
    expect(text(`//${el('recital')}[@eId='recs_1__rec_1']/${el('p')}/text()`)).toBe(
      'De tekorten lopen op',
    );
    expect(text(`//${el('recital')}[@eId='recs_1__rec_b1']/${el('num')}`)).toBe('•');
  });

  it('puts operative blocks in hcontainers with paragraphs and points', () => {
    expect(
      count(`/${el('akomaNtoso')}/${el('statement')}/${el('mainBody')}/${el('hcontainer')}`),
    ).toBe(3);
    expect(text(`//${el('hcontainer')}[@eId='hcontainer_1']/${el('heading')}`)).toBe(
      'Spreekt uit:',
    );
    const para = `//${el('paragraph')}[@eId='hcontainer_1__para_1']`;
    expect(text(`${para}/${el('num')}`)).toBe('1.');
    expect(count(`${para}/${el('list')}/${el('point')}`)).toBe(3);
    expect(text(`//${el('point')}[@eId='hcontainer_1__para_1__list_1__point_a']`)).toBe('a.punt a');
    expect(text(`${para}//${el('a')}/@href`)).toBe('https://vng.nl/?a=1&b=2');
    expect(count(`${para}//${el('eol')}`)).toBe(1);
    expect(count(`//${el('paragraph')}[@eId='hcontainer_1__para_2']`)).toBe(1);
  });

  it('keeps footnotes as authorial notes where they stand, numbered', () => {
    expect(count(`//${el('authorialNote')}`)).toBe(2);
    expect(text(`//${el('recital')}//${el('authorialNote')}/@marker`)).toBe('1');
    expect(text(`//${el('recital')}//${el('authorialNote')}`)).toBe('Bron: CBS.');
    expect(text(`//${el('hcontainer')}[@eId='hcontainer_3']//${el('authorialNote')}/@marker`)).toBe(
      '2',
    );
    expect(text(`//${el('hcontainer')}[@eId='hcontainer_3']//${el('authorialNote')}`)).toBe(
      'Noot <b>&</b>',
    );
  });

  it('attaches the Toelichting with headings, lists and quotes', () => {
    const doc = `//${el('attachment')}/${el('doc')}[@name='toelichting']`;
    expect(count(doc)).toBe(1);
    expect(text(`${doc}//${el('hcontainer')}[@name='kop'][1]/${el('heading')}`)).toBe('Waarom nu?');
    expect(count(`${doc}//${el('blockList')}`)).toBe(2);
    expect(text(`${doc}//${el('blockContainer')}`)).toBe('Zo zei de minister.');
    expect(text(`${doc}//${el('hcontainer')}[@name='inleiding']`)).toBe('Inleiding zonder kop.');
  });

  it('numbers the notes of every stuk as the editor does', () => {
    let notes = 0;
    for (const { doc } of [...seedDocs(), ...generatedDocs()]) {
      const exported = toAkomaNtoso(doc, { now });
      const markers = [...exported.matchAll(/<authorialNote [^>]*marker="(\d+)"/g)].map((match) =>
        Number(match[1]),
      );
      expect(markers).toEqual(getFootnotes(doc).map((note) => note.number));
      notes += markers.length;
    }
    expect(notes).toBeGreaterThan(4);
  });

  it('gives every eId once', () => {
    for (const { doc } of [...seedDocs(), ...generatedDocs()]) {
      const exported = toAkomaNtoso(doc, { now });
      const ids = [...exported.matchAll(/ eId="([^"]*)"/g)].map((match) => match[1]);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('other stukken', () => {
  it('names a motie a motie', () => {
    const motie = generatedDocs().find((entry) => entry.name === 'motie');
    const xml = toAkomaNtoso(motie!.doc, { now });
    expect(xpath(xml, `string(//${el('statement')}/@name)`)).toBe('motie');
    expect(xpath(xml, `string(//${el('docTitle')})`)).toContain('Motie');
  });

  it('dates a stuk without date on the export day', () => {
    const undated = generatedDocs().find((entry) => entry.name === 'zonder datum');
    const xml = toAkomaNtoso(undated!.doc, { now, name: 'resolutie' });
    const workDate = `string(//${el('FRBRWork')}/${el('FRBRdate')}/@date)`;
    expect(xpath(xml, workDate)).toBe('2026-03-04');
    expect(xpath(xml, `string(//${el('FRBRWork')}/${el('FRBRdate')}/@name)`)).toBe('export');
  });
});

describe('cross-references', () => {
  const xml = toAkomaNtoso(referenceDoc(), { now });
  const renumbered = toAkomaNtoso(referenceDoc(['eerst dit;']), { now });
  // The eId of the element whose wId is `id`, and the href of every ref, as xmllint reads them.
  const eIdOf = (source: string, id: string) => xpath(source, `string(//*[@wId='${id}']/@eId)`);
  const hrefs = (source: string) =>
    xpath(source, `//${el('ref')}/@href`)
      .split(/\s+/)
      .map((attribute) => /^href="(.*)"$/.exec(attribute)?.[1]);

  it('gives items, sub-items, blocks and headings their id as wId beside the eId', () => {
    expect(eIdOf(xml, REFERENCE_IDS.recital)).toBe('recs_1__rec_1');
    expect(eIdOf(xml, REFERENCE_IDS.block)).toBe('hcontainer_1');
    expect(eIdOf(xml, REFERENCE_IDS.item)).toBe('hcontainer_1__para_1');
    expect(eIdOf(xml, REFERENCE_IDS.subItem)).toBe('hcontainer_1__para_2__list_1__point_a');
    expect(eIdOf(xml, REFERENCE_IDS.heading)).toBe('att_1__hcontainer_1');
    expect(xpath(xml, `count(//*[@wId])`)).toBe('5');
  });

  it('writes each reference as a ref to its target’s eId by its label, a broken one as text', () => {
    expect(hrefs(xml)).toEqual([
      '#hcontainer_1__para_1',
      '#hcontainer_1__para_2__list_1__point_a',
      '#hcontainer_1',
      '#att_1__hcontainer_1',
      '#hcontainer_1__para_1',
    ]);
    expect(xpath(xml, `string(//${el('ref')}[2])`)).toBe(REFERENCE_LABELS.subItem);
    expect(xpath(xml, `string(//${el('paragraph')}[@eId='hcontainer_1__para_3'])`)).toContain(
      `dat zie ${REFERENCE_LABELS.item}, ${REFERENCE_LABELS.subItem}, ${REFERENCE_LABELS.block}, ${REFERENCE_LABELS.heading} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`,
    );
    expect(xml).not.toContain(REFERENCE_IDS.missing);
  });

  it('renumbers the eId and the ref that points to it, and keeps the wId', () => {
    expect(eIdOf(renumbered, REFERENCE_IDS.item)).toBe('hcontainer_1__para_2');
    expect(eIdOf(renumbered, REFERENCE_IDS.subItem)).toBe('hcontainer_1__para_3__list_1__point_a');
    expect(hrefs(renumbered)).toEqual([
      '#hcontainer_1__para_2',
      '#hcontainer_1__para_3__list_1__point_a',
      '#hcontainer_1',
      '#att_1__hcontainer_1',
      '#hcontainer_1__para_2',
    ]);
    expect(xpath(renumbered, `string(//${el('ref')}[1])`)).toBe('punt 2');
  });
});
