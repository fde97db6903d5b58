import { describe, expect, it } from 'vitest';
import {
  CASCADE_STEP,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  placeWindow,
  type Rectangle,
} from './windowPlacement.ts';

// A laptop screen (with a menu bar at the top) and a larger screen to its right.
const laptop: Rectangle = { x: 0, y: 25, width: 1440, height: 875 };
const external: Rectangle = { x: 1440, y: 0, width: 2560, height: 1440 };

const stored = (bounds: Rectangle, maximized = false) => ({ bounds, maximized });

describe('placeWindow', () => {
  it('centres a first window at the default size on the main screen', () => {
    expect(placeWindow(null, { workAreas: [laptop, external] })).toEqual({
      bounds: { x: 80, y: 33, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('puts the window back where it was, on whichever screen that is', () => {
    const onExternal = { x: 2000, y: 200, width: 1400, height: 1000 };
    expect(placeWindow(stored(onExternal), { workAreas: [laptop, external] }).bounds).toEqual(
      onExternal,
    );
    const onLaptop = { x: 100, y: 60, width: 1000, height: 700 };
    expect(placeWindow(stored(onLaptop), { workAreas: [laptop, external] }).bounds).toEqual(
      onLaptop,
    );
  });

  it('brings back a window from a screen that is gone, centred on the main screen', () => {
    // Left on the external screen, which stayed at the office.
    const placed = placeWindow(stored({ x: 2000, y: 200, width: 1400, height: 1000 }), {
      workAreas: [laptop],
    });
    expect(placed.bounds).toEqual({ x: 20, y: 25, width: 1400, height: 875 });
    const small = placeWindow(stored({ x: -5000, y: -5000, width: 900, height: 600 }), {
      workAreas: [laptop],
    });
    expect(small.bounds).toEqual({ x: 270, y: 163, width: 900, height: 600 });
  });

  it('counts a window that shows only a sliver as off the screen', () => {
    const sliver = { x: 1400, y: 100, width: 1000, height: 700 };
    const placed = placeWindow(stored(sliver), { workAreas: [laptop] });
    expect(placed.bounds.x + placed.bounds.width).toBeLessThanOrEqual(1440);
    expect(placed.bounds).toEqual({ x: 220, y: 113, width: 1000, height: 700 });
  });

  it('moves a window that sticks out back onto its screen', () => {
    const placed = placeWindow(stored({ x: 900, y: 500, width: 1000, height: 700 }), {
      workAreas: [laptop],
    });
    expect(placed.bounds).toEqual({ x: 440, y: 200, width: 1000, height: 700 });
    // Above the work area (under the menu bar): moved down.
    expect(
      placeWindow(stored({ x: 10, y: 0, width: 800, height: 600 }), { workAreas: [laptop] }).bounds
        .y,
    ).toBe(25);
  });

  it('keeps the window at least as large as the layout needs', () => {
    const placed = placeWindow(stored({ x: 10, y: 40, width: 200, height: 100 }), {
      workAreas: [laptop],
    });
    expect(placed.bounds).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('makes a window too large for the screen fit it', () => {
    const placed = placeWindow(stored({ x: 0, y: 25, width: 5000, height: 3000 }), {
      workAreas: [laptop],
    });
    expect(placed.bounds).toEqual(laptop);
  });

  it('remembers that the window was maximized, and its size before that', () => {
    const bounds = { x: 100, y: 60, width: 1000, height: 700 };
    expect(placeWindow(stored(bounds, true), { workAreas: [laptop] })).toEqual({
      bounds,
      maximized: true,
    });
  });

  it('moves a second window on the same place down and right', () => {
    const bounds = { x: 100, y: 60, width: 1000, height: 700 };
    const second = placeWindow(stored(bounds), { workAreas: [laptop], occupied: [bounds] });
    expect(second.bounds).toEqual({
      ...bounds,
      x: 100 + CASCADE_STEP,
      y: 60 + CASCADE_STEP,
    });
    const third = placeWindow(stored(bounds), {
      workAreas: [laptop],
      occupied: [bounds, second.bounds],
    });
    expect(third.bounds).toMatchObject({ x: 100 + 2 * CASCADE_STEP, y: 60 + 2 * CASCADE_STEP });
  });

  it('starts the cascade again at the top when it would run off the screen', () => {
    const bounds = { x: 440, y: 200, width: 1000, height: 700 };
    const placed = placeWindow(stored(bounds), { workAreas: [laptop], occupied: [bounds] });
    expect(placed.bounds.x + placed.bounds.width).toBeLessThanOrEqual(1440);
    expect(placed.bounds.y + placed.bounds.height).toBeLessThanOrEqual(900);
    expect(placed.bounds).not.toMatchObject({ x: 440, y: 200 });
  });

  it('still gives a window when no screen is reported', () => {
    expect(placeWindow(null, { workAreas: [] }).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });
});
