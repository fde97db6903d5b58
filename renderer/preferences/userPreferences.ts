/**
 * The user's preferences in the page: loaded once from the host, shared by everything that
 * needs them (the name and colour of a session, the assembly of a new stuk, how dates are
 * shown) and replaced when the user saves. A small external store, so components read it with
 * a hook and no provider has to wrap the app.
 *
 * One profile is one person (docs/ARCHITECTURE.md, "Profiles"): every window of it carries the
 * same name. A save is told to the profile's other windows at once (a BroadcastChannel: the
 * browser's other tabs, the desktop app's other windows), whose presence in a session follows;
 * a window that comes back into view asks the host again, for windows the channel does not
 * reach (another browser on the same host).
 */
import { useSyncExternalStore } from 'react';
import {
  DEFAULT_DATE_STYLE,
  preferencesStateSchema,
  type DateStyle,
  type PreferencesState,
  type UserPreferences,
} from '../../shared/api/preferences.ts';
import { api } from '../api/client.ts';

let current: PreferencesState | null = null;
let loading: Promise<PreferencesState> | null = null;
const listeners = new Set<() => void>();

function publish(next: PreferencesState): void {
  current = next;
  for (const listener of listeners) listener();
}

/** The profile's other windows, told of every save. */
const CHANNEL_NAME = 'resolutie-voorkeuren';
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
channel?.addEventListener('message', (event: MessageEvent) => {
  // Checked like any answer of the host: the channel is the page's own origin, but checked.
  const parsed = preferencesStateSchema.safeParse(event.data);
  if (!parsed.success) return;
  loading = Promise.resolve(parsed.data);
  publish(parsed.data);
});

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || current === null) return;
    api.getPreferences().then(
      (state) => {
        loading = Promise.resolve(state);
        publish(state);
      },
      // Not reachable now: the preferences already shown stay.
      () => undefined,
    );
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preferences as the host answered them; asked once, later calls share the answer. */
export function loadPreferences(): Promise<PreferencesState> {
  loading ??= api.getPreferences().then(
    (state) => {
      publish(state);
      return state;
    },
    (error: unknown) => {
      // A failed load may be retried (the host was not reachable yet).
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Stores `preferences` on the host (which checks the folder) and publishes what it stored. */
export async function savePreferences(preferences: UserPreferences): Promise<PreferencesState> {
  const stored = await api.setPreferences(preferences);
  loading = Promise.resolve(stored);
  publish(stored);
  channel?.postMessage(stored);
  return stored;
}

/** The preferences as loaded now (null until then), for code outside React's render. */
export function getLoadedPreferences(): PreferencesState | null {
  return current;
}

/** The preferences, or null until they have loaded. */
export function usePreferences(): PreferencesState | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** How the screens show dates: written out until the preferences say otherwise. */
export function useDateStyle(): DateStyle {
  return usePreferences()?.preferences.dateStyle ?? DEFAULT_DATE_STYLE;
}
