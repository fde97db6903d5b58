/**
 * Issue 18's moties and the bestuur's overview per ALV, end to end in Chromium:
 *
 * - The secretariat makes a motie "vreemd aan de orde" (Nieuw → Motie) for an ALV, with a
 *   gemeente as indiener in its gegevens, and saves it. The amendments panel is the motie's
 *   procedure: no "Amendement maken", but "Motie indienen…", the gemeente filled in from the
 *   gegevens; submitted it is M1. Then the preadvies and the besluit (aangenomen, with the
 *   vote), as for an amendment; the preadviezen PDF from the panel holds it (pdftotext).
 * - A resolution of the same ALV, and one of another ALV, are saved beside it. "ALV-overzicht…"
 *   in the Bestand menu lists the stukken of the open stuk's ALV with their amendments and
 *   moties (number, indiener, subject, status, preadvies, besluit), filters by status, and
 *   opens a stuk.
 *
 * Screenshots at 1280×800 go to test/artifacts/moties-*.png. People are named by role words;
 * gemeenten by their names.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openEditor, runFileCommand, screenshot } from './editorPage.ts';
import { setName } from './support/session.ts';
import { downloadPdfText } from './support/amendments.ts';

test.setTimeout(180_000);
test.use({ viewport: { width: 1280, height: 800 } });

const unique = Date.now().toString(36);
const MOTION = `Betaalbare huisvesting ${unique}`;
const RESOLUTION = `Ruimte voor woningbouw ${unique}`;
const ELSEWHERE = `Jeugdzorg op orde ${unique}`;
/** An ALV no other spec uses, so the overview holds this spec's stukken only. */
const DATE = '17 maart 2031';

/** axe-core on the open dialog: no serious or critical violation, contrast included. */
async function expectAccessibleDialog(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.failureSummary ?? ''}`);
  expect(serious, `axe-core in ${what}`).toEqual([]);
}

/** A PDF's text with its line breaks and columns as single spaces, to find sentences in. */
const words = (text: string) => text.replace(/\s+/g, ' ');

const motionPanel = (page: Page) => page.getByRole('region', { name: 'Motie' });
const motionCard = (page: Page) =>
  motionPanel(page)
    .getByRole('list', { name: 'De motie en haar procedure' })
    .getByRole('article', { name: /^Motie M1 / });
const metadata = (page: Page) => page.getByRole('complementary', { name: 'Gegevens van het stuk' });

/**
 * Nieuw… a stuk of `kind`, titled `title`, for the ALV of `date` (the blank resolution the
 * window starts with when `kind` is null).
 */
async function newStuk(
  page: Page,
  kind: 'Resolutie' | 'Motie' | null,
  title: string,
  date: string,
): Promise<void> {
  if (kind !== null) await chooseNew(page, kind);
  await page.locator('.title-text').click();
  await page.keyboard.type(title);
  await expect(page.locator('.title-text')).toHaveText(title);
  const preambleDate = page
    .locator('.document-page .preamble')
    .getByRole('textbox', { name: 'Datum van de vergadering' });
  await preambleDate.fill(date);
  await preambleDate.press('Enter');
  await expect(preambleDate).toHaveValue(new RegExp(date));
}

/** Nieuw… of `kind`, and the new stuk in the window. */
async function chooseNew(page: Page, kind: 'Resolutie' | 'Motie'): Promise<void> {
  await runFileCommand(page, 'Nieuw…');
  const dialog = page.getByRole('dialog', { name: 'Nieuw document' });
  await dialog.getByRole('radio', { name: kind, exact: true }).check();
  await dialog.getByRole('button', { name: 'Maken' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Soort stuk' })).toHaveValue(kind.toLowerCase());
  await expect(page.locator('.title-text')).toHaveText('');
}

/** "Opslaan" of a new stuk, under `name`. */
async function saveAs(page: Page, name: string): Promise<void> {
  await runFileCommand(page, 'Opslaan');
  const dialog = page.getByRole('dialog', { name: 'Opslaan als' });
  await dialog.getByLabel('Naam van het document').fill(name);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
}

test('a motie is submitted, advised and decided in the app, and the ALV-overzicht lists it', async ({
  page,
}) => {
  await openEditor(page);
  await setName(page, 'Secretariaat');

  // A resolution of another ALV and one of this ALV, saved in the documents folder.
  await newStuk(page, null, ELSEWHERE, '2 april 2031');
  await saveAs(page, ELSEWHERE);
  await newStuk(page, 'Resolutie', RESOLUTION, DATE);
  await saveAs(page, RESOLUTION);

  // The motie, with a gemeente as indiener in its gegevens.
  await newStuk(page, 'Motie', MOTION, DATE);
  const indiener = metadata(page).getByRole('textbox', { name: 'Indiener' });
  await indiener.fill('gemeente Zwolle');
  await indiener.press('Enter');
  await saveAs(page, MOTION);

  const panel = motionPanel(page);
  await expect(panel).toContainText('Deze motie is nog niet ingediend.');
  await expect(panel.getByRole('button', { name: 'Amendement maken…' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Motie indienen…' }).click();
  const submit = page.getByRole('dialog', { name: 'Motie indienen' });
  await expect(submit.getByLabel('Gemeente (indiener)')).toHaveValue('Zwolle');
  await submit.getByLabel('Gemeente (indiener)').fill('');
  await submit.getByRole('button', { name: 'Motie indienen' }).click();
  await expect(submit.getByRole('alert')).toHaveText('Vul de gemeente in die de motie indient.');
  await submit.getByLabel('Gemeente (indiener)').fill('Zwolle');
  await submit.getByLabel(/^Mede-indieners/).fill('Tilburg, Deventer');
  await screenshot(page, 'moties-indienen');
  await expectAccessibleDialog(page, 'Motie indienen');
  await submit.getByRole('button', { name: 'Motie indienen' }).click();
  await expect(submit).toBeHidden();
  await expect(panel.getByRole('status')).toHaveText('Motie M1 ingediend.');
  await expect(panel.getByRole('button', { name: 'Motie indienen…' })).toHaveCount(0);

  const card = motionCard(page);
  await expect(card.locator('.amendment-status')).toHaveText('Ingediend');
  await expect(card).toContainText('Mede-indieners: Tilburg, Deventer');
  await expect(card).toContainText(MOTION);

  // The bestuur's preadvies.
  await card.getByRole('button', { name: 'Preadvies bij Motie M1' }).click();
  const advice = page.getByRole('dialog', { name: 'Preadvies bij motie M1 van Zwolle' });
  await advice.getByRole('radio', { name: /^Ontraden/ }).check();
  await advice.getByLabel('Motivering').fill('Het bestuur voert hier al overleg over.');
  await advice.getByRole('button', { name: 'Preadvies vastleggen' }).click();
  await expect(advice).toBeHidden();
  await expect(card).toContainText('Ontraden');

  // The ALV adopts it, with the vote; a motie's besluit says nothing about a text.
  await card.getByRole('button', { name: 'Besluit over Motie M1' }).click();
  const decision = page.getByRole('dialog', { name: 'Besluit over motie M1 van Zwolle' });
  await decision.getByRole('radio', { name: 'Aangenomen', exact: true }).check();
  await decision.getByLabel('Voor', { exact: true }).fill('41');
  await decision.getByLabel('Tegen', { exact: true }).fill('12');
  await decision.getByLabel('Onthouding', { exact: true }).fill('3');
  await expect(decision.locator('.amendment-effect')).toHaveCount(0);
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision).toBeHidden();
  await expect(card.locator('.amendment-status')).toHaveText('Aangenomen');
  await expect(card).toContainText('Aangenomen, 41 voor, 12 tegen, 3 onthoudingen');
  await screenshot(page, 'moties-panel');

  // The preadviezen from the panel hold the motie.
  const pdf = await downloadPdfText(
    page,
    async () => {
      await panel.getByRole('button', { name: 'Stukken' }).click();
      await page.getByRole('menuitem', { name: 'Preadviezen (PDF)' }).click();
    },
    'moties-preadviezen',
  );
  const text = words(pdf.text);
  expect(text).toContain('Moties vreemd aan de orde');
  expect(text).toContain('M1');
  expect(text).toContain('Zwolle');
  expect(text).toContain('Ontraden');
  expect(text).toContain(MOTION.slice(0, 20));
  await runFileCommand(page, 'Opslaan');
  await expect(page.getByRole('button', { name: 'Opslaan', exact: true })).toBeVisible();

  // The bestuur's overview of this ALV: the resolution and the motie, not the other ALV.
  await runFileCommand(page, 'ALV-overzicht…');
  const overview = page.getByRole('dialog', { name: 'ALV-overzicht' });
  await expect(overview).toContainText(
    'De amendementen en moties van de ALV van maandag 17 maart 2031',
  );
  const motionStuk = overview.getByRole('region', { name: `Motie “${MOTION}”` });
  const resolutionStuk = overview.getByRole('region', { name: new RegExp(RESOLUTION) });
  await expect(motionStuk.getByRole('row').nth(1)).toHaveText(
    /M1.*Zwolle.*Tilburg, Deventer.*Aangenomen.*Ontraden.*Aangenomen, 41 voor, 12 tegen, 3 onthoudingen/,
  );
  await expect(resolutionStuk).toContainText('Geen amendementen.');
  await expect(overview).not.toContainText(ELSEWHERE);
  // The motie is the open stuk: only the other one is offered to open.
  await expect(motionStuk.getByRole('button', { name: /^Openen/ })).toHaveCount(0);
  await screenshot(page, 'moties-overzicht');
  await expectAccessibleDialog(page, 'the ALV-overzicht');

  await overview.getByLabel('Tonen').selectOption({ label: 'Aangenomen' });
  await expect(resolutionStuk).toHaveCount(0);
  await expect(motionStuk).toBeVisible();
  await overview.getByLabel('Tonen').selectOption({ label: 'Alle' });
  await resolutionStuk.getByRole('button', { name: /^Openen/ }).click();
  await expect(overview).toBeHidden();
  await expect(page.locator('.title-text')).toHaveText(RESOLUTION);
  await expect(page.getByRole('region', { name: 'Amendementen' })).toContainText(
    'Nog geen amendementen op deze resolutie.',
  );
});
