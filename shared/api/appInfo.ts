import { z } from 'zod';

/** The shells the app runs in: the Electron window, or a browser tab served by the Node host. */
export const APP_MODES = ['electron', 'browser'] as const;

/** One of {@link APP_MODES}. */
export type AppMode = (typeof APP_MODES)[number];

/** What `getAppInfo` answers: for the "Over" dialog and for bug reports. */
export const appInfoSchema = z.strictObject({
  /** The product name as users see it. */
  name: z.string().min(1),
  /** The app's version, from package.json. */
  version: z.string().min(1),
  /** Which shell serves the renderer. */
  mode: z.enum(APP_MODES),
  /** The host's operating system as Node names it (`linux`, `win32`, `darwin`). */
  platform: z.string().min(1),
});

/** See {@link appInfoSchema}. */
export type AppInfo = z.infer<typeof appInfoSchema>;
