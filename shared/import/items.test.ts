import { describe, expect, it } from 'vitest';
import { findTrailingProse, parseBlockItems, parseItemLines } from './items.ts';
import { readLines } from './lines.ts';
import {
  matchBulletLine,
  matchLetteredLine,
  matchNumberedLine,
  nextLetter,
} from './listMarkers.ts';

describe('list markers', () => {
  it.each([
    ['1. Dat', 1, 'Dat'],
    ['1) Dat', 1, 'Dat'],
    ['12 . Dat', 12, 'Dat'],
    ['(3) Dat', 3, 'Dat'],
    ['4.Dat', 4, 'Dat'],
    ['5.', 5, ''],
  ])('reads the number of %j', (line, number, rest) => {
    expect(matchNumberedLine(line)).toEqual({ number, rest });
  });

  it.each(['1.5 miljard', '2025. Daarna', '123. x', '14 april', 'a. x'])(
    '%j is no numbered line',
    (line) => {
      expect(matchNumberedLine(line)).toBeNull();
    },
  );

  it('reads letters and bullets', () => {
    expect(matchLetteredLine('b) de Wmo')).toEqual({ letter: 'b', rest: 'de Wmo' });
    expect(matchLetteredLine('(c) x')).toEqual({ letter: 'c', rest: 'x' });
    expect(matchLetteredLine('o.a. de Wmo')).toBeNull();
    expect(matchBulletLine('• punt')).toEqual({ symbol: '•', rest: 'punt', dash: false });
    expect(matchBulletLine('– punt')).toEqual({ symbol: '–', rest: 'punt', dash: true });
    expect(matchBulletLine('**vet**')).toBeNull();
    expect(matchBulletLine('- - -')).toBeNull();
    expect(nextLetter('a')).toBe('b');
    expect(nextLetter('z')).toBe('');
  });
});

describe('parseBlockItems', () => {
  it('makes text before the first number an item of its own', () => {
    const { lines } = readLines('inleidende zin;\n• los punt;\n1. Eerste;\n• onder eerste');
    expect(parseBlockItems(lines, {}).map((i) => [i.indent, i.marker])).toEqual([
      [0, 'letter'],
      [1, 'bullet'],
      [0, 'letter'],
      [1, 'bullet'],
    ]);
  });

  it('makes bullets without an item above them items of their own', () => {
    const { lines } = readLines('• eerste;\n• tweede;\na. derde');
    expect(parseBlockItems(lines, {}).map((i) => [i.indent, i.marker])).toEqual([
      [0, 'letter'],
      [1, 'bullet'],
      [1, 'letter'],
    ]);
  });

  it('needs letters in order', () => {
    const { lines } = readLines('1. Punt:\na. een;\nc. geen letter maar tekst;\nb. twee');
    expect(parseBlockItems(lines, {}).map((i) => i.content)).toEqual([
      [{ type: 'text', text: 'Punt:' }],
      [{ type: 'text', text: 'een; c. geen letter maar tekst;' }],
      [{ type: 'text', text: 'twee' }],
    ]);
  });
});

describe('findTrailingProse', () => {
  it('cuts after the last item at a paragraph break following a full stop', () => {
    const { lines } = readLines('1. Dat;\n2. Dat het\nkan.\n\nUitleg volgt.\nMeer.');
    expect(findTrailingProse(lines)).toBe(3);
  });

  it('never cuts before the last numbered line', () => {
    const { lines } = readLines('1. Dat het kan.\n\nHierbij meer;\n2. Dat.');
    expect(findTrailingProse(lines)).toBe(lines.length);
  });

  it('does not cut after a semicolon or mid-sentence', () => {
    const { lines } = readLines('1. Dat;\n\nEn verder.\n2. Dat het\n\nBeter wordt');
    expect(findTrailingProse(lines)).toBe(lines.length);
  });
});

describe('parseItemLines', () => {
  it('reads double-spaced PDF text', () => {
    const text = '1. Dat de\n\nleden het\n\nsteunen;\n\n2. Dat het\n\nbestuur het\n\nuitvoert.\n';
    expect(parseItemLines(text).map((i) => i.content)).toEqual([
      [{ type: 'text', text: 'Dat de leden het steunen;' }],
      [{ type: 'text', text: 'Dat het bestuur het uitvoert.' }],
    ]);
  });
});
