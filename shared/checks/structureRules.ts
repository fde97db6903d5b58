/**
 * The structure of the stuk: no empty items, no blocks that are only a heading or only empty
 * items, a dictum (an operative block) in every stuk, and no Toelichting heading without text
 * under it. Items proposed for deletion do not count: they are on their way out.
 */
import type { CheckRule } from './checkTypes.ts';
import { defineRule } from './ruleFixes.ts';
import type { Detected } from './ruleFixes.ts';
import { getClauseBlocks, isBlank, isProposedForDeletion, readBlockText } from './checkText.ts';
import type { ClauseBlock } from './checkText.ts';
import { WHOLE_DOCUMENT_PLACE, getBlockHeadingName } from './checkPlaces.ts';
import { BLOCK_ITEM_NOUNS, EXPLANATION_HEADING } from '../labels.ts';
import type { Node } from 'prosemirror-model';

/** The items of a block that still count, each with whether it reads as nothing. */
function countedItems(doc: Node, block: ClauseBlock) {
  return block.items
    .filter((item) => !isProposedForDeletion(item.node))
    .map((item) => ({ item, blank: isBlank(readBlockText(doc, item.node, item.pos).text) }));
}

export const emptyItemRule: CheckRule = defineRule({
  id: 'leeg-punt',
  title: 'Leeg punt',
  description:
    'Een overweging of punt zonder tekst krijgt toch een nummer en telt mee in de nummering. ' +
    'Vul het in of verwijder het. (Een blok met alleen lege punten meldt "Leeg blok".)',
  detect(doc) {
    const found: Detected[] = [];
    for (const block of getClauseBlocks(doc)) {
      const items = countedItems(doc, block);
      if (items.every(({ blank }) => blank)) continue;
      // "het punt", "de overweging".
      const [these, empty] = block.kind === 'operative' ? ['Dit', 'Leeg'] : ['Deze', 'Lege'];
      const noun = BLOCK_ITEM_NOUNS[block.kind].one;
      for (const { item, blank } of items) {
        if (!blank) continue;
        found.push({
          pos: item.pos,
          message: `${these} ${noun} is leeg, maar krijgt wel een nummer.`,
          fix: {
            label: `${empty} ${noun} verwijderen`,
            edit: { from: item.pos, to: item.pos + item.node.nodeSize, text: '' },
          },
        });
      }
    }
    return found;
  },
});

export const emptyBlockRule: CheckRule = defineRule({
  id: 'leeg-blok',
  title: 'Leeg blok',
  description:
    'Een blok ("Overwegende dat", "Spreekt uit" …) met alleen lege punten drukt een kop af ' +
    'met lege nummers. Vul het in of verwijder het blok.',
  detect(doc) {
    const found: Detected[] = [];
    for (const block of getClauseBlocks(doc)) {
      const items = countedItems(doc, block);
      if (items.length === 0 || !items.every(({ blank }) => blank)) continue;
      const nouns = BLOCK_ITEM_NOUNS[block.kind];
      found.push({
        pos: block.pos,
        message:
          items.length === 1
            ? `Het blok „${getBlockHeadingName(block.node)}” heeft alleen een lege ${nouns.one}.`
            : `Het blok „${getBlockHeadingName(block.node)}” heeft alleen lege ${nouns.many}.`,
      });
    }
    return found;
  },
});

export const blockWithoutItemsRule: CheckRule = defineRule({
  id: 'blok-zonder-punten',
  title: 'Kop zonder punten',
  description:
    'Een blok bestaat uit een kop en punten; een kop zonder punten eronder staat los in het ' +
    'stuk. Voeg punten toe of verwijder het blok.',
  detect(doc) {
    const found: Detected[] = [];
    for (const block of getClauseBlocks(doc)) {
      const counted = block.items.filter((item) => !isProposedForDeletion(item.node));
      if (counted.length > 0) continue;
      const noun = BLOCK_ITEM_NOUNS[block.kind].many;
      found.push({
        pos: block.pos,
        message: `Onder de kop „${getBlockHeadingName(block.node)}” staan geen ${noun}.`,
      });
    }
    return found;
  },
});

export const missingDictumRule: CheckRule = defineRule({
  id: 'dictum-ontbreekt',
  title: 'Geen besluit',
  description:
    'Een resolutie of motie zegt wat de leden besluiten: in een blok "Spreekt uit", "Verzoekt ' +
    'het bestuur", "Roept op" of "Besluit". Een stuk zonder zo\'n blok besluit niets.',
  detect(doc) {
    const blocks = getClauseBlocks(doc);
    if (blocks.some((block) => block.kind === 'operative')) return [];
    return [
      {
        pos: 0,
        place: WHOLE_DOCUMENT_PLACE,
        message:
          'Er is geen besluitend deel: geen blok „Spreekt uit”, „Verzoekt het bestuur”, ' +
          '„Roept op” of „Besluit”.',
      },
    ];
  },
});

export const headingWithoutTextRule: CheckRule = defineRule({
  id: 'kop-zonder-tekst',
  title: 'Kop zonder tekst',
  description:
    'Een kop in de Toelichting staat boven tekst. Een kop zonder tekst, of met direct een kop ' +
    'van hetzelfde niveau erna of aan het eind van de Toelichting, is leeg.',
  detect(doc) {
    const found: Detected[] = [];
    doc.forEach((section, sectionOffset) => {
      if (section.type.name !== 'explanation') return;
      section.forEach((child, offset, index) => {
        if (child.type.name !== 'heading') return;
        const pos = sectionOffset + 1 + offset;
        if (isBlank(readBlockText(doc, child, pos).text)) {
          found.push({ pos, message: `Deze kop van de ${EXPLANATION_HEADING} heeft geen tekst.` });
          return;
        }
        const next = index + 1 < section.childCount ? section.child(index + 1) : null;
        const level = child.attrs.level as number;
        if (next === null) {
          found.push({
            pos,
            message: `Onder deze kop staat niets meer: het is de laatste regel van de ${EXPLANATION_HEADING}.`,
          });
        } else if (next.type.name === 'heading' && (next.attrs.level as number) <= level) {
          found.push({
            pos,
            message:
              'Onder deze kop staat geen tekst: er volgt direct een kop van hetzelfde niveau.',
          });
        }
      });
    });
    return found;
  },
});
