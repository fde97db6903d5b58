import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../shared/api/contract.ts';
import { MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';
import type { ParsedResolution } from '../../shared/model/resolution.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { CONTENT_SECURITY_POLICY } from '../web/securityHeaders.ts';
import { HostStartError, startHost, type RunningHost } from './server.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { createTlsIdentity } from '../syncServer/tlsIdentity.ts';
import { makeTempDir, startTestServer } from '../syncServer/testing/collabTesting.ts';
import { upgradeStatus } from '../syncServer/testing/upgradeStatus.ts';

const appRoot = findAppRoot(import.meta.dirname);
const seed = readFileSync(
  path.join(appRoot, 'test/fixtures/seeds/001_92c05f855c935f92.txt'),
  'utf8',
);
const INDEX_HTML = '<!doctype html><html lang="nl"><title>Resolutie-editor</title></html>';

let base: string;
let rootDir: string;
let host: RunningHost;

beforeAll(async () => {
  // base/secret.txt lies beside the served root: no request may ever return it.
  base = await mkdtemp(path.join(tmpdir(), 'host-'));
  rootDir = path.join(base, 'renderer');
  await mkdir(path.join(rootDir, 'assets'), { recursive: true });
  await writeFile(path.join(rootDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rootDir, 'assets', 'app.js'), 'console.log("editor");');
  await writeFile(path.join(base, 'secret.txt'), 'GEHEIM');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

beforeEach(async () => {
  host = await startHost({
    rootDir,
    port: 0,
    appRoot,
    reportError: () => {},
    profileDir: path.join(base, 'profiel'),
    documentsDir: path.join(base, 'documenten'),
  });
});

afterEach(async () => {
  await host.close();
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sends a request exactly as written: unlike fetch, node:http sends the path unnormalised, so
 * `/../` really reaches the server.
 */
function rawRequest(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An API answer as the tests read it: either half of the result envelope. */
interface ApiJson {
  ok: boolean;
  value: Record<string, unknown>;
  error: { code: string; message: string };
}

/** POSTs JSON to an API method with fetch, as the renderer does. */
async function postApi(method: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(`api/${method}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as ApiJson,
  };
}

function expectSecurityHeaders(headers: IncomingHttpHeaders | Headers) {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers[name] as string | undefined);
  expect(get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('no-referrer');
  expect(get('x-frame-options')).toBe('DENY');
}

describe('startHost', () => {
  it('listens on 127.0.0.1 and gives its URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.port).toBeGreaterThan(0);
  });

  it('refuses to start without a built renderer', async () => {
    const error = await startHost({ rootDir: path.join(base, 'nergens'), port: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostStartError);
    expect((error as HostStartError).reason).toBe('missing_build');
    expect((error as HostStartError).message).toContain('npm run build');
  });

  it('says so when the port is taken', async () => {
    const error = await startHost({ rootDir, port: host.port }).catch((e: unknown) => e);
    expect((error as HostStartError).reason).toBe('port_in_use');
    expect((error as HostStartError).message).toBe(
      `Poort ${host.port} is al in gebruik. Kies een andere poort met --port of RESOLUTIE_PORT.`,
    );
  });
});

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX_HTML);
    expectSecurityHeaders(response.headers);
  });

  it('serves an asset with its content type, and HEAD without a body', async () => {
    const response = await fetch(new URL('assets/app.js', host.url));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("editor");');
    const head = await rawRequest({ method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('22');
    expect(head.body).toBe('');
  });

  it('answers a missing file with 404, headers included', async () => {
    const response = await rawRequest({ path: '/assets/missing.js' });
    expect(response.status).toBe(404);
    expect(response.body).toBe('Niet gevonden.\n');
    expectSecurityHeaders(response.headers);
  });

  it('never returns a file outside the root', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '//secret.txt',
      `/${base}/secret.txt`,
      `${base}/secret.txt`,
      `http://127.0.0.1:${host.port}/../secret.txt`,
      '*',
    ];
    for (const attempt of attempts) {
      const response = await rawRequest({ path: attempt });
      expect([400, 404], attempt).toContain(response.status);
      expect(response.body, attempt).not.toContain('GEHEIM');
      expectSecurityHeaders(response.headers);
    }
  });

  it('refuses other verbs on files', async () => {
    const response = await rawRequest({ method: 'POST', path: '/index.html', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD');
  });

  it('refuses requests for a foreign host name (DNS rebinding)', async () => {
    const response = await rawRequest({
      path: '/',
      headers: { Host: `evil.example:${host.port}` },
    });
    expect(response.status).toBe(403);
    expectSecurityHeaders(response.headers);
    const api = await rawRequest({
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
    });
    expect(api.status).toBe(403);
    const local = await rawRequest({ path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(local.status).toBe(200);
  });
});

describe('POST /api/<method>', () => {
  it('answers getAppInfo, with or without a body', async () => {
    for (const body of ['', '{}', 'null']) {
      const { status, json, headers } = await postApi('getAppInfo', body);
      expect(status, body).toBe(200);
      expect(json).toMatchObject({
        ok: true,
        value: { name: 'Resolutie-editor', mode: 'browser' },
      });
      expect(headers.get('cache-control')).toBe('no-store');
      expectSecurityHeaders(headers);
    }
  });

  it('parses seed 001 with parseText', async () => {
    const { status, json } = await postApi('parseText', JSON.stringify({ text: seed }));
    expect(status).toBe(200);
    const parsed = json.value as unknown as ParsedResolution;
    expect(parsed.kind).toBe('resolutie');
    expect(parsed.blocks.map((block) => block.type)).toEqual(['recital', 'operative']);
  });

  it('explains a malformed payload in Dutch', async () => {
    const { status, json } = await postApi('parseText', '{}');
    expect(status).toBe(400);
    expect(json).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: "Ongeldig verzoek: veld 'text' ontbreekt." },
    });
  });

  it('refuses a body that is not JSON or not UTF-8', async () => {
    const bad = await postApi('parseText', '{"text": "abc"');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toEqual({
      code: 'invalid_request',
      message: 'Ongeldig verzoek: de inhoud is geen geldige JSON.',
    });
    const latin1 = await rawRequest({
      method: 'POST',
      path: '/api/parseText',
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]),
    });
    expect(latin1.status).toBe(400);
    expect(JSON.parse(latin1.body).error.message).toContain('UTF-8');
  });

  it('requires a JSON content type', async () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]) {
      const response = await rawRequest({
        method: 'POST',
        path: '/api/getAppInfo',
        headers: { 'Content-Type': contentType },
        body: '{}',
      });
      expect(response.status, contentType).toBe(415);
      expect(JSON.parse(response.body).error.code).toBe('unsupported_media_type');
    }
    const none = await rawRequest({ method: 'POST', path: '/api/getAppInfo', body: '{}' });
    expect(none.status).toBe(415);
    const withCharset = await postApi('getAppInfo', '{}', {
      'Content-Type': 'Application/JSON; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const text = 'a'.repeat(MAX_REQUEST_BYTES);
    const { status, json } = await postApi('parseText', JSON.stringify({ text }));
    expect(status).toBe(413);
    expect(json.error).toEqual({
      code: 'payload_too_large',
      message: 'Verzoek te groot: de editor neemt hoogstens 96 MB per verzoek aan.',
    });
    // A text over 2 MB that still fits the body limit is refused by the handler, also as 413.
    const handlerLimit = await postApi(
      'parseText',
      JSON.stringify({ text: 'a'.repeat(3_000_000) }),
    );
    expect(handlerLimit.status).toBe(413);
    expect(handlerLimit.json.error.message).toBe(
      "Verzoek te groot: veld 'text' is groter dan 2 MB.",
    );
  });

  it('answers a huge declared body at once and closes the connection', async () => {
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/parseText',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(1024 ** 3) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on('error', reject);
      // Only a few bytes of the announced gigabyte are ever sent.
      req.write('{"text":"');
    });
    expect(response.status).toBe(413);
    expect(response.headers['connection']).toBe('close');
  });

  it('allows only POST on the API', async () => {
    const response = await rawRequest({ path: '/api/getAppInfo' });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect(JSON.parse(response.body).error.code).toBe('method_not_allowed');
    expectSecurityHeaders(response.headers);
  });

  it('answers an unknown method with 404', async () => {
    for (const method of ['deleteAll', 'toString', '__proto__', '', 'getAppInfo/extra']) {
      const { status, json } = await postApi(method, '{}');
      expect(status, method).toBe(404);
      expect(json.error.code, method).toBe('unknown_method');
    }
  });

  it('refuses requests from other sites', async () => {
    const foreign = await postApi('getAppInfo', '{}', { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('forbidden');
    const crossSite = await rawRequest({
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const own = await postApi('getAppInfo', '{}', { Origin: host.url.slice(0, -1) });
    expect(own.status).toBe(200);
  });

  it('refuses a client built against another contract version', async () => {
    const { status, json } = await postApi('getAppInfo', '{}', {
      'X-Resolutie-Api-Version': '999',
    });
    expect(status).toBe(409);
    expect(json.error.code).toBe('version_mismatch');
    const current = await postApi('getAppInfo', '{}', {
      'X-Resolutie-Api-Version': String(API_VERSION),
    });
    expect(current.status).toBe(200);
    expect(current.headers.get('x-resolutie-api-version')).toBe(String(API_VERSION));
  });
});

describe('the relay to sessions (/sessie-relay)', () => {
  it('relays the host’s own pages to a session, and no other page', async () => {
    const temp = makeTempDir('host-relay-');
    const identity = createTlsIdentity();
    const session = await startTestServer(temp.dir, {
      tls: { key: identity.key, cert: identity.cert },
    });
    try {
      const { json } = await postApi('getSessionRelay', '');
      expect(json).toEqual({ ok: true, value: { url: '/sessie-relay' } });
      const own = `http://127.0.0.1:${host.port}`;
      const relay = `ws://127.0.0.1:${host.port}/sessie-relay`;
      const target = formatRelayAddress(relay, {
        serverUrl: session.url,
        fingerprint: identity.fingerprint,
      });
      expect(await upgradeStatus(target, { Origin: own })).toBe(101);
      // Another site's page, a page that says nothing of where it is from, another host name
      // (DNS rebinding) and another path are refused before anything is relayed.
      expect(await upgradeStatus(target, { Origin: 'https://elders.example' })).toBe(403);
      expect(await upgradeStatus(target)).toBe(403);
      expect(
        await upgradeStatus(target, {
          Origin: `http://elders.example:${host.port}`,
          Host: `elders.example:${host.port}`,
        }),
      ).toBe(403);
      expect(await upgradeStatus(target.replace('/sessie-relay', '/api'), { Origin: own })).toBe(
        403,
      );
    } finally {
      await session.stop();
      temp.remove();
    }
  });
});
