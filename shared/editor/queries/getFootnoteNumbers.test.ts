import { describe, expect, it } from 'vitest';
import type { ParsedResolution } from '../../model/resolution.ts';
import { docFromModel } from '../fromModel.ts';
import { buildDoc } from '../testing/buildDoc.ts';
import { getFootnoteNumbers, getFootnotes } from './getFootnoteNumbers.ts';

// Footnotes in an item (two), in a recital further on, and in the Toelichting.
const withNotes: ParsedResolution = {
  kind: 'resolutie',
  status: 'concept',
  title: null,
  preamble: null,
  blocks: [
    {
      type: 'recital',
      heading: 'overwegende',
      items: [
        {
          indent: 0,
          marker: 'letter',
          content: [
            { type: 'text', text: 'Kosten' },
            { type: 'footnote', text: 'CPB.' },
            { type: 'text', text: ' stijgen' },
            { type: 'footnote', text: 'CBS.' },
          ],
        },
        { indent: 0, marker: 'letter', content: [{ type: 'text', text: 'Zonder noot' }] },
      ],
    },
  ],
  explanation: [{ type: 'paragraph', content: [{ type: 'footnote', text: 'Kamerbrief.' }] }],
};

describe('getFootnoteNumbers', () => {
  const doc = docFromModel(withNotes);

  it('numbers every footnote by the position of its node, in document order', () => {
    const numbers = getFootnoteNumbers(doc);
    const read = [...numbers].map(([pos, number]) => [number, doc.nodeAt(pos)?.attrs.text]);
    expect(read).toEqual([
      [1, 'CPB.'],
      [2, 'CBS.'],
      [3, 'Kamerbrief.'],
    ]);
  });

  it('agrees with getFootnotes, which the editor and the endnotes list from', () => {
    const numbers = getFootnoteNumbers(doc);
    for (const note of getFootnotes(doc)) expect(numbers.get(note.pos)).toBe(note.number);
  });

  it('is empty for a document without footnotes', () => {
    expect(getFootnoteNumbers(buildDoc({ recitals: [['Geen noten']] })).size).toBe(0);
  });
});
