import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FileReadError,
  FileWriteError,
  classifyWriteError,
  getSystemCode,
  toFileWriteError,
} from './fileErrors.ts';

function systemError(code: string): Error {
  return Object.assign(new Error(`${code}: test`), { code });
}

const file = path.join('/data', 'alv', 'besluit.resolutie');

describe('file errors', () => {
  it.each([
    ['EACCES', 'read_only'],
    ['EPERM', 'read_only'],
    ['EROFS', 'read_only'],
    ['ENOSPC', 'disk_full'],
    ['EDQUOT', 'disk_full'],
    ['ENOENT', 'not_found'],
    ['ENOTDIR', 'not_found'],
    ['ENAMETOOLONG', 'too_long'],
    ['EIO', 'io'],
    ['EBUSY', 'io'],
    [undefined, 'io'],
  ])('classifies %s as %s', (systemCode, code) => {
    expect(classifyWriteError(systemCode)).toBe(code);
  });

  it('words every write error in Dutch, for a replaced file and for an append', () => {
    const messages = (action: 'replace' | 'append') =>
      ['EACCES', 'ENOSPC', 'ENOENT', 'ENAMETOOLONG', 'EIO', 'EISDIR'].map(
        (code) => toFileWriteError(systemError(code), file, action).message,
      );
    const dir = path.dirname(file);
    expect(messages('replace')).toEqual([
      `De map ‘${dir}’ is alleen-lezen; het bestand is niet opgeslagen.`,
      'De schijf is vol; het bestand is niet opgeslagen. Het vorige bestand is onveranderd.',
      `De map ‘${dir}’ bestaat niet; het bestand is niet opgeslagen.`,
      'De naam of het pad van ‘besluit.resolutie’ is te lang; het bestand is niet opgeslagen. ' +
        'Kies een kortere naam of een andere map.',
      'Schrijven naar ‘besluit.resolutie’ is mislukt (EIO); het bestand is niet opgeslagen. ' +
        'Het vorige bestand is onveranderd.',
      '‘besluit.resolutie’ is een map, geen bestand; het bestand is niet opgeslagen.',
    ]);
    expect(messages('append')).toEqual([
      `Het bestand ‘besluit.resolutie’ in de map ‘${dir}’ is alleen-lezen; de wijziging is niet opgeslagen.`,
      'De schijf is vol; de wijziging is niet opgeslagen.',
      `De map ‘${dir}’ bestaat niet; de wijziging is niet opgeslagen.`,
      'De naam of het pad van ‘besluit.resolutie’ is te lang; de wijziging is niet opgeslagen. ' +
        'Kies een kortere naam of een andere map.',
      'Schrijven naar ‘besluit.resolutie’ is mislukt (EIO); de wijziging is niet opgeslagen.',
      '‘besluit.resolutie’ is een map, geen bestand; de wijziging is niet opgeslagen.',
    ]);
  });

  it('keeps the cause, the path and the system code', () => {
    const cause = systemError('ENOSPC');
    const error = toFileWriteError(cause, file, 'replace');
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FileWriteError', path: file, systemCode: 'ENOSPC' });
    expect(error.cause).toBe(cause);
  });

  it('passes a FileWriteError through unchanged', () => {
    const original = new FileWriteError('io', 'al vertaald', file);
    expect(toFileWriteError(original, file, 'append')).toBe(original);
  });

  it('describes an error without a system code as unknown', () => {
    const error = toFileWriteError(new Error('vreemd'), file, 'append');
    expect(error).toMatchObject({ code: 'io', systemCode: undefined });
    expect(error.message).toBe(
      'Schrijven naar ‘besluit.resolutie’ is mislukt (onbekende fout); de wijziging is niet opgeslagen.',
    );
  });

  it('reads system codes only from error-like values', () => {
    expect(getSystemCode(systemError('EIO'))).toBe('EIO');
    expect(getSystemCode({ code: 5 })).toBeUndefined();
    expect(getSystemCode('EIO')).toBeUndefined();
    expect(getSystemCode(null)).toBeUndefined();
  });

  it('gives read errors a name, a code and a path', () => {
    const error = new FileReadError('empty', 'Het bestand ‘x’ is leeg.', '/x');
    expect(error).toMatchObject({ name: 'FileReadError', code: 'empty', path: '/x' });
  });
});
