import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createYDoc, openDocumentState, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createTemplateDoc } from '../../shared/editor/template.ts';
import {
  ServerDocumentError,
  ServerDocuments,
  createNewServerDocument,
} from './serverDocuments.ts';
import { TEST_WRITER, makeTempDir } from './testing/collabTesting.ts';

let temp: ReturnType<typeof makeTempDir>;
let documents: ServerDocuments;
beforeEach(() => {
  temp = makeTempDir();
  documents = new ServerDocuments(temp.dir, TEST_WRITER);
});
afterEach(() => temp.remove());

async function expectRefused(run: () => Promise<unknown>, code: string): Promise<void> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServerDocumentError);
  expect((error as ServerDocumentError).code).toBe(code);
}

describe('ServerDocuments', () => {
  it('stores a document as a .resolutie file and loads its state back', async () => {
    const ydoc = createYDoc(buildDoc({ title: 'Op de server' }));
    expect(await documents.load('motie-1')).toBeNull();
    expect(await documents.create('motie-1', ydoc)).toBe(true);
    expect(await documents.create('motie-1', createYDoc(buildDoc({})))).toBe(false);

    const file = readDocumentFile(readFileSync(path.join(temp.dir, 'motie-1.resolutie')));
    expect(file.envelope.savedBy).toEqual(TEST_WRITER);
    const state = await documents.load('motie-1');
    expect(openDocumentState(state!).doc.eq(readYDoc(ydoc))).toBe(true);
  });

  it('refuses a damaged file without touching it', async () => {
    await documents.create('motie-2', createYDoc(buildDoc({})));
    const file = path.join(temp.dir, 'motie-2.resolutie');
    for (const damaged of ['', '{"format": "resolutie", "formatVersion": 1, "yjs"', 'geen json']) {
      writeFileSync(file, damaged);
      await expectRefused(() => documents.load('motie-2'), 'damaged');
      expect(readFileSync(file, 'utf8')).toBe(damaged);
    }
  });

  it('refuses names that are no document name, before touching the disk', async () => {
    for (const name of [
      '../geheim',
      'a/b',
      '',
      '.server-secret',
      'a'.repeat(65),
      'motie.resolutie',
    ]) {
      await expectRefused(() => documents.load(name), 'invalid_name');
      await expectRefused(() => documents.store(name, new Y.Doc()), 'invalid_name');
    }
  });

  it('creates new documents from the template, identically every time', () => {
    const a = createNewServerDocument();
    const b = createNewServerDocument();
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
    // Two instances that both created it merge into one template, not two.
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readYDoc(a).eq(createTemplateDoc())).toBe(true);
  });
});
