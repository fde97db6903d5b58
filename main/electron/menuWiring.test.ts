import type { BaseWindow, KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommandMessage } from '../../shared/api/menuCommands.ts';
import type { MenuItemTemplate, ShellAction } from './menuItems.ts';
import { toElectronMenuTemplate } from './menuWiring.ts';

describe('toElectronMenuTemplate', () => {
  const template: MenuItemTemplate[] = [
    {
      id: 'menu-file',
      label: 'Bestand',
      submenu: [
        { id: 'save', label: 'Opslaan', accelerator: 'CmdOrCtrl+S', command: { command: 'save' } },
        { type: 'separator' },
        { id: 'newWindow', label: 'Nieuw venster', action: { kind: 'newWindow' } },
        { id: 'quit', role: 'quit', label: 'Afsluiten' },
        { id: 'off', label: 'Uit', enabled: false },
      ],
    },
  ];

  it('keeps the items’ own fields and wires commands and actions to clicks', () => {
    const commands: [MenuCommandMessage, number | undefined][] = [];
    const actions: [ShellAction, number | undefined][] = [];
    const electron = toElectronMenuTemplate(template, {
      command: (message, window) => commands.push([message, window?.id]),
      action: (action, window) => actions.push([action, window?.id]),
    });
    const items = electron[0]!.submenu as MenuItemConstructorOptions[];
    expect(electron[0]).toMatchObject({ id: 'menu-file', label: 'Bestand' });
    expect(items.map((item) => item.id ?? item.type)).toEqual([
      'save',
      'separator',
      'newWindow',
      'quit',
      'off',
    ]);
    expect(items[0]).toMatchObject({ label: 'Opslaan', accelerator: 'CmdOrCtrl+S' });
    expect(items[0]).not.toHaveProperty('command');
    expect(items[3]).toEqual({ id: 'quit', role: 'quit', label: 'Afsluiten' });
    expect(items[4]).toEqual({ id: 'off', label: 'Uit', enabled: false });

    const window = { id: 7 } as BaseWindow;
    const click = (index: number, target?: BaseWindow) =>
      items[index]!.click!({} as MenuItem, target, {} as KeyboardEvent);
    click(0, window);
    click(2);
    expect(commands).toEqual([[{ command: 'save' }, 7]]);
    expect(actions).toEqual([[{ kind: 'newWindow' }, undefined]]);
    // Roles are Electron's own, and inert items do nothing.
    expect(items[3]!.click).toBeUndefined();
    expect(items[4]!.click).toBeUndefined();
  });
});
