import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreferencesState, UserPreferences } from '../../shared/api/preferences.ts';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { getPreferencesFile } from '../services/preferences/preferencesStore.ts';
import { createStateWithTitle } from '../services/testing/yjsDocuments.ts';
import { handleRequest } from './handlers.ts';
import { expectError, value } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext();
});
afterEach(async () => {
  await test.remove();
});

const fatima: UserPreferences = {
  userName: 'Fractiemedewerker Elst',
  userColour: '#7a3e9d',
  defaultAssembly: 'Voorjaars ALV',
  documentsDir: null,
  dateStyle: 'numeric',
  pdfArchive: true,
};

const get = async (t = test) =>
  value<PreferencesState>(await handleRequest('getPreferences', undefined, t.context));

describe('getPreferences and setPreferences', () => {
  it('answer the defaults, then what the user stored, across contexts of the profile', async () => {
    const initial = await get();
    expect(initial.preferences.userName.length).toBeGreaterThan(0);
    expect(initial.preferences).toMatchObject({ defaultAssembly: 'ALV', dateStyle: 'long' });
    expect(initial.documentsFolder).toEqual({
      current: test.documentsDir,
      standard: test.documentsDir,
      fixed: false,
    });
    expect(initial.notices).toEqual([]);
    const stored = value<PreferencesState>(
      await handleRequest('setPreferences', fatima, test.context),
    );
    expect(stored.preferences).toEqual(fatima);
    const again = createTestContext({ profileDir: test.profileDir });
    try {
      expect((await get(again)).preferences).toEqual(fatima);
    } finally {
      await again.remove();
    }
  });

  it('refuse a name that is too long or a colour that is not one', async () => {
    const long = { ...fatima, userName: 'x'.repeat(61) };
    expectError(await handleRequest('setPreferences', long, test.context), 'payload_too_large');
    const script = { ...fatima, userColour: 'url(javascript:alert(1))' };
    expectError(await handleRequest('setPreferences', script, test.context), 'invalid_request');
  });

  it('refuse a documents folder that does not exist, and store nothing', async () => {
    const missing = path.join(test.dir, 'bestaat-niet');
    const message = expectError(
      await handleRequest('setPreferences', { ...fatima, documentsDir: missing }, test.context),
      'invalid_request',
    );
    expect(message).toBe(
      `De map ‘${missing}’ bestaat niet. Maak hem eerst aan, of kies een andere map.`,
    );
    await expect(readFile(getPreferencesFile(test.profileDir))).rejects.toThrow();
  });

  it('move listing and new documents to the folder the user chose, at once', async () => {
    const chosen = path.join(test.dir, 'gekozen');
    await mkdir(chosen);
    const stored = value<PreferencesState>(
      await handleRequest('setPreferences', { ...fatima, documentsDir: chosen }, test.context),
    );
    expect(stored.documentsFolder.current).toBe(chosen);
    const saved = value<{ path: string }>(
      await handleRequest(
        'saveDocument',
        { state: encodeBase64(createStateWithTitle('Motie')), name: 'Motie' },
        test.context,
      ),
    );
    expect(saved.path).toBe(path.join(chosen, 'Motie.resolutie'));
    const listed = value<{ folder: string; documents: { name: string }[] }>(
      await handleRequest('listDocuments', undefined, test.context),
    );
    expect(listed.folder).toBe(chosen);
    expect(listed.documents.map((d) => d.name)).toEqual(['Motie']);
    // Another start of the same profile finds the folder in the preferences.
    const again = createTestContext({ profileDir: test.profileDir });
    try {
      expect((await get(again)).documentsFolder.current).toBe(chosen);
    } finally {
      await again.remove();
    }
  });

  it('keep a folder given at start, and say so', async () => {
    const fixed = createTestContext({ documentsDirFixed: true });
    try {
      const stored = value<PreferencesState>(
        await handleRequest(
          'setPreferences',
          { ...fatima, documentsDir: fixed.dir },
          fixed.context,
        ),
      );
      expect(stored.preferences.documentsDir).toBe(fixed.dir);
      expect(stored.documentsFolder).toEqual({
        current: fixed.documentsDir,
        standard: fixed.documentsDir,
        fixed: true,
      });
    } finally {
      await fixed.remove();
    }
  });

  it('read a partly invalid file field by field with notices, and leave it as it was', async () => {
    const file = getPreferencesFile(test.profileDir);
    await mkdir(path.dirname(file), { recursive: true });
    const gone = path.join(test.dir, 'netwerkschijf');
    const text = JSON.stringify({
      format: 'resolutie-preferences',
      version: 2,
      preferences: { ...fatima, dateStyle: 42, documentsDir: gone },
    });
    await writeFile(file, text);
    const state = await get();
    expect(state.preferences).toEqual({ ...fatima, dateStyle: 'long', documentsDir: gone });
    expect(state.documentsFolder.current).toBe(test.documentsDir);
    expect(state.notices).toHaveLength(2);
    expect(state.notices[0]).toContain('Datums tonen');
    expect(state.notices[1]).toContain(gone);
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});
