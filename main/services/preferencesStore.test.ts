import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USER_COLOURS } from '../../shared/collab/userColours.ts';
import { PreferencesStore } from './preferencesStore.ts';
import { createTempDir, removeTempDir } from './testing/tempDir.ts';

let dir: string;
let file: string;
const reported: string[] = [];
const store = (accountName = 'anneke') =>
  new PreferencesStore(file, {
    accountName: () => accountName,
    reportError: (message) => reported.push(message),
  });

beforeEach(async () => {
  dir = await createTempDir('preferences-');
  file = path.join(dir, 'preferences.json');
  reported.length = 0;
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe('PreferencesStore', () => {
  it('starts from the account name with a capital and a colour of the palette', async () => {
    const preferences = await store().read();
    expect(preferences.userName).toBe('Anneke');
    expect(USER_COLOURS).toContain(preferences.userColour);
    expect(await store('').read()).toMatchObject({ userName: 'Gebruiker' });
    expect(reported).toEqual([]);
  });

  it('keeps what the user saved, trimmed', async () => {
    const saved = await store().write({ userName: '  Jan de Vries ', userColour: '#1b6e3a' });
    expect(saved).toEqual({ userName: 'Jan de Vries', userColour: '#1b6e3a' });
    expect(await store().read()).toEqual(saved);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      format: 'resolutie-preferences',
      version: 1,
    });
  });

  it('refuses an empty name or a colour that is no colour, and writes nothing', async () => {
    await expect(store().write({ userName: '  ', userColour: '#1b6e3a' })).rejects.toThrow();
    await expect(store().write({ userName: 'Jan', userColour: 'red' })).rejects.toThrow();
    await expect(readFile(file)).rejects.toThrow();
  });

  it('reports a damaged file and uses the defaults', async () => {
    await writeFile(file, '{"format":"resolutie-preferences","version":1,"preferences":{}}');
    expect(await store().read()).toMatchObject({ userName: 'Anneke' });
    expect(reported).toHaveLength(1);
  });
});
