import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import { createSeededBytes } from '../../../shared/testing/seededRandom.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('gives the published check values', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('a'))).toBe(0xe8b7be43);
    expect(crc32(ascii('abc'))).toBe(0x352441c2);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
  });

  it('agrees with zlib on seeded data of many lengths', () => {
    for (let length = 0; length < 300; length += 7) {
      const bytes = createSeededBytes(length + 1, length);
      expect(crc32(bytes), `length ${length}`).toBe(zlibCrc32(bytes));
    }
  });

  it('continues over data in pieces', () => {
    const bytes = createSeededBytes(42, 1000);
    for (const cut of [0, 1, 500, 999, 1000]) {
      expect(crc32(bytes.subarray(cut), crc32(bytes.subarray(0, cut)))).toBe(crc32(bytes));
    }
  });
});
