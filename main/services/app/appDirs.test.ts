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
  files: Record<string, string> = {},
): AppDirEnvironment {
  const homeDir =
    platform === 'win32' ? 'C:\\Users\\jan' : platform === 'darwin' ? '/Users/jan' : '/home/jan';
  return {
    platform,
    env,
    homeDir,
    exists: (dir) => existing.includes(dir),
    readText: (file) => files[file] ?? null,
  };
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

  it('takes the system’s documents folder when the shell knows it (a folder Windows moved)', () => {
    expect(getDocumentsDir(environment('win32'), 'D:\\OneDrive - Gemeente\\Documenten')).toBe(
      'D:\\OneDrive - Gemeente\\Documenten\\Resoluties',
    );
    expect(getDocumentsDir(environment('darwin'), '/Users/jan/Documents')).toBe(
      '/Users/jan/Documents/Resoluties',
    );
  });

  it('finds the Documents that OneDrive moved on Windows without the shell', () => {
    const oneDrive = 'C:\\Users\\jan\\OneDrive - Gemeente';
    expect(
      getDocumentsDir(
        environment('win32', { OneDriveCommercial: oneDrive }, [`${oneDrive}\\Documents`]),
      ),
    ).toBe(`${oneDrive}\\Documents\\Resoluties`);
    // OneDrive set up without folder backup: the Documents at home.
    expect(getDocumentsDir(environment('win32', { OneDrive: oneDrive }))).toBe(
      'C:\\Users\\jan\\Documents\\Resoluties',
    );
  });

  it('follows the XDG user folder on Linux', () => {
    expect(
      getDocumentsDir(
        environment('linux', {}, [], {
          '/home/jan/.config/user-dirs.dirs':
            '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/Bureaublad"\nXDG_DOCUMENTS_DIR="$HOME/Documenten"\n',
        }),
      ),
    ).toBe('/home/jan/Documenten/Resoluties');
    expect(getDocumentsDir(environment('linux', { XDG_DOCUMENTS_DIR: '/data/stukken' }))).toBe(
      '/data/stukken/Resoluties',
    );
    // A user folder set to the home folder itself (xdg's "disabled") is not taken.
    expect(
      getDocumentsDir(
        environment('linux', {}, [], {
          '/home/jan/.config/user-dirs.dirs': 'XDG_DOCUMENTS_DIR="$HOME/"\n',
        }),
      ),
    ).toBe('/home/jan/Documents/Resoluties');
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
