/**
 * The indiener of a motie or amendement as members write it, on a line of its own: "Ingediend
 * door de gemeente Oudewater (mede namens de gemeenten Woerden en Montfoort)", or "Indiener:
 * gemeente Oudewater". It belongs in Gegevens (the title's `submitter`), not in the
 * Toelichting (issue 16, point 13). The "mede namens" part may wrap onto the next lines, or
 * stand on a line of its own without brackets.
 */
import type { TextLine } from './lines.ts';
import { endsSentence } from './textShape.ts';

/** The longest indiener Gegevens holds (the title's metadata attributes). */
export const MAX_SUBMITTER_LENGTH = 200;

// "Ingediend door de gemeente X", "Ingediend door: gemeente X", "Indiener(s): gemeente X".
const SUBMITTER_LINE = /^(?:ingediend door:?|indieners?:|indiener\(s\):)\s+(\S.*)$/iu;

// The co-submitters, on a line of their own: "mede namens de gemeenten Woerden en Montfoort".
const ON_BEHALF_LINE = /^\(?\s*mede namens\b/iu;

/** An indiener found in the text: who, and which lines (by index) said so. */
export interface SubmitterMatch {
  submitter: string;
  /** The lines that hold it; they leave the text. Empty when they must stay (see below). */
  lines: number[];
}

/**
 * Finds the first indiener line among `lines` that stands at the start of a paragraph (a
 * sentence "Ingediend door de gemeente … is een motie" in running text is not one). Returns
 * null when there is none. When the whole indiener, co-submitters included, is longer than
 * Gegevens holds, the indiener alone is taken and the lines stay in the text, so that nothing
 * is lost.
 */
export function findSubmitter(lines: readonly TextLine[]): SubmitterMatch | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = SUBMITTER_LINE.exec(line.plain);
    if (!match) continue;
    const previous = lines[i - 1];
    if (previous && !line.breakBefore && !endsSentence(previous.plain)) continue;
    const used = [i];
    let text = match[1]!;
    // A bracket left open, or "mede namens" on the next line: the indiener goes on there.
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
      const more = lines[j]!;
      const open = countChar(text, '(') > countChar(text, ')');
      if (!open && !ON_BEHALF_LINE.test(more.plain)) break;
      if (!open && more.plain.length === 0) break;
      text = `${text} ${more.plain}`;
      used.push(j);
      if (countChar(text, '(') <= countChar(text, ')') && !/\bmede namens$/iu.test(text)) {
        if (!ON_BEHALF_LINE.test(lines[j + 1]?.plain ?? '')) break;
      }
    }
    const submitter = formatSubmitter(text);
    // Prose, not a line of metadata: several sentences.
    if (submitter === null) continue;
    if (submitter.length <= MAX_SUBMITTER_LENGTH) return { submitter, lines: used };
    const main = formatSubmitter(submitter.replace(/\s*\(?\s*mede namens\b[\s\S]*$/iu, ''));
    if (main === null || main.length > MAX_SUBMITTER_LENGTH) return null;
    return { submitter: main, lines: [] };
  }
  return null;
}

// "de gemeente Oudewater mede namens de gemeenten Woerden." → "gemeente Oudewater (mede
// namens de gemeenten Woerden)"; null for text that reads as sentences.
function formatSubmitter(raw: string): string | null {
  let text = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]$/u, '')
    .trim();
  if (/[.!?]\s+\p{Lu}/u.test(text) || text.length === 0) return null;
  text = text.replace(/^de\s+/iu, '');
  // Co-submitters without brackets go in brackets, as they are written most often.
  const behalf = /^(.*?)[\s,–-]+(mede namens\b.*)$/iu.exec(text);
  if (behalf && !text.includes('(')) text = `${behalf[1]!.trim()} (${behalf[2]!.trim()})`;
  return text;
}

function countChar(text: string, char: string): number {
  return text.split(char).length - 1;
}
