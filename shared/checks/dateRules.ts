/**
 * Dates in the text: a date that does not exist ("31 april 2025", "30 februari") and a weekday
 * that does not match its date ("vrijdag 30 november 2024"). Read in the title, the items and
 * the Toelichting, as a reader reads them.
 */
import type { CheckRule } from './checkTypes.ts';
import { defineRule } from './ruleFixes.ts';
import type { Detected } from './ruleFixes.ts';
import { getTextBlocks, readBlockText } from './checkText.ts';
import type { BlockText } from './checkText.ts';
import { findDateMentions, getWeekday } from './dateMentions.ts';
import type { DateMention } from './dateMentions.ts';
import type { Node } from 'prosemirror-model';

/** Every date mentioned in the stuk's text, with its text block. */
function eachMention(
  doc: Node,
  visit: (mention: DateMention, pos: number, read: BlockText) => void,
) {
  for (const block of getTextBlocks(doc)) {
    const read = readBlockText(doc, block.node, block.pos);
    for (const mention of findDateMentions(read.text)) visit(mention, block.pos, read);
  }
}

function rangeOf(read: BlockText, mention: DateMention): { from: number; to: number } {
  return { from: read.positions[mention.start]!, to: read.positions[mention.end - 1]! + 1 };
}

export const impossibleDateRule: CheckRule = defineRule({
  id: 'datum-bestaat-niet',
  title: 'Datum die niet bestaat',
  description:
    'Een datum in de tekst moet bestaan: geen 31 april, geen 30 februari, geen 29 februari in ' +
    'een jaar dat geen schrikkeljaar is.',
  detect(doc) {
    const found: Detected[] = [];
    eachMention(doc, (mention, pos, read) => {
      if (mention.problem === null) return;
      found.push({ pos, message: mention.problem, ...rangeOf(read, mention) });
    });
    return found;
  },
});

export const weekdayRule: CheckRule = defineRule({
  id: 'weekdag-klopt-niet',
  title: 'Weekdag die niet bij de datum past',
  description:
    'Een datum met een weekdag ervoor ("vrijdag 29 november 2024") moet op die weekdag vallen. ' +
    'Zonder jaartal valt dat niet na te gaan.',
  detect(doc) {
    const found: Detected[] = [];
    eachMention(doc, (mention, pos, read) => {
      if (mention.iso === null || mention.weekday === null) return;
      const actual = getWeekday(mention.iso);
      if (actual === mention.weekday) return;
      const date = mention.written.slice(mention.written.search(/\d/));
      found.push({
        pos,
        message: `„${mention.written}” klopt niet: ${date} is een ${actual}.`,
        ...rangeOf(read, mention),
      });
    });
    return found;
  },
});
