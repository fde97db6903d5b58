/**
 * The attributes a Y.XmlText may carry. ProseMirror has no place for them (y-prosemirror turns
 * only a text's content into the document), so the editor keeps there what a replica records of
 * its own edits for the others to read after a merge (renderer/editor/merges/records.ts): which
 * text it wrote anew as a copy, and what an element held when it deleted it. Everything else is
 * a foreign attribute, refused like any other the schema does not know; a record must have its
 * exact shape, so that no participant can hide data or junk there.
 *
 * A record: the key `<kind>:<client>.<clock>` (kind `copy`, `elem`, `keep` or `gone`; the Yjs
 * id it is about), the value an array of non-negative integers whose first is the format
 * version, 1.
 */
import * as Y from 'yjs';

/** The kinds of record, as the key's prefix. */
export const RECORD_PREFIXES = ['copy:', 'elem:', 'keep:', 'gone:'] as const;

/** The records' format version, the first number of every value. */
export const RECORD_VERSION = 1;

/** The most numbers one record may hold (a copy of a thousand formatted runs). */
export const MAX_RECORD_NUMBERS = 4_001;

const RECORD_KEY = /^(copy|elem|keep|gone):\d{1,10}\.\d{1,15}$/;

/** Why `key` with `value` is no record, or null when it is one. */
export function describeInvalidRecord(key: string, value: unknown): string | null {
  if (!RECORD_KEY.test(key)) return `onbekend tekstattribuut ${JSON.stringify(key.slice(0, 40))}`;
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_RECORD_NUMBERS) {
    return `tekstattribuut ${key} zonder geldige waarde`;
  }
  if (value[0] !== RECORD_VERSION) return `tekstattribuut ${key} van een onbekende versie`;
  if (!value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
    return `tekstattribuut ${key} met een waarde die geen telling is`;
  }
  return null;
}

/**
 * The first attribute of a Y.XmlText in `fragment` that is no record, described; else null.
 * Elements for which `isKnownValid` holds (read before and unchanged since) are not entered.
 */
export function findInvalidTextAttribute(
  fragment: Y.XmlFragment,
  isKnownValid: (element: Y.XmlElement) => boolean = () => false,
): string | null {
  const stack: (Y.XmlElement | Y.XmlFragment)[] = [fragment];
  while (stack.length > 0) {
    for (const child of stack.pop()!.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const [key, value] of Object.entries(child.getAttributes())) {
          const problem = describeInvalidRecord(key, value);
          if (problem) return problem;
        }
      } else if (child instanceof Y.XmlElement && !isKnownValid(child)) {
        stack.push(child);
      }
    }
  }
  return null;
}
