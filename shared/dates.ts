/**
 * Dutch dates as the stukken print them ("vrijdag 29 november 2024"), from and to the ISO
 * form (yyyy-mm-dd) the document stores, and dates as the screens show them in the user's
 * style (written out, or in figures: "29-11-2024"). Computed by hand rather than with Intl so
 * that the output is the same in every runtime, whatever locale data it ships.
 */

/**
 * How the screens show a date: `long` as the stukken write it ("vrijdag 29 november 2024"),
 * `numeric` in figures ("29-11-2024"). The stuk itself (preamble, PDF) always writes it out.
 */
export const DATE_STYLES = ['long', 'numeric'] as const;

/** One of {@link DATE_STYLES}. */
export type DateStyle = (typeof DATE_STYLES)[number];

/** The date style until the user chooses. */
export const DEFAULT_DATE_STYLE: DateStyle = 'long';

/** Month names in Dutch, January first. */
export const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Weekday names in Dutch, Sunday first (as `Date.getUTCDay` counts). */
export const DUTCH_WEEKDAYS = [
  'zondag',
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
] as const;

/** True for a real calendar date in yyyy-mm-dd form. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** "2024-11-29" → "vrijdag 29 november 2024"; null for anything that is not an ISO date. */
export function formatDutchDate(iso: string): string | null {
  if (!isIsoDate(iso)) return null;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DUTCH_WEEKDAYS[weekday]} ${day} ${DUTCH_MONTHS[month - 1]} ${year}`;
}

/**
 * A date (yyyy-mm-dd) as the screens show it: "vrijdag 29 november 2024" (`long`) or
 * "29-11-2024" (`numeric`); null for anything that is not an ISO date. The stuk itself always
 * writes it out ({@link formatDutchDate}).
 */
export function formatDateInStyle(iso: string, style: DateStyle): string | null {
  if (style === 'long') return formatDutchDate(iso);
  if (!isIsoDate(iso)) return null;
  const [year, month, day] = iso.split('-') as [string, string, string];
  return `${day}-${month}-${year}`;
}

/**
 * A moment (a file saved, a version recorded) in the local time zone, as the screens show it:
 * "29 november 2024, 14:05" (`long`) or "29-11-2024 14:05" (`numeric`).
 */
export function formatMomentInStyle(moment: Date, style: DateStyle): string {
  const time = `${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
  const year = moment.getFullYear();
  if (style === 'long') {
    return `${moment.getDate()} ${DUTCH_MONTHS[moment.getMonth()]} ${year}, ${time}`;
  }
  return `${pad(moment.getDate())}-${pad(moment.getMonth() + 1)}-${year} ${time}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * What reading a typed date gave: the date as yyyy-mm-dd, or a Dutch sentence that says what
 * is wrong with it ("„31 februari 2025” bestaat niet: februari heeft in 2025 28 dagen.").
 */
export type DateReading = { iso: string; problem: null } | { iso: null; problem: string };

/** The message for input that reads as no date at all. */
export const UNKNOWN_DATE_MESSAGE =
  'Onbekende datum. Schrijf bijvoorbeeld 29 november 2024 of 29-11-2024.';

/**
 * Reads a date as a Dutch user types it: "29 november 2024", "vrijdag 29 nov 2024",
 * "1 mrt 2025", "29-11-2024", "29/11/2024" or ISO. When it is no date, says why, as
 * precisely as the input allows: a day the month does not have, a month past 12, a misspelt
 * month name (with the month it resembles), a missing or two-digit year (issue 16, point 11:
 * a generic "Onbekende datum" left the user guessing).
 */
export function readDutchDate(input: string): DateReading {
  const typed = input.trim().replace(/\s+/g, ' ');
  const text = typed.toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return checkDay(typed, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const [day, month, year] = [numeric[1] ?? '', numeric[2] ?? '', numeric[3] ?? ''];
    if (year.length === 2) return twoDigitYear(`${day}-${month}-20${year}`);
    return checkDay(typed, Number(year), Number(month), Number(day));
  }
  const words = /^(?:\p{L}+,? )?(\d{1,2}) (\p{L}+)\.?(?: (\d+))?$/u.exec(text);
  if (words) {
    const [day, monthWord, year] = [words[1] ?? '', words[2] ?? '', words[3]];
    const month = findMonth(monthWord);
    if (month === null) return failed(unknownMonth(typed, monthWord));
    if (year === undefined) return failed(MISSING_YEAR_MESSAGE);
    if (year.length === 2) return twoDigitYear(`${day} ${DUTCH_MONTHS[month - 1]} 20${year}`);
    if (year.length !== 4) return failed(UNKNOWN_DATE_MESSAGE);
    return checkDay(typed, Number(year), month, Number(day));
  }
  return failed(UNKNOWN_DATE_MESSAGE);
}

/** {@link readDutchDate}'s date alone: yyyy-mm-dd, or null when the input is no date. */
export function parseDutchDate(input: string): string | null {
  return readDutchDate(input).iso;
}

function failed(problem: string): DateReading {
  return { iso: null, problem };
}

/** The number of days of a month (1–12) in a year: 28 or 29 for February. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// The month and day of a date that has the right form; a day past the month's end is named.
function checkDay(typed: string, year: number, month: number, day: number): DateReading {
  if (month < 1 || month > 12) {
    return failed(`„${typed}” bestaat niet: een jaar heeft 12 maanden, ${month} is geen maand.`);
  }
  if (day < 1) return failed(`„${typed}” bestaat niet: een maand begint bij dag 1.`);
  const days = daysInMonth(year, month);
  if (day > days) {
    const name = DUTCH_MONTHS[month - 1] ?? '';
    // Only February's length depends on the year; saying the year there says why.
    const length = month === 2 ? `${name} heeft in ${year} ${days}` : `${name} heeft ${days}`;
    return failed(`„${typed}” bestaat niet: ${length} dagen.`);
  }
  const result = formatIso(year, month, day);
  return isIsoDate(result) ? { iso: result, problem: null } : failed(UNKNOWN_DATE_MESSAGE);
}

function twoDigitYear(example: string): DateReading {
  return failed(`Schrijf het jaar in vier cijfers, bijvoorbeeld ${example}.`);
}

// A fixed example: the user's own day and month may not exist in the year an example names.
const MISSING_YEAR_MESSAGE = 'Het jaar ontbreekt. Schrijf bijvoorbeeld 29 november 2024.';

function unknownMonth(typed: string, word: string): string {
  const original = typed.split(' ').find((part) => part.toLowerCase().startsWith(word)) ?? word;
  const likely = findLikelyMonth(word);
  return likely === null
    ? `„${original}” is geen maand. Schrijf bijvoorbeeld 29 november 2024 of 29-11-2024.`
    : `„${original}” is geen maand. Bedoelt u ${likely}?`;
}

// A month name or its start ("nov", "sept"), and "mrt", the one abbreviation that is no start.
function findMonth(word: string): number | null {
  if (word === 'mrt') return 3;
  if (word.length < 3) return null;
  const index = DUTCH_MONTHS.findIndex((name) => name.startsWith(word));
  return index === -1 ? null : index + 1;
}

// The month a misspelt name most resembles ("febuari" → februari), within a typing error or two.
function findLikelyMonth(word: string): string | null {
  if (word.length < 3) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of DUTCH_MONTHS) {
    // An abbreviation compares with the name's start of the same length.
    const distance = Math.min(
      editDistance(word, name),
      editDistance(word, name.slice(0, word.length)),
    );
    // Short words are near many months; allow them one typing error only.
    if (distance <= (word.length <= 4 ? 1 : 2) && (best === null || distance < best.distance))
      best = { name, distance };
  }
  return best?.name ?? null;
}

// Levenshtein distance between two short words.
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function formatIso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day of `date` in the local time zone, as yyyy-mm-dd. */
export function toIsoDate(date: Date): string {
  return formatIso(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

const MOMENT_FORMAT = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A moment (ms since the epoch) as Dutch readers write it, "6 december 2026 om 15:42", in the
 * time zone of the machine that shows it: the time of a comment in the panel, on the command
 * line and in the printed appendix.
 */
export function formatDutchDateTime(time: number): string {
  return MOMENT_FORMAT.format(new Date(time));
}
