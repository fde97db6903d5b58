import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/securityHeaders.ts';
import { APP_ENTRY_URL, createAppProtocolHandler } from './appProtocol.ts';

let base: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'app-protocol-'));
  const root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Resolutie-editor</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
  await writeFile(path.join(base, 'secret.txt'), 'geheim');
  handle = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the app:// protocol handler', () => {
  it('serves the entry page with the CSP and its content type', async () => {
    const response = await handle(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Resolutie-editor</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets and index.html for the bare origin', async () => {
    const asset = await handle(new Request('app://resolutie/assets/app.js'));
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe('export {};');
    expect((await handle(new Request('app://resolutie/'))).status).toBe(200);
  });

  it('refuses other hosts, traversal, missing files and other methods', async () => {
    expect((await handle(new Request('app://elders/index.html'))).status).toBe(404);
    // The URL parser already folds `%2e%2e` away; whatever is left must stay inside the root.
    for (const url of ['app://resolutie/%2e%2e/secret.txt', 'app://resolutie/../secret.txt']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('geheim');
    }
    expect((await handle(new Request('app://resolutie/..%5csecret.txt'))).status).toBe(400);
    expect((await handle(new Request('app://resolutie/missing.js'))).status).toBe(404);
    const post = await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
