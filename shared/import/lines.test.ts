import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText, readLines } from './lines.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`)) ?? '';
  return readFileSync(new URL(name, SEEDS), 'utf8');
};

describe('normalizeText', () => {
  it('normalises line endings, spaces, BOM, control and symbol-font characters', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc\fd\ve\u00a0f\tg\u200bh\u00adi\u0007j\uF0B7 k')).toBe(
      'a\nb\nc\nd\ne f ghij• k',
    );
  });
});

describe('readLines', () => {
  it('marks blank lines as paragraph breaks in ordinary text', () => {
    const { lines, doubleSpaced } = readLines('Eerste regel\ntweede regel\n\nNieuwe alinea');
    expect(doubleSpaced).toBe(false);
    expect(lines.map((l) => [l.text, l.breakBefore])).toEqual([
      ['Eerste regel', false],
      ['tweede regel', false],
      ['Nieuwe alinea', true],
    ]);
  });

  it('detects double spacing: single empty lines continue, lines of spaces break', () => {
    const text = [
      'Het bestuur wil met de',
      '',
      'resolutie recht doen aan de',
      '',
      'wensen van gemeenten.',
      ' ',
      'Nieuwe alinea die',
      '',
      'verder gaat in de',
      '',
      'tekst.',
    ].join('\n');
    const { lines, doubleSpaced } = readLines(text);
    expect(doubleSpaced).toBe(true);
    expect(lines.filter((l) => l.breakBefore).map((l) => l.text)).toEqual(['Nieuwe alinea die']);
  });

  it('recognises the layouts of the seeds', () => {
    const layout = (prefix: string) => {
      const { doubleSpaced, markdown, markdownHeadings } = readLines(seed(prefix));
      return { doubleSpaced, markdown, markdownHeadings };
    };
    expect(layout('000')).toEqual({ doubleSpaced: true, markdown: false, markdownHeadings: false });
    expect(layout('001')).toEqual({ doubleSpaced: true, markdown: false, markdownHeadings: false });
    expect(layout('002')).toEqual({ doubleSpaced: false, markdown: true, markdownHeadings: true });
    expect(layout('003')).toEqual({
      doubleSpaced: false,
      markdown: false,
      markdownHeadings: false,
    });
    expect(layout('004')).toEqual({ doubleSpaced: true, markdown: false, markdownHeadings: false });
  });

  it('keeps markup in text, strips it in plain, and marks Markdown hard breaks', () => {
    const { lines } = readLines('**Van:**  VNG  \nPostbus 1\n\n## Kop');
    expect(lines[0]).toEqual({
      text: '**Van:** VNG',
      plain: 'Van: VNG',
      breakBefore: false,
      hardBreakAfter: true,
    });
    expect(lines[1]?.hardBreakAfter).toBe(false);
  });

  it('measures the typical line width', () => {
    expect(readLines(seed('003')).typicalWidth).toBeGreaterThan(85);
    expect(readLines('kort').typicalWidth).toBe(0);
  });
});
