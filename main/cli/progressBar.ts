/**
 * A progress bar on one line of a terminal, redrawn in place:
 *
 *   [██████████░░░░░░░░░░░░░░]  40%  Stuk 2 van 8 opmaken
 *
 * Only on a terminal: redirected to a file or a pipe, the line-by-line redraws would be noise,
 * so nothing is drawn there. The bar goes to stderr; stdout keeps only the result lines.
 */

/** Where the bar is drawn: a terminal's stream, or anything shaped like one (tests). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const BAR_WIDTH = 24;
// Moves to the start of the line and erases it.
const CLEAR_LINE = '\r\x1b[2K';

/** The bar's line for `done` of `total` steps, at most `columns` characters wide. */
export function formatProgressLine(
  done: number,
  total: number,
  label: string,
  columns = 80,
): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const percent = `${Math.round(fraction * 100)}%`.padStart(4);
  const line = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${percent}  ${label}`;
  // A line wider than the terminal wraps, and \r then redraws only its last part.
  const width = Math.max(BAR_WIDTH + 8, columns - 1);
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** A bar drawn on `stream` while it is a terminal. */
export class ProgressBar {
  private readonly stream: ProgressStream;
  private drawn = false;

  constructor(stream: ProgressStream) {
    this.stream = stream;
  }

  /** Redraws the bar; on anything but a terminal it does nothing. */
  update(done: number, total: number, label: string): void {
    if (!this.stream.isTTY) return;
    this.stream.write(
      `${CLEAR_LINE}${formatProgressLine(done, total, label, this.stream.columns || 80)}`,
    );
    this.drawn = true;
  }

  /** Erases the bar, so the next line (the result, or an error) starts on a clean line. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write(CLEAR_LINE);
    this.drawn = false;
  }
}
