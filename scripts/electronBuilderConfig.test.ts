/**
 * electron-builder.yml, checked as electron-builder itself reads and checks it (its own loader
 * and its own validator against its JSON schema, `app-builder-lib/scheme.json`), and for what
 * issue 7 asks of the installers: the targets per platform, the `.resolutie` file association,
 * the app id, the icon and the Electron fuses. The build itself needs the Electron download,
 * which these machines cannot make; this is what can be tested without it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOLUTIE_EXTENSION } from '../shared/format/resolutieFile.ts';
import { ICON_PNG, ICON_SIZE } from './renderIcon.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const noDebugLog = { isEnabled: false } as Parameters<typeof validateConfiguration>[1];

let config: Configuration;

beforeAll(async () => {
  // electron-builder's own reading: electron-builder.yml found by name in the project folder.
  config = await getConfig(root, null, null);
});

/** The names of a platform's targets, however the configuration spells them. */
function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry: unknown) =>
    typeof entry === 'string' ? entry : String((entry as { target: unknown }).target),
  );
}

/** Width and height from a PNG's IHDR chunk. */
async function readPngSize(filePath: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(filePath);
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error(`${filePath} is no PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, noDebugLog)).resolves.toBeUndefined();
  });

  it('is checked by a validator that does refuse a wrong configuration', async () => {
    // Guards the test above: a misspelt option and a wrong type must fail.
    await expect(
      validateConfiguration({ ...config, fileAsociations: [] } as Configuration, noDebugLog),
    ).rejects.toThrow(/fileAsociations/);
    await expect(
      validateConfiguration({ ...config, asar: 'ja' } as unknown as Configuration, noDebugLog),
    ).rejects.toThrow(/asar/);
  });

  it('names the app and its id', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+){2,}$/);
    expect(config.productName).toBe('Resolutie-editor');
  });

  it('builds NSIS and MSI for Windows, AppImage and deb for Linux, a dmg for macOS', () => {
    expect(targetNames(config.win?.target).sort()).toEqual(['msi', 'nsis']);
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('associates .resolutie files with the app as their editor', () => {
    const associations = config.fileAssociations;
    const list = Array.isArray(associations) ? associations : [associations];
    expect(list).toHaveLength(1);
    const [association] = list;
    expect(association?.ext).toBe(RESOLUTIE_EXTENSION.slice(1));
    expect(association?.role).toBe('Editor');
    expect(association?.name).toBeTruthy();
    // Linux needs the MIME type to register the association.
    expect(association?.mimeType).toBe('application/x-resolutie');
  });

  it('flips the Electron fuses of the hardening issue', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The asar integrity fuses only mean something with an asar archive.
    expect(config.asar).toBe(true);
  });

  it('has an icon of at least 512×512 (square) where it says', async () => {
    expect(config.icon).toBeTruthy();
    const iconPath = path.resolve(root, config.icon!);
    expect(iconPath).toBe(ICON_PNG);
    const size = await readPngSize(iconPath);
    expect(size).toEqual({ width: ICON_SIZE, height: ICON_SIZE });
    expect(ICON_SIZE).toBeGreaterThanOrEqual(512);
  });

  it('keeps its resources out of the folder of the compiled app', async () => {
    // electron-builder leaves the buildResources folder out of the package: with its default,
    // `build`, the compiled main process (build/node) would be left out too.
    const resources = config.directories?.buildResources;
    expect(resources).toBe('build-resources');
    expect((await stat(path.join(root, resources!))).isDirectory()).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(manifest.main.startsWith(`${resources}/`)).toBe(false);
    // The app's entry and the page are packed (electron-builder normalises `files` to a filter).
    expect(manifest.main).toMatch(/^build\/node\/main\//);
    const filter = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(filter).toEqual(expect.arrayContaining(['build/node/main/**/*', 'dist/renderer/**/*']));
  });
});
