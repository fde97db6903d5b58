/**
 * Times of comments as Dutch readers write them ("6 december 2026 om 15:42"), in the time zone
 * of the machine that shows them: the panel, the command line and the printed appendix.
 */

const FORMAT = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `time` (ms since the epoch) as "6 december 2026 om 15:42". */
export function formatDutchDateTime(time: number): string {
  return FORMAT.format(new Date(time));
}
