import type { AppMode } from '../../shared/api/appInfo.ts';

/**
 * What a handler may know about where it runs. Each shell builds one context at start-up and
 * passes it with every request; handlers take nothing from globals, so tests build their own.
 */
export interface ApiContext {
  /** Which shell carries the requests. */
  mode: AppMode;
  /** The directory holding the app's package.json (see `findAppRoot`). */
  appRoot: string;
  /**
   * Where unexpected failures are reported with their details (stack, zod issues); the caller
   * only gets a Dutch message without them. Defaults to `console.error`.
   */
  reportError?: (message: string, error: unknown) => void;
}
