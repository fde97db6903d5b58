import { describe, expect, it } from 'vitest';
import { formatByteSize, getUtf8ByteLength } from './limits.ts';

describe('getUtf8ByteLength', () => {
  it('counts like the standard UTF-8 encoder', () => {
    const encoder = new TextEncoder();
    const samples = [
      '',
      'resolutie',
      'Overwegende dat: één, twee',
      '“aanhalingstekens” – en €',
      'emoji 🏛️ en 𝔘',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
      // Lone surrogates are encoded as U+FFFD: three bytes each.
      '\ud800 los \udc00',
      'eind op hoog surrogaat \ud83c',
    ];
    for (const text of samples) {
      expect(getUtf8ByteLength(text), JSON.stringify(text)).toBe(encoder.encode(text).length);
    }
  });
});

describe('formatByteSize', () => {
  it('writes sizes the Dutch way', () => {
    expect(formatByteSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatByteSize(6 * 1024 * 1024)).toBe('6 MB');
    expect(formatByteSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatByteSize(512 * 1024)).toBe('512 kB');
    expect(formatByteSize(300)).toBe('300 bytes');
  });
});
