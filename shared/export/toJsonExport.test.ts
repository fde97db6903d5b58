import { readFileSync, readdirSync } from 'node:fs';
import { Schema } from 'prosemirror-model';
import type { Node, NodeSpec } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { InlineRun, ParsedResolution } from '../model/resolution.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { schema } from '../editor/schema.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { toJsonExport } from './toJsonExport.ts';
import type { ResolutieJsonExport, ResolutieJsonFlow } from './toJsonExport.ts';
import { BROKEN_REFERENCE_TEXT } from '../editor/queries/getReferences.ts';
import { REFERENCE_IDS, REFERENCE_LABELS, referenceDoc } from './testing/referenceDoc.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);

/** The seed whose file name starts with `prefix` ("001"). */
function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
}

function seedDoc(prefix: string): Node {
  return docFromModel(parseResolutionText(seed(prefix)));
}

// Every flow entry, depth first.
function walk(flows: readonly ResolutieJsonFlow[]): ResolutieJsonFlow[] {
  return flows.flatMap((flow) => [
    flow,
    ...(flow.type === 'blockquote' ? walk(flow.content) : []),
    ...(flow.type === 'bullet_list' || flow.type === 'ordered_list'
      ? flow.items.flatMap((entry) => walk(entry))
      : []),
  ]);
}

// Paths of values that are not plain JSON (undefined, functions, Maps, class instances …).
function nonJsonValues(value: unknown, path = '$'): string[] {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value))
    return value.flatMap((entry, i) => nonJsonValues(entry, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, entry]) => nonJsonValues(entry, `${path}.${key}`));
  }
  return [path];
}

const text = (value: string): InlineRun => ({ type: 'text', text: value });

function model(parts: Partial<ParsedResolution>): ParsedResolution {
  return {
    kind: 'resolutie',
    status: 'concept',
    title: null,
    preamble: null,
    blocks: [],
    explanation: [],
    ...parts,
  };
}

describe('toJsonExport on seed 001', () => {
  const json = toJsonExport(seedDoc('001'));

  it('marks its format and version', () => {
    expect(json.format).toBe('resolutie-json');
    expect(json.formatVersion).toBe(1);
    expect(Object.keys(json)).toEqual([
      'format',
      'formatVersion',
      'metadata',
      'blocks',
      'explanation',
      'footnotes',
    ]);
  });

  it('reads the metadata of the title line and the preamble', () => {
    expect(json.metadata).toStrictEqual({
      kind: 'resolutie',
      kindLabel: 'Geactualiseerde resolutie',
      status: 'geactualiseerd',
      title: 'VNG-inzet richting nieuwe kabinet',
      assembly: 'Najaars ALV',
      date: '2024-11-29',
      dateText: 'vrijdag 29 november 2024',
      preamble: 'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
      submitter: null,
      versionLabel: null,
    });
  });

  it('exports both blocks with six numbered items each', () => {
    expect(json.blocks.map((b) => [b.kind, b.heading, b.headingText])).toEqual([
      ['recital', 'overwegende', 'Overwegende dat:'],
      ['operative', 'spreekt_uit', 'Spreekt uit:'],
    ]);
    for (const block of json.blocks) {
      expect(block.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(block.items.map((i) => i.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
      expect(block.items.every((i) => i.subItems.length === 0 && !('links' in i))).toBe(true);
    }
    expect(json.blocks[0]?.items[0]).toStrictEqual({
      number: '1',
      label: '1.',
      text:
        'Gemeenten - mede in het licht van de in de ALV van 14 juni 2023 vastgestelde ' +
        'Verenigingsstrategie en de in de Extra ALV van 24 mei jl. en de ALV van 26 juni jl. ' +
        'aangenomen resoluties - een stap naar voren willen zetten;',
      subItems: [],
    });
    expect(json.blocks[1]?.items[5]?.text).toBe(
      'Dat indien de omstandigheden daartoe aanleiding geven er een Extra ALV zal worden ' +
        'gehouden in het voorjaar van 2025.',
    );
  });

  it('exports the Toelichting as headings and paragraphs', () => {
    expect(json.explanation[0]).toStrictEqual({
      type: 'heading',
      level: 1,
      text: 'Geactualiseerde resolutie op basis van Overhedenoverleg en informele ledenpeiling',
    });
    const headings = json.explanation.flatMap((f) =>
      f.type === 'heading' ? [`${f.level} ${f.text}`] : [],
    );
    expect(headings.slice(1)).toEqual([
      '1 Informele ledenpeiling',
      '1 Overhedenoverleg',
      '2 Belangrijke stap naar voldoende middelen en gezamenlijke doelen',
      '2 Compensatie voor stijgende kosten jeugdzorg in zicht',
      '2 Agenda op voorwaarden',
    ]);
    expect(json.explanation.filter((f) => f.type === 'paragraph')).toHaveLength(10);
    expect(JSON.stringify(json.explanation)).toContain('één heldere');
    expect(json.footnotes).toEqual([]);
  });
});

describe('toJsonExport on seeds with footnotes, lists and links', () => {
  it('numbers footnotes and references them as [n] in the text (seed 004)', () => {
    const json = toJsonExport(seedDoc('004'));
    expect(json.footnotes).toStrictEqual([
      {
        number: 1,
        text: 'https://www.raadvanstate.nl/actueel/nieuws/december/advies-wet-beschikbaarheid-jeugdzorg/',
      },
    ]);
    const withReference = walk(json.explanation).filter(
      (f) => f.type === 'paragraph' && f.text.includes('[1]'),
    );
    expect(withReference).toHaveLength(1);
    expect(JSON.stringify(withReference[0])).toContain('bij het Wetsvoorstel[1]. De Raad');
    expect(json.blocks).toEqual([]);
    expect(json.metadata.title).toBeNull();
    expect(json.metadata.date).toBeNull();
    expect(json.metadata.dateText).toBeNull();
  });

  it('keeps lists as items of flow, nested lists inside (seed 004)', () => {
    const json = toJsonExport(seedDoc('004'));
    const list = json.explanation.find((f) => f.type === 'ordered_list');
    if (list?.type !== 'ordered_list') throw new Error('no ordered list');
    expect(list.items).toHaveLength(3);
    const second = list.items[1] ?? [];
    expect(second.map((f) => f.type)).toEqual(['paragraph', 'paragraph', 'bullet_list']);
    expect(second[0]).toStrictEqual({
      type: 'paragraph',
      text: 'Schrap de bezuiniging van € 511 miljoen',
    });
    expect(second[2]).toStrictEqual({
      type: 'bullet_list',
      items: [
        [
          {
            type: 'paragraph',
            text: 'De VNG pleit ervoor om de extra bezuiniging op jeugdzorg volledig te schrappen.',
          },
        ],
      ],
    });
  });

  it('lists links beside the text, and hard breaks as "\\n" (seed 002)', () => {
    const json = toJsonExport(seedDoc('002'));
    expect(json.explanation).toContainEqual({
      type: 'paragraph',
      text: 'vng.nl/raadsleden',
      links: [{ text: 'vng.nl/raadsleden', href: 'https://vng.nl/raadsleden' }],
    });
    expect(json.explanation).toContainEqual({
      type: 'paragraph',
      text: 'Postbus 30435\n2500 GK Den Haag\n070 - 373 83 93\ninfo@vng.nl',
    });
  });

  it.each(['000', '001', '002', '003', '004'])(
    'is plain JSON that survives a round trip (seed %s)',
    (prefix) => {
      const json = toJsonExport(seedDoc(prefix));
      expect(nonJsonValues(json)).toEqual([]);
      expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json);
    },
  );
});

describe('toJsonExport on built documents', () => {
  it('nests lettered and bulleted sub-items under their numbered item', () => {
    const doc = buildDoc({
      recitals: [
        [
          'Eerste',
          { text: 'onderdeel a', indent: 1 },
          { text: 'onderdeel b', indent: 1 },
          { text: 'een opsomming', indent: 1, marker: 'bullet' },
          'Tweede',
        ],
      ],
      operatives: [['Enig punt', { text: 'onder het enige punt', indent: 1 }]],
    });
    const json = toJsonExport(doc);
    expect(json.blocks[0]?.items).toStrictEqual([
      {
        number: '1',
        label: '1.',
        text: 'Eerste',
        subItems: [
          { label: 'a.', marker: 'letter', text: 'onderdeel a' },
          { label: 'b.', marker: 'letter', text: 'onderdeel b' },
          { label: '•', marker: 'bullet', text: 'een opsomming' },
        ],
      },
      { number: '2', label: '2.', text: 'Tweede', subItems: [] },
    ]);
    expect(json.blocks[1]?.items[0]?.subItems).toStrictEqual([
      { label: 'a.', marker: 'letter', text: 'onder het enige punt' },
    ]);
  });

  it('keeps a sub-item without a numbered item before it as an item with number null', () => {
    const doc = buildDoc({
      recitals: [
        [
          { text: 'los a', indent: 1 },
          { text: 'los bullet', indent: 1, marker: 'bullet' },
          'Genummerd',
          { text: 'eronder', indent: 1 },
        ],
      ],
    });
    expect(toJsonExport(doc).blocks[0]?.items).toStrictEqual([
      { number: null, label: 'a.', text: 'los a', subItems: [] },
      { number: null, label: '•', text: 'los bullet', subItems: [] },
      {
        number: '1',
        label: '1.',
        text: 'Genummerd',
        // Letters restart under every numbered item (getItemLabels).
        subItems: [{ label: 'a.', marker: 'letter', text: 'eronder' }],
      },
    ]);
  });

  it('exports empty blocks, empty items and an empty Toelichting', () => {
    const json = toJsonExport(buildDoc({ recitals: [[]], operatives: [['']] }));
    expect(json.blocks).toStrictEqual([
      { kind: 'recital', heading: 'overwegende', headingText: 'Overwegende dat:', items: [] },
      {
        kind: 'operative',
        heading: 'spreekt_uit',
        headingText: 'Spreekt uit:',
        items: [{ number: '1', label: '1.', text: '', subItems: [] }],
      },
    ]);
    expect(json.explanation).toEqual([]);
    expect(json.metadata.title).toBeNull();
    expect(json.metadata.preamble).toBe('De leden bijeen in de ALV van …:');
  });

  it('numbers footnotes in document order across items and the Toelichting', () => {
    const doc = docFromModel(
      model({
        title: 'Voetnoten – “overal”',
        preamble: { assembly: 'ALV', date: '2025-06-13' },
        blocks: [
          {
            type: 'recital',
            heading: 'constaterende',
            items: [
              {
                indent: 0,
                marker: 'letter',
                content: [
                  text('Kosten stijgen'),
                  { type: 'footnote', text: 'CPB.' },
                  text(' en '),
                  { type: 'text', text: 'de site', href: 'https://vng.nl', marks: ['bold'] },
                  { type: 'text', text: ' van VNG', href: 'https://vng.nl' },
                  { type: 'hard_break' },
                  text('meer.'),
                ],
              },
            ],
          },
        ],
        explanation: [
          {
            type: 'blockquote',
            content: [
              { type: 'paragraph', content: [text('Citaat'), { type: 'footnote', text: 'Bron.' }] },
            ],
          },
        ],
      }),
    );
    const json = toJsonExport(doc);
    expect(json.metadata.title).toBe('Voetnoten – “overal”');
    expect(json.metadata.dateText).toBe('vrijdag 13 juni 2025');
    expect(json.blocks[0]?.items[0]).toStrictEqual({
      number: '1',
      label: '1.',
      text: 'Kosten stijgen[1] en de site van VNG\nmeer.',
      links: [{ text: 'de site van VNG', href: 'https://vng.nl' }],
      subItems: [],
    });
    expect(json.explanation).toStrictEqual([
      { type: 'blockquote', content: [{ type: 'paragraph', text: 'Citaat[2]' }] },
    ]);
    expect(json.footnotes).toStrictEqual([
      { number: 1, text: 'CPB.' },
      { number: 2, text: 'Bron.' },
    ]);
    const roundTrip: ResolutieJsonExport = JSON.parse(JSON.stringify(json)) as ResolutieJsonExport;
    expect(roundTrip).toStrictEqual(json);
  });

  describe('submitter and version label, with and without the title attributes', () => {
    // Two variants of the schema: the title with the attributes (as the current schema has
    // them, or will) and without (as older schemas had it). The export reads them by name.
    const titleSpec = schema.spec.nodes.get('title') as NodeSpec;
    const {
      submitter: _submitter,
      versionLabel: _versionLabel,
      ...baseAttrs
    } = titleSpec.attrs ?? {};
    const schemaWith = (attrs: NodeSpec['attrs']) =>
      new Schema({
        topNode: 'doc',
        nodes: schema.spec.nodes.update('title', { ...titleSpec, attrs }),
        marks: schema.spec.marks,
      });
    const withAttributes = schemaWith({
      ...baseAttrs,
      submitter: { default: null },
      versionLabel: { default: null },
    });
    const withoutAttributes = schemaWith(baseAttrs);

    // buildDoc's document in another schema, with extra title attributes set.
    function docIn(target: Schema, titleAttrs: Record<string, unknown>): Node {
      const json = buildDoc({ title: 'Met indiener' }).toJSON() as {
        content: { attrs?: Record<string, unknown> }[];
      };
      const title = json.content[0];
      if (!title) throw new Error('no title');
      title.attrs = { kind: 'motie', status: 'concept', ...titleAttrs };
      return target.nodeFromJSON(json);
    }

    it('reads them when set, trimmed', () => {
      const doc = docIn(withAttributes, {
        submitter: ' Gemeente Utrecht ',
        versionLabel: 'Concept 12 november',
      });
      expect(doc.firstChild?.attrs.submitter).toBe(' Gemeente Utrecht ');
      const { metadata } = toJsonExport(doc);
      expect(metadata.submitter).toBe('Gemeente Utrecht');
      expect(metadata.versionLabel).toBe('Concept 12 november');
      expect(metadata.kindLabel).toBe('Motie');
    });

    it('gives null when they are null or empty', () => {
      const doc = docIn(withAttributes, { submitter: '  ', versionLabel: null });
      const { metadata } = toJsonExport(doc);
      expect([metadata.submitter, metadata.versionLabel]).toEqual([null, null]);
    });

    it('gives null when the schema has no such attributes', () => {
      const doc = docIn(withoutAttributes, {});
      expect('submitter' in (doc.firstChild?.attrs ?? {})).toBe(false);
      const { metadata } = toJsonExport(doc);
      expect([metadata.submitter, metadata.versionLabel]).toEqual([null, null]);
      expect(metadata.title).toBe('Met indiener');
    });
  });
});

describe('toJsonExport with cross-references', () => {
  const json = toJsonExport(referenceDoc());
  const roundTrip = JSON.parse(JSON.stringify(json)) as ResolutieJsonExport;

  it('gives the targets their id, and leaves it out where there is none', () => {
    const [recitals, operatives] = roundTrip.blocks;
    expect(recitals).not.toHaveProperty('id');
    expect(recitals!.items[0]!.id).toBe(REFERENCE_IDS.recital);
    expect(operatives!.id).toBe(REFERENCE_IDS.block);
    expect(operatives!.items[0]!.id).toBe(REFERENCE_IDS.item);
    expect(operatives!.items[1]).not.toHaveProperty('id');
    expect(operatives!.items[1]!.subItems[0]!.id).toBe(REFERENCE_IDS.subItem);
    expect(roundTrip.explanation[0]).toEqual({
      type: 'heading',
      level: 1,
      id: REFERENCE_IDS.heading,
      text: 'Woningbouw in cijfers',
    });
  });

  it('reads references as their label in the text and lists them with target and place', () => {
    const item = roundTrip.blocks[1]!.items[2]!;
    expect(item.text).toBe(
      `dat zie ${REFERENCE_LABELS.item}, ${REFERENCE_LABELS.subItem}, ${REFERENCE_LABELS.block}, ${REFERENCE_LABELS.heading} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`,
    );
    expect(item).not.toHaveProperty('links');
    const references = item.references ?? [];
    expect(references.map(({ start: _start, end: _end, ...rest }) => rest)).toEqual([
      { type: 'reference', target: REFERENCE_IDS.item, label: REFERENCE_LABELS.item },
      { type: 'reference', target: REFERENCE_IDS.subItem, label: REFERENCE_LABELS.subItem },
      { type: 'reference', target: REFERENCE_IDS.block, label: REFERENCE_LABELS.block },
      { type: 'reference', target: REFERENCE_IDS.heading, label: REFERENCE_LABELS.heading },
      {
        type: 'reference',
        target: REFERENCE_IDS.missing,
        label: BROKEN_REFERENCE_TEXT,
        broken: true,
      },
    ]);
    for (const reference of references) {
      expect(item.text.slice(reference.start, reference.end)).toBe(reference.label);
    }
    // Every reference that is not broken names an id the export gives to an element.
    const ids = new Set<string>();
    JSON.stringify(roundTrip, (key, value: unknown) => {
      if (key === 'id' && typeof value === 'string') ids.add(value);
      return value;
    });
    for (const reference of references) expect(ids.has(reference.target)).toBe(!reference.broken);
    expect(roundTrip.explanation[1]).toEqual({
      type: 'paragraph',
      text: `Zoals ${REFERENCE_LABELS.item} vraagt.`,
      references: [
        {
          type: 'reference',
          target: REFERENCE_IDS.item,
          label: REFERENCE_LABELS.item,
          start: 6,
          end: 6 + REFERENCE_LABELS.item.length,
        },
      ],
    });
    expect(roundTrip).toEqual(json);
  });

  it('keeps the id and follows the renumbering in the label', () => {
    const renumbered = toJsonExport(referenceDoc(['eerst dit;']));
    expect(renumbered.blocks[1]!.items[1]!.id).toBe(REFERENCE_IDS.item);
    expect(renumbered.explanation[1]).toMatchObject({ text: 'Zoals punt 2 vraagt.' });
  });

  it('adds neither ids nor references to a stuk without them', () => {
    expect(JSON.stringify(toJsonExport(seedDoc('001')))).not.toMatch(/"id"|"references"/);
  });
});
