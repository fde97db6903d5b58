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

const DUTCH_WEEKDAYS = [
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
 * Reads a date as a Dutch user types it: "29 november 2024", "vrijdag 29 nov 2024",
 * "29-11-2024", "29/11/2024" or ISO. Returns yyyy-mm-dd, or null when it is no date.
 */
export function parseDutchDate(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (numeric) return toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const words = /^(?:[a-z]+,? )?(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(text);
  if (words) {
    const month = findMonth(words[2] ?? '');
    if (month !== null) return toIso(Number(words[3]), month, Number(words[1]));
  }
  return null;
}

function findMonth(word: string): number | null {
  if (word.length < 3) return null;
  const index = DUTCH_MONTHS.findIndex((name) => name.startsWith(word));
  return index === -1 ? null : index + 1;
}

function toIso(year: number, month: number, day: number): string | null {
  const iso = formatIso(year, month, day);
  return isIsoDate(iso) ? iso : null;
}

function formatIso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day of `date` in the local time zone, as yyyy-mm-dd. */
export function toIsoDate(date: Date): string {
  return formatIso(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
