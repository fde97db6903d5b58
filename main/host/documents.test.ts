import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeYDoc, encodeYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { createTemplateYDoc, typeInTitle } from '../services/testing/yjsDocuments.ts';
import { startHost, type RunningHost } from './server.ts';

// Documents and the recovery journal end to end: JSON over POST /api/<method> to a real host on
// a loopback port, with real files in temporary folders, across a restart of the host.
const appRoot = findAppRoot(import.meta.dirname);
let base: string;
let rootDir: string;
let profileDir: string;
let documentsDir: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'host-documents-'));
  rootDir = path.join(base, 'renderer');
  profileDir = path.join(base, 'profiel');
  documentsDir = path.join(base, 'documenten');
  await mkdir(rootDir);
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html>');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function start(): Promise<RunningHost> {
  return startHost({ rootDir, port: 0, appRoot, reportError: () => {}, profileDir, documentsDir });
}

interface Answer {
  status: number;
  ok: boolean;
  value: Record<string, unknown>;
  error: { code: string; message: string };
}

async function post(host: RunningHost, method: string, payload?: unknown): Promise<Answer> {
  const response = await fetch(new URL(`api/${method}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: payload === undefined ? '' : JSON.stringify(payload),
  });
  const json = (await response.json()) as Omit<Answer, 'status'>;
  return { status: response.status, ...json };
}

function titleOf(base64: string): string {
  const ydoc = decodeYDoc(decodeBase64(base64)!);
  try {
    return readYDoc(ydoc).firstChild!.textContent;
  } finally {
    ydoc.destroy();
  }
}

describe('documents and the journal over HTTP', () => {
  it('saves, opens, journals, survives a restart of the host and recovers', async () => {
    const ydoc = createTemplateYDoc();
    typeInTitle(ydoc, 'Resolutie over de brug');
    const documentId = randomUUID();
    const host = await start();
    let restarted: RunningHost | undefined;
    try {
      const saved = await post(host, 'saveDocument', {
        state: encodeBase64(encodeYDoc(ydoc)),
        name: 'Brug',
      });
      expect(saved.status).toBe(200);
      expect(saved.value).toMatchObject({
        path: path.join(documentsDir, 'Brug.resolutie'),
        name: 'Brug',
      });

      const again = await post(host, 'saveDocument', {
        state: encodeBase64(encodeYDoc(ydoc)),
        name: 'Brug',
      });
      expect(again.status).toBe(409);
      expect(again.error).toEqual({
        code: 'exists',
        message: 'Er bestaat al een document ‘Brug’. Kies een andere naam of vervang het.',
      });

      const listed = await post(host, 'listDocuments');
      expect(listed.value['folder']).toBe(documentsDir);
      const opened = await post(host, 'openDocument', { path: saved.value['path'] });
      expect(opened.status).toBe(200);
      expect(titleOf(opened.value['state'] as string)).toBe('Resolutie over de brug');

      expect(
        (
          await post(host, 'journalReset', {
            documentId,
            state: opened.value['state'],
            path: opened.value['path'],
            title: 'Resolutie over de brug',
          })
        ).value,
      ).toEqual({});
      // Sent at once, as the renderer may: the host keeps them in order.
      const updates = [' en', ' verder', ' nog', ' meer'].map((word) =>
        encodeBase64(typeInTitle(ydoc, word)),
      );
      const appended = await Promise.all(
        updates.map((update) => post(host, 'journalAppend', { documentId, update })),
      );
      expect(appended.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      await host.close();

      // After a crash or a restart, a new host finds the journal on disk.
      restarted = await start();
      const recoverable = await post(restarted, 'listRecoverable');
      expect(recoverable.value).toEqual({
        documents: [
          {
            documentId,
            title: 'Resolutie over de brug',
            path: saved.value['path'],
            session: null,
            changedAt: expect.any(String),
          },
        ],
      });
      const recovered = await post(restarted, 'recoverDocument', { documentId });
      expect(titleOf(recovered.value['state'] as string)).toBe(
        'Resolutie over de brug en verder nog meer',
      );
      expect((await post(restarted, 'journalDiscard', { documentId })).status).toBe(200);
      expect((await post(restarted, 'listRecoverable')).value).toEqual({ documents: [] });
      const recent = await post(restarted, 'listRecent');
      expect(recent.value['documents']).toMatchObject([{ name: 'Brug', exists: true }]);
    } finally {
      await host.close();
      await restarted?.close();
    }
  });

  it('answers forbidden paths with 403, bad payloads with 400 and unknown journals with 404', async () => {
    const host = await start();
    try {
      const forbidden = await post(host, 'openDocument', {
        path: path.join(base, 'elders.resolutie'),
      });
      expect(forbidden.status).toBe(403);
      expect(forbidden.error.code).toBe('forbidden');
      const bad = await post(host, 'journalAppend', {
        documentId: 'niet-een-uuid',
        update: 'AAAA',
      });
      expect(bad.status).toBe(400);
      const missing = await post(host, 'recoverDocument', { documentId: randomUUID() });
      expect(missing.status).toBe(404);
      expect(missing.error.code).toBe('not_found');
      expect((await readdir(base)).sort()).toEqual(['documenten', 'profiel', 'renderer']);
    } finally {
      await host.close();
    }
  });
});
