/**
 * The editor window's size and place in `<profile>/window-state.json`, so the next window
 * opens where the user left the last one. Written atomically when a window closes; read
 * strictly: a missing, damaged or hand-edited file gives no stored state (the window opens in
 * its default place) and is replaced at the next close. It holds nothing of the user's work.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../services/files/atomicWrite.ts';
import { FileReadError } from '../services/files/fileErrors.ts';
import { readFileLimited } from '../services/files/readFileLimited.ts';
import type { WindowState } from './windowPlacement.ts';

const WINDOW_STATE_FORMAT = 'resolutie-window-state';
const WINDOW_STATE_VERSION = 1;
const MAX_WINDOW_STATE_BYTES = 4096;

/** Screen coordinates: whole pixels, within what any screen arrangement can reach. */
const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const windowStateFileSchema = z.strictObject({
  format: z.literal(WINDOW_STATE_FORMAT),
  version: z.literal(WINDOW_STATE_VERSION),
  bounds: z.strictObject({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/** The window-state file of a profile folder. */
export function getWindowStateFile(profileDir: string): string {
  return path.join(profileDir, 'window-state.json');
}

/** The stored state in `text`, or null when it is not a valid window-state file. */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateFileSchema.safeParse(json);
  return parsed.success ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized } : null;
}

/** The file's text for `state` (rounded to whole pixels, as screens have them). */
export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  const file = {
    format: WINDOW_STATE_FORMAT,
    version: WINDOW_STATE_VERSION,
    bounds: {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(width),
      height: Math.round(height),
    },
    maximized: state.maximized,
  };
  return `${JSON.stringify(windowStateFileSchema.parse(file), null, 2)}\n`;
}

/** The window state of one profile. */
export class WindowStateStore {
  readonly filePath: string;
  readonly #reportError: (message: string, error: unknown) => void;

  constructor(
    filePath: string,
    options: { reportError?: (message: string, error: unknown) => void } = {},
  ) {
    this.filePath = path.resolve(filePath);
    this.#reportError = options.reportError ?? console.error;
  }

  /** The stored state, or null (none yet, or unreadable: then reported). */
  async read(): Promise<WindowState | null> {
    let bytes: Uint8Array;
    try {
      bytes = await readFileLimited(this.filePath, MAX_WINDOW_STATE_BYTES);
    } catch (error) {
      if (!(error instanceof FileReadError && error.code === 'not_found')) {
        this.#reportError(
          'Vensterpositie niet gelezen; het venster opent op de standaardplek',
          error,
        );
      }
      return null;
    }
    const state = parseWindowState(new TextDecoder().decode(bytes));
    if (!state) {
      this.#reportError(
        'Vensterpositie beschadigd; het venster opent op de standaardplek',
        new Error(this.filePath),
      );
    }
    return state;
  }

  /** Stores `state`, replacing the file atomically. */
  async write(state: WindowState): Promise<void> {
    // The profile folder does not exist before the app first writes to it.
    await mkdir(path.dirname(this.filePath), { recursive: true });
    await writeFileAtomic(this.filePath, new TextEncoder().encode(serializeWindowState(state)));
  }
}
