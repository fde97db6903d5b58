/**
 * An sRGB display profile (ICC version 2) made here rather than copied from elsewhere: the
 * output intent of a PDF/A file needs one, and a profile of our own needs no licence. It holds
 * what a version 2 RGB display profile must (ICC.1:2001-04, 6.3.1.2): a description, a
 * copyright, the media white point, the red, green and blue colorants and their tone curves.
 *
 * The colorants are the sRGB primaries (IEC 61966-2-1) adapted from D65 to the profile
 * connection space's D50 with the Bradford transform, the values every sRGB profile carries;
 * their sum is D50, and the white point is D50 too, as the ICC's own sRGB v2 profiles write it
 * (relative and absolute colorimetry then agree). Version 2 has no parametric curves, so the
 * sRGB tone curve is sampled: 1024 points, plenty for 8-bit colour.
 */

/** The XYZ colorants of sRGB adapted to D50 (Bradford), as in IEC 61966-2-1's profiles. */
export const SRGB_COLORANTS = {
  red: [0.4360747, 0.2225045, 0.0139322],
  green: [0.3850649, 0.7168786, 0.0971045],
  blue: [0.1430804, 0.0606169, 0.7141733],
} as const;

/** The profile connection space's illuminant, D50. */
export const D50_WHITE = [0.9642, 1.0, 0.8249] as const;

/** How many points sample the tone curve. */
export const SRGB_CURVE_POINTS = 1024;

/** The profile's description, which is also the output condition's name. */
export const SRGB_PROFILE_DESCRIPTION = 'sRGB IEC61966-2.1';

const HEADER_SIZE = 128;
const COPYRIGHT = 'No copyright, use freely';

let cached: Uint8Array | null = null;

/** The profile's bytes, made once; callers must not change them. */
export function getSrgbProfile(): Uint8Array {
  cached ??= buildSrgbProfile();
  return cached;
}

/** The sRGB transfer function (IEC 61966-2-1): encoded value 0…1 to linear light 0…1. */
export function srgbToLinear(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function buildSrgbProfile(): Uint8Array {
  const curve = curveType(
    Array.from({ length: SRGB_CURVE_POINTS }, (_, i) => srgbToLinear(i / (SRGB_CURVE_POINTS - 1))),
  );
  // The three tone curves are the same; they share one element, as the format allows.
  const tags: [string, Uint8Array][] = [
    ['desc', textDescriptionType(SRGB_PROFILE_DESCRIPTION)],
    ['cprt', textType(COPYRIGHT)],
    ['wtpt', xyzType(D50_WHITE)],
    ['rXYZ', xyzType(SRGB_COLORANTS.red)],
    ['gXYZ', xyzType(SRGB_COLORANTS.green)],
    ['bXYZ', xyzType(SRGB_COLORANTS.blue)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];

  const tableSize = 4 + 12 * tags.length;
  const placed = new Map<Uint8Array, number>();
  let end = HEADER_SIZE + tableSize;
  for (const [, data] of tags) {
    if (placed.has(data)) continue;
    placed.set(data, end);
    end = align4(end + data.length);
  }
  const bytes = new Uint8Array(end);
  const view = new DataView(bytes.buffer);

  // The header (ICC.1:2001-04, 6.1).
  view.setUint32(0, end);
  view.setUint32(8, 0x02100000); // version 2.1.0
  writeAscii(bytes, 12, 'mntr'); // a display device
  writeAscii(bytes, 16, 'RGB ');
  writeAscii(bytes, 20, 'XYZ ');
  // A fixed creation date keeps the profile, and so every PDF/A made from the same print,
  // the same bytes.
  [2024, 1, 1, 0, 0, 0].forEach((part, i) => view.setUint16(24 + 2 * i, part));
  writeAscii(bytes, 36, 'acsp');
  view.setUint32(64, 0); // perceptual rendering intent
  writeXyz(view, 68, D50_WHITE);

  // The tag table, then the elements.
  view.setUint32(HEADER_SIZE, tags.length);
  tags.forEach(([signature, data], i) => {
    const entry = HEADER_SIZE + 4 + 12 * i;
    writeAscii(bytes, entry, signature);
    view.setUint32(entry + 4, placed.get(data)!);
    view.setUint32(entry + 8, data.length);
  });
  for (const [data, offset] of placed) bytes.set(data, offset);
  return bytes;
}

// textDescriptionType (6.5.16): ASCII, then empty Unicode and ScriptCode descriptions.
function textDescriptionType(text: string): Uint8Array {
  const bytes = new Uint8Array(12 + text.length + 1 + 8 + 3 + 67);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'desc');
  view.setUint32(8, text.length + 1);
  writeAscii(bytes, 12, text);
  return bytes;
}

// textType (6.5.17): ASCII ending in a NUL.
function textType(text: string): Uint8Array {
  const bytes = new Uint8Array(8 + text.length + 1);
  writeAscii(bytes, 0, 'text');
  writeAscii(bytes, 8, text);
  return bytes;
}

// XYZType (6.5.20): one XYZ number.
function xyzType(xyz: readonly [number, number, number]): Uint8Array {
  const bytes = new Uint8Array(20);
  writeAscii(bytes, 0, 'XYZ ');
  writeXyz(new DataView(bytes.buffer), 8, xyz);
  return bytes;
}

// curveType (6.5.3): sampled values from 0 to 1 as 16-bit fractions.
function curveType(samples: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(12 + 2 * samples.length);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'curv');
  view.setUint32(8, samples.length);
  samples.forEach((value, i) => view.setUint16(12 + 2 * i, Math.round(value * 65535)));
  return bytes;
}

function writeXyz(view: DataView, offset: number, xyz: readonly [number, number, number]): void {
  // s15Fixed16Number: a signed 32-bit number with 16 bits of fraction.
  xyz.forEach((value, i) => view.setInt32(offset + 4 * i, Math.round(value * 65536)));
}

function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i += 1) bytes[offset + i] = text.charCodeAt(i);
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
