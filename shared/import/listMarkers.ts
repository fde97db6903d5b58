/**
 * List markers at the start of a line: numbers ("1.", "1)", "1 .", "(1)"), letters ("a.",
 * "a)", "(a)") and bullets ("•", "-", "–", "*", "▪" …). Shared by the block items and the
 * lists of the Toelichting. The patterns only look at the start of the line.
 */

/** A line that opens with a number. */
export interface NumberedLine {
  number: number;
  /** The text after the marker. */
  rest: string;
}

/** A line that opens with a letter marker. */
export interface LetteredLine {
  /** The letter, lower case. */
  letter: string;
  rest: string;
}

/** A line that opens with a bullet. */
export interface BulletLine {
  /** The bullet character as written. */
  symbol: string;
  rest: string;
  /** A hyphen or dash: also used inside sentences, so only trusted where a sentence ended. */
  dash: boolean;
}

// "1. x", "1) x", "1 . x", "(1) x", "1.x"; not "1.5 miljard" or "2025. Daarna": at most
// two digits, and after the marker a space, the end of the line or a letter.
const NUMBERED = /^(?:\((\d{1,2})\)|(\d{1,2}) ?[.)])(?: +|$|(?=\p{L}))(.*)$/u;

// "a. x", "a) x", "(a) x"; a space is required after the marker, so "o.a." and "z.s.m."
// never match.
const LETTERED = /^(?:\(([a-z])\)|([a-z]) ?[.)]) +(.*)$/;

// Bullets that only ever mean a bullet, and dashes that need a space after them.
const BULLET = /^([•·▪■□◦●○‣⁃∙➢➤►▶✓✔→]) ?(.*)$/u;
const DASH_BULLET = /^([-–—*]) +(.*)$/;

/** The number and text of a numbered line ("3. Dat …" → 3, "Dat …"), or null. */
export function matchNumberedLine(text: string): NumberedLine | null {
  const match = NUMBERED.exec(text);
  if (!match) return null;
  return { number: Number(match[1] ?? match[2]), rest: match[3] ?? '' };
}

/** The letter and text of a lettered line ("b) de …" → "b", "de …"), or null. */
export function matchLetteredLine(text: string): LetteredLine | null {
  const match = LETTERED.exec(text);
  if (!match) return null;
  return { letter: match[1] ?? match[2] ?? 'a', rest: match[3] ?? '' };
}

/** The bullet and text of a bulleted line ("• Dit vraagt …"), or null. */
export function matchBulletLine(text: string): BulletLine | null {
  const strong = BULLET.exec(text);
  if (strong) return { symbol: strong[1] ?? '•', rest: strong[2] ?? '', dash: false };
  const dash = DASH_BULLET.exec(text);
  // "- - -" and "* * *" are separators, not bullets.
  if (dash && !/^[-–—*\s]*$/.test(text)) {
    return { symbol: dash[1] ?? '-', rest: dash[2] ?? '', dash: true };
  }
  return null;
}

/** The letter after `letter` ("a" → "b"); "" after "z". */
export function nextLetter(letter: string): string {
  if (letter === '' || letter >= 'z') return '';
  return String.fromCharCode(letter.charCodeAt(0) + 1);
}
