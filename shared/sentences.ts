/**
 * Small rules of Dutch sentences the stukken share: a list of names joined with "en", and a
 * sentence closed with the mark its place asks for (";" inside an enumeration, "." at its end).
 */

/** "a", "a en b", "a, b en c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/**
 * The sentence ending with `mark`, unless it ends with a punctuation mark of its own, or a full
 * stop ends it inside the closing quote ("… luidende: “Dat het zo is.”").
 */
export function endSentence(text: string, mark: string): string {
  if (/[.;:!?]$/.test(text)) return text;
  if (mark === '.' && /[.!?]”$/.test(text)) return text;
  return `${text}${mark}`;
}
