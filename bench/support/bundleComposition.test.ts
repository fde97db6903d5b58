import { describe, expect, it } from 'vitest';
import { bytesPerSource } from './bundleComposition.ts';

describe('bytesPerSource', () => {
  it('gives each byte to the source its mapping points at, across lines', () => {
    // Line 1: "abcde" from a.ts, "fghij" from b.ts; line 2: "xyz" unmapped, "zz" from a.ts.
    const code = 'abcdefghij\nxyzzz';
    const map = JSON.stringify({
      version: 3,
      sources: ['src/a.ts', 'node_modules/b/index.js'],
      names: [],
      // "KCAA": column +5, source +1; ";E": column 2, no source; "CDAA": column +1, source -1.
      mappings: 'AAAA,KCAA;E,CDAA',
    });
    const bytes = bytesPerSource(code, map);
    expect(Object.fromEntries(bytes)).toEqual({
      'src/a.ts': 5 + 2,
      'node_modules/b/index.js': 5 + 1,
      '(bundler)': 3,
    });
    expect([...bytes.values()].reduce((a, b) => a + b, 0)).toBe(code.length);
  });

  it('refuses a mapping with a character outside base 64', () => {
    const map = JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings: 'A!AA' });
    expect(() => bytesPerSource('abc', map)).toThrow(/source map/);
  });
});
