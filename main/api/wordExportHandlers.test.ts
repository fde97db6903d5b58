/**
 * `exportDocx` as the page calls it: the document's state in, a Word file out, its proposals
 * accepted or tracked as asked, the comments only on request; a damaged state is refused with
 * a Dutch message. What Word readers make of the file is LibreOffice's to say
 * (main/cli/docxExport.test.ts); here the parts are read to see which way was taken.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import { createYDoc, encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { PROPOSALS, proposalDoc } from '../../shared/export/docx/testing/docxTestDocs.ts';
import { handleRequest } from './handlers.ts';
import { expectError, value } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext();
});
afterEach(async () => {
  await test.remove();
});

const call = (payload: unknown) => handleRequest('exportDocx', payload, test.context);
const state = () => encodeBase64(encodeYDoc(createYDoc(proposalDoc())));

async function documentXml(payload: unknown): Promise<string> {
  const { docx } = value<{ docx: string }>(await call(payload));
  const files = unzipSync(decodeBase64(docx)!);
  return strFromU8(files['word/document.xml']!);
}

describe('exportDocx', () => {
  it('writes the stuk with its proposals accepted by default', async () => {
    const xml = await documentXml({ state: state() });
    expect(xml).toContain(PROPOSALS.inserted.text);
    expect(xml).not.toMatch(/<w:(ins|del) /);
  });

  it('writes the proposals as tracked changes when shown', async () => {
    const xml = await documentXml({ state: state(), changes: 'shown' });
    expect(xml).toMatch(new RegExp(`<w:ins [^>]*w:author="${PROPOSALS.inserted.author}"`));
    expect(xml).toMatch(new RegExp(`<w:del [^>]*w:author="${PROPOSALS.deleted.author}"`));
  });

  it('refuses a damaged state in Dutch, and a request outside the contract', async () => {
    const message = expectError(
      await call({ state: encodeBase64(Uint8Array.of(1, 2, 3, 4)) }),
      'invalid_request',
    );
    expect(message).toContain('Het Word-bestand kan niet worden gemaakt.');
    expectError(await call({ state: state(), changes: 'zichtbaar' }), 'invalid_request');
  });
});
