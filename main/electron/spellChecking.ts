/**
 * Dutch spell checking in the editor. On Windows and Linux Chromium's own checker (Hunspell)
 * is used and must be told the language: it never guesses. Chromium names Dutch `nl` in its
 * list of languages (some builds also `nl-NL`); a code it does not list makes
 * `setSpellCheckerLanguages` throw, so the code is picked from what the session offers. On
 * macOS the system's checker is used, which follows the user's languages and ignores the call.
 */

/** The codes for Dutch as Chromium may list them, best first. */
export const DUTCH_SPELLING_CODES = ['nl-NL', 'nl'] as const;

/**
 * The languages to give `session.setSpellCheckerLanguages`, or null when the call is not to be
 * made: on macOS, and when this Chromium offers no Dutch dictionary (then it keeps its default
 * rather than failing at start).
 */
export function chooseSpellCheckerLanguages(
  platform: string,
  available: readonly string[],
): string[] | null {
  if (platform === 'darwin') return null;
  const dutch = DUTCH_SPELLING_CODES.find((code) => available.includes(code));
  return dutch ? [dutch] : null;
}

/** The longest word the context menu adds to the user's dictionary; longer is no word. */
export const MAX_DICTIONARY_WORD_LENGTH = 100;

/**
 * The word to add to the user's dictionary, or null when it is none: the spell checker's
 * marked word, trimmed, a single word without spaces or control characters.
 */
export function getDictionaryWord(word: string): string | null {
  const trimmed = word.trim();
  if (trimmed === '' || trimmed.length > MAX_DICTIONARY_WORD_LENGTH) return null;
  // Control characters and white space cannot be part of a dictionary word.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return trimmed;
}
