/**
 * Hostile content in Chromium: a `.resolutie` file that came by e-mail with markup and script
 * in every text field, and pasted HTML with script and `javascript:` links. Everything must
 * show as the text it is, never run, never become an element, and print as text in the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { openEditor, runFileCommand, settle } from './editorPage.ts';

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;

// Each sets a flag on the page if it ever runs.
const TITLE = '<img src=x onerror="window.__pwned=1">';
const RECITAL = '<script>window.__pwned=2</script> en "><svg onload="window.__pwned=3">';
const OPERATIVE = 'javascript:window.__pwned=4 <a href="javascript:window.__pwned=5">klik</a>';
const EXPLANATION =
  '<iframe src="javascript:window.__pwned=6"></iframe><style>*{display:none}</style>';

/** Whether anything in the page ran or became an element it should not be. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    elements: document.querySelectorAll(
      '.document-page img, .document-page script, .document-page svg, .document-page iframe, .document-page style, .document-page a[href^="javascript"]',
    ).length,
  }));
  expect(found).toEqual({ pwned: null, elements: 0 });
}

test('a document with markup and script in its text opens, shows and prints it as text', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const name = `vijandig-${Date.now().toString(36)}`;
  const ydoc = createYDoc(
    buildDoc({
      title: TITLE,
      recitals: [[RECITAL]],
      operatives: [[OPERATIVE]],
      explanation: [EXPLANATION],
    }),
  );
  mkdirSync(documentsDir, { recursive: true });
  writeFileSync(
    path.join(documentsDir, `${name}.resolutie`),
    writeDocumentFile(ydoc, { app: 'Resolutie-editor', version: 'test' }),
  );

  await openEditor(page);
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await open
    .getByRole('region', { name: 'Documentenmap' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(open).toBeHidden();
  await expect(page.locator('.title-text')).toHaveText(TITLE);
  await expect(page.locator('li.item').first()).toHaveText(RECITAL);
  await expect(page.locator('li.item').nth(1)).toHaveText(OPERATIVE);
  await expect(page.locator('.explanation p').first()).toHaveText(EXPLANATION);
  await settle(page);
  await expectInert(page);

  const download = page.waitForEvent('download');
  await runFileCommand(page, 'Exporteren als PDF');
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'resolutie-hostile-')), 'stuk.pdf');
  await (await download).saveAs(saved);
  const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const field of [TITLE, RECITAL, OPERATIVE, EXPLANATION]) {
    // The PDF holds the text as typed (quotes may be typeset), not an element made of it.
    expect(text.replace(/[“”]/g, '"')).toContain(field.replace(/\s+/g, ' '));
  }
  await expectInert(page);
  expect(dialogs).toEqual([]);
});

test('pasted HTML keeps its text and loses script, handlers and javascript: links', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p>Veilig <a href="javascript:window.__pwned=7">klik hier</a> ' +
        '<img src=x onerror="window.__pwned=8"><b onmouseover="window.__pwned=9">vet</b>' +
        '<script>window.__pwned=10</script> <a href="https://vng.nl/">VNG</a></p>',
    );
    data.setData('text/plain', 'Veilig klik hier vet VNG');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await settle(page);
  const item = page.locator('li.item').first();
  await expect(item).toContainText('Veilig klik hier');
  await expect(item).toContainText('VNG');
  await expect(item.locator('a')).toHaveCount(1);
  await expect(item.locator('a')).toHaveAttribute('href', 'https://vng.nl/');
  await item
    .locator('b, strong')
    .first()
    .hover()
    .catch(() => undefined);
  await expectInert(page);
});
