/**
 * The editor windows and what each shows, as the main process knows it: the menu state each
 * page last reported (validated), and the document a window was opened for until its page has
 * reported one. The menus follow the focused window's state; opening a file that a window
 * already shows brings that window forward instead of opening the file twice (two windows
 * saving one file would overwrite each other's work).
 */
import path from 'node:path';
import { EMPTY_MENU_STATE, menuStateSchema, type MenuState } from '../../shared/api/menuState.ts';

/** What the registry holds of one window. */
interface WindowEntry {
  state: MenuState;
  /** The document the window was opened for, until its page reports a state. */
  opening: string | null;
}

/** The outcome of a page's report. */
export type StateReport = 'changed' | 'unchanged' | 'invalid';

/** The editor windows by id (Electron's `BrowserWindow.id`). */
export class DocumentWindows {
  readonly #windows = new Map<number, WindowEntry>();
  readonly #samePath: (a: string, b: string) => boolean;

  /** `platform` decides whether paths compare with or without case (Windows, macOS). */
  constructor(platform: string = process.platform) {
    const foldCase = platform === 'win32' || platform === 'darwin';
    const normalize = (p: string) => (foldCase ? path.resolve(p).toLowerCase() : path.resolve(p));
    this.#samePath = (a, b) => normalize(a) === normalize(b);
  }

  /** Registers a new window, opened for `documentPath` or for a new document (null). */
  add(windowId: number, documentPath: string | null = null): void {
    this.#windows.set(windowId, { state: EMPTY_MENU_STATE, opening: documentPath });
  }

  /** Forgets a closed window. */
  remove(windowId: number): void {
    this.#windows.delete(windowId);
  }

  /** The ids of the open editor windows, oldest first. */
  ids(): number[] {
    return [...this.#windows.keys()];
  }

  /** Whether `windowId` is an editor window (not a print window, not closed). */
  has(windowId: number): boolean {
    return this.#windows.has(windowId);
  }

  /** The state a window last reported; the empty state for an unknown window. */
  getState(windowId: number | null): MenuState {
    return (windowId !== null && this.#windows.get(windowId)?.state) || EMPTY_MENU_STATE;
  }

  /**
   * Takes a page's report: `invalid` (ignored) when it does not match the schema or the window
   * is unknown, `unchanged` when it says what the window had already said.
   */
  report(windowId: number, payload: unknown): StateReport {
    const entry = this.#windows.get(windowId);
    const parsed = menuStateSchema.safeParse(payload);
    if (!entry || !parsed.success) return 'invalid';
    const unchanged = JSON.stringify(entry.state) === JSON.stringify(parsed.data);
    entry.state = parsed.data;
    // Once the page has a document, what it reports is what it shows.
    if (parsed.data.hasDocument) entry.opening = null;
    return unchanged ? 'unchanged' : 'changed';
  }

  /** The window that shows, or is opening, `documentPath`; null when none does. */
  findByPath(documentPath: string): number | null {
    for (const [id, entry] of this.#windows) {
      const shown = entry.opening ?? entry.state.path;
      if (shown !== null && this.#samePath(shown, documentPath)) return id;
    }
    return null;
  }
}
