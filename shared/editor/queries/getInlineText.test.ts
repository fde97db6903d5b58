import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import type { InlineRun } from '../../model/resolution.ts';
import { docFromModel } from '../fromModel.ts';
import { getFootnoteNumbers } from './getFootnoteNumbers.ts';
import { getInlineText, isBlankInline } from './getInlineText.ts';
import { BROKEN_REFERENCE_TEXT } from './getReferences.ts';
import {
  REFERENCE_IDS,
  REFERENCE_LABELS,
  referenceDoc,
} from '../../export/testing/referenceDoc.ts';

/** A document whose one recital item holds `content`, and that item with its position. */
function itemWith(content: InlineRun[]): { doc: Node; item: Node; pos: number } {
  const doc = docFromModel({
    kind: 'resolutie',
    status: 'concept',
    title: null,
    preamble: null,
    blocks: [
      {
        type: 'recital',
        heading: 'overwegende',
        items: [{ indent: 0, marker: 'letter', content }],
      },
    ],
    explanation: [],
  });
  const items: { item: Node; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'item') items.push({ item: node, pos });
  });
  const [first] = items;
  if (!first) throw new Error('no item');
  return { doc, ...first };
}

function read(content: InlineRun[]) {
  const { doc, item, pos } = itemWith(content);
  return getInlineText(item, pos, getFootnoteNumbers(doc), doc);
}

describe('getInlineText', () => {
  it('reads footnotes as [n] with their numbers and hard breaks as new lines', () => {
    const text = read([
      { type: 'text', text: 'Kosten' },
      { type: 'footnote', text: 'CPB.' },
      { type: 'hard_break' },
      { type: 'text', text: 'stijgen' },
      { type: 'footnote', text: 'CBS.' },
    ]);
    expect(text).toEqual({
      text: 'Kosten[1]\nstijgen[2]',
      textWithUrls: 'Kosten[1]\nstijgen[2]',
      links: [],
      references: [],
    });
  });

  it('reads neighbouring pieces with one target as one link, its target after it', () => {
    const text = read([
      { type: 'text', text: 'zie ' },
      { type: 'text', text: 'de site', href: 'https://vng.nl', marks: ['bold'] },
      { type: 'text', text: ' van VNG', href: 'https://vng.nl' },
      { type: 'text', text: ' en ' },
      { type: 'text', text: 'dit', href: 'https://vng.nl/b' },
    ]);
    expect(text.text).toBe('zie de site van VNG en dit');
    expect(text.textWithUrls).toBe(
      'zie de site van VNG (https://vng.nl) en dit (https://vng.nl/b)',
    );
    expect(text.links).toEqual([
      { text: 'de site van VNG', href: 'https://vng.nl' },
      { text: 'dit', href: 'https://vng.nl/b' },
    ]);
  });

  it('writes no target after a link whose text already is its target', () => {
    const text = read([
      { type: 'text', text: 'https://vng.nl', href: 'https://vng.nl' },
      { type: 'text', text: ' of ' },
      { type: 'text', text: 'info@vng.nl', href: 'mailto:info@vng.nl' },
    ]);
    expect(text.textWithUrls).toBe('https://vng.nl of info@vng.nl');
    expect(text.links).toHaveLength(2);
  });

  it('refuses a footnote whose number the caller does not know', () => {
    const { doc, item, pos } = itemWith([{ type: 'footnote', text: 'Bron.' }]);
    expect(() => getInlineText(item, pos, new Map(), doc)).toThrow('geen voetnootnummer');
  });

  it("reads references as their target's current label, a broken one as such", () => {
    const read = (doc: Node) => {
      let found: { node: Node; pos: number } | null = null;
      doc.descendants((node, pos) => {
        if (node.isTextblock && node.textContent.startsWith('dat zie')) found = { node, pos };
      });
      const { node, pos } = found as unknown as { node: Node; pos: number };
      return getInlineText(node, pos, getFootnoteNumbers(doc), doc);
    };
    const text = read(referenceDoc());
    const labels = [
      REFERENCE_LABELS.item,
      REFERENCE_LABELS.subItem,
      REFERENCE_LABELS.block,
      REFERENCE_LABELS.heading,
    ];
    expect(text.text).toBe(
      `dat zie ${labels.join(', ')} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`,
    );
    expect(text.textWithUrls).toBe(text.text);
    expect(text.references.map(({ target, label, broken }) => ({ target, label, broken }))).toEqual(
      [
        { target: REFERENCE_IDS.item, label: REFERENCE_LABELS.item, broken: false },
        { target: REFERENCE_IDS.subItem, label: REFERENCE_LABELS.subItem, broken: false },
        { target: REFERENCE_IDS.block, label: REFERENCE_LABELS.block, broken: false },
        { target: REFERENCE_IDS.heading, label: REFERENCE_LABELS.heading, broken: false },
        { target: REFERENCE_IDS.missing, label: BROKEN_REFERENCE_TEXT, broken: true },
      ],
    );
    for (const reference of text.references) {
      expect(text.text.slice(reference.start, reference.end)).toBe(reference.label);
    }
    // An item inserted before punt 1 renumbers it, and the reference reads the new number.
    expect(read(referenceDoc(['eerst dit;'])).text).toContain(
      'dat zie punt 2, onderdeel a van punt 3',
    );
  });

  it('calls text blank when it holds neither words nor a footnote reference', () => {
    expect(isBlankInline(read([{ type: 'text', text: ' \u00a0 ' }]))).toBe(true);
    expect(isBlankInline(read([{ type: 'hard_break' }]))).toBe(true);
    expect(isBlankInline(read([{ type: 'footnote', text: 'Bron.' }]))).toBe(false);
  });
});
