import { describe, expect, it } from 'vitest';
import type { UserPreferences } from '../../../shared/api/preferences.ts';
import { pickUserColour } from '../../../shared/model/userColours.ts';
import { formatPreferencesFile, parsePreferencesFile } from './preferencesFile.ts';

const stored: UserPreferences = {
  userName: 'Auteur Barneveld',
  userColour: '#1b6e3a',
  defaultAssembly: 'Najaars ALV',
  documentsDir: '/home/auteur/Resoluties',
  dateStyle: 'numeric',
  pdfArchive: true,
};

/** The defaults the store would give, with the colour following the valid name. */
const defaults = (valid: { userName?: string }): UserPreferences => ({
  userName: 'Gebruiker',
  userColour: pickUserColour(valid.userName ?? 'Gebruiker'),
  defaultAssembly: 'ALV',
  documentsDir: null,
  dateStyle: 'long',
  pdfArchive: false,
});

const withPreferences = (preferences: Record<string, unknown>, version = 3) =>
  JSON.stringify({ format: 'resolutie-preferences', version, preferences });

describe('parsePreferencesFile', () => {
  it('reads back what formatPreferencesFile wrote, without notices', () => {
    expect(parsePreferencesFile(formatPreferencesFile(stored), defaults)).toEqual({
      preferences: stored,
      notices: [],
      userNameChosen: true,
    });
  });

  it('reads a version 1 file (name and colour) and fills in the rest quietly', () => {
    const read = parsePreferencesFile(
      withPreferences({ userName: 'Jurist', userColour: '#7a3e9d' }, 1),
      defaults,
    );
    expect(read).toEqual({
      preferences: {
        userName: 'Jurist',
        userColour: '#7a3e9d',
        defaultAssembly: 'ALV',
        documentsDir: null,
        dateStyle: 'long',
        pdfArchive: false,
      },
      notices: [],
      userNameChosen: true,
    });
  });

  it('reads a version 2 file (without PDF/A) quietly, with ordinary PDFs', () => {
    const { pdfArchive: _new, ...version2 } = stored;
    expect(parsePreferencesFile(withPreferences(version2, 2), defaults)).toEqual({
      preferences: { ...stored, pdfArchive: false },
      notices: [],
      userNameChosen: true,
    });
    // From version 3 on the field belongs in the file: its absence is said.
    const read = parsePreferencesFile(withPreferences(version2, 3), defaults);
    expect(read.preferences.pdfArchive).toBe(false);
    expect(read.notices).toEqual([
      'De voorkeur ‘PDF/A (archief)’ was ongeldig of ontbrak; gewone PDF’s geldt tot u de voorkeuren opslaat.',
    ]);
  });

  it('says when the file holds no name the user gave', () => {
    const read = parsePreferencesFile(withPreferences({ userColour: '#7a3e9d' }, 1), defaults);
    expect(read.userNameChosen).toBe(false);
    expect(parsePreferencesFile('kapot', defaults).userNameChosen).toBe(false);
  });

  it('falls back field by field: one bad value costs only itself, with a notice naming it', () => {
    const read = parsePreferencesFile(
      withPreferences({ ...stored, defaultAssembly: '   ', dateStyle: 'kort' }),
      defaults,
    );
    expect(read.preferences).toEqual({ ...stored, defaultAssembly: 'ALV', dateStyle: 'long' });
    expect(read.notices).toEqual([
      'De voorkeur ‘Vergadering van nieuwe stukken’ was ongeldig of ontbrak; ‘ALV’ geldt tot u de voorkeuren opslaat.',
      'De voorkeur ‘Datums tonen’ was ongeldig of ontbrak; datums voluit geldt tot u de voorkeuren opslaat.',
    ]);
  });

  it('gives a bad colour the colour of the (valid) name, and refuses a relative folder', () => {
    const read = parsePreferencesFile(
      withPreferences({ ...stored, userColour: 'url(javascript:x)', documentsDir: 'Resoluties' }),
      defaults,
    );
    expect(read.preferences.userColour).toBe(pickUserColour('Auteur Barneveld'));
    expect(read.preferences.documentsDir).toBeNull();
    expect(read.preferences.userName).toBe('Auteur Barneveld');
    expect(read.notices).toHaveLength(2);
    expect(read.notices[1]).toContain('de standaardmap');
  });

  it('notices a field that a version 2 file lacks', () => {
    const { dateStyle: _dropped, ...rest } = stored;
    const read = parsePreferencesFile(withPreferences(rest), defaults);
    expect(read.preferences).toEqual({ ...stored, dateStyle: 'long' });
    expect(read.notices).toHaveLength(1);
  });

  it('uses all defaults for a file that is no preferences file or is cut off', () => {
    for (const text of [
      '{"format":"resolutie-prefer',
      '[]',
      JSON.stringify({ format: 'iets-anders', version: 2, preferences: stored }),
      JSON.stringify({ format: 'resolutie-preferences', version: 'twee', preferences: stored }),
      JSON.stringify({ format: 'resolutie-preferences', version: 2 }),
    ]) {
      const read = parsePreferencesFile(text, defaults);
      expect(read.preferences).toEqual(defaults({}));
      expect(read.notices).toHaveLength(1);
      expect(read.notices[0]).toMatch(/^Uw voorkeuren konden niet worden gelezen/);
    }
  });

  it('reads what a newer version wrote as far as it knows the fields, and says so', () => {
    const read = parsePreferencesFile(
      withPreferences({ ...stored, spellingLanguage: 'nl-BE' }, 4),
      defaults,
    );
    expect(read.preferences).toEqual(stored);
    expect(read.notices).toHaveLength(1);
    expect(read.notices[0]).toContain('nieuwere versie');
  });
});
