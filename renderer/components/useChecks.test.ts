/**
 * The pause before the checks run again: the usual one after a quick run, longer after a run
 * that took long enough to be felt between two keystrokes, and never longer than MAX_DELAY.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_DELAY, getCheckDelay } from './useChecks.ts';

describe('getCheckDelay', () => {
  it('waits the usual pause after a quick run', () => {
    expect(getCheckDelay(0)).toBe(CHECK_DELAY);
    expect(getCheckDelay(40)).toBe(CHECK_DELAY);
  });

  it('waits longer after a slow run, up to two seconds', () => {
    expect(getCheckDelay(250)).toBe(1000);
    expect(getCheckDelay(2000)).toBe(2000);
  });
});
