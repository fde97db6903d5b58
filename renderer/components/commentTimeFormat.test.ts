import { describe, expect, it } from 'vitest';
import { formatCommentTime, formatFullTime } from './commentTimeFormat.ts';

const at = (month: number, day: number, hour: number, minute: number, year = 2024) =>
  new Date(year, month - 1, day, hour, minute).getTime();

describe('the time of a comment', () => {
  const now = at(11, 12, 14, 30);

  it('is relative while recent', () => {
    expect(formatCommentTime(now - 20_000, now)).toBe('zojuist');
    expect(formatCommentTime(at(11, 12, 14, 18), now)).toBe('12 min. geleden');
    expect(formatCommentTime(at(11, 12, 13, 31), now)).toBe('59 min. geleden');
  });

  it('names today and yesterday, then the day, and the year when it is another', () => {
    expect(formatCommentTime(at(11, 12, 9, 5), now)).toBe('vandaag 09:05');
    expect(formatCommentTime(at(11, 12, 0, 0), now)).toBe('vandaag 00:00');
    expect(formatCommentTime(at(11, 11, 23, 59), now)).toBe('gisteren 23:59');
    expect(formatCommentTime(at(11, 11, 0, 0), now)).toBe('gisteren 00:00');
    expect(formatCommentTime(at(11, 10, 23, 59), now)).toBe('10 nov 23:59');
    expect(formatCommentTime(at(12, 30, 8, 0, 2023), now)).toBe('30 dec 2023 08:00');
  });

  it('says the whole moment in the tooltip', () => {
    expect(formatFullTime(at(11, 12, 14, 5))).toBe('dinsdag 12 november 2024 om 14:05');
  });
});
