/**
 * The layout of `<profile>/preferences.json` and how it is read: field by field, so that one
 * value that is no longer valid (edited by hand, written by a newer version, half a disk
 * failure) falls back to its default alone and the user keeps the rest. Every fallback comes
 * with a Dutch notice; the file itself is not touched until the user saves.
 */
import {
  PREFERENCE_FIELDS,
  PREFERENCE_LABELS,
  preferenceFieldSchemas,
  type PreferenceField,
  type UserPreferences,
} from '../../../shared/api/preferences.ts';

/** The format id in the file. */
export const PREFERENCES_FORMAT = 'resolutie-preferences';

/**
 * The version this app writes. 1: name and colour; 2: also the assembly of new stukken, the
 * documents folder and the date style.
 */
export const PREFERENCES_VERSION = 3;

/** The fields each version of the file holds; fields a version lacks take their default quietly. */
const FIELDS_BY_VERSION: Readonly<Record<number, readonly PreferenceField[]>> = {
  1: ['userName', 'userColour'],
  2: ['userName', 'userColour', 'defaultAssembly', 'documentsDir', 'dateStyle'],
  3: PREFERENCE_FIELDS,
};

/** The file's content for `preferences`. */
export function formatPreferencesFile(preferences: UserPreferences): string {
  const file = { format: PREFERENCES_FORMAT, version: PREFERENCES_VERSION, preferences };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What a read gives: the preferences to use, and what fell back and why. */
export interface ReadPreferences {
  preferences: UserPreferences;
  notices: string[];
  /**
   * Whether the file holds a name the user gave; false while the name is the default (the
   * account's), so that the app asks for one the first time it matters.
   */
  userNameChosen: boolean;
}

/** What the file says when one of its values cannot be used, before the default is filled in. */
type ValidFields = { [F in PreferenceField]?: UserPreferences[F] };

/**
 * Reads the text of a preferences file. `defaults` gives the value of every field that is
 * missing or invalid; it gets the fields that were valid, so a default can follow them (the
 * colour follows the name).
 */
export function parsePreferencesFile(
  text: string,
  defaults: (valid: ValidFields) => UserPreferences,
): ReadPreferences {
  const damaged = (why: string): ReadPreferences => ({
    preferences: defaults({}),
    userNameChosen: false,
    notices: [
      `Uw voorkeuren konden niet worden gelezen (${why}). De standaardwaarden gelden tot u de voorkeuren opslaat; het bestand blijft tot dan zoals het is.`,
    ],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return damaged('het bestand is beschadigd');
  }
  if (!isRecord(data) || data['format'] !== PREFERENCES_FORMAT) {
    return damaged('het is geen voorkeurenbestand van de Resolutie-editor');
  }
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return damaged('het bestand noemt geen geldige versie');
  }
  const stored = data['preferences'];
  if (!isRecord(stored)) return damaged('de voorkeuren zelf ontbreken');

  const notices: string[] = [];
  // A newer version's file is read as far as this version knows its fields.
  const expected = FIELDS_BY_VERSION[version] ?? PREFERENCE_FIELDS;
  if (version > PREFERENCES_VERSION) {
    notices.push(
      'Uw voorkeuren zijn opgeslagen door een nieuwere versie van de editor. Wat deze versie kent, geldt; bij opslaan worden ze in de vorm van deze versie bewaard.',
    );
  }
  const valid: ValidFields = {};
  const invalid: PreferenceField[] = [];
  for (const field of PREFERENCE_FIELDS) {
    if (!Object.hasOwn(stored, field)) {
      if (expected.includes(field)) invalid.push(field);
      continue;
    }
    const parsed = preferenceFieldSchemas[field].safeParse(stored[field]);
    if (parsed.success) Object.assign(valid, { [field]: parsed.data });
    else invalid.push(field);
  }
  const preferences = { ...defaults(valid), ...valid };
  for (const field of invalid) {
    notices.push(
      `De voorkeur ‘${PREFERENCE_LABELS[field]}’ was ongeldig of ontbrak; ${describeDefault(field, preferences)} geldt tot u de voorkeuren opslaat.`,
    );
  }
  return { preferences, notices, userNameChosen: valid.userName !== undefined };
}

function describeDefault(field: PreferenceField, preferences: UserPreferences): string {
  switch (field) {
    case 'documentsDir':
      return 'de standaardmap';
    case 'dateStyle':
      return preferences.dateStyle === 'long' ? 'datums voluit' : 'datums in cijfers';
    case 'pdfArchive':
      return preferences.pdfArchive ? 'PDF/A' : 'gewone PDF’s';
    case 'userColour':
      return 'de kleur die bij uw naam hoort';
    default:
      return `‘${preferences[field]}’`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
