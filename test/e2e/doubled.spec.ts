/**
 * Text a merge doubled, in Chromium: a document in which two co-editors split the same item at
 * once (made with the fuzz tests' replicas, as the editor writes through y-prosemirror) opens
 * with the doubled tail framed in the text and proposed for removal in the changes panel;
 * "Verwijderen" leaves each part once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Command } from 'prosemirror-state';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { createInitialUpdate, Replica, sync } from '../../renderer/editor/testing/fuzzReplicas.ts';
import { openEditor, readRecitals, screenshot, settle } from './editorPage.ts';

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;

const split: Command = (state, dispatch) => {
  dispatch?.(state.tr.split(state.selection.head));
  return true;
};

test('doubled text from two splits of one item is shown, proposed and removed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const initial = createInitialUpdate(
    buildDoc({ recitals: [['De gemeenten willen meer ruimte; het rijk wil minder regels;']] }),
  );
  const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
  a.apply(split, findText(a.state.doc, 'ruimte; '));
  b.apply(split, findText(b.state.doc, 'het rijk '));
  sync(a, b);
  const name = `dubbel-${Date.now().toString(36)}`;
  mkdirSync(documentsDir, { recursive: true });
  writeFileSync(
    path.join(documentsDir, `${name}.resolutie`),
    writeDocumentFile(a.ydoc, { app: 'Resolutie-editor', version: 'test' }),
  );

  await openEditor(page);
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Document openen' });
  await open
    .getByRole('region', { name: 'Documentenmap' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(open).toBeHidden();
  await settle(page);
  expect(await readRecitals(page)).toEqual([
    'De gemeenten willen meer ruimte;',
    'het rijk wil minder regels;',
    'wil minder regels;',
  ]);
  const doubled = page.getByRole('region', { name: 'Dubbel na samenvoegen' });
  await expect(doubled).toContainText('wil minder regels;');
  await expect(page.locator('.document-page .doubled-text')).toHaveText('wil minder regels;');
  await screenshot(page, 'doubled-text');

  await doubled.getByRole('button', { name: /Dubbele tekst verwijderen/ }).click();
  await settle(page);
  expect(await readRecitals(page)).toEqual([
    'De gemeenten willen meer ruimte;',
    'het rijk',
    'wil minder regels;',
  ]);
  await expect(doubled).toBeHidden();
  await expect(page.locator('.document-page .doubled-text')).toHaveCount(0);
});
