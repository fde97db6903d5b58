import { describe, expect, it } from 'vitest';
import { isMenuCommand, MENU_COMMANDS, menuCommandMessageSchema } from './menuCommands.ts';
import { EMPTY_MENU_STATE, menuStateSchema } from './menuState.ts';

describe('menu command messages', () => {
  it('take every command of the closed list', () => {
    for (const command of MENU_COMMANDS) {
      const message =
        command === 'acceptChange' || command === 'rejectChange'
          ? { command, changeId: 'c-1' }
          : { command };
      expect(menuCommandMessageSchema.safeParse(message).success, command).toBe(true);
    }
  });

  it('refuse names outside the list, extra fields and a decision without its change', () => {
    for (const bad of [
      { command: 'quit' },
      { command: 'toString' },
      { command: 'save', changeId: 'c-1' },
      { command: 'save', extra: true },
      { command: 'acceptChange' },
      { command: 'rejectChange', changeId: '' },
      { command: 'acceptChange', changeId: 'x'.repeat(201) },
      'save',
      null,
    ]) {
      expect(menuCommandMessageSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('know their own names only', () => {
    expect(isMenuCommand('save')).toBe(true);
    expect(isMenuCommand('constructor')).toBe(false);
    expect(isMenuCommand(3)).toBe(false);
  });
});

describe('the menu state', () => {
  it('starts empty and valid', () => {
    expect(menuStateSchema.parse(EMPTY_MENU_STATE)).toEqual(EMPTY_MENU_STATE);
  });

  it('refuses what a page could send wrongly', () => {
    for (const change of [
      { hasDocument: 'ja' },
      { changeCount: 1.5 },
      { changeCount: -1 },
      { session: 'gast' },
      { path: '' },
      { path: 'x'.repeat(5000) },
      { changeAtCursor: '' },
      { onbekend: true },
      { amendments: { showAmendments: true } },
      { amendments: { ...EMPTY_MENU_STATE.amendments, createAmendment: 'ja' } },
      { amendments: { ...EMPTY_MENU_STATE.amendments, deleteAll: true } },
    ]) {
      expect(menuStateSchema.safeParse({ ...EMPTY_MENU_STATE, ...change }).success).toBe(false);
    }
    const { dirty: _dirty, ...missing } = EMPTY_MENU_STATE;
    expect(menuStateSchema.safeParse(missing).success).toBe(false);
  });
});
