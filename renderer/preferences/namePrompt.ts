/**
 * Asking for the user's name the first time it matters: before a session starts, before
 * "Wijzigingen bijhouden" signs the first proposal, before the first comment, and before an
 * amendment is made. Until the user gives a name, the one in the preferences is the account's
 * ("Root", "Gebruiker"), which colleagues should not see.
 *
 * The question is a request held here: whoever needs the name calls {@link requestName} with
 * what to do once it is given; the preferences layer shows the short name form while a request
 * is open (PreferencesDialog), and saving it runs the action (useCollaboration's save).
 */
import { useSyncExternalStore } from 'react';

/** Why the name is asked: it says so above the field. */
export type NameReason = 'startSession' | 'suggesting' | 'commenting' | 'amendment';

interface NameRequest {
  reason: NameReason;
  then: () => void;
}

let open: NameRequest | null = null;
const listeners = new Set<() => void>();

function publish(next: NameRequest | null): void {
  open = next;
  for (const listener of listeners) listener();
}

/** Opens the question; `then` runs once the name is saved (a newer request replaces it). */
export function requestName(reason: NameReason, then: () => void): void {
  publish({ reason, then });
}

/** Closes the question and answers what was to be done after it (null when none was open). */
export function takeNameRequest(): (() => void) | null {
  const request = open;
  if (request) publish(null);
  return request?.then ?? null;
}

/** Closes the question without doing what was asked (the user cancelled). */
export function cancelNameRequest(): void {
  if (open) publish(null);
}

/** Why the name is being asked, or null when it is not. */
export function useNameRequest(): NameReason | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open?.reason ?? null,
  );
}
