/**
 * Dates as running text writes them ("vrijdag 29 november 2024", "30 februari", "31-04-2025"),
 * found whether they exist or not: the checks say which do not, and which weekday does not
 * match. Reading and validating a date is `readDutchDate` in shared/dates.ts, the same as where
 * a user types one; this module only finds the candidates in a longer text.
 */
import {
  DUTCH_MONTHS,
  DUTCH_WEEKDAYS,
  daysInMonth,
  formatDutchDate,
  readDutchDate,
} from '../dates.ts';

/** A date written in a text. */
export interface DateMention {
  /** Index of its first character (the weekday's, when one is written) and just past it. */
  start: number;
  end: number;
  /** As written, with the weekday: "vrijdag 30 november 2024". */
  written: string;
  /** The weekday written before it, lower case, or null. */
  weekday: string | null;
  /** The date as yyyy-mm-dd when it exists and has a year; null otherwise. */
  iso: string | null;
  /** Why it does not exist, in plain Dutch; null when it does (or may: no year). */
  problem: string | null;
}

// Full month names and the abbreviations Dutch texts use ("nov.", "sept."). "mei" has none.
const MONTH_WORDS = [...DUTCH_MONTHS, 'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep']
  .concat(['sept', 'okt', 'nov', 'dec'])
  .join('|');

// Every part is bounded, so the pattern runs in linear time on any input.
const WORD_DATE = new RegExp(
  `(?<![\\p{L}\\d])(?:(${DUTCH_WEEKDAYS.join('|')}),? )?(\\d{1,2}) (${MONTH_WORDS})\\.?(?: (\\d{4}))?(?![\\p{L}\\d])`,
  'giu',
);

const NUMERIC_DATE = /(?<![\d.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d.\-/]\d)/g;

/** Every date written in `text`, in order. */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  WORD_DATE.lastIndex = 0;
  for (let match = WORD_DATE.exec(text); match; match = WORD_DATE.exec(text)) {
    const [written, weekday, day, monthWord, year] = match;
    const bare = `${day} ${monthWord}${year ? ` ${year}` : ''}`;
    found.push({
      start: match.index,
      end: match.index + written.length,
      written,
      weekday: weekday ? weekday.toLowerCase() : null,
      ...(year ? readWithYear(bare) : readWithoutYear(bare, Number(day), monthWord!)),
    });
  }
  NUMERIC_DATE.lastIndex = 0;
  for (let match = NUMERIC_DATE.exec(text); match; match = NUMERIC_DATE.exec(text)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      written: match[0],
      weekday: null,
      ...readWithYear(match[0]),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The weekday of an existing date: "vrijdag". */
export function getWeekday(iso: string): string {
  return (formatDutchDate(iso) ?? '').split(' ')[0] ?? '';
}

function readWithYear(written: string): Pick<DateMention, 'iso' | 'problem'> {
  const reading = readDutchDate(written);
  return reading.iso !== null
    ? { iso: reading.iso, problem: null }
    : { iso: null, problem: reading.problem };
}

// Without a year only the day can be wrong: more days than the month ever has (29 in February).
function readWithoutYear(
  written: string,
  day: number,
  monthWord: string,
): Pick<DateMention, 'iso' | 'problem'> {
  const word = monthWord.toLowerCase();
  const index = word === 'mrt' ? 2 : DUTCH_MONTHS.findIndex((name) => name.startsWith(word));
  const month = DUTCH_MONTHS[index] ?? word;
  if (day < 1)
    return { iso: null, problem: `„${written}” bestaat niet: een maand begint bij dag 1.` };
  // 2024 is a leap year: the most days each month can have.
  const most = daysInMonth(2024, index + 1);
  if (day > most) {
    const length = index === 1 ? `${month} heeft hooguit ${most}` : `${month} heeft ${most}`;
    return { iso: null, problem: `„${written}” bestaat niet: ${length} dagen.` };
  }
  return { iso: null, problem: null };
}
