/**
 * Issue 18 as a bestuur and its members use it, end to end in Chromium: a resolution with
 * amendments from four gemeenten, two made offline and sent as a file, two made in a session by
 * voorstellers; the bestuur's preadvies, the ALV's votes, the final text and the stukken.
 *
 * - The secretariat writes the resolution and saves it. A member (Utrecht) opens that file in a
 *   window of their own, makes an amendment ("Amendement maken": the name is asked first, then
 *   only proposals can be made), writes its Toelichting, submits it and saves it as
 *   "Amendement Utrecht op …". The secretariat adds that file to the resolution: the proposal
 *   appears under the member's name, as amendment A1. A file with an amendment on another
 *   resolution is refused in Dutch and nothing changes. A second member (Enschede) drafted on
 *   the resolution as sent as well (stopping and resuming the drafting once); their A1 is taken
 *   and comes in as A2, the number the dialog offers.
 * - The secretariat hosts a session; two members invited as voorsteller (Zwolle, Tilburg) each
 *   make and submit an amendment; A1 and A3 change the same item, which the panel flags
 *   before the vote.
 * - Preadvies on each; Enschede withdraws A2 (the bestuur records it on their behalf);
 *   besluiten: A1 aangenomen (with the vote), A3 verworpen (met algemene stemmen), A4
 *   overgenomen door het bestuur. Adopting accepts the proposals, rejecting and withdrawing
 *   reject them: the final text reads as amended.
 * - The PDFs from the panel (an amendment in the standard form, the resolution zoals
 *   geamendeerd, the preadviezen), read with pdftotext.
 *
 * Screenshots of the panel and the dialogs at 1280×800 go to test/artifacts/amendments-*.png.
 * People are named by role words; gemeenten by their names.
 */
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { openEditor, runFileCommand, screenshot, selectText, settle } from './editorPage.ts';
import { makeInvitation, runSessionCommand, setName } from './support/session.ts';
import {
  amendmentCard,
  amendmentsPanel,
  cursorAfter,
  downloadPdfText,
  dropFile,
  fillDecision,
  makeAmendment,
  myAmendment,
  recordAdvice,
  recordDecision,
  renderPdfPages,
  submitAmendment,
} from './support/amendments.ts';

/** A PDF's text with its line breaks and columns as single spaces, to find sentences in. */
const words = (text: string) => text.replace(/\s+/g, ' ');

test.setTimeout(300_000);
test.use({ viewport: { width: 1280, height: 800 } });

const unique = Date.now().toString(36);
const RESOLUTION = `Resolutie woningbouw ${unique}`;
const OTHER = `Resolutie jeugdzorg ${unique}`;

const documentsDir = process.env.RESOLUTIE_E2E_DOCUMENTS_DIR!;

const changes = (page: Page) => page.getByRole('region', { name: 'Wijzigingen' });

/** axe-core on the amendments panel: no serious or critical violation, contrast included. */
async function expectAccessiblePanel(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('section.amendments').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.failureSummary ?? ''}`);
  expect(serious, `axe-core in ${what}`).toEqual([]);
}

/** axe-core on the open dialog. */
async function expectAccessibleDialog(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.failureSummary ?? ''}`);
  expect(serious, `axe-core in ${what}`).toEqual([]);
}

/** A window of its own (a member's computer), at 1280×800, with the editor open. */
async function newWindow(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openEditor(page);
  return page;
}

/** Types the resolution: title, two recitals, three decisions. */
async function writeResolution(page: Page, title: string): Promise<void> {
  await page.locator('.title-text').click();
  await page.keyboard.type(title);
  await page.locator('li.item').first().click();
  await page.keyboard.type('de woningnood in de regio groot is;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('gemeenten sneller willen bouwen;');
  await page.locator('section.clause-block').nth(1).locator('li.item').first().click();
  await page.keyboard.type('het Rijk te vragen om structurele middelen voor woningbouw;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('provincies te vragen bouwlocaties aan te wijzen;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('de VNG een jaarlijkse monitor te laten maken.');
}

/** "Opslaan als" under `name`, or the name the app suggests when `name` is null. */
async function saveAs(page: Page, name: string | null): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Opslaan als' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel('Naam van het document');
  if (name !== null) await field.fill(name);
  const saved = await field.inputValue();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  return saved;
}

/** Openen… the document `name` from the documents folder. */
async function openFile(page: Page, name: string): Promise<void> {
  await runFileCommand(page, 'Openen…');
  const dialog = page.getByRole('dialog', { name: 'Document openen' });
  await dialog
    .getByRole('region', { name: 'Documentenmap' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(dialog).toBeHidden();
}

/** A member's window, joined with `invitation`, which names them (no name is asked). */
async function joinAs(browser: Browser, invitation: string): Promise<Page> {
  const page = await newWindow(browser);
  await runSessionCommand(page, 'Deelnemen…');
  const dialog = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
  await dialog.getByLabel('Uitnodiging').fill(invitation);
  await expect(dialog.getByLabel('Uw naam')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Deelnemen' }).click();
  await expect(dialog).toBeHidden();
  return page;
}

/** The operative items ("Spreekt uit") as they read with every pending change accepted. */
async function readDecisions(page: Page): Promise<string[]> {
  return page
    .locator('section.clause-block')
    .nth(1)
    .locator('li.item')
    .evaluateAll((items) =>
      items.map((item) => {
        const copy = item.cloneNode(true) as Element;
        copy.querySelectorAll('del, .ProseMirror-yjs-cursor').forEach((node) => node.remove());
        return (copy.textContent ?? '').replace(/\u2060/g, '').trim();
      }),
    );
}

test('amendments: two offline by file, two in a session, preadvies, votes, final text, stukken', async ({
  page,
  browser,
}) => {
  // The secretariat writes the resolution and saves it in the documents folder.
  await openEditor(page);
  await setName(page, 'Secretariaat');
  await writeResolution(page, 'Ruimte voor woningbouw');
  await runFileCommand(page, 'Opslaan');
  await saveAs(page, RESOLUTION);
  await expect(amendmentsPanel(page)).toContainText('Nog geen amendementen op deze resolutie.');

  // A member of Utrecht opens the resolution as it was sent and makes an amendment offline.
  const member = await newWindow(browser);
  await openFile(member, RESOLUTION);
  await setName(member, 'Medewerker Utrecht');
  await makeAmendment(
    member,
    {
      indiener: 'Utrecht',
      coIndieners: 'Amersfoort, Nieuwegein',
      subject: 'Ook ruimte, niet alleen geld',
    },
    'Medewerker Utrecht',
  );
  await expect(myAmendment(member)).toContainText('U stelt dit amendement op');
  await expect(member.getByText('Amendement opstellen', { exact: true })).toBeVisible();
  await cursorAfter(member, 'structurele middelen');
  await member.keyboard.type(' en ruimte');
  await settle(member);
  await expect(member.locator('.document-page ins')).toContainText('en ruimte');
  await expect(
    myAmendment(member).getByRole('list', { name: 'Voorstellen van dit amendement' }),
  ).toContainText('en ruimte');
  await screenshot(member, 'amendments-member-drafting');
  await submitAmendment(
    member,
    'Geld alleen bouwt geen huizen.\n\nGemeenten hebben ook bouwgrond en procedures nodig.',
  );
  await expect(member.getByText('Amendement opstellen', { exact: true })).toHaveCount(0);
  await myAmendment(member).getByRole('button', { name: 'Amendement opslaan…' }).click();
  const fileName = await saveAs(member, null);
  expect(fileName).toBe(`Amendement Utrecht op Ruimte voor woningbouw`);
  await screenshot(member, 'amendments-member-submitted');

  // The same member makes an amendment on another resolution and saves it too.
  await runFileCommand(member, 'Nieuw…');
  await member
    .getByRole('dialog', { name: 'Nieuw document' })
    .getByRole('button', { name: 'Maken' })
    .click();
  await writeResolution(member, 'Jeugdzorg op orde');
  await runFileCommand(member, 'Opslaan');
  await saveAs(member, OTHER);
  await makeAmendment(
    member,
    { indiener: 'Utrecht', subject: 'Sneller bouwen' },
    'Medewerker Utrecht',
  );
  await cursorAfter(member, 'sneller willen bouwen');
  await member.keyboard.type(' en kunnen');
  await submitAmendment(member, 'Willen is niet genoeg.');
  await myAmendment(member).getByRole('button', { name: 'Amendement opslaan…' }).click();
  const otherFile = await saveAs(member, `Amendement Utrecht op jeugdzorg ${unique}`);

  // A member of Enschede drafts on the resolution as sent too (on this computer, for brevity),
  // stopping the drafting once: then the editor edits as before, and the note goes.
  await openFile(member, RESOLUTION);
  await setName(member, 'Medewerker Enschede');
  await makeAmendment(
    member,
    { indiener: 'Enschede', subject: 'Ook transformatie' },
    'Medewerker Enschede',
  );
  await myAmendment(member).getByRole('button', { name: 'Stoppen met opstellen' }).click();
  await expect(member.getByText('Amendement opstellen', { exact: true })).toHaveCount(0);
  await expect(myAmendment(member)).toContainText('U stelt dit amendement nu niet op');
  await myAmendment(member).getByRole('button', { name: 'Verder opstellen' }).click();
  await expect(member.getByText('Amendement opstellen', { exact: true })).toBeVisible();
  await cursorAfter(member, 'bouwlocaties');
  await member.keyboard.type(' en transformatielocaties');
  await submitAmendment(member, 'Leegstaande kantoren zijn ook woningen.');
  await myAmendment(member).getByRole('button', { name: 'Amendement opslaan…' }).click();
  const enschedeFile = await saveAs(member, null);
  expect(enschedeFile).toBe('Amendement Enschede op Ruimte voor woningbouw');

  // The secretariat adds the member's file to the resolution: A1, under the member's name.
  // First the file on the other resolution, dropped on the window: refused, nothing changes.
  const before = await readDecisions(page);
  await dropFile(page, path.join(documentsDir, `${otherFile}.resolutie`));
  const add = page.getByRole('dialog', { name: 'Amendement toevoegen' });
  await expect(add.getByRole('alert')).toContainText(
    'Dit amendement hoort bij een andere resolutie (Resolutie “Jeugdzorg op orde”)',
  );
  await screenshot(page, 'amendments-add-refused');
  expect(await readDecisions(page)).toEqual(before);
  await expect(amendmentsPanel(page)).toContainText('Nog geen amendementen op deze resolutie.');
  await add.getByRole('button', { name: 'Annuleren' }).click();
  // Then the right one, from the documents folder through the Bestand menu.
  await runFileCommand(page, 'Amendement toevoegen…');
  await expect(add).toBeVisible();
  await screenshot(page, 'amendments-add-dialog');
  await expectAccessibleDialog(page, 'Amendement toevoegen');
  await add.getByRole('button', { name: new RegExp(fileName) }).click();
  const added = page.getByRole('dialog', { name: 'Amendement toegevoegd' });
  await expect(added).toContainText('Amendement A1 van Utrecht, met Amersfoort, Nieuwegein');
  await expect(added).toContainText('1 voorstel in de tekst, op naam van Medewerker Utrecht.');
  await expect(added).toContainText('De tekst waarop het is gemaakt, is sindsdien niet gewijzigd.');
  await screenshot(page, 'amendments-added');
  await added.getByRole('button', { name: 'Sluiten' }).click();
  await expect(amendmentCard(page, 'A1')).toContainText('Ingediend');
  await expect(page.locator('.document-page ins')).toContainText('en ruimte');
  await expect(changes(page).locator('.change-author').first()).toHaveText('Medewerker Utrecht');
  await expect(changes(page).locator('.change-amendment').first()).toHaveText('A1');
  // Adding it again is refused: it is there already.
  await runFileCommand(page, 'Amendement toevoegen…');
  await add.getByRole('button', { name: new RegExp(fileName) }).click();
  await expect(add.getByRole('alert')).toContainText(
    'Dit amendement is al toegevoegd: A1 van Utrecht.',
  );
  await add.getByRole('button', { name: 'Annuleren' }).click();
  // Enschede's amendment is A1 in its file too: the dialog offers the next free number.
  await runFileCommand(page, 'Amendement toevoegen…');
  await add.getByRole('button', { name: new RegExp(enschedeFile) }).click();
  const renumber = page.getByRole('dialog', { name: 'Ander nummer kiezen' });
  await expect(renumber).toContainText(
    'Er is al een amendement A1 (van Utrecht). Geef het amendement van Enschede een ander nummer, bijvoorbeeld A2.',
  );
  await expect(renumber.getByLabel('Nummer')).toHaveValue('A2');
  await screenshot(page, 'amendments-add-number');
  await renumber.getByRole('button', { name: 'Toevoegen als A2' }).click();
  await expect(added).toContainText('Amendement A2 van Enschede');
  await added.getByRole('button', { name: 'Sluiten' }).click();
  await expect(amendmentCard(page, 'A2')).toContainText('Ingediend');
  await member.close();

  // The secretariat hosts a session and invites two members as voorsteller, by role and gemeente.
  await runSessionCommand(page, 'Sessie starten');
  const invite = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await expect(invite).toBeVisible();
  const forZwolle = await makeInvitation(page, 'Voorsteller', { name: 'Voorsteller Zwolle' });
  const forTilburg = await makeInvitation(page, 'Voorsteller', { name: 'Voorsteller Tilburg' });
  await invite.getByRole('button', { name: 'Sluiten' }).click();
  const zwolle = await joinAs(browser, forZwolle);
  const tilburg = await joinAs(browser, forTilburg);
  await expect(amendmentCard(zwolle, 'A1')).toBeVisible();

  // Zwolle proposes to strike "voor woningbouw" in the item A1 changes too.
  await makeAmendment(zwolle, { indiener: 'Zwolle', subject: 'Breder dan woningbouw' }, '');
  await expect(myAmendment(zwolle)).toContainText('Mijn amendement A3');
  await zwolle.locator('.document-page').focus();
  await selectText(zwolle, ' voor woningbouw;');
  await zwolle.keyboard.press('Shift+ArrowLeft');
  await zwolle.keyboard.press('Backspace');
  await settle(zwolle);
  await expect(myAmendment(zwolle)).toContainText('Geschrapt: voor woningbouw');
  await submitAmendment(zwolle, 'De middelen zijn ook nodig voor voorzieningen bij de woningen.');
  await expect(myAmendment(zwolle)).toContainText('Het bestuur ziet het in de sessie.');
  await expect(
    myAmendment(zwolle).getByRole('button', { name: 'Amendement opslaan…' }),
  ).toHaveCount(0);
  // A voorsteller records no preadvies or besluit.
  await expect(amendmentCard(zwolle, 'A1').getByRole('button', { name: /^Preadvies/ })).toHaveCount(
    0,
  );
  await expect(amendmentCard(zwolle, 'A1').getByRole('button', { name: /^Besluit/ })).toHaveCount(
    0,
  );

  // Tilburg proposes an addition to item 3.
  await makeAmendment(tilburg, { indiener: 'Tilburg', subject: 'Monitor met gemeenten' }, '');
  await cursorAfter(tilburg, 'jaarlijkse monitor');
  await tilburg.keyboard.type(' samen met gemeenten');
  await settle(tilburg);
  await screenshot(tilburg, 'amendments-voorsteller-drafting');
  await submitAmendment(tilburg, 'Gemeenten leveren de cijfers; zij horen erbij.');
  await expect(myAmendment(tilburg)).toContainText('Mijn amendement A4');

  // The secretariat sees four amendments, and that A1 and A3 change the same text.
  for (const number of ['A1', 'A2', 'A3', 'A4']) {
    await expect(amendmentCard(page, number)).toContainText('Ingediend');
  }
  await expect(amendmentsPanel(page).getByRole('note')).toContainText(
    'A1 en A3 wijzigen dezelfde tekst (punt 1 onder ‘Spreekt uit’).',
  );
  await expect(amendmentCard(page, 'A3')).toContainText('Wijzigt dezelfde tekst als A1');
  await expect(amendmentCard(page, 'A4')).not.toContainText('Wijzigt dezelfde tekst');
  await expect(changes(page).locator('.change-amendment')).toHaveText(['A1', 'A3', 'A2', 'A4']);
  await screenshot(page, 'amendments-panel-four');
  await expectAccessiblePanel(page, 'the panel with four amendments');

  // Choosing an amendment shows its proposals in the text.
  await amendmentCard(page, 'A4')
    .getByRole('button', { name: /Monitor met gemeenten/ })
    .click();
  await expect(page.locator('.document-page .amendment-highlight')).toHaveText(
    ' samen met gemeenten',
  );

  // Filter and order.
  await amendmentsPanel(page).getByLabel('Indiener').selectOption('Zwolle');
  await expect(
    amendmentsPanel(page)
      .getByRole('list', { name: 'Lijst van amendementen' })
      .getByRole('article'),
  ).toHaveCount(1);
  await amendmentsPanel(page).getByLabel('Indiener').selectOption('');
  await amendmentsPanel(page).getByLabel('Sorteren').selectOption('indiener');
  await expect(
    amendmentsPanel(page)
      .getByRole('list', { name: 'Lijst van amendementen' })
      .locator('.amendment-number'),
  ).toHaveText([/A2 Enschede/, /A4 Tilburg/, /A1 Utrecht/, /A3 Zwolle/]);
  await amendmentsPanel(page).getByLabel('Sorteren').selectOption('nummer');

  // The bestuur's preadvies on each.
  await recordAdvice(page, 'A1', 'Overnemen', 'Ruimte is net zo schaars als geld.');
  await amendmentCard(page, 'A3')
    .getByRole('button', { name: /^Preadvies/ })
    .click();
  const adviceDialog = page.getByRole('dialog', { name: 'Preadvies bij amendement A3' });
  await adviceDialog.getByRole('radio', { name: /^Ontraden/ }).check();
  await adviceDialog.getByLabel('Motivering').fill('De resolutie gaat over woningbouw.');
  await screenshot(page, 'amendments-advice-dialog');
  await expectAccessibleDialog(page, 'the Preadvies dialog');
  await adviceDialog.getByRole('button', { name: 'Preadvies vastleggen' }).click();
  await expect(adviceDialog).toBeHidden();
  await recordAdvice(page, 'A4', 'Oordeel ALV', '');
  await expect(amendmentCard(page, 'A1')).toContainText('Preadvies');
  await expect(amendmentCard(page, 'A1')).toContainText('Overnemen');
  await expect(amendmentCard(zwolle, 'A3')).toContainText('Ontraden');

  // Enschede withdraws A2 by e-mail; the bestuur records it, and its proposal leaves the text.
  await amendmentCard(page, 'A2')
    .getByRole('button', { name: /^Meer bij/ })
    .click();
  await page.getByRole('menuitem', { name: 'Intrekken namens de indiener…' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Amendement A2 van Enschede intrekken' });
  await expect(withdraw).toContainText(
    'U legt vast dat de indiener amendement A2 van Enschede intrekt. Het voorstel ervan wordt uit de tekst gehaald.',
  );
  await withdraw.getByRole('button', { name: 'Intrekken' }).click();
  await expect(withdraw).toBeHidden();
  await expect(amendmentCard(page, 'A2')).toContainText('Ingetrokken');
  await expect(page.locator('.document-page')).not.toContainText('transformatielocaties');
  await expect(amendmentCard(tilburg, 'A2')).toContainText('Ingetrokken');

  // Zwolle starts a second amendment and withdraws it before submitting: the server takes the
  // withdrawal from a voorsteller, and the proposal leaves the text everywhere.
  await makeAmendment(zwolle, { indiener: 'Zwolle', subject: 'Toch niet' }, '');
  await cursorAfter(zwolle, 'gemeenten sneller willen bouwen');
  await zwolle.keyboard.type(' en kunnen');
  await expect(page.locator('.document-page ins')).toContainText(['en kunnen']);
  await myAmendment(zwolle).getByRole('button', { name: 'Intrekken…' }).click();
  const ownWithdrawal = zwolle.getByRole('dialog', { name: 'Amendement A5 van Zwolle intrekken' });
  await expect(ownWithdrawal).toContainText('U trekt amendement A5 van Zwolle in.');
  await ownWithdrawal.getByRole('button', { name: 'Intrekken' }).click();
  await expect(amendmentCard(page, 'A5')).toContainText('Ingetrokken');
  await expect(page.locator('.document-page')).not.toContainText('en kunnen');
  await expect(zwolle.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();

  // The amendment in the standard form, as the members get it before the ALV.
  const a1Pdf = await downloadPdfText(
    page,
    async () => {
      await amendmentCard(page, 'A1')
        .getByRole('button', { name: /^Meer bij/ })
        .click();
      await page.getByRole('menuitem', { name: 'Afdrukken als PDF' }).click();
    },
    'amendments-A1',
  );
  expect(a1Pdf.suggested).toBe(`Amendement A1 van Utrecht – ${RESOLUTION}.pdf`);
  expect(words(a1Pdf.text)).toContain('Amendement A1 van de gemeente Utrecht');
  expect(words(a1Pdf.text)).toContain('Geld alleen bouwt geen huizen.');
  expect(words(a1Pdf.text)).toContain('en ruimte');
  renderPdfPages(a1Pdf.file, 'amendments-A1-page');
  await expect(amendmentsPanel(page).getByRole('status')).toContainText(
    `PDF gemaakt: Amendement A1 van Utrecht – ${RESOLUTION}.pdf`,
  );

  // The votes. A vote that does not fit the outcome is refused in the dialog; nothing changes.
  const wrong = await fillDecision(page, 'A3', 'Aangenomen', { voor: 3, tegen: 10, onthouding: 0 });
  await wrong.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(wrong.getByRole('alert')).toHaveText(
    'Met 3 stemmen voor en 10 tegen is Amendement A3 van Zwolle niet aangenomen.',
  );
  await wrong.getByRole('button', { name: 'Annuleren' }).click();
  await expect(amendmentCard(page, 'A3')).toContainText('Ingediend');

  const decision = await fillDecision(page, 'A1', 'Aangenomen', {
    voor: 28,
    tegen: 3,
    onthouding: 1,
  });
  await expect(decision).toContainText(
    'De tekst verandert: het voorstel van het amendement wordt aanvaard.',
  );
  await screenshot(page, 'amendments-decision-dialog');
  await expectAccessibleDialog(page, 'the Besluit dialog');
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision).toBeHidden();
  await expect(amendmentCard(page, 'A1')).toContainText(
    'Aangenomen, 28 voor, 3 tegen, 1 onthouding',
  );
  await recordDecision(page, 'A3', 'Verworpen', 'algemeen');
  await expect(amendmentCard(page, 'A3')).toContainText('Verworpen, met algemene stemmen');
  await recordDecision(page, 'A4', 'Overgenomen door het bestuur', null);
  await expect(amendmentCard(page, 'A4')).toContainText('Overgenomen door het bestuur');

  // The final text: A1 and A4 in it, A3 not; no proposal left.
  const final = [
    'het Rijk te vragen om structurele middelen en ruimte voor woningbouw;',
    'provincies te vragen bouwlocaties aan te wijzen;',
    'de VNG een jaarlijkse monitor samen met gemeenten te laten maken.',
  ];
  for (const window of [page, zwolle, tilburg]) {
    await expect.poll(() => readDecisions(window)).toEqual(final);
    await expect(changes(window)).toContainText('Geen wijzigingen in behandeling.');
  }
  await expect(amendmentCard(tilburg, 'A4')).toContainText('Overgenomen door het bestuur');
  await expect(amendmentsPanel(page).getByRole('note')).toHaveCount(0);
  await screenshot(page, 'amendments-decided');
  await expectAccessiblePanel(page, 'the panel after the votes');

  // The stukken for and after the ALV: the resolution as amended, and the preadviezen.
  const stukken = async (entry: string) => {
    await amendmentsPanel(page).getByRole('button', { name: 'Stukken' }).click();
    await page.getByRole('menuitem', { name: entry }).click();
  };
  const amended = await downloadPdfText(
    page,
    () => stukken('Zoals geamendeerd (PDF)'),
    'amendments-geamendeerd',
  );
  expect(amended.suggested).toBe(`${RESOLUTION} – zoals geamendeerd.pdf`);
  expect(words(amended.text)).toContain('zoals geamendeerd');
  expect(words(amended.text)).toContain(
    'het Rijk te vragen om structurele middelen en ruimte voor woningbouw;',
  );
  expect(words(amended.text)).toContain(
    'een jaarlijkse monitor samen met gemeenten te laten maken.',
  );
  renderPdfPages(amended.file, 'amendments-geamendeerd-page');
  const advices = await downloadPdfText(
    page,
    () => stukken('Preadviezen (PDF)'),
    'amendments-preadviezen',
  );
  expect(advices.suggested).toBe(`${RESOLUTION} – preadviezen.pdf`);
  for (const expected of [
    'Preadviezen van het bestuur',
    'Overnemen',
    'Ontraden',
    'Ruimte is net zo schaars als geld.',
    'Utrecht',
    'Zwolle',
    'Tilburg',
  ]) {
    expect(words(advices.text)).toContain(expected);
  }
  renderPdfPages(advices.file, 'amendments-preadviezen-page');
});
