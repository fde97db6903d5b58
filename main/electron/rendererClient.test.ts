import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createApiClient,
  createBridgeTransport,
  createHttpTransport,
  type ResolutieApi,
} from '../../renderer/api/client.ts';
import { randomUUID } from 'node:crypto';
import { API_METHODS, type ResolutieBridge } from '../../shared/api/contract.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { createApiContext } from '../api/context.ts';
import { startHost, type RunningHost } from '../host/server.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { createTemplateYDoc, typeInTitle } from '../services/testing/yjsDocuments.ts';
import { APP_ENTRY_URL } from './appProtocol.ts';
import { createIpcApiRoutes } from './ipcRouter.ts';

// The renderer's API client over both transports, end to end: over HTTP against a real host,
// and over the bridge against the real IPC routes (standing in for the preload, which needs
// Electron). It lives here, not in renderer/, because it needs Node to run the host side.
const appRoot = findAppRoot(import.meta.dirname);
let base: string;
let host: RunningHost;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'api-client-'));
  await mkdir(path.join(base, 'renderer'));
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html>');
  host = await startHost({
    rootDir: path.join(base, 'renderer'),
    port: 0,
    appRoot,
    reportError: () => {},
    profileDir: path.join(base, 'http', 'profiel'),
    documentsDir: path.join(base, 'http', 'documenten'),
  });
});

afterAll(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

function makeBridge(): ResolutieBridge {
  const routes = createIpcApiRoutes(
    createApiContext({
      mode: 'electron',
      appRoot,
      reportError: () => {},
      profileDir: path.join(base, 'bridge', 'profiel'),
      documentsDir: path.join(base, 'bridge', 'documenten'),
    }),
  );
  const sender = { url: APP_ENTRY_URL, isTopFrame: true };
  const call = (method: string) => (payload?: unknown) =>
    routes.find((route) => route.method === method)!.handle(sender, payload);
  return Object.fromEntries(
    API_METHODS.map((method) => [method, call(method)]),
  ) as unknown as ResolutieBridge;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

const clients: [string, () => ResolutieApi, string][] = [
  ['http', () => createApiClient(createHttpTransport(host.url)), 'browser'],
  ['bridge', () => createApiClient(createBridgeTransport(makeBridge())), 'electron'],
];

describe.each(clients)('the API client over %s', (_name, makeClient, mode) => {
  it('returns typed answers', async () => {
    const api = makeClient();
    const info = await api.getAppInfo();
    expect(info).toMatchObject({ name: 'Resolutie-editor', mode });
    const parsed = await api.parseText({
      text: 'Resolutie "Proef"\n\nOverwegende dat:\n1. Iets;\n',
    });
    expect(Array.isArray(parsed.blocks)).toBe(true);
  });

  it('throws an ApiError with the Dutch message', async () => {
    const api = makeClient();
    const error = await caught(api.parseText({} as { text: string }));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe("Ongeldig verzoek: veld 'text' ontbreekt.");
  });

  it('saves, opens, journals and recovers a document', async () => {
    const api = makeClient();
    const ydoc = createTemplateYDoc();
    typeInTitle(ydoc, 'Over de brug');
    const state = encodeYDoc(ydoc);
    const saved = await api.saveDocument({ state: encodeBase64(state), name: 'Brug' });
    expect(saved.name).toBe('Brug');
    const opened = await api.openDocument({ path: saved.path });
    expect(decodeBase64(opened.state)).toEqual(state);
    expect((await api.listRecent()).documents.map((entry) => entry.title)).toContain(
      'Over de brug',
    );
    expect((await api.listDocuments()).documents.map((entry) => entry.name)).toEqual(['Brug']);

    const documentId = randomUUID();
    await api.journalReset({ documentId, state: opened.state, path: opened.path, title: 'Brug' });
    const update = typeInTitle(ydoc, ' en verder');
    expect(await api.journalAppend({ documentId, update: encodeBase64(update) })).toEqual({
      records: 2,
    });
    // The journal of a document open right now is not offered for recovery.
    expect((await api.listRecoverable()).documents).toEqual([]);
    const recovered = await api.recoverDocument({ documentId });
    expect(recovered).toMatchObject({
      documentId,
      path: saved.path,
      title: 'Over de brug en verder',
    });
    await api.journalDiscard({ documentId });
    expect((await api.listRecoverable()).documents).toEqual([]);
    const missing = await caught(api.recoverDocument({ documentId }));
    expect(missing.code).toBe('not_found');
  });
});

describe('the HTTP transport', () => {
  it('reports an unreachable host as unavailable', async () => {
    const api = createApiClient(createHttpTransport('http://127.0.0.1:1/'));
    const error = await caught(api.getAppInfo());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^De editor-host is niet bereikbaar\./);
  });

  it('reports a non-JSON answer as internal', async () => {
    // Not an API path at all: the host answers 404 with plain text.
    const api = createApiClient(createHttpTransport(new URL('assets/', host.url).href));
    const error = await caught(api.getAppInfo());
    expect(error.code).toBe('internal');
  });
});

describe('the bridge transport', () => {
  it('reports a failing bridge as unavailable', async () => {
    const broken = {
      getAppInfo: () => Promise.reject(new Error("No handler registered for 'api:getAppInfo'")),
      parseText: () => Promise.reject(new Error('x')),
    } as unknown as ResolutieBridge;
    const error = await caught(createApiClient(createBridgeTransport(broken)).getAppInfo());
    expect(error.code).toBe('unavailable');
  });
});
