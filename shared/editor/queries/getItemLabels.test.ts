import { describe, expect, it } from 'vitest';
import { getItemLabels, getItemNumbering, getLetterLabel } from './getItemLabels.ts';
import { buildDoc } from '../testing/buildDoc.ts';

describe('item numbering', () => {
  it('numbers items, letters sub-items (restarting per item) and bullets bullets', () => {
    const doc = buildDoc({
      recitals: [
        [
          'een',
          { text: 'een-a', indent: 1 },
          { text: 'een-b', indent: 1 },
          'twee',
          { text: 'twee-a', indent: 1 },
          { text: 'bullet', indent: 1, marker: 'bullet' },
          'drie',
        ],
      ],
    });
    const block = doc.child(2).firstChild!;
    expect(getItemLabels(block)).toEqual(['1.', 'a.', 'b.', '2.', 'a.', '•', '3.']);
  });

  it('restarts at 1 in every block', () => {
    const doc = buildDoc({ recitals: [['a', 'b'], ['c']], operatives: [['d', 'e', 'f']] });
    expect(getItemNumbering(doc).map((n) => n.label)).toEqual(['1.', '2.', '1.', '1.', '2.', '3.']);
    for (const { pos } of getItemNumbering(doc)) expect(doc.nodeAt(pos)!.type.name).toBe('item');
  });

  it('letters past z', () => {
    expect([0, 1, 25, 26, 27].map(getLetterLabel)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
  });
});
