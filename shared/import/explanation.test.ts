import { describe, expect, it } from 'vitest';
import type { InlineRun, ParsedFlow } from '../model/resolution.ts';
import { normalizeHeadingLevels, parseExplanation } from './explanation.ts';
import { createFootnotes } from './footnotes.ts';
import { readLines } from './lines.ts';

// Parses text the way parseResolutionText parses its Toelichting.
function flow(text: string): ParsedFlow[] {
  const source = readLines(text);
  const { lines, inline } = createFootnotes(source.lines);
  const blocks = parseExplanation(lines, {
    markdown: source.markdown,
    headingHeuristics: !source.markdownHeadings,
    typicalWidth: source.typicalWidth,
    inline,
  });
  return normalizeHeadingLevels(blocks);
}

const text = (runs: readonly InlineRun[]) =>
  runs
    .map((r) => (r.type === 'text' ? r.text : r.type === 'hard_break' ? '⏎' : `[^${r.text}]`))
    .join('');

// A compact outline: "P:text", "H1:text", lists as nested arrays.
function outline(blocks: readonly ParsedFlow[]): unknown[] {
  return blocks.map((b) => {
    if (b.type === 'paragraph') return `P:${text(b.content)}`;
    if (b.type === 'heading') return `H${b.level}:${text(b.content)}`;
    if (b.type === 'blockquote') return { quote: outline(b.content) };
    return { [b.type]: b.items.map(outline) };
  });
}

// Running text of about 90 characters per line, as a PDF gives it.
const LONG =
  'Dit is een regel lopende tekst die tot aan de kantlijn doorloopt en daar wordt afgebroken';

describe('paragraphs', () => {
  it('joins lines and breaks at blank lines', () => {
    expect(outline(flow(`${LONG}\nen verder gaat.\n\nTweede alinea.`))).toEqual([
      `P:${LONG} en verder gaat.`,
      'P:Tweede alinea.',
    ]);
  });

  it('ends a paragraph after a short line when a new sentence follows', () => {
    const input = [LONG, 'door tot hier.', LONG, 'tot het einde.'].join('\n');
    expect(outline(flow(input))).toEqual([`P:${LONG} door tot hier.`, `P:${LONG} tot het einde.`]);
  });

  it('joins across a blank line inside a sentence (a page break)', () => {
    expect(outline(flow(`${LONG}\n\n\nverder op de volgende pagina.\n\n${LONG}.`))).toEqual([
      `P:${LONG} verder op de volgende pagina.`,
      `P:${LONG}.`,
    ]);
    // After a short line the break stays: that line ended its paragraph.
    expect(outline(flow(`${LONG}.\nKort regeltje\n\nverder in kleine letters.`))).toEqual([
      `P:${LONG}. Kort regeltje`,
      'P:verder in kleine letters.',
    ]);
  });

  it('gives "Label: value" lines their own paragraphs', () => {
    expect(
      outline(flow(`${LONG}.\nDatum: 21 maart\nLocatie: Den Haag\nInloop: 10.00 uur\n${LONG}.`)),
    ).toEqual([
      `P:${LONG}.`,
      'P:Datum: 21 maart',
      'P:Locatie: Den Haag',
      'P:Inloop: 10.00 uur',
      `P:${LONG}.`,
    ]);
  });

  it('keeps a letterhead label with its value', () => {
    expect(outline(flow('Onderwerp\nInbreng jeugdzorg\n\nGeachte leden,\n\nTekst.'))).toEqual([
      'P:Onderwerp⏎Inbreng jeugdzorg',
      'P:Geachte leden,',
      'P:Tekst.',
    ]);
  });
});

describe('headings', () => {
  it('recognises a short line without punctuation before a new sentence', () => {
    expect(
      outline(flow(`Inleiding\n${LONG}.\n\nAfspraken met het rijk\nHet kabinet betaalt.`)),
    ).toEqual([
      'H1:Inleiding',
      `P:${LONG}.`,
      'H1:Afspraken met het rijk',
      'P:Het kabinet betaalt.',
    ]);
  });

  it('makes a heading followed by a heading a section title', () => {
    expect(
      outline(
        flow('Overhedenoverleg\n\nEerste afspraak\nTekst hier.\n\nTweede afspraak\nMeer tekst.'),
      ),
    ).toEqual([
      'H1:Overhedenoverleg',
      'H2:Eerste afspraak',
      'P:Tekst hier.',
      'H2:Tweede afspraak',
      'P:Meer tekst.',
    ]);
  });

  it('does not take broken sentences for headings', () => {
    const result = outline(
      flow(
        [
          `${LONG}.`,
          'Gemeenten staan voor grote opgaven zonder',
          'structurele middelen en dat is zorgelijk.',
          'Het kabinet heeft aangegeven dat de vraag over structurele',
          'oplossingen niet aan de orde is.',
          'Den Haag, 25 april 2025',
          'Tekst.',
        ].join('\n'),
      ),
    );
    expect(result.some((b) => typeof b === 'string' && b.startsWith('H'))).toBe(false);
  });

  it('uses "#" marks in Markdown and no guessing', () => {
    expect(outline(flow('### Kop\nLos kort regeltje\n\nTekst.\n\n#### Sub\nMeer.'))).toEqual([
      'H1:Kop',
      'P:Los kort regeltje',
      'P:Tekst.',
      'H2:Sub',
      'P:Meer.',
    ]);
  });
});

describe('lists', () => {
  it('opens a numbered list at 1 and continues in order', () => {
    expect(
      outline(flow('Afspraken:\n1. Eerste;\n2. Tweede\ndoorloop;\n3. Derde.\n\nSlot.')),
    ).toEqual([
      'P:Afspraken:',
      { ordered_list: [['P:Eerste;'], ['P:Tweede doorloop;'], ['P:Derde.']] },
      'P:Slot.',
    ]);
  });

  it('keeps a number that does not start or continue a list as text', () => {
    expect(outline(flow('Zie punt\n2. hieronder.'))).toEqual(['P:Zie punt 2. hieronder.']);
  });

  it('nests bullets under numbered points', () => {
    expect(outline(flow('1. Punt een.\n• sub a\n• sub b\n\n2. Punt twee.'))).toEqual([
      {
        ordered_list: [
          ['P:Punt een.', { bullet_list: [['P:sub a'], ['P:sub b']] }],
          ['P:Punt twee.'],
        ],
      },
    ]);
  });

  it('reads dash bullets after a sentence, not in the middle of one', () => {
    expect(
      outline(flow('Drie punten:\n- wonen\n- zorg\n\nDe ALV\n- mede namens ons -\nbesluit.')),
    ).toEqual([
      'P:Drie punten:',
      { bullet_list: [['P:wonen'], ['P:zorg']] },
      'P:De ALV - mede namens ons - besluit.',
    ]);
  });
});

describe('Markdown extras', () => {
  it('reads quotes, rules and hard breaks', () => {
    expect(
      outline(flow('**Intro**  \nregel twee\n\n---\n\n> Geciteerd\n> verder\n>\n> Tweede')),
    ).toEqual(['P:Intro⏎regel twee', { quote: ['P:Geciteerd verder', 'P:Tweede'] }]);
  });
});

describe('footnotes', () => {
  it('moves the note into the reference and keeps the interrupted paragraph together', () => {
    const input = `Zie het advies[1]. ${LONG} voor veel\n\n[1] https://example.org/advies\n aandacht en tijd.`;
    expect(outline(flow(input))).toEqual([
      `P:Zie het advies[^https://example.org/advies]. ${LONG} voor veel aandacht en tijd.`,
    ]);
  });

  it('leaves "[1]" lines alone when nothing refers to them', () => {
    expect(outline(flow('[1] Eerste bron\n\n[2] Tweede bron'))).toEqual([
      'P:[1] Eerste bron',
      'P:[2] Tweede bron',
    ]);
  });
});

describe('normalizeHeadingLevels', () => {
  it('promotes all headings to level 1 when none is', () => {
    const blocks: ParsedFlow[] = [
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'A' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'B' }] },
    ];
    expect(normalizeHeadingLevels(blocks).map((b) => b.type === 'heading' && b.level)).toEqual([
      1, 1,
    ]);
  });

  it('promotes sub-headings that stand before the first section title (seed 001)', () => {
    const blocks: ParsedFlow[] = [
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'A' }] },
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'B' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'C' }] },
    ];
    expect(normalizeHeadingLevels(blocks).map((b) => b.type === 'heading' && b.level)).toEqual([
      1, 1, 2,
    ]);
  });

  it('keeps levels when a level-1 heading exists', () => {
    const blocks: ParsedFlow[] = [
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'A' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'B' }] },
    ];
    expect(normalizeHeadingLevels(blocks).map((b) => b.type === 'heading' && b.level)).toEqual([
      1, 2,
    ]);
  });
});
