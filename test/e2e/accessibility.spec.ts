/**
 * The editor for keyboard and screen-reader users: axe-core finds no serious or critical
 * violation (colour contrast included) in the main window (a new document and seed 001), in
 * each dialog, in a live session and in the changes panel with proposals; and the keyboard
 * alone drives a dialog (the focus stays inside and comes back to its button), the outline and
 * the changes panel. Dialogs are opened by their shortcuts where they have one, so that the
 * spec does not depend on where a button sits in the header.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { JournalStore } from '../../main/services/journal/journalStore.ts';
import { getJournalDir } from '../../main/services/app/appDirs.ts';
import { encodeYDoc } from '../../shared/ydoc/yDocument.ts';
import { createTemplateYDoc, typeInTitle } from '../../main/services/testing/yjsDocuments.ts';
import { openEditor, pasteText, screenshot, selectText } from './editorPage.ts';
import { join, makeInvitation } from './support/session.ts';

test.setTimeout(90_000);
// A laptop's screen, where the screenshots of the focus ring are judged.
test.use({ viewport: { width: 1280, height: 800 } });

const SEED_001 = readFileSync(
  new URL('../fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

/** axe-core's finding, one line per rule: what, how bad, where, and the first node's reason. */
function describeViolation(violation: {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}): string {
  const where = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
  const why = (violation.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ');
  return `${violation.id} (${violation.impact}): ${violation.help} — ${where} — ${why}`;
}

/**
 * Runs axe-core on the page (or on `scope` in it) and expects no serious or critical violation.
 * Minor and moderate ones are left to judgement, as the issue asks.
 */
async function expectNoSeriousViolations(page: Page, what: string, scope?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (scope) builder = builder.include(scope);
  const results = await builder.analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  // Soft: a test goes on to its next state, so that one run lists every violation.
  expect.soft(serious.map(describeViolation), `axe-core in ${what}`).toEqual([]);
}

/**
 * Runs a file command whether it sits in the header as a button or in the header's "Bestand"
 * menu.
 */
async function fileCommand(page: Page, name: string): Promise<void> {
  const button = page.getByRole('banner').getByRole('button', { name, exact: true });
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Bestand/ })
    .click();
  await page.getByRole('menuitem', { name }).click();
}

/**
 * Presses a button from the keyboard: the focus on it, then Enter. (The toolbar's buttons keep
 * the focus in the editor when clicked, so a click would leave the editor as the opener.)
 */
async function pressButton(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}

/** Pastes seed 001 into the title, as a user pastes a resolution's text. */
async function pasteSeed001(page: Page): Promise<void> {
  await page.locator('.title-text').click();
  await pasteText(page, SEED_001);
  await expect(page.locator('li.item')).toHaveCount(12);
}

/** Whether the focus is inside `locator`. */
function hasFocusInside(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.contains(document.activeElement));
}

/**
 * The focused element's name as a screen reader reads it, near enough for these controls: its
 * aria-label, else its text without what is hidden from screen readers (the "▾" of a menu).
 */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return '';
    const label = active.getAttribute('aria-label');
    if (label) return label;
    const copy = active.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Answers "Uw naam" if the app asks it (the first time the name matters in the host's profile:
 * a session starts, tracked changes are turned on), after checking the question itself with
 * axe-core; then waits for `next`, what the asking action leads to.
 */
async function answerNameIfAsked(page: Page, next: Locator): Promise<void> {
  const question = page.getByRole('dialog', { name: 'Uw naam' });
  await expect(question.or(next)).toBeVisible();
  if (await question.isVisible()) {
    await expect.poll(() => hasFocusInside(question), 'the focus is in “Uw naam”').toBe(true);
    await expectNoSeriousViolations(page, 'the dialog “Uw naam”', 'dialog[open]');
    await question.getByRole('textbox', { name: 'Uw naam' }).fill('Auteur van Wijchen');
    await question.getByRole('button', { name: /^(Sessie starten|Doorgaan)$/ }).click();
    await expect(question).toBeHidden();
  }
  await expect(next).toBeVisible();
}

/** Starts a session as host, answering the name question if asked; returns the invitation. */
async function startSession(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Sessie starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  await answerNameIfAsked(page, dialog);
  const invitation = await makeInvitation(page, 'Redacteur');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return invitation;
}

const changesPanel = (page: Page) => page.getByRole('region', { name: 'Wijzigingen' });

/** Seed 001 with "Wijzigingen bijhouden" on and three proposals (two replacements, a deletion). */
async function proposeChanges(page: Page): Promise<void> {
  await pasteSeed001(page);
  await page.getByRole('button', { name: 'Wijzigingen bijhouden' }).click();
  await answerNameIfAsked(
    page,
    page.getByRole('button', { name: 'Wijzigingen bijhouden', pressed: true }),
  );
  await selectText(page, 'gezamenlijke agenda voor Nederland');
  await page.keyboard.type('gezamenlijke agenda voor Nederland en zijn inwoners');
  await selectText(page, 'in het volgende overhedenoverleg in februari 2025');
  await page.keyboard.press('Delete');
  await selectText(page, 'onverkort');
  await page.keyboard.type('volledig');
  await expect(changesPanel(page).getByRole('list', { name: 'Voorstellen' })).toBeVisible();
  await expect(
    changesPanel(page).getByRole('list', { name: 'Voorstellen' }).getByRole('listitem'),
  ).toHaveCount(3);
}

test.describe('axe-core finds no serious or critical violation', () => {
  test('in the main window: a new document, and seed 001', async ({ page }) => {
    await openEditor(page);
    await expectNoSeriousViolations(page, 'the main window with a new document');
    // The focus ring on the blue header, reached by the Tab key.
    await page.getByRole('button', { name: 'Deelnemen…' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => hasFocusInside(page.getByRole('banner'))).toBe(true);
    await screenshot(page, 'a11y-header-focus');
    await pasteSeed001(page);
    await expectNoSeriousViolations(page, 'the main window with seed 001');
  });

  test('in the changes panel with proposals', async ({ page }) => {
    await openEditor(page);
    await proposeChanges(page);
    await expectNoSeriousViolations(page, 'the changes panel', '.changes');
    await expectNoSeriousViolations(page, 'the window with proposals');
  });

  test('in a live session, for the host and for a colleague who joined', async ({
    page,
    browser,
  }) => {
    await openEditor(page);
    await pasteSeed001(page);
    const invitation = await startSession(page);
    const colleague = await join(browser, invitation, 'Bewerker Joure');
    try {
      await expect(colleague.locator('li.item')).toHaveCount(12);
      await expect(page.getByRole('region', { name: 'Aanwezig in het document' })).toContainText(
        'Bewerker Joure',
      );
      await expectNoSeriousViolations(page, 'the host’s window in a session');
      await expectNoSeriousViolations(colleague, 'the colleague’s window in a session');
    } finally {
      await colleague.context().close();
    }
  });

  /**
   * Each dialog: its name, how a user opens it, and which control has the focus again once it
   * is closed: the button that opened it (for a command in the header's "Bestand" menu, the
   * menu's button), the editor for a shortcut typed there, and the document too when the
   * opener is gone ("Sessie starten" becomes the session's own commands).
   */
  const EDITOR = /^Tekst van het stuk$/;
  const DIALOGS: { name: string; open: (page: Page) => Promise<void>; returnsTo: RegExp }[] = [
    {
      name: 'Nieuw document',
      open: (page) => fileCommand(page, 'Nieuw…'),
      returnsTo: /^(Nieuw…|Bestand)$/,
    },
    {
      name: 'Document openen',
      open: (page) => page.keyboard.press('Control+o'),
      returnsTo: EDITOR,
    },
    {
      name: 'Opslaan als',
      open: (page) => page.keyboard.press('Control+Shift+s'),
      returnsTo: EDITOR,
    },
    {
      name: 'Wijzigingen opslaan?',
      open: async (page) => {
        await page.locator('li.item').first().click();
        await page.keyboard.type('Nog niet bewaard;');
        await fileCommand(page, 'Sluiten');
      },
      returnsTo: /^(Sluiten|Bestand)$/,
    },
    {
      name: 'Versies',
      open: (page) => pressButton(page.getByRole('button', { name: 'Versies…' })),
      returnsTo: /^Versies…$/,
    },
    {
      name: 'Vergelijking: Eerste lezing → Huidige tekst',
      open: async (page) => {
        await pressButton(page.getByRole('button', { name: 'Versies…' }));
        const versions = page.getByRole('dialog', { name: 'Versies' });
        await versions
          .getByRole('textbox', { name: 'Versie vastleggen als' })
          .fill('Eerste lezing');
        await versions.getByRole('button', { name: 'Vastleggen' }).click();
        await versions
          .getByRole('button', { name: 'Eerste lezing vergelijken met de huidige tekst' })
          .click();
      },
      // Versies gave the focus back to its button when the comparison took its place.
      returnsTo: /^Versies…$/,
    },
    {
      name: 'Voorkeuren',
      open: (page) => changesPanel(page).getByRole('button', { name: 'Wijzigen' }).click(),
      returnsTo: /^Wijzigen$/,
    },
    {
      name: 'Deelnemen aan sessie',
      open: (page) => page.getByRole('button', { name: 'Deelnemen…' }).click(),
      returnsTo: /^Deelnemen…$/,
    },
    {
      name: 'Uitnodigen voor de sessie',
      open: async (page) => {
        await page.getByRole('button', { name: 'Sessie starten' }).click();
        await answerNameIfAsked(
          page,
          page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' }),
        );
      },
      returnsTo: EDITOR,
    },
    {
      name: 'Afdrukvoorbeeld',
      open: async (page) => {
        await page.keyboard.press('Control+p');
        // The first page is drawn (a print of its own, seconds on a busy machine).
        await expect(
          page
            .getByRole('dialog', { name: 'Afdrukvoorbeeld' })
            .getByRole('img', { name: 'Pagina 1 van 1' }),
        ).toHaveJSProperty('tagName', 'IMG', { timeout: 30_000 });
      },
      returnsTo: EDITOR,
    },
    {
      name: 'Help bij de Resolutie-editor',
      open: (page) => page.keyboard.press('F1'),
      returnsTo: EDITOR,
    },
    {
      name: 'Over Resolutie-editor',
      open: async (page) => {
        await page.keyboard.press('F1');
        await page
          .getByRole('dialog', { name: 'Help bij de Resolutie-editor' })
          .getByRole('button', { name: 'Over Resolutie-editor' })
          .click();
      },
      // The help page gave the focus back to the editor (F1) when "Over" took its place.
      returnsTo: EDITOR,
    },
  ];

  for (const { name, open, returnsTo } of DIALOGS) {
    test(`in the dialog “${name}”, which holds the focus and gives it back`, async ({ page }) => {
      await openEditor(page);
      await open(page);
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      await expect.poll(() => hasFocusInside(dialog), 'the focus is in the dialog').toBe(true);
      await expectNoSeriousViolations(page, `the dialog “${name}”`, 'dialog[open]');
      // Tab and Shift+Tab go round its controls, never out of it.
      for (const key of [...Array<string>(12).fill('Tab'), ...Array<string>(4).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        expect(await hasFocusInside(dialog), `after ${key} the focus is in the dialog`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect.poll(() => focusedName(page), 'the focus is back').toMatch(returnsTo);
    });
  }

  test('in the dialog “Niet-opgeslagen werk gevonden” after a crash', async ({ page }) => {
    // Work left behind by an earlier run of the host: a journal with an unsaved edit, written
    // as the journal store writes it. The host offers it on the next window it opens.
    const journal = new JournalStore(getJournalDir(process.env.RESOLUTIE_E2E_PROFILE_DIR!));
    const documentId = randomUUID();
    const ydoc = createTemplateYDoc();
    await journal.reset(documentId, encodeYDoc(ydoc), { title: '' });
    const title = 'Motie over toegankelijkheid';
    await journal.append(documentId, typeInTitle(ydoc, title), { title });
    ydoc.destroy();
    try {
      await page.goto('/');
      const dialog = page.getByRole('dialog', { name: 'Niet-opgeslagen werk gevonden' });
      await expect(dialog).toContainText(title);
      await expect.poll(() => hasFocusInside(dialog)).toBe(true);
      await expectNoSeriousViolations(page, 'the recovery dialog', 'dialog[open]');
      await dialog.getByRole('button', { name: 'Weggooien' }).click();
      await expect(dialog).toBeHidden();
    } finally {
      await journal.discard(documentId);
    }
  });
});

test.describe('the keyboard alone', () => {
  test('a dialog keeps the focus inside while tabbing, and gives it back to its button', async ({
    page,
  }) => {
    await openEditor(page);
    const versionsButton = page.getByRole('button', { name: 'Versies…' });
    await versionsButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Versies' });
    await expect(dialog).toBeVisible();
    // The first field takes the focus: the name of the version to record.
    await expect(dialog.getByRole('textbox', { name: 'Versie vastleggen als' })).toBeFocused();
    await screenshot(page, 'a11y-dialog-focus');

    // Tab goes round the dialog's controls and comes back to the first, never leaving it.
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await hasFocusInside(dialog), `Tab ${i + 1} stays in the dialog`).toBe(true);
      seen.push(await focusedName(page));
    }
    expect(seen).toContain('Sluiten');
    await expect(dialog.getByRole('textbox', { name: 'Versie vastleggen als' })).toBeFocused();
    // Shift+Tab from the first control goes to the last.
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Sluiten' })).toBeFocused();
    await screenshot(page, 'a11y-dialog-focus-close');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(versionsButton).toBeFocused();

    // The same through a header button and its own "Annuleren".
    const joinButton = page.getByRole('button', { name: 'Deelnemen…' });
    await joinButton.focus();
    await page.keyboard.press('Enter');
    const join = page.getByRole('dialog', { name: 'Deelnemen aan sessie' });
    await expect(join.getByRole('textbox', { name: 'Uitnodiging' })).toBeFocused();
    await join.getByRole('button', { name: 'Annuleren' }).focus();
    await page.keyboard.press('Enter');
    await expect(join).toBeHidden();
    await expect(joinButton).toBeFocused();
  });

  test('the outline: Tab reaches it, the arrow keys move, Enter goes to the place in the text', async ({
    page,
  }) => {
    await openEditor(page);
    await pasteSeed001(page);
    const outline = page.getByRole('navigation', { name: 'Overzicht van het stuk' });
    const entries = outline.getByRole('button');
    await entries.first().focus();
    await expect(entries.first()).toHaveAccessibleName('Overwegende dat: 6 overwegingen');
    await page.keyboard.press('ArrowDown');
    await expect(outline.getByRole('button', { name: 'Spreekt uit: 6 punten' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(entries.last()).toBeFocused();
    await expect(entries.last()).toHaveAccessibleName('Agenda op voorwaarden');
    await page.keyboard.press('ArrowUp');
    await expect(entries.nth(-2)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(entries.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await screenshot(page, 'a11y-outline-focus');

    // Enter: the cursor in "Spreekt uit:"'s first item, the focus in the editor.
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Tekst van het stuk' });
    await expect(editor).toBeFocused();
    const cursorIn = await page.evaluate(
      () => window.getSelection()?.anchorNode?.parentElement?.closest('li.item')?.textContent ?? '',
    );
    expect(cursorIn).toMatch(/^Dat het uitgangspunt voor afspraken/);
    // Typing goes there.
    await page.keyboard.press('Home');
    await page.keyboard.type('X ');
    await expect(page.locator('section.clause-block').nth(1).locator('li.item').first()).toHaveText(
      /^X Dat het uitgangspunt/,
    );
  });

  test('the changes panel: arrow keys through the proposals, Enter shows one, keys decide', async ({
    page,
  }) => {
    await openEditor(page);
    await proposeChanges(page);
    const list = changesPanel(page).getByRole('list', { name: 'Voorstellen' });
    const proposals = list.locator('.change-summary');
    await proposals.first().focus();
    await expect(proposals.first()).toHaveAccessibleName(
      /^Wijziging van .*“gezamenlijke agenda voor Nederland” geschrapt/,
    );
    await page.keyboard.press('ArrowDown');
    await expect(proposals.nth(1)).toBeFocused();
    await expect(proposals.nth(1)).toHaveAccessibleName(/“in het volgende .*” geschrapt$/);
    await screenshot(page, 'a11y-changes-focus');

    // Enter selects the proposal in the text and gives the editor the focus.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Tekst van het stuk' })).toBeFocused();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(
      'in het volgende overhedenoverleg in februari 2025',
    );

    // Back in the list: Tab reaches the proposal's own "Accepteren", named after it.
    await proposals.first().focus();
    await page.keyboard.press('Tab');
    await expect(
      list.getByRole('button', { name: /^Accepteren: .*gezamenlijke agenda/ }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    // Decided: the next proposal takes its place, and the focus stays in the list on it.
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(proposals.first()).toBeFocused();
    await expect(proposals.first()).toHaveAccessibleName(/“in het volgende .*” geschrapt$/);
    await expect(page.locator('li.item').nth(1)).toContainText(
      'gezamenlijke agenda voor Nederland en zijn inwoners',
    );
    // Tab, Tab: "Weigeren" of the deletion; the deleted words stay.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(list.getByRole('button', { name: /^Weigeren: .*in het volgende/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(proposals.first()).toBeFocused();
    await expect(page.locator('li.item').nth(3)).toContainText(
      'in het volgende overhedenoverleg in februari 2025',
    );
    // The last one: the list is gone and the focus rests on the panel's note, not on nothing.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(changesPanel(page).getByText('Geen wijzigingen in behandeling.')).toBeFocused();
  });
});
