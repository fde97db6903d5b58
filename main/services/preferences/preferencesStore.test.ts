import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserPreferences } from '../../../shared/api/preferences.ts';
import { USER_COLOURS, pickUserColour } from '../../../shared/model/userColours.ts';
import { PreferencesStore } from './preferencesStore.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';

let dir: string;
let file: string;
const reported: string[] = [];
const store = (accountName = 'auteur') =>
  new PreferencesStore(file, {
    accountName: () => accountName,
    reportError: (message) => reported.push(message),
  });

const jan: UserPreferences = {
  userName: 'Jurist van Venlo',
  userColour: '#1b6e3a',
  defaultAssembly: 'Najaars ALV',
  documentsDir: null,
  dateStyle: 'numeric',
  pdfArchive: false,
};

beforeEach(async () => {
  dir = await createTempDir('preferences-');
  file = path.join(dir, 'preferences.json');
  reported.length = 0;
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe('PreferencesStore', () => {
  it('starts from the account name with a capital, a colour of the palette and the template', async () => {
    const { preferences, notices, userNameChosen } = await store().read();
    // The account's name is a default, not a name the user gave.
    expect(userNameChosen).toBe(false);
    expect(preferences).toMatchObject({
      userName: 'Auteur',
      defaultAssembly: 'ALV',
      documentsDir: null,
      dateStyle: 'long',
    });
    expect(USER_COLOURS).toContain(preferences.userColour);
    expect(notices).toEqual([]);
    expect((await store('').read()).preferences).toMatchObject({ userName: 'Gebruiker' });
    expect(reported).toEqual([]);
  });

  it('keeps what the user saved, trimmed, as version 3', async () => {
    const saved = await store().write({ ...jan, userName: '  Jurist van Venlo ' });
    expect(saved).toEqual(jan);
    expect(await store().read()).toEqual({ preferences: jan, notices: [], userNameChosen: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      format: 'resolutie-preferences',
      version: 3,
    });
  });

  it('refuses an empty name, a colour that is no colour or a relative folder, and writes nothing', async () => {
    await expect(store().write({ ...jan, userName: '  ' })).rejects.toThrow();
    await expect(store().write({ ...jan, userColour: 'red' })).rejects.toThrow();
    await expect(store().write({ ...jan, documentsDir: 'Documenten' })).rejects.toThrow();
    await expect(readFile(file)).rejects.toThrow();
  });

  it('reports a damaged file, uses the defaults and leaves the file as it was', async () => {
    const damaged = '{"format":"resolutie-preferences","version":2,"preferences":{}}';
    await writeFile(file, damaged);
    const { preferences, notices } = await store().read();
    expect(preferences).toMatchObject({ userName: 'Auteur', defaultAssembly: 'ALV' });
    expect(notices.length).toBeGreaterThan(0);
    expect(reported).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('keeps the valid fields of a partly invalid file, and the colour follows the kept name', async () => {
    const partly = JSON.stringify({
      format: 'resolutie-preferences',
      version: 2,
      preferences: { ...jan, userColour: 42, documentsDir: 'relatief/pad' },
    });
    await writeFile(file, partly);
    const { preferences, notices } = await store().read();
    expect(preferences).toEqual({
      ...jan,
      userColour: pickUserColour('Jurist van Venlo'),
      documentsDir: null,
    });
    expect(notices).toHaveLength(2);
    expect(await readFile(file, 'utf8')).toBe(partly);
  });

  it('reads a file it may not read as defaults with a notice', async () => {
    await writeFile(file, 'x'.repeat(70 * 1024));
    const { preferences, notices } = await store().read();
    expect(preferences.userName).toBe('Auteur');
    expect(notices).toHaveLength(1);
  });
});
