/**
 * The sync server's own life around its documents and sockets (issue 14, faults 2, 6 and 7):
 * a store that fails is said to the participants, the work is kept in memory and stored once
 * it can be, and a stop with unsaved work says so; a refused load leaks nothing and a stop
 * after it completes; memory held for sockets that never sign in is bounded in all, whatever
 * the limit per address; a silent connection is closed within a second of the timeout.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { decodeStoreNotice } from '../../shared/session/storeNotice.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { CollabServerError } from './collabServer.ts';
import type { CollabServer, CollabServerOptions } from './collabServer.ts';
import {
  connectProvider,
  getFirstItemText,
  getYText,
  makeTempDir,
  startTestServer,
  tokenFor,
  waitFor,
  whenSynced,
} from './testing/collabTesting.ts';
import { RawClient } from './testing/rawClient.ts';
import { MESSAGE_TYPE, encodeFrame } from './messageFrames.ts';

vi.setConfig({ testTimeout: 60_000 });

const NAME = 'leven';

let temp: ReturnType<typeof makeTempDir>;
let server: CollabServer | null = null;
const providers: HocuspocusProvider[] = [];
const rawClients: RawClient[] = [];
const logLines: string[] = [];

async function start(options: Partial<CollabServerOptions> = {}): Promise<CollabServer> {
  server = await startTestServer(temp.dir, { log: (line) => logLines.push(line), ...options });
  return server;
}

function join(name = NAME): HocuspocusProvider {
  const provider = connectProvider(server!.url, name, tokenFor(name));
  providers.push(provider);
  return provider;
}

/** The store notices a provider receives. */
function collectNotices(provider: HocuspocusProvider): boolean[] {
  const notices: boolean[] = [];
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const notice = decodeStoreNotice(payload);
    if (notice) notices.push(notice.stored);
  });
  return notices;
}

const fileOf = (name = NAME) => path.join(temp.dir, `${name}.resolutie`);

/** Makes storing the document fail: a folder stands where its file must go. */
function blockStoring(name = NAME): void {
  rmSync(fileOf(name), { force: true });
  mkdirSync(path.join(fileOf(name), 'blokkade'), { recursive: true });
}

function unblockStoring(name = NAME): void {
  rmSync(fileOf(name), { recursive: true, force: true });
}

beforeEach(async () => {
  temp = makeTempDir();
  logLines.length = 0;
});

afterEach(async () => {
  for (const client of rawClients.splice(0)) client.close();
  for (const provider of providers.splice(0)) provider.destroy();
  unblockStoring();
  await server?.stop().catch(() => undefined);
  server = null;
  temp.remove();
});

describe('sync server: a store that fails', () => {
  it('tells the participants, keeps the work when all leave, and stores it once it can', async () => {
    await start({ storeDebounceMs: 50, storeRetryMs: 300 });
    await server!.documents.create(NAME, createYDoc(buildDoc({ title: 'Opslag' })));
    const editor = join();
    const notices = collectNotices(editor);
    await whenSynced(editor);
    blockStoring();
    getFirstItemText(editor.document).insert(0, 'Niet op schijf. ');
    await waitFor(() => notices.includes(false), 'the participant told');
    expect(logLines.join('\n')).toContain('opslaan mislukt');

    // Everyone leaves: the server keeps the document, with the work, in memory.
    editor.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const back = join();
    const backNotices = collectNotices(back);
    await whenSynced(back);
    expect(getYText(back.document)).toContain('Niet op schijf.');
    // Whoever joins while it lasts hears it too.
    await waitFor(() => backNotices.includes(false), 'the newcomer told');

    unblockStoring();
    await waitFor(() => backNotices.at(-1) === true, 'told it is stored again');
    const stored = readDocumentFile(readFileSync(fileOf()));
    expect(getYText(stored.ydoc)).toContain('Niet op schijf.');
    stored.ydoc.destroy();
  });

  it('says at stop which documents it could not store, and stops anyway', async () => {
    await start({ storeDebounceMs: 50, storeRetryMs: 60_000 });
    await server!.documents.create(NAME, createYDoc(buildDoc({ title: 'Opslag' })));
    const editor = join();
    await whenSynced(editor);
    blockStoring();
    getFirstItemText(editor.document).insert(0, 'Verloren bij stoppen. ');
    await waitFor(() => logLines.join('\n').includes('opslaan mislukt'), 'the store failed');
    const stopped = server!.stop();
    await expect(stopped).rejects.toThrow(CollabServerError);
    await expect(stopped).rejects.toThrow(new RegExp(`Niet opgeslagen bij het stoppen: ${NAME}`));
    server = null;
  });
});

describe('sync server: a document it refuses to load', () => {
  it('leaks nothing for each refusal, and stops afterwards', async () => {
    await start();
    writeFileSync(fileOf('kapot'), '{"format": "resolutie", "formatVersion": 1, "yjs": ');
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout');
    const refuseOnce = async () => {
      const client = new RawClient(server!.url, 'kapot', tokenFor('kapot'));
      rawClients.push(client);
      await waitFor(() => client.refusal !== null, 'refused');
      expect(client.refusal).toContain('beschadigd');
      client.close();
    };
    await refuseOnce();
    const before = timers().length;
    for (let i = 0; i < 5; i += 1) await refuseOnce();
    // Before the fix each refused load kept its document and that document's presence timer.
    // (One timer of the last refusal may still be on its way out.)
    expect(timers().length).toBeLessThanOrEqual(before + 1);
    const stopping = server!.stop();
    server = null;
    await expect(stopping).resolves.toBeUndefined();
  });
});

describe('sync server: sockets that never sign in', () => {
  it('bounds the memory they hold in all, whatever the limit per address', async () => {
    const maxMessageBytes = 256 * 1024;
    await start({
      maxMessageBytes,
      maxConnectionsPerAddress: 0,
      maxUnauthenticatedBytes: 1024 * 1024,
      timeoutMs: 30_000,
    });
    await server!.documents.create(NAME, createYDoc(buildDoc({ title: 'Grens' })));
    // Stateless messages of 200 KiB, which wait for a sign-in that never comes.
    const message = encodeFrame(NAME, MESSAGE_TYPE.stateless, (encoder) =>
      encoding.writeVarString(encoder, 'x'.repeat(200 * 1024)),
    );
    const sockets = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const socket = new WebSocket(server!.url);
        await new Promise((resolve) => socket.addEventListener('open', resolve));
        const state = { closed: false };
        socket.addEventListener('close', () => (state.closed = true));
        return { socket, state };
      }),
    );
    for (const { socket } of sockets) socket.send(message);
    for (const { socket } of sockets) socket.send(message);
    // 8 sockets of 400 KiB: 3.2 MiB asked, 1 MiB allowed; the ones over it are cut.
    await waitFor(() => sockets.filter(({ state }) => state.closed).length >= 5, 'cut');
    expect(sockets.filter(({ state }) => !state.closed).length).toBeLessThanOrEqual(2);
    expect(logLines.join('\n')).toContain('niet-aangemelde verbindingen');
    // A participant still gets in, and what it types arrives.
    const editor = join();
    await whenSynced(editor);
    for (const { socket } of sockets) socket.close();
  });
});

describe('sync server: silent connections', () => {
  it('closes a joined connection within a second of the timeout, not twice the timeout', async () => {
    const timeoutMs = 1_500;
    await start({ timeoutMs });
    await server!.documents.create(NAME, createYDoc(buildDoc({ title: 'Stil' })));
    const silent = new RawClient(server!.url, NAME, tokenFor(NAME));
    rawClients.push(silent);
    await waitFor(() => silent.synced, 'joined');
    // Its last message is its answer to the server's first sync step, sent as it synced.
    const lastSent = Date.now();
    await waitFor(() => silent.closed !== null, 'closed', 10_000);
    const silentFor = Date.now() - lastSent;
    expect(silent.closed!.code).toBe(4408);
    expect(silentFor).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(silentFor).toBeLessThan(timeoutMs + 1_000);
  });
});
