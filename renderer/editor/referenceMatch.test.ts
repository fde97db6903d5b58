/** Typed phrases and the picker's filter (referenceMatch.ts). */
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { getReferenceTargets } from '../../shared/editor/queries/getReferences.ts';
import { findTargetByLabel, findTypedPhrase, matchesReferenceFilter } from './referenceMatch.ts';

const doc = buildDoc({
  recitals: [['de woningnood groot is;', 'er te weinig wordt gebouwd;']],
  operatives: [
    [
      'eerste punt;',
      { text: 'sociale huur;', indent: 1 },
      { text: 'middenhuur;', indent: 1 },
      'tweede punt;',
      'derde punt.',
    ],
  ],
});

describe('a typed phrase', () => {
  it('is read at the end of the text before the cursor, in any case', () => {
    expect(findTypedPhrase('zoals bedoeld in punt 3')).toEqual({
      text: 'punt 3',
      label: 'punt 3',
    });
    expect(findTypedPhrase('(Overweging 12')).toEqual({
      text: 'Overweging 12',
      label: 'overweging 12',
    });
    expect(findTypedPhrase('zie onderdeel B van punt 1')).toEqual({
      text: 'onderdeel B van punt 1',
      label: 'onderdeel b van punt 1',
    });
  });

  it('is none inside a word or when the cursor is past it', () => {
    expect(findTypedPhrase('standpunt 3')).toBeNull();
    expect(findTypedPhrase('punt 3 ')).toBeNull();
    expect(findTypedPhrase('punt')).toBeNull();
    expect(findTypedPhrase('punt 3a')).toBeNull();
  });
});

describe('the element a label names', () => {
  it('is found by its label, sub-items too', () => {
    expect(findTargetByLabel(doc, 'punt 2', 1)?.text).toBe('tweede punt;');
    expect(findTargetByLabel(doc, 'onderdeel b van punt 1', 1)?.text).toBe('middenhuur;');
    expect(findTargetByLabel(doc, 'overweging 2', 1)?.text).toBe('er te weinig wordt gebouwd;');
    expect(findTargetByLabel(doc, 'punt 9', 1)).toBeNull();
  });

  it('is the one in the cursor’s block when two blocks number alike', () => {
    const two = buildDoc({
      operatives: [
        ['a eerste;', 'a tweede.'],
        ['b eerste;', 'b tweede.'],
      ],
    });
    const second = getReferenceTargets(two).find((t) => t.text === 'b eerste;')!;
    expect(findTargetByLabel(two, 'punt 2', second.pos + 2)?.text).toBe('b tweede.');
    const first = getReferenceTargets(two).find((t) => t.text === 'a eerste;')!;
    expect(findTargetByLabel(two, 'punt 2', first.pos + 2)?.text).toBe('a tweede.');
  });
});

describe('the picker’s filter', () => {
  const shown = (query: string) =>
    getReferenceTargets(doc)
      .filter((target) => matchesReferenceFilter(target, query))
      .map((target) => target.label);

  it('takes a number: that item and its sub-items', () => {
    expect(shown('1')).toEqual([
      'overweging 1',
      'punt 1',
      'onderdeel a van punt 1',
      'onderdeel b van punt 1',
    ]);
  });

  it('takes a number and a letter: that sub-item', () => {
    expect(shown('1b')).toEqual(['onderdeel b van punt 1']);
    expect(shown('1 a')).toEqual(['onderdeel a van punt 1']);
  });

  it('takes a label as whole words, and words of the text', () => {
    expect(shown('punt 2')).toEqual(['punt 2']);
    expect(shown('huur')).toEqual(['onderdeel a van punt 1', 'onderdeel b van punt 1']);
    expect(shown('')).toHaveLength(getReferenceTargets(doc).length);
    expect(shown('nergens')).toEqual([]);
  });
});
