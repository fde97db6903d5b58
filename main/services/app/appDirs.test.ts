import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getDocumentsDir,
  getJournalDir,
  getProfileDir,
  getRecentFile,
  hasDocumentsDirVariable,
  type AppDirEnvironment,
} from './appDirs.ts';

function environment(
  platform: string,
  env: Record<string, string> = {},
  existing: string[] = [],
): AppDirEnvironment {
  const homeDir =
    platform === 'win32' ? 'C:\\Users\\jan' : platform === 'darwin' ? '/Users/jan' : '/home/jan';
  return { platform, env, homeDir, exists: (dir) => existing.includes(dir) };
}

describe('getProfileDir', () => {
  it('follows each platform’s convention', () => {
    expect(getProfileDir(environment('linux'))).toBe('/home/jan/.config/resolutie-editor');
    expect(getProfileDir(environment('linux', { XDG_CONFIG_HOME: '/data/cfg' }))).toBe(
      '/data/cfg/resolutie-editor',
    );
    // A relative XDG_CONFIG_HOME is invalid by the specification, and ignored.
    expect(getProfileDir(environment('linux', { XDG_CONFIG_HOME: 'cfg' }))).toBe(
      '/home/jan/.config/resolutie-editor',
    );
    expect(getProfileDir(environment('darwin'))).toBe(
      '/Users/jan/Library/Application Support/Resolutie-editor',
    );
    expect(
      getProfileDir(environment('win32', { APPDATA: 'C:\\Users\\jan\\AppData\\Roaming' })),
    ).toBe('C:\\Users\\jan\\AppData\\Roaming\\Resolutie-editor');
    expect(getProfileDir(environment('win32'))).toBe(
      'C:\\Users\\jan\\AppData\\Roaming\\Resolutie-editor',
    );
  });

  it('takes RESOLUTIE_PROFILE_DIR first, then the shell’s own folder', () => {
    const env = { RESOLUTIE_PROFILE_DIR: '/tmp/profiel' };
    expect(getProfileDir(environment('linux', env))).toBe('/tmp/profiel');
    expect(getProfileDir(environment('linux', env), '/home/jan/.config/Resolutie-editor')).toBe(
      '/tmp/profiel',
    );
    expect(getProfileDir(environment('linux'), '/home/jan/.config/Resolutie-editor')).toBe(
      '/home/jan/.config/Resolutie-editor',
    );
    expect(getProfileDir(environment('linux', { RESOLUTIE_PROFILE_DIR: ' ' }))).toBe(
      '/home/jan/.config/resolutie-editor',
    );
  });
});

describe('getDocumentsDir', () => {
  it('prefers the Dutch Documenten folder when it exists', () => {
    expect(getDocumentsDir(environment('linux', {}, ['/home/jan/Documenten']))).toBe(
      '/home/jan/Documenten/Resoluties',
    );
    expect(getDocumentsDir(environment('linux'))).toBe('/home/jan/Documents/Resoluties');
    expect(getDocumentsDir(environment('win32'))).toBe('C:\\Users\\jan\\Documents\\Resoluties');
  });

  it('takes RESOLUTIE_DOCUMENTS_DIR first', () => {
    expect(
      getDocumentsDir(
        environment('linux', { RESOLUTIE_DOCUMENTS_DIR: '/srv/stukken' }, ['/home/jan/Documenten']),
      ),
    ).toBe('/srv/stukken');
  });

  it('tells whether RESOLUTIE_DOCUMENTS_DIR chose the folder (which then wins over the preference)', () => {
    expect(hasDocumentsDirVariable(environment('linux', { RESOLUTIE_DOCUMENTS_DIR: '/srv' }))).toBe(
      true,
    );
    expect(hasDocumentsDirVariable(environment('linux', { RESOLUTIE_DOCUMENTS_DIR: ' ' }))).toBe(
      false,
    );
    expect(hasDocumentsDirVariable(environment('linux'))).toBe(false);
  });
});

describe('files in the profile', () => {
  it('keeps the journals and the recent list in the profile folder', () => {
    expect(getJournalDir('/p')).toBe(path.join('/p', 'journal'));
    expect(getRecentFile('/p')).toBe(path.join('/p', 'recent.json'));
  });
});
