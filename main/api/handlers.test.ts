import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { MAX_TEXT_BYTES } from '../../shared/api/limits.ts';
import type { ParsedResolution } from '../../shared/model/resolution.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import type { ApiContext } from './context.ts';
import { apiHandlers, handleRequest } from './handlers.ts';
import { expectError } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

const appRoot = findAppRoot(import.meta.dirname);
const seed = readFileSync(
  path.join(appRoot, 'test/fixtures/seeds/001_92c05f855c935f92.txt'),
  'utf8',
);
const packageVersion = (
  JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

const testContexts: TestContext[] = [];

afterAll(async () => {
  await Promise.all(testContexts.map((test) => test.remove()));
});

/** A context on temporary folders whose reported errors are collected instead of printed. */
function makeContext(overrides: Partial<ApiContext> = {}) {
  const test = createTestContext();
  testContexts.push(test);
  const context: ApiContext = { ...test.context, ...overrides };
  return { context, reported: test.reported };
}

describe('handleRequest: getAppInfo', () => {
  it('answers name, version, mode and platform', async () => {
    for (const payload of [undefined, null, {}]) {
      const result = await handleRequest('getAppInfo', payload, makeContext().context);
      expect(result).toEqual({
        ok: true,
        value: {
          name: 'Resolutie-editor',
          version: packageVersion,
          mode: 'browser',
          platform: process.platform,
        },
      });
    }
  });

  it('reports the shell it was asked from', async () => {
    const result = await handleRequest(
      'getAppInfo',
      undefined,
      makeContext({ mode: 'electron' }).context,
    );
    expect(result.ok && result.value).toMatchObject({ mode: 'electron' });
  });

  it('takes the product name from package.json when it has one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'app-info-'));
    try {
      await writeFile(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'x', productName: 'Eigen naam', version: '9.9.9' }),
      );
      const result = await handleRequest(
        'getAppInfo',
        undefined,
        makeContext({ appRoot: dir }).context,
      );
      expect(result.ok && result.value).toMatchObject({ name: 'Eigen naam', version: '9.9.9' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a payload', async () => {
    const message = expectError(
      await handleRequest('getAppInfo', { text: 'x' }, makeContext().context),
      'invalid_request',
    );
    expect(message).toBe("Ongeldig verzoek: onbekend veld 'text'.");
  });

  it('turns a broken installation into an internal error, reported with details', async () => {
    const { context, reported } = makeContext({ appRoot: path.join(tmpdir(), 'bestaat-niet-xyz') });
    const message = expectError(await handleRequest('getAppInfo', undefined, context), 'internal');
    expect(message).toMatch(/^Er ging iets mis bij het verzoek 'getAppInfo'\./);
    expect(reported).toHaveLength(1);
  });
});

describe('handleRequest: parseText', () => {
  it('parses seed 001 with the shared parser', async () => {
    const result = await handleRequest('parseText', { text: seed }, makeContext().context);
    expect(result.ok).toBe(true);
    const parsed = (result.ok ? result.value : null) as ParsedResolution;
    expect(parsed.kind).toBe('resolutie');
    expect(parsed.title).toBe('VNG-inzet richting nieuwe kabinet');
    expect(parsed.blocks.map((block) => block.type)).toEqual(['recital', 'operative']);
    expect(parsed.blocks[0]?.items.filter((item) => item.indent === 0)).toHaveLength(6);
  });

  it('parses an empty text into an empty resolution', async () => {
    const result = await handleRequest('parseText', { text: '' }, makeContext().context);
    expect(result.ok).toBe(true);
  });

  it('explains missing, mistyped and unknown fields in Dutch', async () => {
    const { context } = makeContext();
    expect(expectError(await handleRequest('parseText', {}, context), 'invalid_request')).toBe(
      "Ongeldig verzoek: veld 'text' ontbreekt.",
    );
    expect(
      expectError(await handleRequest('parseText', undefined, context), 'invalid_request'),
    ).toBe('Ongeldig verzoek: de inhoud ontbreekt.');
    expect(
      expectError(await handleRequest('parseText', { text: 12 }, context), 'invalid_request'),
    ).toBe("Ongeldig verzoek: veld 'text' moet een tekst zijn, maar is een getal.");
    expect(
      expectError(
        await handleRequest('parseText', { text: 'a', b: 1 }, context),
        'invalid_request',
      ),
    ).toBe("Ongeldig verzoek: onbekend veld 'b'.");
    for (const payload of [null, 'tekst', 42, [], [{ text: 'a' }], true]) {
      expectError(await handleRequest('parseText', payload, context), 'invalid_request');
    }
  });

  it('refuses a text over 2 MB as too large', async () => {
    const { context } = makeContext();
    const message = expectError(
      await handleRequest('parseText', { text: 'a'.repeat(MAX_TEXT_BYTES + 1) }, context),
      'payload_too_large',
    );
    expect(message).toBe("Verzoek te groot: veld 'text' is groter dan 2 MB.");
    // Counted in bytes: a million euro signs are three million bytes.
    expectError(
      await handleRequest('parseText', { text: '€'.repeat(1_000_000) }, context),
      'payload_too_large',
    );
  });

  it('refuses prototype tricks as unknown fields', async () => {
    const payload = JSON.parse('{"text":"a","__proto__":{"polluted":true}}') as unknown;
    expectError(
      await handleRequest('parseText', payload, makeContext().context),
      'invalid_request',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('handleRequest: anything else', () => {
  it('refuses unknown and inherited method names', async () => {
    const { context } = makeContext();
    expect(expectError(await handleRequest('deleteAll', {}, context), 'unknown_method')).toBe(
      "Onbekend verzoek 'deleteAll'.",
    );
    for (const name of [
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      '',
      'GETAPPINFO',
    ]) {
      expectError(await handleRequest(name, undefined, context), 'unknown_method');
    }
    // Garbage is not echoed back into a message.
    expect(
      expectError(await handleRequest('<script>x</script>', {}, context), 'unknown_method'),
    ).toBe('Onbekend verzoek.');
    expect(
      expectError(await handleRequest(42 as unknown as string, {}, context), 'unknown_method'),
    ).toBe('Onbekend verzoek.');
  });

  it('never throws, whatever the payload does', async () => {
    const { context } = makeContext();
    const hostile = Object.defineProperty({}, 'text', {
      enumerable: true,
      get() {
        throw new Error('getter faalt');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const payload of [hostile, revoked.proxy, cyclic, Symbol('x'), () => 1, 10n]) {
      for (const method of API_METHODS) {
        const result = await handleRequest(method, payload, context);
        expect(result.ok, `${method} ${String(typeof payload)}`).toBe(false);
      }
    }
  });

  it('passes an ApiError from a handler through as it is', async () => {
    const original = apiHandlers.getAppInfo;
    apiHandlers.getAppInfo = () => {
      throw new ApiError('not_found', 'Het bestand bestaat niet meer.');
    };
    try {
      const result = await handleRequest('getAppInfo', undefined, makeContext().context);
      expect(result).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'Het bestand bestaat niet meer.' },
      });
    } finally {
      apiHandlers.getAppInfo = original;
    }
  });

  it('stops an answer that breaks the contract', async () => {
    const original = apiHandlers.getAppInfo;
    apiHandlers.getAppInfo = () => ({ name: 'x' }) as never;
    try {
      const { context, reported } = makeContext();
      expectError(await handleRequest('getAppInfo', undefined, context), 'internal');
      expect(reported).toHaveLength(1);
    } finally {
      apiHandlers.getAppInfo = original;
    }
  });

  it('survives a reporter that throws', async () => {
    const context: ApiContext = {
      ...makeContext().context,
      appRoot: path.join(tmpdir(), 'bestaat-niet-xyz'),
      reportError: () => {
        throw new Error('reporter faalt');
      },
    };
    expectError(await handleRequest('getAppInfo', undefined, context), 'internal');
  });
});
