import { describe, expect, it } from 'vitest';
import { chooseSpellCheckerLanguages, getDictionaryWord } from './spellChecking.ts';

describe('chooseSpellCheckerLanguages', () => {
  it('picks Dutch as this Chromium names it', () => {
    expect(chooseSpellCheckerLanguages('win32', ['en-US', 'nl', 'de'])).toEqual(['nl']);
    expect(chooseSpellCheckerLanguages('linux', ['nl', 'nl-NL'])).toEqual(['nl-NL']);
  });

  it('leaves macOS to the system’s checker', () => {
    expect(chooseSpellCheckerLanguages('darwin', ['nl'])).toBeNull();
  });

  it('does not ask for a language Chromium does not offer (it would throw)', () => {
    expect(chooseSpellCheckerLanguages('linux', ['en-US', 'de'])).toBeNull();
    expect(chooseSpellCheckerLanguages('linux', [])).toBeNull();
  });
});

describe('getDictionaryWord', () => {
  it('takes the marked word, trimmed', () => {
    expect(getDictionaryWord(' VNG-inzet ')).toBe('VNG-inzet');
    expect(getDictionaryWord('Omgevingswet')).toBe('Omgevingswet');
  });

  it('refuses what is no single word', () => {
    for (const bad of [
      '',
      '   ',
      'twee woorden',
      'a\nb',
      'tab\tbed',
      'x'.repeat(101),
      'nul\u0000',
    ]) {
      expect(getDictionaryWord(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
