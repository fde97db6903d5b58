/**
 * The app's own dialogs that any part of the window may open, and the desktop app's native
 * menus too: "Over Resolutie-editor", the help page and the preferences. One function opens
 * each, from anywhere (a button, F1, a menu command through the shell bridge):
 *
 *   openAppDialog('about' | 'help' | 'preferences')
 *
 * `<AppDialogs />` (mounted once in App.tsx) shows About and Help; App.tsx shows the
 * preferences with the co-editing state they need (see useCollaboration). About and Help take
 * one place (opening one closes the other); the preferences have their own, so opening the help
 * over half-filled preferences loses nothing.
 */
import { useSyncExternalStore } from 'react';

/** The dialogs {@link openAppDialog} opens. */
export const APP_DIALOGS = ['about', 'help', 'preferences'] as const;

/** One of {@link APP_DIALOGS}. */
export type AppDialog = (typeof APP_DIALOGS)[number];

let info: 'about' | 'help' | null = null;
let preferences = false;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isOpen(dialog: AppDialog): boolean {
  return dialog === 'preferences' ? preferences : info === dialog;
}

/** Opens `dialog`; About and Help replace each other. */
export function openAppDialog(dialog: AppDialog): void {
  if (isOpen(dialog)) return;
  if (dialog === 'preferences') preferences = true;
  else info = dialog;
  changed();
}

/** Closes `dialog` if it is open. */
export function closeAppDialog(dialog: AppDialog): void {
  if (!isOpen(dialog)) return;
  if (dialog === 'preferences') preferences = false;
  else info = null;
  changed();
}

/** Whether `dialog` is open. */
export function useAppDialogOpen(dialog: AppDialog): boolean {
  return useSyncExternalStore(subscribe, () => isOpen(dialog));
}
