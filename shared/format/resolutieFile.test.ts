import { describe, expect, it } from 'vitest';
import {
  MAX_RESOLUTIE_FILE_BYTES,
  RESOLUTIE_FORMAT_VERSION,
  decodeResolutieFile,
  encodeResolutieFile,
} from './resolutieFile.ts';
import { FileFormatError } from './formatErrors.ts';

const envelope = {
  savedAt: '2026-11-23T10:00:00.000Z',
  savedBy: { app: 'Resolutie-editor', version: '0.1.0' },
  metadata: { kind: 'resolutie', title: 'Inzet' },
  text: 'Resolutie “Inzet”\n',
  document: { type: 'doc' },
  yjsState: Uint8Array.from([1, 2, 3, 250, 251, 252]),
};
const encoder = new TextEncoder();
const decodeError = (bytes: Uint8Array): FileFormatError => {
  try {
    decodeResolutieFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileFormatError);
    return error as FileFormatError;
  }
  throw new Error('decoded without error');
};

describe('.resolutie envelope', () => {
  it('round-trips, with the readable text before the state', () => {
    const bytes = encodeResolutieFile(envelope);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('{\n  "format": "resolutie",\n  "formatVersion": 1,')).toBe(true);
    expect(text.indexOf('"text"')).toBeLessThan(text.indexOf('"yjs"'));
    expect(decodeResolutieFile(bytes)).toEqual({
      ...envelope,
      formatVersion: RESOLUTIE_FORMAT_VERSION,
    });
  });

  it('refuses an empty file, foreign files and random bytes as not a resolutie', () => {
    expect(decodeError(new Uint8Array()).code).toBe('empty');
    for (const foreign of ['hallo', '{"format":"docx"}', '[1,2]', 'null', '<html></html>']) {
      const error = decodeError(encoder.encode(foreign));
      expect(error.code, foreign).toBe('not_resolutie');
      expect(error.message).toContain('geen resolutie-bestand');
    }
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(['not_resolutie', 'corrupt']).toContain(decodeError(random).code);
  });

  it('calls a truncated file damaged, at every cut', () => {
    const bytes = encodeResolutieFile(envelope);
    for (let cut = 30; cut < bytes.length - 2; cut += 7) {
      const error = decodeError(bytes.subarray(0, cut));
      expect(error.code, `cut at ${cut}`).toBe('corrupt');
    }
  });

  it('refuses a newer format with a message that says to update', () => {
    const newer = encoder.encode(JSON.stringify({ format: 'resolutie', formatVersion: 7 }));
    const error = decodeError(newer);
    expect(error.code).toBe('too_new');
    expect(error.message).toContain('nieuwere versie');
    expect(error.message).toContain('formaat 7');
  });

  it('refuses missing or broken state and bad versions', () => {
    const base = { format: 'resolutie', formatVersion: 1 };
    for (const json of [
      base,
      { ...base, yjs: { encoding: 'base64', state: '!!!!' } },
      { ...base, yjs: { encoding: 'hex', state: 'AAAA' } },
      { ...base, yjs: { encoding: 'base64', state: '' } },
      { ...base, formatVersion: 0 },
      { ...base, formatVersion: '1' },
    ]) {
      expect(decodeError(encoder.encode(JSON.stringify(json))).code, JSON.stringify(json)).toBe(
        'corrupt',
      );
    }
  });

  it('refuses files larger than the limit before parsing them', () => {
    expect(decodeError(new Uint8Array(MAX_RESOLUTIE_FILE_BYTES + 1)).code).toBe('corrupt');
  });
});
