import { describe, expect, it } from 'vitest';
import { EMPTY_MENU_STATE, type MenuState } from '../../shared/api/menuState.ts';
import { DocumentWindows } from './documentWindows.ts';

const showing = (path: string | null, change: Partial<MenuState> = {}): MenuState => ({
  ...EMPTY_MENU_STATE,
  hasDocument: true,
  editable: true,
  path,
  ...change,
});

describe('DocumentWindows', () => {
  it('keeps each window’s reported state, and the empty state for others', () => {
    const windows = new DocumentWindows('linux');
    windows.add(1);
    expect(windows.getState(1)).toEqual(EMPTY_MENU_STATE);
    expect(windows.report(1, showing('/docs/a.resolutie', { dirty: true }))).toBe('changed');
    expect(windows.getState(1).dirty).toBe(true);
    expect(windows.getState(2)).toEqual(EMPTY_MENU_STATE);
    expect(windows.getState(null)).toEqual(EMPTY_MENU_STATE);
  });

  it('says when a report changes nothing, so the menu is not rebuilt', () => {
    const windows = new DocumentWindows('linux');
    windows.add(1);
    expect(windows.report(1, showing(null))).toBe('changed');
    expect(windows.report(1, showing(null))).toBe('unchanged');
    expect(windows.report(1, showing(null, { canUndo: true }))).toBe('changed');
  });

  it('ignores reports that break the schema, or come from windows it does not know', () => {
    const windows = new DocumentWindows('linux');
    windows.add(1);
    windows.report(1, showing('/docs/a.resolutie'));
    for (const bad of [
      null,
      'x',
      { ...showing(null), extra: 1 },
      { ...showing(null), changeCount: -1 },
      { ...showing(null), session: 'iets' },
      { ...showing(null), path: '' },
    ]) {
      expect(windows.report(1, bad)).toBe('invalid');
    }
    expect(windows.getState(1).path).toBe('/docs/a.resolutie');
    expect(windows.report(9, showing(null))).toBe('invalid');
  });

  it('finds the window that shows a file, or is opening it', () => {
    const windows = new DocumentWindows('linux');
    windows.add(1);
    windows.add(2, '/docs/b.resolutie');
    windows.report(1, showing('/docs/a.resolutie'));
    expect(windows.findByPath('/docs/a.resolutie')).toBe(1);
    // Window 2 has not reported yet: it is still opening b.
    expect(windows.findByPath('/docs/b.resolutie')).toBe(2);
    expect(windows.findByPath('/docs/c.resolutie')).toBeNull();
    // Once its page shows a document, that is what counts (here: the open failed, a new one).
    windows.report(2, showing(null));
    expect(windows.findByPath('/docs/b.resolutie')).toBeNull();
    // Before it shows a document, the page's reports do not end the opening.
    windows.add(3, '/docs/c.resolutie');
    windows.report(3, EMPTY_MENU_STATE);
    expect(windows.findByPath('/docs/c.resolutie')).toBe(3);
  });

  it('compares paths as the platform does', () => {
    const windows = new DocumentWindows('win32');
    windows.add(1, 'C:\\Docs\\Motie.resolutie');
    expect(windows.findByPath('c:\\docs\\motie.resolutie')).toBe(1);
    const linux = new DocumentWindows('linux');
    linux.add(1, '/docs/Motie.resolutie');
    expect(linux.findByPath('/docs/motie.resolutie')).toBeNull();
    expect(linux.findByPath('/docs/../docs/Motie.resolutie')).toBe(1);
  });

  it('forgets closed windows', () => {
    const windows = new DocumentWindows('linux');
    windows.add(1, '/docs/a.resolutie');
    windows.add(2);
    expect(windows.ids()).toEqual([1, 2]);
    windows.remove(1);
    expect(windows.has(1)).toBe(false);
    expect(windows.ids()).toEqual([2]);
    expect(windows.findByPath('/docs/a.resolutie')).toBeNull();
  });
});
