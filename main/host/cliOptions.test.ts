import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_USAGE, parseHostCliOptions, parsePort } from './cliOptions.ts';

describe('parseHostCliOptions', () => {
  it('defaults to port 4780', () => {
    expect(parseHostCliOptions([], {})).toEqual({ kind: 'run', port: 4780 });
  });

  it('takes --port in both spellings, before RESOLUTIE_PORT', () => {
    expect(parseHostCliOptions(['--port', '5000'], { RESOLUTIE_PORT: '6000' })).toEqual({
      kind: 'run',
      port: 5000,
    });
    expect(parseHostCliOptions(['--port=0'], {})).toEqual({ kind: 'run', port: 0 });
    expect(parseHostCliOptions([], { RESOLUTIE_PORT: '6000' })).toEqual({
      kind: 'run',
      port: 6000,
    });
  });

  it('explains bad ports and unknown options in Dutch', () => {
    expect(parseHostCliOptions(['--port', 'abc'], {})).toEqual({
      kind: 'error',
      message: "Ongeldige poort 'abc' (--port): kies een getal van 0 tot en met 65535.",
    });
    expect(parseHostCliOptions([], { RESOLUTIE_PORT: '70000' })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('(RESOLUTIE_PORT)'),
    });
    expect(parseHostCliOptions(['--port'], {})).toEqual({
      kind: 'error',
      message: 'Na --port hoort een poortnummer.',
    });
    expect(parseHostCliOptions(['--host', '0.0.0.0'], {})).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Onbekende optie '--host'/),
    });
    expect(parseHostCliOptions(['--help'], {})).toEqual({ kind: 'help' });
  });
});

describe('the folder options', () => {
  it('takes --profile and --documents in both spellings, made absolute', () => {
    expect(
      parseHostCliOptions(['--profile', '/tmp/p', '--documents=/tmp/d', '--port', '0'], {}),
    ).toEqual({ kind: 'run', port: 0, profileDir: '/tmp/p', documentsDir: '/tmp/d' });
    expect(parseHostCliOptions(['--profile=profiel'], {})).toEqual({
      kind: 'run',
      port: 4780,
      profileDir: path.resolve('profiel'),
    });
  });

  it('explains a missing folder in Dutch', () => {
    expect(parseHostCliOptions(['--profile'], {})).toEqual({
      kind: 'error',
      message: 'Na --profile hoort een map.',
    });
    expect(parseHostCliOptions(['--documents='], {})).toEqual({
      kind: 'error',
      message: 'Na --documents hoort een map.',
    });
  });

  it('documents every option in the usage text', () => {
    for (const option of ['--port', '--profile', '--documents', '--help']) {
      expect(HOST_USAGE).toContain(option);
    }
  });
});

describe('parsePort', () => {
  it('accepts plain numbers 0–65535 only', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
    for (const text of ['65536', '-1', '1.5', '1e3', '0x50', '', ' ', '123456']) {
      expect(parsePort(text), text).toBeNull();
    }
  });
});
