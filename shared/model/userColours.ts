/**
 * The colours co-editors are shown in: their cursor, the highlight of their selection and
 * their mark in the presence list. Eight colours that stay apart from each other and from the
 * page's own blue, each dark enough for white text (contrast 4.5:1 or more), so a name label
 * on a cursor stays readable.
 */

/** The palette, in the order new users are given colours. */
export const USER_COLOURS = [
  '#b3261e', // rood
  '#1b6e3a', // groen
  '#7a3e9d', // paars
  '#a34a00', // oranje
  '#00687a', // petrol
  '#9c2a6b', // framboos
  '#4a5b00', // olijf
  '#3d4fb8', // indigo
] as const;

/** A colour as stored: `#rrggbb`, lower case. */
export const USER_COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

/** The palette's colour for `seed` (a name): the same name always gets the same colour. */
export function pickUserColour(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return USER_COLOURS[hash % USER_COLOURS.length]!;
}
