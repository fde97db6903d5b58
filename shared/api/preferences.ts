/**
 * The user's preferences that the app keeps in its profile: the name and colour under which
 * colleagues see them in a co-editing session (their cursor, the presence list).
 */
import { z } from 'zod';
import { USER_COLOUR_PATTERN } from '../collab/userColours.ts';

/** The longest name, in characters: it labels a cursor. */
export const MAX_USER_NAME_LENGTH = 60;

/** The preferences, as stored and as sent. */
export const userPreferencesSchema = z.strictObject({
  userName: z.string().trim().min(1).max(MAX_USER_NAME_LENGTH),
  userColour: z.string().regex(USER_COLOUR_PATTERN),
});

export type UserPreferences = z.infer<typeof userPreferencesSchema>;
