import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InlineRun, ParsedItem, ParsedResolution } from '../model/resolution.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { PLAIN_TEXT_WIDTH, toPlainText } from './toPlainText.ts';
import { BROKEN_REFERENCE_TEXT } from '../editor/queries/getReferences.ts';
import { REFERENCE_LABELS, referenceDoc } from './testing/referenceDoc.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);

/** The seed whose file name starts with `prefix` ("001"). */
function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
}

function seedText(prefix: string): string {
  return toPlainText(docFromModel(parseResolutionText(seed(prefix))));
}

/** The lines from the one after `heading` up to (not including) the next empty line. */
function sectionAfter(lines: readonly string[], heading: string): string[] {
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`no line ${heading}`);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The labels of the numbered items among `lines` ("1.", "2." …). */
function numberedLabels(lines: readonly string[]): string[] {
  return lines.flatMap((line) => /^(\d+\.) /.exec(line)?.[1] ?? []);
}

// What may open a line before its text: an indent, a label ("1.", "a.", "•"), a footnote
// number ("[1]") or a quote mark.
const LINE_PREFIX = /^ *(?:(?:\d+\.|[a-z]+\.|•|\[\d+\]|>) +)?/;

/** Lines wider than the width, except a single (long) word after its prefix. */
function overlongLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => [...line].length > PLAIN_TEXT_WIDTH)
    .filter((line) => line.replace(LINE_PREFIX, '').includes(' '));
}

const text = (value: string): InlineRun => ({ type: 'text', text: value });
const item = (content: InlineRun[] | string, indent: 0 | 1 = 0): ParsedItem => ({
  indent,
  marker: 'letter',
  content: typeof content === 'string' ? (content ? [text(content)] : []) : content,
});
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

describe('toPlainText on seed 001', () => {
  const output = seedText('001');
  const lines = output.split('\n');

  it('opens with the title line and the preamble with its Dutch date', () => {
    expect(lines.slice(0, 4)).toEqual([
      'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”',
      '',
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
      '',
    ]);
  });

  it('numbers six recitals and six operative items 1. … 6.', () => {
    expect(lines[4]).toBe('Overwegende dat:');
    const expected = ['1.', '2.', '3.', '4.', '5.', '6.'];
    expect(numberedLabels(sectionAfter(lines, 'Overwegende dat:'))).toEqual(expected);
    expect(numberedLabels(sectionAfter(lines, 'Spreekt uit:'))).toEqual(expected);
  });

  it('wraps items in a hanging indent of four columns', () => {
    const recitals = sectionAfter(lines, 'Overwegende dat:');
    expect(recitals.slice(0, 4)).toEqual([
      '1.  Gemeenten - mede in het licht van de in de ALV van 14 juni 2023 vastgestelde',
      '    Verenigingsstrategie en de in de Extra ALV van 24 mei jl. en de ALV van 26 juni jl.',
      '    aangenomen resoluties - een stap naar voren willen zetten;',
      '2.  Gemeenten als krachtige bestuurslaag met het rijk en de andere medeoverheden uitvoering',
    ]);
    expect(recitals).toContain(
      '5.  Gemeenten zich in de Najaars ALV ook uitspreken over de resolutie “Stop met gesprekken',
    );
    const operatives = sectionAfter(lines, 'Spreekt uit:');
    expect(operatives.slice(-2)).toEqual([
      '6.  Dat indien de omstandigheden daartoe aanleiding geven er een Extra ALV zal worden',
      '    gehouden in het voorjaar van 2025.',
    ]);
    for (const line of [...recitals, ...operatives]) expect(line).toMatch(/^(\d\. {2}| {4})\S/);
  });

  it('prints the Toelichting with its headings, each after a blank line', () => {
    const toelichting = lines.indexOf('Toelichting');
    expect(toelichting).toBeGreaterThan(lines.indexOf('Spreekt uit:'));
    expect(lines[toelichting + 1]).toBe('');
    for (const heading of [
      'Geactualiseerde resolutie op basis van Overhedenoverleg en informele ledenpeiling',
      'Informele ledenpeiling',
      'Overhedenoverleg',
      'Belangrijke stap naar voldoende middelen en gezamenlijke doelen',
      'Compensatie voor stijgende kosten jeugdzorg in zicht',
      'Agenda op voorwaarden',
    ]) {
      const at = lines.indexOf(heading);
      expect(at, heading).toBeGreaterThan(toelichting);
      expect(lines[at - 1], heading).toBe('');
    }
    // The text under a heading follows it directly.
    expect(lines[lines.indexOf('Informele ledenpeiling') + 1]).toBe(
      'In de informele ledenpeiling hebben circa 160 gemeenten gereageerd op vragen over onder meer',
    );
  });

  it('keeps every line within 92 columns, without trailing whitespace', () => {
    expect(overlongLines(output)).toEqual([]);
    // The check itself does catch a long line of several words.
    expect(overlongLines(`1.  ${'woord '.repeat(20)}`)).toHaveLength(1);
    expect(lines.filter((line) => line !== line.trimEnd())).toEqual([]);
    expect(output.endsWith('.\n')).toBe(true);
    expect(output).not.toMatch(/\n\n\n/);
  });

  it('keeps characters outside Latin-1 and accented letters as they are', () => {
    for (const piece of ['één heldere', 'geïdentificeerd', '“Stop met', '‘taken en middelen’']) {
      expect(output).toContain(piece);
    }
  });

  it('has no footnotes, so no Voetnoten', () => {
    expect(output).not.toContain('Voetnoten');
  });
});

describe('toPlainText on seeds with footnotes, lists and links', () => {
  it('prints footnote references as [n] and lists the notes at the end (seed 004)', () => {
    const output = seedText('004');
    expect(output).toContain('bij het Wetsvoorstel[1]. De Raad');
    expect(
      output.endsWith(
        '\n\nVoetnoten\n' +
          '[1] https://www.raadvanstate.nl/actueel/nieuws/december/advies-wet-beschikbaarheid-jeugdzorg/\n',
      ),
    ).toBe(true);
    // A letter (no blocks, issue 16, point 12): its text straight away, without "Resolutie",
    // the placeholder preamble or "Toelichting".
    expect(output.startsWith('Vereniging van Nederlandse Gemeenten\n')).toBe(true);
    expect(output).not.toContain('De leden bijeen');
    expect(overlongLines(output)).toEqual([]);
  });

  it('prints ordered lists with nested bullets (seed 004)', () => {
    const lines = seedText('004').split('\n');
    const first = lines.findIndex((line) => line.startsWith('  1. Ga voortvarend'));
    expect(lines.slice(first, first + 3)).toEqual([
      '  1. Ga voortvarend aan de slag met de hervormingsagenda om te werken aan een integrale',
      '     aanpak op alle levensdomeinen van jongeren.',
      '     • Dit vraagt om interdepartementaal samenhangend kabinetsbeleid, waarbij met name de',
    ]);
    expect(lines).toContain('  2. Schrap de bezuiniging van € 511 miljoen');
    expect(lines).toContain(
      '     • De VNG pleit ervoor om de extra bezuiniging op jeugdzorg volledig te schrappen.',
    );
  });

  it('prints links as text (url) (seed 002)', () => {
    const output = seedText('002');
    expect(output).toContain('\nvng.nl/raadsleden (https://vng.nl/raadsleden)\n');
    expect(overlongLines(output)).toEqual([]);
  });
});

describe('toPlainText on built documents', () => {
  it('letters and bullets sub-items, indented four more columns', () => {
    const doc = buildDoc({
      title: 'Sub-items',
      recitals: [
        [
          'Eerste overweging',
          { text: 'onderdeel a', indent: 1 },
          { text: 'onderdeel b', indent: 1 },
          { text: 'een opsomming', indent: 1, marker: 'bullet' },
          'Tweede overweging',
          { text: 'weer a', indent: 1 },
        ],
      ],
      operatives: [['Enig punt']],
    });
    expect(toPlainText(doc)).toBe(
      [
        'Resolutie “Sub-items”',
        '',
        'Overwegende dat:',
        '1.  Eerste overweging',
        '    a.  onderdeel a',
        '    b.  onderdeel b',
        '    •   een opsomming',
        '2.  Tweede overweging',
        '    a.  weer a',
        '',
        'Spreekt uit:',
        '1.  Enig punt',
        '',
      ].join('\n'),
    );
  });

  it('prints "(geen punten)" under an empty block and the label alone for an empty item', () => {
    const doc = buildDoc({ recitals: [[]], operatives: [['', 'Tweede']] });
    expect(toPlainText(doc)).toBe(
      [
        'Resolutie',
        '',
        'Overwegende dat:',
        '(geen punten)',
        '',
        'Spreekt uit:',
        '1.',
        '2.  Tweede',
        '',
      ].join('\n'),
    );
  });

  it('prints a sub-item without a numbered item before it with its own label', () => {
    const doc = buildDoc({
      recitals: [[{ text: 'los onderdeel', indent: 1 }, 'Daarna genummerd']],
    });
    const lines = toPlainText(doc).split('\n');
    expect(sectionAfter(lines, 'Overwegende dat:')).toEqual([
      '    a.  los onderdeel',
      '1.  Daarna genummerd',
    ]);
  });

  it('wraps sub-items in their own hanging indent and aligns two-digit numbers', () => {
    const long = Array.from({ length: 30 }, (_, i) => `woord${i}`).join(' ');
    const doc = buildDoc({
      recitals: [
        [...Array.from({ length: 9 }, (_, i) => `punt ${i + 1}`), long, { text: long, indent: 1 }],
      ],
    });
    const lines = sectionAfter(toPlainText(doc).split('\n'), 'Overwegende dat:');
    expect(lines[8]).toBe('9.  punt 9');
    expect(lines.slice(9)).toEqual([
      '10. woord0 woord1 woord2 woord3 woord4 woord5 woord6 woord7 woord8 woord9 woord10 woord11',
      '    woord12 woord13 woord14 woord15 woord16 woord17 woord18 woord19 woord20 woord21 woord22',
      '    woord23 woord24 woord25 woord26 woord27 woord28 woord29',
      '    a.  woord0 woord1 woord2 woord3 woord4 woord5 woord6 woord7 woord8 woord9 woord10',
      '        woord11 woord12 woord13 woord14 woord15 woord16 woord17 woord18 woord19 woord20',
      '        woord21 woord22 woord23 woord24 woord25 woord26 woord27 woord28 woord29',
    ]);
  });

  it('puts a word longer than the line alone on its line, unbroken', () => {
    const word = `https://example.org/${'x'.repeat(100)}`;
    const doc = buildDoc({ recitals: [[`Zie ${word} voor meer`]], explanation: [word] });
    const lines = toPlainText(doc).split('\n');
    expect(sectionAfter(lines, 'Overwegende dat:')).toEqual([
      '1.  Zie',
      `    ${word}`,
      '    voor meer',
    ]);
    expect(lines).toContain(word);
  });

  it('leaves out an empty Toelichting, and prints a filled one under its heading', () => {
    expect(toPlainText(buildDoc({}))).not.toContain('Toelichting');
    const onlyEmptyParts = docFromModel(
      model({
        explanation: [
          { type: 'paragraph', content: [] },
          { type: 'heading', level: 2, content: [text('  ')] },
          { type: 'blockquote', content: [] },
        ],
      }),
    );
    // No blocks, no title, an empty preamble: nothing to show (issue 16, point 12).
    expect(toPlainText(onlyEmptyParts)).toBe('\n');
    const output = toPlainText(buildDoc({ explanation: ['Eerste alinea.', '', 'Tweede alinea.'] }));
    expect(output.endsWith('\n\nToelichting\n\nEerste alinea.\n\nTweede alinea.\n')).toBe(true);
  });

  it('prints footnotes, links, hard breaks, lists and quotes', () => {
    const doc = docFromModel(
      model({
        kind: 'motie',
        status: 'geactualiseerd',
        title: 'Geld voor de jeugd – nú',
        preamble: { assembly: 'Buitengewone ALV', date: '2025-06-13' },
        blocks: [
          {
            type: 'recital',
            heading: 'constaterende',
            items: [
              item([
                text('Dat de kosten stijgen'),
                { type: 'footnote', text: 'CPB, juni 2025.' },
                text(';'),
                { type: 'hard_break' },
                text('zie ook de bijlage.'),
              ]),
            ],
          },
          { type: 'recital', heading: 'gelet_op', items: [] },
          {
            type: 'operative',
            heading: 'verzoekt_bestuur',
            items: [
              item([
                text('Contact via '),
                { type: 'text', text: 'info@vng.nl', href: 'mailto:info@vng.nl' },
                text(' of '),
                { type: 'text', text: 'de site', href: 'https://vng.nl', marks: ['bold'] },
                { type: 'text', text: ' van VNG', href: 'https://vng.nl' },
                text('.'),
              ]),
            ],
          },
        ],
        explanation: [
          { type: 'heading', level: 1, content: [text('Achtergrond')] },
          {
            type: 'paragraph',
            content: [
              text('Zie de brief'),
              { type: 'footnote', text: 'Brief van 1 mei.' },
              text('.'),
            ],
          },
          {
            type: 'bullet_list',
            items: [
              [{ type: 'paragraph', content: [text('eerste')] }],
              [
                { type: 'paragraph', content: [text('tweede')] },
                {
                  type: 'ordered_list',
                  items: [[{ type: 'paragraph', content: [text('genest')] }]],
                },
              ],
            ],
          },
          { type: 'heading', level: 2, content: [text('Citaat')] },
          {
            type: 'blockquote',
            content: [
              { type: 'paragraph', content: [text('Eerste regel.')] },
              { type: 'paragraph', content: [text('Tweede regel.')] },
            ],
          },
        ],
      }),
    );
    expect(toPlainText(doc)).toBe(
      [
        'Geactualiseerde motie “Geld voor de jeugd – nú”',
        '',
        'De leden bijeen in de Buitengewone ALV van vrijdag 13 juni 2025:',
        '',
        'Constaterende dat:',
        '1.  Dat de kosten stijgen[1];',
        '    zie ook de bijlage.',
        '',
        'Gelet op:',
        '(geen punten)',
        '',
        'Verzoekt het bestuur:',
        '1.  Contact via info@vng.nl of de site van VNG (https://vng.nl).',
        '',
        'Toelichting',
        '',
        'Achtergrond',
        'Zie de brief[2].',
        '',
        '  • eerste',
        '  • tweede',
        '    1. genest',
        '',
        'Citaat',
        '> Eerste regel.',
        '>',
        '> Tweede regel.',
        '',
        'Voetnoten',
        '[1] CPB, juni 2025.',
        '[2] Brief van 1 mei.',
        '',
      ].join('\n'),
    );
  });
});

describe('toPlainText with cross-references', () => {
  it("prints each reference as its target's label, a broken one as vervallen", () => {
    const text = toPlainText(referenceDoc()).replace(/\s+/g, ' ');
    expect(text).toContain(
      `3. dat zie ${REFERENCE_LABELS.item}, ${REFERENCE_LABELS.subItem}, ${REFERENCE_LABELS.block}, ${REFERENCE_LABELS.heading} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`,
    );
    expect(text).toContain(`Zoals ${REFERENCE_LABELS.item} vraagt.`);
    expect(text).not.toContain('[verwijzing]');
  });

  it('follows a renumbering of the target', () => {
    const text = toPlainText(referenceDoc(['eerst dit;'])).replace(/\s+/g, ' ');
    expect(text).toContain('4. dat zie punt 2, onderdeel a van punt 3,');
    expect(text).toContain('Zoals punt 2 vraagt.');
  });
});
