/**
 * The endings of recitals and operative items. A resolution is one long sentence: "De leden
 * …, overwegende dat: …; …; spreekt uit: …; … ." So every item ends with ";" and only the last
 * item of the dictum closes the sentence with ".". Read from the stukken of the ALV (seed 001):
 * the last recital of a block may end with "." as well as ";"; an item may end with "; en" or
 * "; of" before the last one; an item that introduces its sub-items ends with ":". Empty items
 * and items proposed for deletion are left to the other checks.
 */
import type { Node } from 'prosemirror-model';
import type { CheckRule } from './checkTypes.ts';
import { defineRule } from './ruleFixes.ts';
import type { Detected, TextEdit } from './ruleFixes.ts';
import { getClauseBlocks, isBlank, isProposedForDeletion, readBlockText } from './checkText.ts';
import type { BlockText, ClauseItem } from './checkText.ts';

/** How a text ends: its final punctuation, where that starts, and a trailing "en"/"of". */
interface Ending {
  /** The run of punctuation at the end ("", ";", ".", ";." …). */
  mark: string;
  /** Index in the text where `mark` starts. */
  at: number;
  /** " en" or " of" after the mark, or "". */
  connector: string;
  /** Ends with a closing quote or bracket right after a full stop: “… is.” */
  quotedFullStop: boolean;
}

function readEnding(text: string): Ending {
  const trimmed = text.trimEnd();
  const connected = /([.,;:!?]+)(\s+(?:en|of))$/i.exec(trimmed);
  if (connected) {
    return {
      mark: connected[1]!,
      at: connected.index,
      connector: connected[2]!,
      quotedFullStop: false,
    };
  }
  const plain = /[.,;:!?]*$/.exec(trimmed)!;
  return {
    mark: plain[0],
    at: plain.index,
    connector: '',
    quotedFullStop: /\.[”"’)]$/.test(trimmed),
  };
}

/** The edit that puts `mark` in place of the ending's punctuation; null when it cannot. */
function endingEdit(read: BlockText, ending: Ending, mark: string): TextEdit | null {
  if (ending.mark === '') {
    const last = read.text.trimEnd().length - 1;
    if (last < 0) return null;
    const after = read.positions[last]! + 1;
    return { from: after, to: after, text: mark };
  }
  const from = read.positions[ending.at]!;
  const to = read.positions[ending.at + ending.mark.length - 1]! + 1;
  // Punctuation split by text proposed for deletion: leave that to the user.
  if (to - from !== ending.mark.length) return null;
  return { from, to, text: mark };
}

/** The items that read as text, each with what follows it in its block. */
function readableItems(
  items: readonly ClauseItem[],
): { item: ClauseItem; next: ClauseItem | null }[] {
  const kept = items.filter((item) => !isProposedForDeletion(item.node));
  return kept.map((item, index) => ({ item, next: kept[index + 1] ?? null }));
}

// An item followed by its sub-items may introduce them with ":".
function introducesSubItems(item: Node, next: ClauseItem | null): boolean {
  return item.attrs.indent === 0 && next !== null && next.node.attrs.indent === 1;
}

function endsClause(ending: Ending): boolean {
  return ending.mark === ';';
}

export const recitalEndingRule: CheckRule = defineRule({
  id: 'overweging-einde',
  title: 'Einde van een overweging',
  description:
    'Een overweging eindigt met een puntkomma: de zin loopt door tot het besluit. De laatste ' +
    'overweging van een blok mag ook met een punt eindigen, zoals in de stukken van de ALV. Voor ' +
    'de laatste mag "; en" of "; of" staan, en een overweging die onderdelen inleidt, eindigt met ' +
    'een dubbele punt.',
  detect(doc) {
    const found: Detected[] = [];
    for (const block of getClauseBlocks(doc)) {
      if (block.kind !== 'recital') continue;
      const items = readableItems(block.items).filter(
        ({ item }) => !isBlank(readBlockText(doc, item.node, item.pos).text),
      );
      items.forEach(({ item, next }, index) => {
        const read = readBlockText(doc, item.node, item.pos);
        const ending = readEnding(read.text);
        const last = index === items.length - 1;
        if (endsClause(ending)) return;
        if (ending.mark === ':' && introducesSubItems(item.node, next)) return;
        if (last && ending.mark === '.' && ending.connector === '') return;
        if (last && ending.quotedFullStop) return;
        const edit = endingEdit(read, ending, ';');
        found.push({
          pos: item.pos,
          message: describeWrongEnding(ending, 'Een overweging eindigt met een puntkomma', next),
          ...markRange(read, ending),
          ...(edit ? { fix: { label: 'Puntkomma zetten', edit } } : {}),
        });
      });
    }
    return found;
  },
});

export const operativeEndingRule: CheckRule = defineRule({
  id: 'punt-einde',
  title: 'Einde van een punt',
  description:
    'De punten van "Spreekt uit", "Verzoekt het bestuur", "Roept op" en "Besluit" zetten de zin ' +
    'voort: elk punt eindigt met een puntkomma, ook het laatste punt van een blok waarna nog ' +
    'een blok volgt. Alleen het laatste punt van het besluit eindigt met een punt. Voor het ' +
    'laatste punt mag "; en" of "; of" staan, en een punt dat onderdelen inleidt, eindigt met ' +
    'een dubbele punt.',
  detect(doc) {
    const found: Detected[] = [];
    const items = getClauseBlocks(doc)
      .filter((block) => block.kind === 'operative')
      .flatMap((block) => readableItems(block.items))
      .filter(({ item }) => !isBlank(readBlockText(doc, item.node, item.pos).text));
    items.forEach(({ item, next }, index) => {
      const read = readBlockText(doc, item.node, item.pos);
      const ending = readEnding(read.text);
      if (index === items.length - 1) {
        if ((ending.mark === '.' && ending.connector === '') || ending.quotedFullStop) return;
        const edit = endingEdit(read, ending, '.');
        found.push({
          pos: item.pos,
          message:
            'Het laatste punt van het besluit eindigt met een punt: daar eindigt de zin van de ' +
            `resolutie${describeNow(ending)}.`,
          ...markRange(read, ending),
          ...(edit ? { fix: { label: 'Punt zetten', edit } } : {}),
        });
        return;
      }
      if (endsClause(ending)) return;
      if (ending.mark === ':' && introducesSubItems(item.node, next)) return;
      const edit = endingEdit(read, ending, ';');
      found.push({
        pos: item.pos,
        message: describeWrongEnding(
          ending,
          'Een punt eindigt met een puntkomma, want de zin loopt door tot het laatste punt',
          next,
        ),
        ...markRange(read, ending),
        ...(edit ? { fix: { label: 'Puntkomma zetten', edit } } : {}),
      });
    });
    return found;
  },
});

function describeWrongEnding(ending: Ending, rule: string, next: ClauseItem | null): string {
  if (ending.mark === ':' && !(next && next.node.attrs.indent === 1)) {
    return `${rule}; deze eindigt met een dubbele punt, maar er volgen geen onderdelen.`;
  }
  return `${rule}${describeNow(ending)}.`;
}

// What the item ends with now, to say why it is not right.
function describeNow(ending: Ending): string {
  const names: Record<string, string> = {
    '.': 'een punt',
    ',': 'een komma',
    ':': 'een dubbele punt',
    ';': 'een puntkomma',
    '!': 'een uitroepteken',
    '?': 'een vraagteken',
  };
  if (ending.mark === '') return ', en hier staat geen leesteken aan het eind';
  const name = names[ending.mark] ?? `„${ending.mark}”`;
  return `, en hier staat ${name}${ending.connector ? ` voor „${ending.connector.trim()}”` : ''}`;
}

// The characters to select: the wrong punctuation, or the last word when there is none.
function markRange(read: BlockText, ending: Ending): { from?: number; to?: number } {
  if (ending.mark !== '') {
    return {
      from: read.positions[ending.at],
      to: read.positions[ending.at + ending.mark.length - 1]! + 1,
    };
  }
  const trimmed = read.text.trimEnd();
  const word = /\S+$/.exec(trimmed);
  if (!word) return {};
  return { from: read.positions[word.index], to: read.positions[trimmed.length - 1]! + 1 };
}
