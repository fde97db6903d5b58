/**
 * The user's preferences that the app keeps in its profile: the name and colour under which
 * colleagues see them in a co-editing session (their cursor, the presence list, their
 * changes), the assembly a new stuk starts with, the folder for documents, how the screens
 * show dates and whether PDFs are made PDF/A for archives. Each field has its own schema, so a stored file is read field by field and one
 * bad value does not cost the others; {@link describePreferenceProblem} says in Dutch what is
 * wrong with a value, for the dialog and for the notices after loading.
 */
import { z } from 'zod';
import { USER_COLOUR_PATTERN } from '../model/userColours.ts';
import { DEFAULT_ASSEMBLY } from '../model/assembly.ts';
import { DATE_STYLES, DEFAULT_DATE_STYLE } from '../dates.ts';
import type { DateStyle } from '../dates.ts';
import { MAX_USER_NAME_LENGTH, hasHiddenNameCharacter } from '../model/userNames.ts';

// Part of the preferences' contract, defined where the dates and names are.
export { DATE_STYLES, DEFAULT_DATE_STYLE, MAX_USER_NAME_LENGTH, hasHiddenNameCharacter };
export type { DateStyle };

/** The longest assembly name ("Najaars ALV"), in characters: it stands in the preamble. */
export const MAX_ASSEMBLY_LENGTH = 80;

/** The longest folder path, in characters (Windows' long paths stay well below). */
export const MAX_FOLDER_PATH_LENGTH = 1024;

/** The assembly of a new stuk when the user chose none: the template's (shared/model). */
export { DEFAULT_ASSEMBLY };

/**
 * Whether `text` is a full path to a folder on some platform: `/…` (macOS, Linux), `C:\…` or
 * `C:/…` (Windows) or `\\server\share…` (a Windows network share). The host checks it again
 * for its own platform.
 */
export function isAbsoluteFolderPath(text: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(text);
}

/** Whether `text` holds a control character (a NUL, a line break), which no path should. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) < 0x20) return true;
  }
  return false;
}

/** The schema of each preference, so that a stored file can be read one field at a time. */
export const preferenceFieldSchemas = {
  userName: z
    .string()
    .trim()
    .min(1)
    .max(MAX_USER_NAME_LENGTH)
    .refine((name) => !hasHiddenNameCharacter(name)),
  userColour: z.string().regex(USER_COLOUR_PATTERN),
  defaultAssembly: z.string().trim().min(1).max(MAX_ASSEMBLY_LENGTH),
  /** The documents folder the user chose; `null` for the standard one. */
  documentsDir: z
    .string()
    .trim()
    .min(1)
    .max(MAX_FOLDER_PATH_LENGTH)
    .refine((text) => !hasControlCharacter(text) && isAbsoluteFolderPath(text))
    .nullable(),
  dateStyle: z.enum(DATE_STYLES),
  /** Make every exported PDF PDF/A-2b (main/services/pdf/pdfArchive.ts). */
  pdfArchive: z.boolean(),
};

/** The name of one preference. */
export type PreferenceField = keyof typeof preferenceFieldSchemas;

/** Every preference, in the order the dialog shows them. */
export const PREFERENCE_FIELDS = Object.keys(preferenceFieldSchemas) as PreferenceField[];

/** How the dialog names each preference, for messages about it. */
export const PREFERENCE_LABELS: Readonly<Record<PreferenceField, string>> = {
  userName: 'Uw naam',
  userColour: 'Uw kleur',
  defaultAssembly: 'Vergadering van nieuwe stukken',
  documentsDir: 'Documentenmap',
  dateStyle: 'Datums tonen',
  pdfArchive: 'PDF/A (archief)',
};

/** The preferences, as stored and as sent. */
export const userPreferencesSchema = z.strictObject(preferenceFieldSchemas);

export type UserPreferences = z.infer<typeof userPreferencesSchema>;

/** The documents folder as the dialog shows it. */
export const documentsFolderSchema = z.strictObject({
  /** The folder the editor uses now. */
  current: z.string().max(MAX_FOLDER_PATH_LENGTH),
  /** The folder it uses when the user chose none: given at start, or the platform's. */
  standard: z.string().max(MAX_FOLDER_PATH_LENGTH),
  /**
   * Whether the folder was given when the editor was started (`--documents`,
   * `RESOLUTIE_DOCUMENTS_DIR`): that wins over the preference for as long as it is given.
   */
  fixed: z.boolean(),
});

export type DocumentsFolder = z.infer<typeof documentsFolderSchema>;

/** What `getPreferences` and `setPreferences` answer. */
export const preferencesStateSchema = z.strictObject({
  preferences: userPreferencesSchema,
  documentsFolder: documentsFolderSchema,
  /**
   * What went wrong reading the stored preferences, in Dutch, one sentence each: a damaged
   * file, a value that is no longer valid, a folder that is gone. The stored file is left as
   * it is until the user saves.
   */
  notices: z.array(z.string().max(2000)).max(20),
  /**
   * Whether the user gave the name (false: it is the account's, a default): the app asks for a
   * name the first time it matters (a session, tracked changes).
   */
  userNameChosen: z.boolean(),
});

export type PreferencesState = z.infer<typeof preferencesStateSchema>;

/**
 * What is wrong with `value` for preference `field`, in Dutch and fit to show beside the
 * field, or null when it is valid.
 */
export function describePreferenceProblem(field: PreferenceField, value: unknown): string | null {
  if (preferenceFieldSchemas[field].safeParse(value).success) return null;
  const text = typeof value === 'string' ? value.trim() : null;
  switch (field) {
    case 'userName':
      if (text === '') return 'Vul uw naam in: collega’s zien hem bij uw cursor en uw wijzigingen.';
      if (text !== null && text.length > MAX_USER_NAME_LENGTH) {
        return `Uw naam is te lang: hoogstens ${MAX_USER_NAME_LENGTH} tekens.`;
      }
      if (text !== null && hasHiddenNameCharacter(text)) {
        return 'Uw naam bevat een teken dat niet als tekst te zien is (een stuurteken); laat het weg.';
      }
      return 'Uw naam is geen tekst.';
    case 'userColour':
      return 'Kies een van de kleuren.';
    case 'defaultAssembly':
      if (text === '') return 'Vul de vergadering in, bijvoorbeeld ‘ALV’ of ‘Najaars ALV’.';
      if (text !== null && text.length > MAX_ASSEMBLY_LENGTH) {
        return `De naam van de vergadering is te lang: hoogstens ${MAX_ASSEMBLY_LENGTH} tekens.`;
      }
      return 'De vergadering is geen tekst.';
    case 'documentsDir':
      if (text === null) return 'De documentenmap is geen tekst.';
      if (text === '') return null; // An empty field means the standard folder.
      if (text.length > MAX_FOLDER_PATH_LENGTH) {
        return `Het pad van de documentenmap is te lang: hoogstens ${MAX_FOLDER_PATH_LENGTH} tekens.`;
      }
      if (hasControlCharacter(text)) {
        return 'Het pad van de documentenmap bevat een regeleinde of een ander teken dat niet in een pad hoort.';
      }
      return 'Geef de volledige map op, zoals C:\\Users\\anneke\\Documenten\\Resoluties of /home/anneke/Documenten/Resoluties.';
    case 'dateStyle':
      return 'Kies hoe datums getoond worden.';
    case 'pdfArchive':
      return 'Kies of PDF’s als PDF/A voor het archief worden gemaakt.';
  }
}
