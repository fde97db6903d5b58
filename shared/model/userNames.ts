/**
 * What a user's name may be: the name under which colleagues see a co-editor (their cursor,
 * the presence list, their changes). The preferences (shared/api/preferences.ts) and presence
 * (shared/session/presenceState.ts) both hold names to these rules.
 */

/** The longest name, in characters: it labels a cursor. */
export const MAX_USER_NAME_LENGTH = 60;

/**
 * Whether a name holds a character that does not show as text: C0 and C1 controls, and the
 * bidirectional embeddings, overrides and isolates (which reorder what follows them). Such a
 * name is refused in the preferences and in presence (shared/session/presenceState.ts), so that a user whose
 * name colleagues would never see cannot choose it.
 */
export function hasHiddenNameCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

/**
 * Whether `name` is a name a colleague can be shown under: text, not only spaces, at most
 * MAX_USER_NAME_LENGTH characters, nothing hidden. The rule of presence
 * (shared/session/presenceState.ts), of a comment's author (shared/comments/) and, trimmed, of
 * an invitation's name (shared/session/invitation.ts).
 */
export function isUserName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.trim() !== '' &&
    name.length <= MAX_USER_NAME_LENGTH &&
    !hasHiddenNameCharacter(name)
  );
}
