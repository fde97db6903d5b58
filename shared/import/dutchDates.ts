/**
 * Finds Dutch dates inside running text ("… in de Najaars ALV van vrijdag 29 november 2024:")
 * and turns them into ISO yyyy-mm-dd. Reading a date that stands on its own is the job of
 * `parseDutchDate` in `shared/dates.ts`; this module locates one in a longer string and hands
 * the match to it, so both accept and validate dates the same way.
 */
import { DUTCH_MONTHS, parseDutchDate } from '../dates.ts';

/** A date found in a text: where it stands and its ISO form. */
export interface FoundDate {
  /** Index of the first character of the date (the weekday when one is written). */
  start: number;
  /** Index just past the last character of the date. */
  end: number;
  /** The date as yyyy-mm-dd. */
  iso: string;
}

const WEEKDAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';

// Full month names and their common abbreviations ("nov", "sept").
const MONTHS = [...DUTCH_MONTHS, 'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept']
  .concat(['okt', 'nov', 'dec'])
  .join('|');

// "vrijdag 29 november 2024", "29 nov. 2024", "1 maart 2025". Every part is bounded, so the
// pattern runs in linear time on any input.
const WORD_DATE = new RegExp(
  `(?:\\b(${WEEKDAYS}),? )?\\b(\\d{1,2}) (${MONTHS})\\.? (\\d{4})\\b`,
  'giu',
);

// "29-11-2024", "29/11/2024", "29.11.2024".
const NUMERIC_DATE = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/g;

/**
 * The first valid date written out in Dutch ("29 november 2024", "vrijdag 29 nov 2024") or
 * as digits ("29-11-2024") in the text; null when there is none. Impossible dates such as
 * "31 februari 2024" are skipped.
 */
export function findDutchDate(text: string): FoundDate | null {
  const candidates: FoundDate[] = [];
  for (const pattern of [WORD_DATE, NUMERIC_DATE]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      // "mrt" is the one abbreviation that is no prefix of its month's name.
      const written = match[0].replace(/\bmrt\b/i, 'maart');
      const iso = parseDutchDate(written.replace(/^([a-z]+), /i, '$1 '));
      if (iso) {
        candidates.push({ start: match.index, end: match.index + match[0].length, iso });
        break;
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0] ?? null;
}

/** "29 november 2024" (optionally with weekday) → "2024-11-29"; null for anything else. */
export function parseDutchDateText(text: string): string | null {
  const trimmed = text.trim();
  const found = findDutchDate(trimmed);
  return found && found.start === 0 && found.end === trimmed.length ? found.iso : null;
}
