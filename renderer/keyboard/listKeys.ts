/**
 * The keys of a list a user moves through with the keyboard (the outline, the proposals): ↑ and
 * ↓ go to the entry before or after (staying at the ends), Home and End to the first and last.
 */

/** Where `key` moves from entry `index` of `entries`; undefined for another key. */
export function targetOfListKey<T>(
  key: string,
  entries: readonly T[],
  index: number,
): T | undefined {
  switch (key) {
    case 'ArrowDown':
      return entries[Math.min(index + 1, entries.length - 1)];
    case 'ArrowUp':
      return entries[Math.max(index - 1, 0)];
    case 'Home':
      return entries[0];
    case 'End':
      return entries[entries.length - 1];
    default:
      return undefined;
  }
}
