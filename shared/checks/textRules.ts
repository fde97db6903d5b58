/**
 * The wording: the same sentence twice (a paragraph pasted twice, an item repeated in the
 * Toelichting), and brackets or quotation marks left open or closed without opening.
 */
import type { Node } from 'prosemirror-model';
import type { CheckRule } from './checkTypes.ts';
import { defineRule } from './ruleFixes.ts';
import type { Detected } from './ruleFixes.ts';
import { getTextBlocks, readBlockText } from './checkText.ts';
import { nameCheckPlace } from './checkPlaces.ts';
import { findUnpairedMarks } from './pairedMarks.ts';

/** Sentences shorter than this many words repeat by nature ("Dit is een belangrijke stap."). */
const MIN_WORDS = 6;
const MIN_LENGTH = 30;

/** A sentence of a text: where it starts and ends, and its form for comparing. */
interface Sentence {
  start: number;
  end: number;
  key: string;
}

// A sentence ends at ".", "!", "?" or ";" before white space and a capital, a digit or a quote:
// "jl. is" and "c.s. heeft" go on.
const BOUNDARY = /[.!?;]\s+(?=[\p{Lu}\d“„"‘'(])/gu;

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') {
      out.push({
        start: start + lead,
        end: start + lead + trimmed.length,
        key: normalise(trimmed),
      });
    }
  };
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    push(match.index + 1);
    start = match.index + match[0].length;
  }
  push(text.length);
  return out;
}

// Case, white space, quotation marks and the closing punctuation do not make a sentence another.
function normalise(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[“”„"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,!?]+$/, '')
    .trim();
}

function isLongEnough(key: string): boolean {
  return key.length >= MIN_LENGTH && key.split(' ').length >= MIN_WORDS;
}

/** The text blocks whose sentences count: items and the Toelichting's paragraphs. */
function sentenceBlocks(doc: Node) {
  return getTextBlocks(doc).filter(
    (block) => block.node.type.name === 'item' || block.node.type.name === 'paragraph',
  );
}

export const repeatedSentenceRule: CheckRule = defineRule({
  id: 'dubbele-zin',
  title: 'Dezelfde zin twee keer',
  description:
    'Een zin die twee keer in de punten of de Toelichting staat, is vaak per ongeluk geplakt. ' +
    `Hoofdletters, spaties en het leesteken aan het eind tellen niet mee; zinnen van minder dan ${MIN_WORDS} woorden worden niet vergeleken.`,
  detect(doc) {
    const found: Detected[] = [];
    const first = new Map<string, number>();
    for (const block of sentenceBlocks(doc)) {
      const read = readBlockText(doc, block.node, block.pos);
      for (const sentence of splitSentences(read.text)) {
        if (!isLongEnough(sentence.key)) continue;
        const earlier = first.get(sentence.key);
        if (earlier === undefined) {
          first.set(sentence.key, block.pos);
          continue;
        }
        const where =
          earlier === block.pos ? 'eerder in deze tekst' : `in ${nameCheckPlace(doc, earlier)}`;
        found.push({
          pos: block.pos,
          message: `Deze zin staat ook ${where}: „${preview(read.text.slice(sentence.start, sentence.end))}”.`,
          from: read.positions[sentence.start]!,
          to: read.positions[sentence.end - 1]! + 1,
        });
      }
    }
    return found;
  },
});

function preview(sentence: string): string {
  const words = sentence
    .replace(/\s+/g, ' ')
    .replace(/[.;:,!?]+$/, '')
    .split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : words.join(' ');
}

const MARK_NAMES: Record<string, string> = {
  '(': 'het haakje (',
  ')': 'het haakje )',
  '[': 'de rechte haak [',
  ']': 'de rechte haak ]',
  '“': 'het aanhalingsteken “',
  '„': 'het aanhalingsteken „',
  '”': 'het aanhalingsteken ”',
  '"': 'het aanhalingsteken "',
  '‘': 'het aanhalingsteken ‘',
  '’': 'het aanhalingsteken ’',
  "'": "het aanhalingsteken '",
};

export const unpairedMarksRule: CheckRule = defineRule({
  id: 'haakjes-aanhalingstekens',
  title: 'Haakjes en aanhalingstekens',
  description:
    'Een haakje of aanhalingsteken dat opent, sluit ook, in dezelfde alinea of hetzelfde punt. ' +
    'Apostrofs ("’s", "thema’s", "d\'r") tellen niet mee.',
  detect(doc) {
    const found: Detected[] = [];
    for (const block of getTextBlocks(doc)) {
      const read = readBlockText(doc, block.node, block.pos);
      for (const problem of findUnpairedMarks(read.text)) {
        const name = MARK_NAMES[problem.mark] ?? problem.mark;
        found.push({
          pos: block.pos,
          message:
            problem.kind === 'unclosed'
              ? `${capitalise(name)} wordt niet gesloten.`
              : `${capitalise(name)} sluit iets af dat niet geopend is.`,
          from: read.positions[problem.index]!,
          to: read.positions[problem.index]! + 1,
        });
      }
    }
    return found;
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
