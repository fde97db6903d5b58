import { describe, expect, it } from 'vitest';
import { ProgressBar, formatProgressLine } from './progressBar.ts';

describe('formatProgressLine', () => {
  it('fills the bar in proportion and says what is being done', () => {
    expect(formatProgressLine(0, 4, 'Begin')).toBe(`[${'░'.repeat(24)}]   0%  Begin`);
    expect(formatProgressLine(1, 4, 'Stuk 1 van 2 opmaken')).toBe(
      `[${'█'.repeat(6)}${'░'.repeat(18)}]  25%  Stuk 1 van 2 opmaken`,
    );
    expect(formatProgressLine(4, 4, '')).toBe(`[${'█'.repeat(24)}] 100%  `);
  });

  it('stays within the terminal, so redrawing in place works', () => {
    const line = formatProgressLine(1, 2, 'een heel lange omschrijving '.repeat(5), 50);
    expect(line).toHaveLength(49);
    expect(line.endsWith('…')).toBe(true);
  });

  it('never overfills or goes below zero', () => {
    expect(formatProgressLine(9, 4, '')).toContain('100%');
    expect(formatProgressLine(-1, 4, '')).toContain('0%');
    expect(formatProgressLine(0, 0, '')).toContain('0%');
  });
});

describe('ProgressBar', () => {
  const capture = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, columns: 80, write: (text: string) => written.push(text) } };
  };

  it('redraws one line on a terminal and erases it at the end', () => {
    const { written, stream } = capture(true);
    const bar = new ProgressBar(stream);
    bar.update(0, 2, 'Eerste');
    bar.update(1, 2, 'Tweede');
    bar.clear();
    expect(written).toHaveLength(3);
    expect(written[1]).toBe(`\r\x1b[2K[${'█'.repeat(12)}${'░'.repeat(12)}]  50%  Tweede`);
    expect(written[2]).toBe('\r\x1b[2K');
  });

  it('draws nothing when the output is not a terminal', () => {
    const { written, stream } = capture(false);
    const bar = new ProgressBar(stream);
    bar.update(1, 2, 'Tweede');
    bar.clear();
    expect(written).toEqual([]);
  });
});
