/**
 * Where a new editor window goes: where the user last left one, checked against the screens
 * there are now. A stored place can be stale: the laptop left its second screen at the office,
 * the resolution changed, the file was edited by hand. So the stored size is kept within the
 * window's minimum and the screen's work area, a window that would be off every screen goes to
 * the middle of the main screen, and a window that sticks out is moved in. A second window on
 * the same place is moved down and right, so it does not hide the first.
 */

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of a window. */
export interface WindowState {
  /** The window's bounds when not maximized (Electron's `getNormalBounds`). */
  bounds: Rectangle;
  maximized: boolean;
}

/** The size a window gets without a remembered one. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;

/** The smallest window the editor's layout works in (the window's own minimum). */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

/** How far each next window on the same place moves down and right. */
export const CASCADE_STEP = 28;

/**
 * How much of a window must lie on a screen to count as being there: enough to see and grab
 * its title bar.
 */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

/** Options of {@link placeWindow}. */
export interface PlacementOptions {
  /** The work areas of the screens, the main screen first (Electron's `display.workArea`). */
  workAreas: readonly Rectangle[];
  /** The bounds of the windows already open, which a new one should not cover exactly. */
  occupied?: readonly Rectangle[];
}

/** The bounds and state a new window opens with. */
export function placeWindow(stored: WindowState | null, options: PlacementOptions): WindowState {
  const primary = options.workAreas[0];
  // No screen reported (cannot happen with a display, but a headless start must not crash).
  if (!primary) {
    return {
      bounds: { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE },
      maximized: stored?.maximized ?? false,
    };
  }
  const wanted = stored?.bounds ?? null;
  const found = wanted ? findBestScreen(wanted, options.workAreas) : null;
  const screen = found ?? primary;
  const width = fitSize(
    wanted?.width ?? DEFAULT_WINDOW_SIZE.width,
    MIN_WINDOW_SIZE.width,
    screen.width,
  );
  const height = fitSize(
    wanted?.height ?? DEFAULT_WINDOW_SIZE.height,
    MIN_WINDOW_SIZE.height,
    screen.height,
  );
  // A remembered place on a screen that is still there is kept (moved in as far as needed);
  // otherwise the window is centred on the main screen.
  let x = found && wanted ? wanted.x : screen.x + Math.round((screen.width - width) / 2);
  let y = found && wanted ? wanted.y : screen.y + Math.round((screen.height - height) / 2);
  x = clamp(x, screen.x, screen.x + screen.width - width);
  y = clamp(y, screen.y, screen.y + screen.height - height);

  const bounds = cascade({ x, y, width, height }, screen, options.occupied ?? []);
  return { bounds, maximized: stored?.maximized ?? false };
}

/** The screen `bounds` overlaps most, if it shows enough of the window to grab it. */
function findBestScreen(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | null {
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersect(bounds, area);
    if (!overlap || overlap.width < MIN_VISIBLE.width || overlap.height < MIN_VISIBLE.height) {
      continue;
    }
    const size = overlap.width * overlap.height;
    if (size > bestArea) {
      best = area;
      bestArea = size;
    }
  }
  return best;
}

function intersect(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** `size` at least `min`, at most `max`; a screen smaller than the minimum wins. */
function fitSize(size: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(size, min), max));
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * `bounds` moved down and right until no open window has the same top left corner; back to
 * the screen's corner when the next step would run off the screen.
 */
function cascade(bounds: Rectangle, screen: Rectangle, occupied: readonly Rectangle[]): Rectangle {
  const taken = (x: number, y: number) =>
    occupied.some((other) => Math.abs(other.x - x) < 4 && Math.abs(other.y - y) < 4);
  let { x, y } = bounds;
  // Bounded: one step per open window is always enough to find a free corner.
  for (let step = 0; step <= occupied.length && taken(x, y); step++) {
    x += CASCADE_STEP;
    y += CASCADE_STEP;
    if (
      x + bounds.width > screen.x + screen.width ||
      y + bounds.height > screen.y + screen.height
    ) {
      x = screen.x + (step % 8) * CASCADE_STEP;
      y = screen.y;
    }
  }
  return { ...bounds, x, y };
}
