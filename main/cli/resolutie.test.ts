/**
 * The command line as a user runs it: a real process on real files in a temporary folder,
 * on seed 001's text, and on every kind of bad input.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

const SEED_001 = new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url)
  .pathname;

// Each test starts the command several times as a real process; on a busy machine that takes
// longer than Vitest's default of five seconds. (A limit against hanging, not a speed test.)
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-cli-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const resolutie = (...args: string[]) => runResolutie(dir, ...args);

describe('resolutie command line', () => {
  it('imports seed 001, shows it with numbering, and exports it as JSON', () => {
    const imported = resolutie('import', SEED_001, '-o', 'r.resolutie');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('6 overwegingen, 6 punten, Toelichting met 6 koppen');

    const shown = resolutie('show', 'r.resolutie');
    expect(shown.code).toBe(0);
    const lines = shown.out.split('\n');
    expect(lines[0]).toBe('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”');
    expect(shown.out).toContain('De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:');
    const numbered = lines.filter((l) => /^\d\.\s/.test(l)).map((l) => l.slice(0, 2));
    expect(numbered).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
    ]);
    expect(shown.out).toContain('Spreekt uit:');
    expect(shown.out).toContain('Informele ledenpeiling');

    const exported = resolutie('export', 'r.resolutie', '--json', 'r.json');
    expect(exported.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(json.format).toBe('resolutie-json');
    expect(json.metadata).toMatchObject({
      kind: 'resolutie',
      assembly: 'Najaars ALV',
      date: '2024-11-29',
    });
    expect(
      json.blocks.map((b: { kind: string; items: unknown[] }) => [b.kind, b.items.length]),
    ).toEqual([
      ['recital', 6],
      ['operative', 6],
    ]);
    expect(json.blocks[1].items[5].label).toBe('6.');
    expect(json.blocks[1].items[5].text).toMatch(/^Dat indien de omstandigheden/);
  });

  it('reads text files as Word saves them: UTF-16 with BOM and Windows-1252', () => {
    const text = readFileSync(SEED_001, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    writeFileSync(path.join(dir, 'unicode.txt'), utf16);
    expect(resolutie('import', 'unicode.txt', '-o', 'a.resolutie').code).toBe(0);
    // "financiële" in Windows-1252: ë is 0xEB.
    writeFileSync(
      path.join(dir, 'ansi.txt'),
      Buffer.from(
        'Overwegende dat:\n1. De financi\xeble positie;\nSpreekt uit:\n1. Dat.\n',
        'latin1',
      ),
    );
    expect(resolutie('import', 'ansi.txt', '-o', 'b.resolutie').code).toBe(0);
    expect(resolutie('show', 'b.resolutie').out).toContain('De financiële positie;');
  });

  it('prints help and version', () => {
    const help = resolutie('--help');
    expect(help.code).toBe(0);
    for (const command of ['import', 'show', 'export']) expect(help.out).toContain(`  ${command} `);
    expect(resolutie('--version').out).toMatch(/^Resolutie-editor \d+\.\d+\.\d+/);
  });

  it('refuses wrong arguments with one line and exit code 2', () => {
    expectOneLineError(resolutie(), 2, 'geen opdracht');
    expectOneLineError(resolutie('frobnicate'), 2, 'onbekende opdracht');
    expectOneLineError(resolutie('show', '--bogus'), 2, 'onbekende optie --bogus');
    expectOneLineError(resolutie('import', SEED_001), 2, '-o UIT.resolutie');
    expectOneLineError(resolutie('import', SEED_001, '-o', 'x.txt'), 2, '.resolutie');
    expectOneLineError(resolutie('export', 'a.resolutie'), 2, '--json');
    expectOneLineError(resolutie('show', 'a', 'b'), 2, 'te veel bestanden');
  });

  it('reports missing, empty, foreign, random, truncated and too-new files, changing nothing', () => {
    expectOneLineError(resolutie('show', 'weg.resolutie'), 1, 'bestaat niet');
    expectOneLineError(resolutie('show', '.'), 1, 'map');
    writeFileSync(path.join(dir, 'leeg.resolutie'), '');
    expectOneLineError(resolutie('show', 'leeg.resolutie'), 1, 'leeg');
    writeFileSync(path.join(dir, 'brief.resolutie'), 'Geachte voorzitter,\n');
    expectOneLineError(resolutie('show', 'brief.resolutie'), 1, 'geen resolutie-bestand');
    const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 11) % 256));
    writeFileSync(path.join(dir, 'ruis.resolutie'), random);
    expectOneLineError(resolutie('show', 'ruis.resolutie'), 1, 'geen resolutie-bestand');

    expect(resolutie('import', SEED_001, '-o', 'r.resolutie').code).toBe(0);
    const whole = readFileSync(path.join(dir, 'r.resolutie'));
    writeFileSync(path.join(dir, 'half.resolutie'), whole.subarray(0, whole.length >> 1));
    expectOneLineError(resolutie('show', 'half.resolutie'), 1, 'beschadigd of onvolledig');
    const newer = JSON.parse(whole.toString('utf8'));
    newer.formatVersion = 99;
    writeFileSync(path.join(dir, 'nieuw.resolutie'), JSON.stringify(newer));
    expectOneLineError(resolutie('show', 'nieuw.resolutie'), 1, 'nieuwere versie');
    expect(readFileSync(path.join(dir, 'half.resolutie'))).toEqual(
      whole.subarray(0, whole.length >> 1),
    );
  });

  it('never overwrites an existing document on import without --force', () => {
    copyFileSync(SEED_001, path.join(dir, 'in.txt'));
    expect(resolutie('import', 'in.txt', '-o', 'r.resolutie').code).toBe(0);
    const before = readFileSync(path.join(dir, 'r.resolutie'));
    writeFileSync(
      path.join(dir, 'ander.txt'),
      'Overwegende dat:\n1. Iets anders;\nSpreekt uit:\n1. Dat.\n',
    );
    expectOneLineError(resolutie('import', 'ander.txt', '-o', 'r.resolutie'), 1, 'bestaat al');
    expect(readFileSync(path.join(dir, 'r.resolutie'))).toEqual(before);
    expect(resolutie('import', 'ander.txt', '-o', 'r.resolutie', '--force').code).toBe(0);
    expect(resolutie('show', 'r.resolutie').out).toContain('Iets anders;');
  });

  it('reports an output folder that does not exist or cannot be written', () => {
    expectOneLineError(
      resolutie('import', SEED_001, '-o', 'geen/map/r.resolutie'),
      1,
      'bestaat niet',
    );
    expect(resolutie('import', SEED_001, '-o', 'r.resolutie').code).toBe(0);
    expectOneLineError(resolutie('export', 'r.resolutie', '--json', 'r.resolutie'), 2, 'hetzelfde');
    const locked = path.join(dir, 'dicht');
    spawnSync('mkdir', [locked]);
    chmodSync(locked, 0o555);
    const result = resolutie('export', 'r.resolutie', '--json', 'dicht/r.json');
    // As root, a read-only folder is still writable; the error path is covered in
    // main/services/files/atomicWrite.test.ts with an injected failure.
    if (process.getuid?.() !== 0) expectOneLineError(result, 1, 'alleen-lezen');
    else expect(result.code).toBe(0);
    chmodSync(locked, 0o755);
  });
});
