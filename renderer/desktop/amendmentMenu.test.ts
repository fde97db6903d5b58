/**
 * The native menu's amendment commands are read from the page's own Bestand menu section:
 * enabled exactly where that section's entries are, running the same functions.
 */
import { describe, expect, it } from 'vitest';
import { AMENDMENT_COMMANDS } from '../../shared/api/menuCommands.ts';
import { readAmendmentMenu } from './amendmentMenu.ts';

describe('readAmendmentMenu', () => {
  it('enables each command whose entry the page offers, and runs that entry', () => {
    const ran: string[] = [];
    const entry = (id: string, disabled?: boolean) => ({
      id,
      disabled,
      onSelect: () => void ran.push(id),
    });
    const menu = readAmendmentMenu([
      entry('amendments'),
      entry('createAmendment', true),
      entry('addAmendment', false),
      entry('amendedPdf'),
      entry('advicesPdf', true),
      entry('procedureOverview'),
    ]);
    expect(menu.enabled).toEqual({
      showAmendments: true,
      createAmendment: false,
      addAmendment: true,
      amendedPdf: true,
      advicesPdf: false,
      procedureOverview: true,
    });
    for (const command of AMENDMENT_COMMANDS) menu.actions[command]();
    expect(ran).toEqual(['amendments', 'addAmendment', 'amendedPdf', 'procedureOverview']);
  });

  it('keeps a command off when the page has no such entry', () => {
    const menu = readAmendmentMenu([{ id: 'somethingElse', onSelect: () => {} }]);
    expect(Object.values(menu.enabled)).toEqual(AMENDMENT_COMMANDS.map(() => false));
  });
});
