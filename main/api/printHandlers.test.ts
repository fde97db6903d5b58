import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiResult } from '../../shared/api/result.ts';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { encodeYDoc, getDocumentFragment } from '../../shared/collab/yDocument.ts';
import { createStateWithTitle } from '../services/testing/yjsDocuments.ts';
import { handleRequest } from './handlers.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext();
});
afterEach(async () => {
  await test.remove();
});

const call = (payload: unknown) => handleRequest('printPdf', payload, test.context);

function errorOf(result: ApiResult): { code: string; message: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('printPdf', () => {
  it('prints the document it is sent, with hostile text as text', async () => {
    const title = '<img src=x onerror=alert(1)> “Wonen” € –';
    const result = await call({ state: encodeBase64(createStateWithTitle(title)) });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const pdf = decodeBase64((result.value as { pdf: string }).pdf)!;
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'print-handler-')), 'stuk.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(title);
  }, 60_000);

  it('refuses a state that is no resolution, and garbage, with a clean error', async () => {
    const foreign = new Y.Doc();
    getDocumentFragment(foreign).insert(0, [new Y.XmlElement('script')]);
    const notResolution = errorOf(await call({ state: encodeBase64(encodeYDoc(foreign)) }));
    expect(notResolution.code).toBe('invalid_request');
    expect(notResolution.message).toContain('De PDF kan niet worden gemaakt.');
    expect(errorOf(await call({ state: '!!!' })).code).toBe('invalid_request');
    expect(errorOf(await call({})).code).toBe('invalid_request');
    expect(errorOf(await call({ state: encodeBase64(Uint8Array.from([255, 1, 2])) })).code).toBe(
      'invalid_request',
    );
  });
});
