/**
 * When a comment was written, as a colleague says it: "zojuist", "12 min. geleden", "vandaag
 * 14:05", "gisteren 09:12", "3 nov 16:40" (with the year when it is not this one), and the
 * full date and time for the tooltip. Pure, so it is tested in Node (CommentTime.tsx shows it).
 */

const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const dayInYear = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short' });
const dayWithYear = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const full = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** `time` as the panel shows it at `now`: short and relative when recent. */
export function formatCommentTime(time: number, now: number): string {
  const ago = now - time;
  if (ago < MINUTE) return 'zojuist';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min. geleden`;
  const today = startOfDay(now);
  if (time >= today) return `vandaag ${clock.format(time)}`;
  // The day before today (24 hours back from midnight, whatever the clock change did).
  const yesterday = startOfDay(today - 1);
  if (time >= yesterday) return `gisteren ${clock.format(time)}`;
  const sameYear = new Date(time).getFullYear() === new Date(now).getFullYear();
  return `${(sameYear ? dayInYear : dayWithYear).format(time)} ${clock.format(time)}`;
}

/** `time` in full: "dinsdag 12 november 2024 om 14:05". */
export function formatFullTime(time: number): string {
  return full.format(time);
}
