import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { createYDoc, encodeYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { createStateWithTitle } from '../services/testing/yjsDocuments.ts';
import { readPdfText } from '../services/pdf/testing/pdfInspection.ts';
import { handleRequest } from './handlers.ts';
import { PAPER_PRINT_UNAVAILABLE } from './printHandlers.ts';
import { expectError, value } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext();
});
afterEach(async () => {
  await test.remove();
});

const call = (payload: unknown) => handleRequest('printPdf', payload, test.context);

describe('printPdf', () => {
  it('prints the document it is sent, with hostile text as text', async () => {
    const title = '<img src=x onerror=alert(1)> “Wonen” € –';
    const result = await call({ state: encodeBase64(createStateWithTitle(title)) });
    const pdf = decodeBase64(value<{ pdf: string }>(result).pdf)!;
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'print-handler-')), 'stuk.pdf');
    writeFileSync(file, pdf);
    expect(readPdfText(file)).toContain(title);
  }, 60_000);

  it('refuses a state that is no resolution, and garbage, with a clean error', async () => {
    const foreign = new Y.Doc();
    getDocumentFragment(foreign).insert(0, [new Y.XmlElement('script')]);
    const notResolution = await call({ state: encodeBase64(encodeYDoc(foreign)) });
    expect(expectError(notResolution, 'invalid_request')).toContain(
      'De PDF kan niet worden gemaakt.',
    );
    expectError(await call({ state: '!!!' }), 'invalid_request');
    expectError(await call({}), 'invalid_request');
    expectError(
      await call({ state: encodeBase64(Uint8Array.from([255, 1, 2])) }),
      'invalid_request',
    );
  });
});

describe('printOnPaper', () => {
  const paper = (payload: unknown) => handleRequest('printOnPaper', payload, test.context);

  it('is refused in browser mode, which has no system print dialog', async () => {
    const result = await paper({ state: encodeBase64(createStateWithTitle('Motie')) });
    expect(expectError(result, 'unavailable')).toBe(PAPER_PRINT_UNAVAILABLE);
  });

  it('hands the desktop app’s printer the print page with its head and foot, and answers', async () => {
    const pages: string[] = [];
    test.context.printOnPaper = async (html) => {
      pages.push(html);
      return pages.length === 1 ? 'printed' : 'cancelled';
    };
    const title = '<img src=x onerror=alert(1)> “Wonen”';
    const state = encodeBase64(createStateWithTitle(title));
    expect(value<{ outcome: string }>(await paper({ state }))).toEqual({ outcome: 'printed' });
    expect(value<{ outcome: string }>(await paper({ state, changes: 'shown' }))).toEqual({
      outcome: 'cancelled',
    });
    const [page] = pages;
    expect(page).toContain('@bottom-right');
    expect(page).toContain('counter(pages)');
    // The title is text in the page and a CSS string in the foot, never markup.
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; “Wonen”');
    expect(page).toContain('\\3C img src=x onerror=alert(1)\\3E  “Wonen”');
  });

  it('names a letter without a title by the file name it is sent', async () => {
    const pages: string[] = [];
    test.context.printOnPaper = async (html) => {
      pages.push(html);
      return 'printed';
    };
    const letter = createYDoc(
      docFromModel(parseResolutionText('Geachte leden,\n\nHierbij ontvangt u de stukken.')),
    );
    const state = encodeBase64(encodeYDoc(letter));
    await paper({ state, name: 'Brief aan de leden' });
    await paper({ state });
    const [named, unnamed] = pages;
    expect(named).toContain('Brief aan de leden');
    expect(unnamed).not.toContain('Brief aan de leden');
    expect(named).not.toContain('De leden bijeen in');
  });

  it('refuses a state that is no resolution before anything is printed', async () => {
    let printed = 0;
    test.context.printOnPaper = async () => {
      printed += 1;
      return 'printed';
    };
    const foreign = new Y.Doc();
    getDocumentFragment(foreign).insert(0, [new Y.XmlElement('script')]);
    const result = await paper({ state: encodeBase64(encodeYDoc(foreign)) });
    expect(expectError(result, 'invalid_request')).toContain('Het stuk kan niet worden afgedrukt.');
    expectError(await paper({ state: '!!!' }), 'invalid_request');
    expectError(
      await paper({ state: encodeBase64(encodeYDoc(foreign)), changes: 'alle' }),
      'invalid_request',
    );
    expect(printed).toBe(0);
  });
});
