import { describe, expect, it } from 'vitest';
import { buildKeymap } from '../../shared/editor/keymap.ts';
import { EDITOR_SHORTCUTS } from './helpShortcuts.ts';

describe('the shortcuts on the help page', () => {
  it('list only keys the editor’s keymap has', () => {
    const keymap = buildKeymap({ undo: () => false, redo: () => false });
    const listed = EDITOR_SHORTCUTS.flatMap((group) => group.shortcuts.flatMap((s) => s.keys));
    expect(listed.length).toBeGreaterThan(8);
    for (const keys of listed) expect(Object.keys(keymap), keys).toContain(keys);
  });
});
