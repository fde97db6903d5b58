import { describe, expect, it } from 'vitest';
import { decodeResult } from './decodeResult.ts';
import { ApiError } from './errors.ts';

const appInfo = { name: 'Resolutie-editor', version: '0.1.0', mode: 'electron', platform: 'linux' };

function caught(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('decodeResult', () => {
  it('returns the value of a successful result', () => {
    expect(decodeResult('getAppInfo', { ok: true, value: appInfo })).toEqual(appInfo);
  });

  it('throws the host’s error with its code and Dutch message', () => {
    const error = caught(() =>
      decodeResult('parseText', {
        ok: false,
        error: { code: 'invalid_request', message: "Ongeldig verzoek: veld 'text' ontbreekt." },
      }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe("Ongeldig verzoek: veld 'text' ontbreekt.");
  });

  it('turns anything that is not a result into an internal error', () => {
    for (const raw of [
      undefined,
      null,
      '<html>',
      { ok: 'yes' },
      { ok: false, error: { code: 'x' } },
    ]) {
      const error = caught(() => decodeResult('getAppInfo', raw));
      expect(error.code).toBe('internal');
      expect(error.message).toMatch(/^Onverwacht antwoord op het verzoek 'getAppInfo'/);
    }
  });

  it('checks the value against the method’s response schema', () => {
    const error = caught(() => decodeResult('getAppInfo', { ok: true, value: { name: 'x' } }));
    expect(error.code).toBe('internal');
  });
});
