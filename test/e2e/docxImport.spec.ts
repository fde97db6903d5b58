/**
 * Importeren… with a Word file, as a secretary does with a motie a gemeente sent in Word with
 * its review: the tracked change arrives as a proposal in the changes panel, under the Word
 * author's name, and the comment as a thread on its text; a hostile file is refused in the
 * dialog with the import's Dutch sentence, and the open document stays as it was.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, readBlocks, runFileCommand, screenshot, settle } from './editorPage.ts';
import {
  W,
  change,
  delRun,
  makeDocx,
  numberingXml,
  p,
  r,
} from '../../shared/import/docx/testing/docxFiles.ts';

const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await runFileCommand(page, 'Importeren…');
  const dialog = page.getByRole('dialog', { name: 'Importeren' });
  await dialog.getByLabel('Bestand', { exact: true }).setInputFiles(file);
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  return dialog;
}

function motieInWord(): Buffer {
  const body = [
    p(r('Motie “Lokale lasten”')),
    p(r('De leden bijeen in de Najaars ALV van 29 november 2024:')),
    p(r('Overwegende dat:')),
    p(r('de lokale lasten stijgen;'), { numId: 1 }),
    p(r('Spreekt uit:')),
    p(
      r('Dat het ') +
        change('del', 1, 'Bewerker', '2024-11-20T10:00:00Z', delRun('kabinet')) +
        change('ins', 2, 'Bewerker', '2024-11-20T10:00:00Z', r('Rijk')) +
        r(' de ') +
        '<w:commentRangeStart w:id="0"/>' +
        r('kosten draagt') +
        '<w:commentRangeEnd w:id="0"/>' +
        r(';'),
      { numId: 2 },
    ),
    p(r('voor de jeugdzorg.'), { numId: 2, ilvl: 1 }),
  ].join('');
  const comments = `<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Jurist" w:date="2024-11-22T08:00:00Z"><w:p><w:r><w:t>Klopt dit bedrag?</w:t></w:r></w:p></w:comment></w:comments>`;
  return Buffer.from(
    makeDocx(body, {
      'word/numbering.xml': numberingXml(['decimal', 'lowerLetter'], [1, 2]),
      'word/comments.xml': comments,
    }),
  );
}

test('a Word file becomes a stuk with its tracked change as a proposal and its comment as a thread', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await importFile(page, {
    name: 'motie-lokale-lasten.docx',
    mimeType: WORD_TYPE,
    buffer: motieInWord(),
  });
  await expect(dialog).toHaveCount(0);
  const blocks = await readBlocks(page);
  expect(blocks.map((block) => block.heading)).toEqual(['Overwegende dat:', 'Spreekt uit:']);
  expect(blocks[1]!.items[0]).toMatch(/^1\. Dat het kabinetRijk de kosten draagt;/);
  await expect(page.getByRole('banner')).toContainText('motie-lokale-lasten');
  await expect(
    page.getByText(
      'Geïmporteerd uit motie-lokale-lasten: 1 overweging, 1 punt, Toelichting met 0 koppen, 1 voorstel, 1 opmerking.',
    ),
  ).toBeVisible();

  const changes = page.getByRole('region', { name: 'Wijzigingen' });
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes).toContainText('Bewerker');
  await expect(changes).toContainText('Geschrapt: kabinet');
  await expect(changes).toContainText('Toegevoegd: Rijk');
  const item = page.locator('li.item').nth(1);
  await expect(item.locator('del.change')).toHaveText('kabinet');
  await expect(item.locator('ins.change')).toHaveText('Rijk');

  const comments = page.getByRole('region', { name: 'Opmerkingen' });
  const thread = comments.getByRole('article', { name: 'Opmerking over “kosten draagt”' });
  await expect(thread).toContainText('Klopt dit bedrag?');
  await expect(thread).toContainText('Jurist');
  await screenshot(page, 'import-word');

  // The proposal is a real one: accepting it leaves the new word as plain text.
  await changes
    .getByRole('button', { name: /^Accepteren/ })
    .first()
    .click();
  await settle(page);
  await expect(item.locator('del.change')).toHaveCount(0);
  await expect(item).toContainText('Dat het Rijk de kosten draagt;');
});

test('a hostile Word file is refused in the dialog with the reason, and nothing changes', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('li.item').first().click();
  await page.keyboard.type('Blijft staan;');
  await settle(page);
  const laughs = `<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
  const cases = [
    {
      file: {
        name: 'lachen.docx',
        mimeType: WORD_TYPE,
        buffer: Buffer.from(makeDocx('', { 'word/document.xml': laughs })),
      },
      says: 'lachen.docx: Het Word-bestand wordt geweigerd: word/document.xml bevat een DOCTYPE- of ENTITY-declaratie',
    },
    {
      file: {
        name: 'macro.docx',
        mimeType: WORD_TYPE,
        buffer: Buffer.from(makeDocx(p(r('Tekst')), {}, { macro: true })),
      },
      says: "macro.docx: Het Word-bestand bevat macro's (.docm) en wordt niet geïmporteerd",
    },
    {
      file: {
        name: 'tekst.docx',
        mimeType: WORD_TYPE,
        buffer: Buffer.from('Spreekt uit:\n1. Tekst.\n'),
      },
      says: 'tekst.docx: Dit is geen Word-bestand (.docx)',
    },
  ];
  for (const [index, { file, says }] of cases.entries()) {
    await runFileCommand(page, 'Importeren…');
    await page
      .getByRole('dialog', { name: 'Wijzigingen opslaan?' })
      .getByRole('button', { name: 'Niet opslaan' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Importeren' });
    await dialog.getByLabel('Bestand', { exact: true }).setInputFiles(file);
    await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(says);
    if (index === 0) await screenshot(page, 'import-word-refused');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.locator('li.item').first()).toHaveText('Blijft staan;');
  }
});
