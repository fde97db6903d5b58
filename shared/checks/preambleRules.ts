/**
 * The preamble, "De leden bijeen in de {vergadering} van {datum}:": both filled in, and the
 * date the same as the one the assembly's name carries ("ALV van 12 juni 2025", "Najaars ALV
 * 2024"), so the stuk does not name two meetings.
 */
import type { Node } from 'prosemirror-model';
import type { CheckRule } from './checkTypes.ts';
import { defineRule } from './ruleFixes.ts';
import type { Detected } from './ruleFixes.ts';
import { findDateMentions } from './dateMentions.ts';
import { formatDutchDate } from '../dates.ts';

/** The preamble and the position before it, if the document has one. */
function findPreamble(doc: Node): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.forEach((child, offset) => {
    if (child.type.name === 'preamble') found = { node: child, pos: offset };
  });
  return found;
}

export const incompletePreambleRule: CheckRule = defineRule({
  id: 'aanhef-onvolledig',
  title: 'Aanhef niet ingevuld',
  description:
    'De aanhef noemt de vergadering en haar datum: "De leden bijeen in de Najaars ALV van ' +
    'vrijdag 29 november 2024:". Zonder datum, of zonder naam van de vergadering, is hij niet af.',
  detect(doc) {
    const preamble = findPreamble(doc);
    if (!preamble) return [];
    const assembly = (preamble.node.attrs.assembly as string).trim();
    const date = preamble.node.attrs.date as string | null;
    const missing = [
      ...(assembly === '' ? ['de naam van de vergadering'] : []),
      ...(date === null ? ['de datum'] : []),
    ];
    if (missing.length === 0) return [];
    return [
      {
        pos: preamble.pos,
        message: `In de aanhef ontbreekt ${missing.join(' en ')}.`,
      },
    ];
  },
});

export const preambleDateRule: CheckRule = defineRule({
  id: 'aanhef-datum',
  title: 'Datum van de vergadering',
  description:
    'Noemt de naam van de vergadering een datum of een jaar ("ALV van 12 juni 2025", "Najaars ' +
    'ALV 2024"), dan is dat de datum in de aanhef.',
  detect(doc) {
    const preamble = findPreamble(doc);
    if (!preamble) return [];
    const assembly = preamble.node.attrs.assembly as string;
    const date = preamble.node.attrs.date as string | null;
    if (date === null) return [];
    const found: Detected[] = [];
    const written = findDateMentions(assembly).find((mention) => mention.iso !== null);
    const year = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(assembly)?.[0];
    const when = formatDutchDate(date) ?? date;
    if (written?.iso && written.iso !== date) {
      found.push({
        pos: preamble.pos,
        message: `De vergadering heet „${assembly.trim()}”, maar de datum in de aanhef is ${when}.`,
      });
    } else if (!written && year !== undefined && year !== date.slice(0, 4)) {
      found.push({
        pos: preamble.pos,
        message: `De vergadering heet „${assembly.trim()}”, maar de datum in de aanhef valt in ${date.slice(0, 4)}: ${when}.`,
      });
    }
    return found;
  },
});
