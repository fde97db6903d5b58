/**
 * Footnotes of text copied from a PDF or Word file: the reference stays in the running text
 * ("… bij het Wetsvoorstel[1]. …") and the note lands at the foot of the page as a line of
 * its own ("[1] https://www.raadvanstate.nl/…"), often in the middle of a paragraph that
 * continues on the next page. The note lines are taken out of the text and the references
 * become footnote runs holding the note text.
 */
import type { InlineContext } from './inline.ts';
import type { TextLine } from './lines.ts';

/** The lines without their note lines, and the inline context that resolves references. */
export interface Footnotes {
  lines: TextLine[];
  inline: InlineContext;
}

// "[1] text" or "[1]: text" (Markdown's reference style) on a line of its own.
const NOTE_LINE = /^\[(\d{1,3})\]:? +(\S.*)$/;

// A reference "[1]" inside a line, not at its start and not a Markdown link "[1](…)".
const REFERENCE = /.\[(\d{1,3})\](?!\()/g;

/**
 * Takes note lines out of `lines` and returns an inline context whose `footnote` gives the
 * note text for a reference label. A line is only a note when the same label is referenced
 * elsewhere in the text, so a list written as "[1] …" stays as it is. When notes restart
 * their numbering (per page), the n-th reference to a label gets the n-th note with it.
 */
export function createFootnotes(lines: readonly TextLine[]): Footnotes {
  const referenced = new Set<string>();
  for (const line of lines) {
    if (!line.text.includes('[')) continue;
    REFERENCE.lastIndex = 0;
    for (let m = REFERENCE.exec(line.text); m; m = REFERENCE.exec(line.text)) {
      referenced.add(m[1] ?? '');
    }
  }

  const notes = new Map<string, string[]>();
  const kept: TextLine[] = [];
  let carryBreak = false;
  for (const line of lines) {
    const note = referenced.size > 0 ? NOTE_LINE.exec(line.text) : null;
    if (note && referenced.has(note[1] ?? '')) {
      const label = note[1] ?? '';
      const texts = notes.get(label) ?? [];
      texts.push((note[2] ?? '').trim());
      notes.set(label, texts);
      // The paragraph break that stood before the note now stands before the next line.
      carryBreak = carryBreak || line.breakBefore;
      continue;
    }
    kept.push(carryBreak ? { ...line, breakBefore: true } : line);
    carryBreak = false;
  }

  const used = new Map<string, number>();
  const footnote = (label: string): string | null => {
    const texts = notes.get(label);
    if (!texts || texts.length === 0) return null;
    const index = used.get(label) ?? 0;
    used.set(label, index + 1);
    return texts[Math.min(index, texts.length - 1)] ?? null;
  };
  return { lines: kept, inline: { footnote } };
}
