/**
 * Helpers for the sync server's tests: a real server on a loopback port with a temporary data
 * folder, real HocuspocusProvider clients on Node's own WebSocket, and waiting for conditions
 * (never for a fixed time).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { startCollabServer } from '../collabServer.ts';
import type { CollabServer, CollabServerOptions } from '../collabServer.ts';
import { createSessionToken } from '../sessionTokens.ts';
import type { SessionRole } from '../../../shared/session/invitation.ts';
import { getDocumentFragment } from '../../../shared/ydoc/yDocument.ts';

/** The secret every test server signs with. */
export const TEST_SECRET = 'test-secret-of-the-sync-server-0123456789';

/** The writer test servers put in their files. */
export const TEST_WRITER = { app: 'Resolutie-editor test', version: '0.0.0' };

/** A temporary folder, removed by the returned function. */
export function makeTempDir(prefix = 'resolutie-collab-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts a server on 127.0.0.1 with any free port; options override the test defaults. */
export function startTestServer(
  dataDir: string,
  options: Partial<CollabServerOptions> = {},
): Promise<CollabServer> {
  return startCollabServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    secret: TEST_SECRET,
    maxMessageBytes: 1024 * 1024,
    writer: TEST_WRITER,
    storeDebounceMs: 200,
    ...options,
  });
}

/** A token of the test secret; with `who`, for a named participant (who may comment). */
export function tokenFor(
  documentName: string,
  role: SessionRole = 'editor',
  expiresAt: number | null = null,
  who: { name: string; mayComment?: boolean } | null = null,
): string {
  return createSessionToken(TEST_SECRET, {
    documentName,
    role,
    expiresAt,
    name: who?.name ?? null,
    mayComment: who?.mayComment ?? false,
  });
}

/** Waits until `condition()` holds, checking every 10 ms; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  description: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A provider client of `url` for `documentName`, with a fresh Y.Doc unless one is given. */
export function connectProvider(
  url: string,
  documentName: string,
  token: string,
  document: Y.Doc = new Y.Doc(),
): HocuspocusProvider {
  return new HocuspocusProvider({
    url,
    name: documentName,
    token,
    document,
    // Node's WebSocket; reconnect quickly so tests that reconnect do not wait long.
    WebSocketPolyfill: WebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
}

/** Resolves once the provider has synced with the server. */
export function whenSynced(provider: HocuspocusProvider): Promise<void> {
  return waitFor(() => provider.isSynced, `provider ${provider.configuration.name} synced`);
}

/** Resolves with the reason once the server refuses the provider's token. */
export function whenRefused(provider: HocuspocusProvider): Promise<string> {
  return new Promise((resolve) => {
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason));
  });
}

/** All text of a Y.Doc's document fragment, in order. */
export function getYText(ydoc: Y.Doc): string {
  return getDocumentFragment(ydoc).toString();
}

/** The first item's text node (the first recital), to type into. */
export function getFirstItemText(ydoc: Y.Doc): Y.XmlText {
  const recitals = getDocumentFragment(ydoc).get(2) as Y.XmlElement;
  const block = recitals.get(0) as Y.XmlElement;
  const item = block.get(0) as Y.XmlElement;
  const first = item.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  item.insert(0, [text]);
  return text;
}

/**
 * Each provider types at the start of the first item; resolves once both documents hold both
 * edits and the same text.
 */
export async function typeOnBothUntilConverged(
  a: HocuspocusProvider,
  b: HocuspocusProvider,
  textA: string,
  textB: string,
  description: string,
): Promise<void> {
  getFirstItemText(a.document).insert(0, textA);
  getFirstItemText(b.document).insert(0, textB);
  await waitFor(
    () =>
      getYText(a.document) === getYText(b.document) &&
      getYText(a.document).includes(textA) &&
      getYText(a.document).includes(textB),
    description,
  );
}
