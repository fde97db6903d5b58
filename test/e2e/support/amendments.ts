/**
 * A user's steps in the ALV procedure, for the amendments spec: the amendments panel and its
 * cards, making and submitting an amendment, recording a preadvies and a besluit, adding an
 * amendment from a file, and the PDFs the panel downloads (read with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, selectText, settle } from '../editorPage.ts';

/** The amendments panel. */
export const amendmentsPanel = (page: Page): Locator =>
  page.getByRole('region', { name: 'Amendementen' });

/** The card of amendment `number` ("A1") in the panel. */
export const amendmentCard = (page: Page, number: string): Locator =>
  amendmentsPanel(page)
    .getByRole('list', { name: 'Lijst van amendementen' })
    .getByRole('article', { name: new RegExp(`^Amendement ${number} `) });

/** "Mijn amendement" in the panel. */
export const myAmendment = (page: Page): Locator =>
  amendmentsPanel(page).getByRole('region', { name: /^Mijn amendement/ });

/**
 * "Amendement maken…" in the panel, the name asked first while the profile has none of its own
 * (answered with `name`), then the dialog filled in and confirmed.
 */
export async function makeAmendment(
  page: Page,
  fields: { indiener: string; coIndieners?: string; subject: string },
  name: string,
): Promise<void> {
  await amendmentsPanel(page).getByRole('button', { name: 'Amendement maken…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Amendement maken' });
  const askName = page.getByRole('dialog', { name: 'Uw naam' });
  await expect(dialog.or(askName)).toBeVisible();
  if (await askName.isVisible()) {
    await expect(askName).toContainText('Uw amendement en de voorstellen ervan');
    await askName.getByLabel('Uw naam').fill(name);
    await askName.getByRole('button', { name: 'Doorgaan' }).click();
  }
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Gemeente (indiener)').fill(fields.indiener);
  if (fields.coIndieners) await dialog.getByLabel(/^Mede-indieners/).fill(fields.coIndieners);
  await dialog.getByLabel('Onderwerp').fill(fields.subject);
  await dialog.getByRole('button', { name: 'Amendement maken' }).click();
  await expect(dialog).toBeHidden();
  await expect(myAmendment(page)).toBeVisible();
}

/** Puts the cursor right after `text` in the editor. */
export async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.locator('.document-page').focus();
  await selectText(page, text);
  await page.keyboard.press('ArrowRight');
  await settle(page);
}

/** Writes the Toelichting of "Mijn amendement" and submits it ("Indienen"). */
export async function submitAmendment(page: Page, motivation: string): Promise<void> {
  const box = myAmendment(page);
  await box.getByLabel('Toelichting').fill(motivation);
  await box.getByRole('button', { name: 'Indienen' }).click();
  await expect(box.locator('.amendment-status')).toHaveText('Ingediend');
}

/** Records the preadvies on amendment `number`. */
export async function recordAdvice(
  page: Page,
  number: string,
  advice: 'Overnemen' | 'Ontraden' | 'Oordeel ALV',
  reasoning: string,
): Promise<void> {
  await amendmentCard(page, number)
    .getByRole('button', { name: /^Preadvies/ })
    .click();
  const dialog = page.getByRole('dialog', { name: `Preadvies bij amendement ${number}` });
  await dialog.getByRole('radio', { name: new RegExp(`^${advice}`) }).check();
  await dialog.getByLabel('Motivering').fill(reasoning);
  await dialog.getByRole('button', { name: 'Preadvies vastleggen' }).click();
  await expect(dialog).toBeHidden();
}

/** The vote as the Besluit dialog takes it. */
export type VoteInput = { voor: number; tegen: number; onthouding: number } | 'algemeen' | null;

/** Opens "Besluit…" of amendment `number` and fills it in (not yet recorded). */
export async function fillDecision(
  page: Page,
  number: string,
  outcome: 'Aangenomen' | 'Verworpen' | 'Overgenomen door het bestuur' | 'Aangehouden',
  vote: VoteInput,
): Promise<Locator> {
  await amendmentCard(page, number)
    .getByRole('button', { name: /^Besluit/ })
    .click();
  const dialog = page.getByRole('dialog', { name: `Besluit over amendement ${number}` });
  await dialog.getByRole('radio', { name: outcome, exact: true }).check();
  if (vote === 'algemeen') {
    await dialog.getByRole('checkbox', { name: 'Met algemene stemmen' }).check();
  } else if (vote) {
    await dialog.getByLabel('Voor', { exact: true }).fill(String(vote.voor));
    await dialog.getByLabel('Tegen', { exact: true }).fill(String(vote.tegen));
    await dialog.getByLabel('Onthouding', { exact: true }).fill(String(vote.onthouding));
  }
  return dialog;
}

/** Records the besluit on amendment `number`. */
export async function recordDecision(
  page: Page,
  number: string,
  outcome: 'Aangenomen' | 'Verworpen' | 'Overgenomen door het bestuur' | 'Aangehouden',
  vote: VoteInput,
): Promise<void> {
  const dialog = await fillDecision(page, number, outcome, vote);
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Runs `start` (a click that makes a PDF), saves the download into test/artifacts as `name`
 * and returns its text as pdftotext reads it (with the layout kept).
 */
export async function downloadPdfText(
  page: Page,
  start: () => Promise<void>,
  name: string,
): Promise<{ file: string; suggested: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { file, suggested: download.suggestedFilename(), text };
}

/** The text of the PDF's pages as PNGs into test/artifacts (pdftoppm), to look at. */
export function renderPdfPages(file: string, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, name)]);
}

/**
 * Drops the file at `filePath` on the window, as a user drags it from the file manager: a
 * `drop` event with the file in its DataTransfer, on the document page.
 */
export async function dropFile(page: Page, filePath: string): Promise<void> {
  const bytes = [...readFileSync(filePath)];
  await page.evaluate(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      const target = document.querySelector('.page-area') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name: path.basename(filePath), data: bytes },
  );
}
