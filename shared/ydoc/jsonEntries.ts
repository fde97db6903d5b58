/**
 * Reading the JSON values the document's maps hold (comments, procedure): what a client that
 * is not ours could put there instead of what the app writes. One set of checks, so that every
 * map is read as strictly as the others.
 */

/** A plain object, as Yjs gives back a JSON value: not an array, not a shared type. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether `value` has exactly the fields `keys`. */
export function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const present = Object.keys(value);
  return present.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

/** What is wrong with the fields of `value` ("onbekend veld …", "velden"), or null when none. */
export function describeFields(
  value: Record<string, unknown>,
  keys: readonly string[],
): string | null {
  if (hasExactKeys(value, keys)) return null;
  const extra = Object.keys(value).find((name) => !keys.includes(name));
  return extra ? `onbekend veld ${JSON.stringify(extra.slice(0, 40))}` : 'velden';
}

/** A moment as the maps store it: whole milliseconds since the epoch. */
export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Controls other than line breaks and tabs, and the bidi overrides that would make a text read
 * otherwise than it is.
 */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x09) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}
