import { describe, expect, it } from 'vitest';
import { targetOfListKey } from './listKeys.ts';

describe('targetOfListKey', () => {
  const entries = ['a', 'b', 'c'];
  it('moves one entry up or down and stays at the ends', () => {
    expect(targetOfListKey('ArrowDown', entries, 0)).toBe('b');
    expect(targetOfListKey('ArrowDown', entries, 2)).toBe('c');
    expect(targetOfListKey('ArrowUp', entries, 1)).toBe('a');
    expect(targetOfListKey('ArrowUp', entries, 0)).toBe('a');
  });
  it('goes to the first and last with Home and End, and ignores other keys', () => {
    expect(targetOfListKey('Home', entries, 2)).toBe('a');
    expect(targetOfListKey('End', entries, 0)).toBe('c');
    expect(targetOfListKey('Enter', entries, 1)).toBeUndefined();
  });
});
