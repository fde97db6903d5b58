/**
 * What the toolbar says while a member drafts an amendment in their own copy, outside a
 * session: only proposals can be made, and the commands that cannot be a proposal say so in
 * words about the drafting (there is no session, so no redacteur to point to). Stopping the
 * drafting gives the commands back.
 *
 * A screenshot at 1280×800 goes to test/artifacts/amendment-drafting-toolbar.png.
 */
import { expect, test } from '@playwright/test';
import { openEditor, screenshot, settle } from './editorPage.ts';
import { setName } from './support/session.ts';
import { cursorAfter, makeAmendment, myAmendment } from './support/amendments.ts';

test.use({ viewport: { width: 1280, height: 800 } });

const DRAFTING = 'Tijdens het opstellen van een amendement kunt u alleen voorstellen doen';

test('drafting an amendment: the toolbar speaks of the drafting, not of a redacteur', async ({
  page,
}) => {
  await openEditor(page);
  await setName(page, 'Medewerker Zwolle');
  await page.locator('.title-text').click();
  await page.keyboard.type('Ruimte voor woningbouw');
  await page.locator('section.clause-block').nth(1).locator('li.item').first().click();
  await page.keyboard.type('het Rijk te vragen om structurele middelen voor woningbouw;');
  await settle(page);

  await makeAmendment(page, { indiener: 'Zwolle', subject: 'Ook ruimte' }, 'Medewerker Zwolle');
  await cursorAfter(page, 'structurele middelen');
  const toolbar = page.getByRole('toolbar', { name: 'Werkbalk' });
  const note = toolbar.getByText('Amendement opstellen', { exact: true });
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('title', DRAFTING);

  // A command that cannot be a proposal: off, and its tooltip says why in drafting words.
  const indent = toolbar.getByRole('button', { name: 'Subpunt maken', exact: true });
  await expect(indent).toBeDisabled();
  await expect(indent).toHaveAttribute(
    'title',
    `Subpunt maken: kan niet als voorstel. ${DRAFTING}.`,
  );
  // Nothing on the toolbar points to a role this member does not have.
  const titles = await toolbar
    .locator('[title]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('title') ?? ''));
  expect(titles.filter((title) => /redacteur|voorsteller/i.test(title))).toEqual([]);
  await screenshot(page, 'amendment-drafting-toolbar');

  // Stopping the drafting gives the command back, with its own tooltip.
  await myAmendment(page).getByRole('button', { name: 'Stoppen met opstellen' }).click();
  await expect(note).toHaveCount(0);
  await cursorAfter(page, 'structurele middelen');
  await expect(indent).not.toHaveAttribute('title', /kan niet als voorstel/);
});
