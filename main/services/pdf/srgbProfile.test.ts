/**
 * The generated sRGB profile read back byte by byte as the ICC format (ICC.1:2001-04) lays it
 * out: header, tag table, elements inside the file, and the values an sRGB profile must hold.
 */
import { describe, expect, it } from 'vitest';
import {
  D50_WHITE,
  SRGB_COLORANTS,
  SRGB_CURVE_POINTS,
  SRGB_PROFILE_DESCRIPTION,
  getSrgbProfile,
  srgbToLinear,
} from './srgbProfile.ts';

const profile = getSrgbProfile();
const view = new DataView(profile.buffer, profile.byteOffset, profile.byteLength);

function ascii(offset: number, length: number): string {
  return String.fromCharCode(...profile.subarray(offset, offset + length));
}

function readTags(): Map<string, { offset: number; size: number }> {
  const tags = new Map<string, { offset: number; size: number }>();
  const count = view.getUint32(128);
  for (let i = 0; i < count; i += 1) {
    const entry = 132 + 12 * i;
    tags.set(ascii(entry, 4), {
      offset: view.getUint32(entry + 4),
      size: view.getUint32(entry + 8),
    });
  }
  return tags;
}

function readXyz(offset: number): number[] {
  return [0, 1, 2].map((i) => view.getInt32(offset + 4 * i) / 65536);
}

describe('the sRGB profile', () => {
  it('has a version 2 display header with its own size and the signature acsp', () => {
    expect(view.getUint32(0)).toBe(profile.length);
    expect(profile.length % 4).toBe(0);
    expect(view.getUint8(8)).toBe(2);
    expect(ascii(12, 4)).toBe('mntr');
    expect(ascii(16, 4)).toBe('RGB ');
    expect(ascii(20, 4)).toBe('XYZ ');
    expect(ascii(36, 4)).toBe('acsp');
    readXyz(68).forEach((value, i) => expect(value).toBeCloseTo(D50_WHITE[i]!, 4));
  });

  it('lists every tag a display profile needs, each inside the file on a 4-byte boundary', () => {
    const tags = readTags();
    expect([...tags.keys()].sort()).toEqual(
      ['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt'].sort(),
    );
    const tableEnd = 132 + 12 * tags.size;
    for (const [signature, { offset, size }] of tags) {
      expect(offset % 4, signature).toBe(0);
      expect(offset, signature).toBeGreaterThanOrEqual(tableEnd);
      expect(offset + size, signature).toBeLessThanOrEqual(profile.length);
    }
  });

  it('describes itself as sRGB and holds the D50-adapted primaries, which add up to D50', () => {
    const tags = readTags();
    const desc = tags.get('desc')!;
    expect(ascii(desc.offset, 4)).toBe('desc');
    const length = view.getUint32(desc.offset + 8);
    expect(ascii(desc.offset + 12, length)).toBe(`${SRGB_PROFILE_DESCRIPTION}\0`);
    expect(ascii(tags.get('cprt')!.offset, 4)).toBe('text');

    const sum = [0, 0, 0];
    for (const [signature, expected] of [
      ['rXYZ', SRGB_COLORANTS.red],
      ['gXYZ', SRGB_COLORANTS.green],
      ['bXYZ', SRGB_COLORANTS.blue],
    ] as const) {
      const { offset, size } = tags.get(signature)!;
      expect(size).toBe(20);
      expect(ascii(offset, 4)).toBe('XYZ ');
      const xyz = readXyz(offset + 8);
      xyz.forEach((value, i) => {
        expect(value).toBeCloseTo(expected[i]!, 4);
        sum[i]! += value;
      });
    }
    sum.forEach((value, i) => expect(value).toBeCloseTo(D50_WHITE[i]!, 3));
    readXyz(tags.get('wtpt')!.offset + 8).forEach((value, i) =>
      expect(value).toBeCloseTo(D50_WHITE[i]!, 4),
    );
  });

  it('samples the sRGB tone curve from black to white, rising', () => {
    const { offset, size } = readTags().get('rTRC')!;
    expect(ascii(offset, 4)).toBe('curv');
    const count = view.getUint32(offset + 8);
    expect(count).toBe(SRGB_CURVE_POINTS);
    expect(size).toBe(12 + 2 * count);
    const samples = Array.from({ length: count }, (_, i) => view.getUint16(offset + 12 + 2 * i));
    expect(samples[0]).toBe(0);
    expect(samples[count - 1]).toBe(65535);
    for (let i = 1; i < count; i += 1) expect(samples[i]).toBeGreaterThanOrEqual(samples[i - 1]!);
    // Mid grey (encoded 0.5) is about 21 % of the light, as sRGB defines it.
    const middle = samples[Math.round((count - 1) / 2)]! / 65535;
    expect(middle).toBeCloseTo(srgbToLinear(Math.round((count - 1) / 2) / (count - 1)), 4);
    expect(middle).toBeCloseTo(0.214, 2);
    expect(readTags().get('gTRC')).toEqual(readTags().get('rTRC'));
  });

  it('is made once and then the same bytes', () => {
    expect(getSrgbProfile()).toBe(profile);
  });
});
