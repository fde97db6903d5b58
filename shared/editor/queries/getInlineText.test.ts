import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import type { InlineRun } from '../../model/resolution.ts';
import { docFromModel } from '../fromModel.ts';
import { getFootnoteNumbers } from './getFootnoteNumbers.ts';
import { getInlineText, isBlankInline } from './getInlineText.ts';

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
  return getInlineText(item, pos, getFootnoteNumbers(doc));
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
    const { item, pos } = itemWith([{ type: 'footnote', text: 'Bron.' }]);
    expect(() => getInlineText(item, pos, new Map())).toThrow('geen voetnootnummer');
  });

  it('calls text blank when it holds neither words nor a footnote reference', () => {
    expect(isBlankInline(read([{ type: 'text', text: ' \u00a0 ' }]))).toBe(true);
    expect(isBlankInline(read([{ type: 'hard_break' }]))).toBe(true);
    expect(isBlankInline(read([{ type: 'footnote', text: 'Bron.' }]))).toBe(false);
  });
});
