import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBase64Length, MAX_STATE_BYTES } from '../../shared/api/limits.ts';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { createStateWithTitle } from '../services/testing/yjsDocuments.ts';
import { value, expectError } from './testing/apiResults.ts';
import { handleRequest } from './handlers.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;

beforeEach(() => {
  test = createTestContext();
});

afterEach(async () => {
  await test.remove();
});

const call = (method: string, payload?: unknown) => handleRequest(method, payload, test.context);

/** Every file below the test's folder, as relative paths: to show that nothing was written. */
async function listAll(): Promise<string[]> {
  const entries = await readdir(test.dir, { recursive: true });
  return entries.map(String).sort();
}

const state = (title = 'Titel') => encodeBase64(createStateWithTitle(title));

describe('saveDocument and openDocument', () => {
  it('saves as a new name and opens the same state again', async () => {
    const saveState = state('Inzet kabinet');
    const saved = value<{ path: string; name: string; savedAt: string }>(
      await call('saveDocument', { state: saveState, name: 'Inzet' }),
    );
    expect(saved.path).toBe(path.join(test.documentsDir, 'Inzet.resolutie'));
    expect(saved.name).toBe('Inzet');
    expect(Date.parse(saved.savedAt)).not.toBeNaN();

    const opened = value(await call('openDocument', { path: saved.path }));
    expect(opened).toEqual({
      path: saved.path,
      name: 'Inzet',
      state: saveState,
      savedAt: saved.savedAt,
    });
  });

  it('answers exists, and replaces only with overwrite', async () => {
    await call('saveDocument', { state: state('Een'), name: 'Motie' });
    const message = expectError(
      await call('saveDocument', { state: state('Twee'), name: 'Motie' }),
      'exists',
    );
    expect(message).toBe(
      'Er bestaat al een document ‘Motie’. Kies een andere naam of vervang het.',
    );
    value(await call('saveDocument', { state: state('Twee'), name: 'Motie', overwrite: true }));
    const file = await readFile(path.join(test.documentsDir, 'Motie.resolutie'), 'utf8');
    expect(file).toContain('"title": "Twee"');
  });

  it('saves over a known path', async () => {
    const saved = value<{ path: string }>(
      await call('saveDocument', { state: state('Oud'), name: 'Stuk' }),
    );
    value(await call('saveDocument', { state: state('Nieuw'), path: saved.path }));
    expect(await readFile(saved.path, 'utf8')).toContain('"title": "Nieuw"');
  });

  it('refuses paths outside the documents folder as forbidden, writing nothing', async () => {
    const outside = path.join(test.dir, 'elders');
    await mkdir(outside);
    await mkdir(test.documentsDir);
    await symlink(outside, path.join(test.documentsDir, 'link'));
    const before = await listAll();
    for (const target of [
      path.join(outside, 'x.resolutie'),
      path.join(test.documentsDir, '..', 'elders', 'x.resolutie'),
      path.join(test.documentsDir, 'link', 'x.resolutie'),
      '/etc/passwd',
      'relatief.resolutie',
    ]) {
      const message = expectError(
        await call('saveDocument', { state: state(), path: target }),
        'forbidden',
      );
      expect(message).toMatch(/^Geen toegang/);
      expectError(await call('openDocument', { path: target }), 'forbidden');
    }
    expect(await listAll()).toEqual(before);
  });

  it('refuses bad names in Dutch, writing nothing', async () => {
    for (const [name, message] of [
      ['', 'Geef het document een naam.'],
      ['../x', 'Een naam mag geen / of \\ bevatten: het document komt altijd in de documentenmap.'],
      ['a'.repeat(121), 'Een naam mag hoogstens 120 tekens lang zijn; deze is 121 tekens.'],
      ['LPT1', '‘LPT1’ is een naam die Windows voor zichzelf gebruikt; kies een andere naam.'],
    ]) {
      expect(
        expectError(await call('saveDocument', { state: state(), name }), 'invalid_request'),
      ).toBe(message);
    }
    expect(await listAll()).toEqual([]);
  });

  it('refuses a state that is no document, writing nothing', async () => {
    for (const bad of ['AAA=', encodeBase64(Uint8Array.from([1, 2, 3, 4, 5, 6]))]) {
      const message = expectError(
        await call('saveDocument', { state: bad, name: 'x' }),
        'invalid_request',
      );
      expect(message).toMatch(/^Het document kan niet worden opgeslagen\./);
    }
    expect(await listAll()).toEqual([]);
  });

  it('reports files that are no document as invalid_file, in Dutch', async () => {
    await mkdir(test.documentsDir);
    const cases: [string, string | Uint8Array, string][] = [
      ['leeg.resolutie', '', 'Het bestand ‘leeg.resolutie’ is leeg.'],
      [
        'vreemd.resolutie',
        '{"format":"docx"}',
        '‘vreemd.resolutie’: Dit is geen resolutie-bestand. Open een bestand dat met de Resolutie-editor is opgeslagen (.resolutie); tekst leest u in met Importeren… (in de app) of resolutie import.',
      ],
      [
        'kapot.resolutie',
        '{"format": "resolutie", "formatVersion": 1, "yjs": {',
        '‘kapot.resolutie’: Het bestand is beschadigd of onvolledig, bijvoorbeeld afgebroken bij het versturen.',
      ],
    ];
    for (const [name, content, message] of cases) {
      const filePath = path.join(test.documentsDir, name);
      await writeFile(filePath, content);
      expect(
        expectError(await call('openDocument', { path: filePath }), 'invalid_file'),
        name,
      ).toBe(message);
    }
    const missing = path.join(test.documentsDir, 'weg.resolutie');
    expect(expectError(await call('openDocument', { path: missing }), 'not_found')).toBe(
      'Het bestand ‘weg.resolutie’ bestaat niet.',
    );
    // Nothing failed to open made it into the recent list.
    expect(value(await call('listRecent'))).toEqual({ documents: [] });
  });

  it('refuses malformed payloads with clean messages, writing nothing', async () => {
    const cases: [string, unknown, string, string][] = [
      ['saveDocument', {}, 'invalid_request', "Ongeldig verzoek: veld 'state' ontbreekt."],
      [
        'saveDocument',
        { state: 12, name: 'x' },
        'invalid_request',
        "Ongeldig verzoek: veld 'state' moet een tekst zijn, maar is een getal.",
      ],
      [
        'saveDocument',
        { state: '!!!!', name: 'x' },
        'invalid_request',
        "Ongeldig verzoek: veld 'state' is geen geldige base64-tekst.",
      ],
      [
        'saveDocument',
        { state: 'AAA', name: 'x' },
        'invalid_request',
        "Ongeldig verzoek: veld 'state' is geen geldige base64-tekst.",
      ],
      [
        'saveDocument',
        { state: '', name: 'x' },
        'invalid_request',
        "Ongeldig verzoek: veld 'state' is leeg.",
      ],
      [
        'saveDocument',
        { state: state(), name: 3 },
        'invalid_request',
        "Ongeldig verzoek: veld 'name' moet een tekst zijn, maar is een getal.",
      ],
      [
        'saveDocument',
        { state: state(), name: 'x', overwrite: 'ja' },
        'invalid_request',
        "Ongeldig verzoek: veld 'overwrite' moet waar of onwaar zijn, maar is een tekst.",
      ],
      [
        'saveDocument',
        { state: state(), name: 'x', extra: 1 },
        'invalid_request',
        "Ongeldig verzoek: onbekend veld 'extra'.",
      ],
      [
        'saveDocument',
        { state: state() },
        'invalid_request',
        "Ongeldig verzoek: geef óf 'path' (opslaan) óf 'name' (opslaan als), niet allebei of geen van beide.",
      ],
      [
        'saveDocument',
        { state: state(), name: 'x', path: path.join(test.documentsDir, 'x.resolutie') },
        'invalid_request',
        "Ongeldig verzoek: geef óf 'path' (opslaan) óf 'name' (opslaan als), niet allebei of geen van beide.",
      ],
      [
        'saveDocument',
        { state: state(), path: '' },
        'invalid_request',
        "Ongeldig verzoek: veld 'path' is leeg.",
      ],
      [
        'saveDocument',
        { state: state(), path: '/tmp/a\u0000.resolutie' },
        'invalid_request',
        "Ongeldig verzoek: veld 'path' heeft een ongeldige opmaak.",
      ],
      ['openDocument', {}, 'invalid_request', "Ongeldig verzoek: veld 'path' ontbreekt."],
      [
        'openDocument',
        { path: ['a'] },
        'invalid_request',
        "Ongeldig verzoek: veld 'path' moet een tekst zijn, maar is een lijst.",
      ],
      ['openDocument', undefined, 'invalid_request', 'Ongeldig verzoek: de inhoud ontbreekt.'],
      [
        'openDocument',
        { path: 'x'.repeat(5000) },
        'payload_too_large',
        "Verzoek te groot: veld 'path' is langer dan 4096 tekens.",
      ],
      [
        'listDocuments',
        { folder: '/' },
        'invalid_request',
        "Ongeldig verzoek: onbekend veld 'folder'.",
      ],
      [
        'listRecent',
        'alles',
        'invalid_request',
        'Ongeldig verzoek: het verzoek heeft een ongeldige vorm.',
      ],
    ];
    for (const [method, payload, code, message] of cases) {
      expect(
        expectError(await call(method, payload), code),
        `${method} ${JSON.stringify(payload)}`,
      ).toBe(message);
    }
    expect(await listAll()).toEqual([]);
  });

  it('refuses a state over 64 MB before decoding it', async () => {
    const huge = 'A'.repeat(getBase64Length(MAX_STATE_BYTES) + 4);
    const message = expectError(
      await call('saveDocument', { state: huge, name: 'Groot' }),
      'payload_too_large',
    );
    expect(message).toBe("Verzoek te groot: veld 'state' is groter dan 64 MB.");
    expect(await listAll()).toEqual([]);
  });
});

describe('listDocuments and listRecent', () => {
  it('lists the folder, empty when it does not exist yet', async () => {
    expect(value(await call('listDocuments'))).toEqual({
      folder: test.documentsDir,
      documents: [],
    });
    await call('saveDocument', { state: state('a'), name: 'Een' });
    const listed = value<{ documents: { name: string; sizeBytes: number }[] }>(
      await call('listDocuments', {}),
    );
    expect(listed.documents.map((entry) => entry.name)).toEqual(['Een']);
    expect(listed.documents[0]!.sizeBytes).toBeGreaterThan(0);
  });

  it('lists recent documents with title and existence', async () => {
    const saved = value<{ path: string }>(
      await call('saveDocument', { state: state('Mooie titel'), name: 'Een' }),
    );
    expect(value(await call('listRecent', null))).toEqual({
      documents: [
        {
          name: 'Een',
          path: saved.path,
          title: 'Mooie titel',
          openedAt: expect.any(String),
          exists: true,
        },
      ],
    });
  });
});
