import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_METHODS, BRIDGE_GLOBAL_NAME } from '../../shared/api/contract.ts';
import { SHELL_BRIDGE_GLOBAL_NAME, SHELL_CHANNELS } from '../../shared/api/shellBridge.ts';
import { getIpcChannel } from '../../shared/api/transportNames.ts';

// The sandboxed preload may import nothing but 'electron', so it cannot take the method list
// from the contract; this test reads its source and holds the two together.
const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');

/** `name: (…) => ipcRenderer.invoke('channel'…` entries of the bridge object. */
function findBridgeEntries(text: string): { name: string; channel: string }[] {
  const pattern = /^\s*(\w+):\s*\([^)]*\)\s*=>\s*ipcRenderer\.invoke\('([^']+)'/gm;
  return [...text.matchAll(pattern)].map((match) => ({
    name: match[1] ?? '',
    channel: match[2] ?? '',
  }));
}

describe('the preload', () => {
  const entries = findBridgeEntries(source);

  it('exposes exactly the contract’s methods, in order', () => {
    expect(entries.map((entry) => entry.name)).toEqual(API_METHODS);
  });

  it('sends each method on its own channel', () => {
    for (const entry of entries) {
      expect(entry.channel).toBe(getIpcChannel(entry.name as (typeof API_METHODS)[number]));
    }
  });

  it('invokes nothing outside the bridge entries', () => {
    expect(source.match(/ipcRenderer\.invoke\(/g)).toHaveLength(API_METHODS.length);
  });

  it('uses IPC otherwise only on the shell bridge’s two channels', () => {
    const calls = [...source.matchAll(/ipcRenderer\.(\w+)\(([^,)]*)/g)]
      .filter((match) => match[1] !== 'invoke')
      .map((match) => `${match[1]} ${match[2]}`);
    expect(calls).toEqual([
      `send '${SHELL_CHANNELS.menuState}'`,
      `on '${SHELL_CHANNELS.menuCommand}'`,
      `removeListener '${SHELL_CHANNELS.menuCommand}'`,
    ]);
  });

  it('exposes the shell bridge with exactly its two functions', () => {
    expect(source).toContain(
      `contextBridge.exposeInMainWorld('${SHELL_BRIDGE_GLOBAL_NAME}', shell)`,
    );
    const shellObject = /const shell: ShellBridge = \{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
    const members = [...shellObject.matchAll(/^ {2}(\w+):/gm)].map((match) => match[1]);
    expect(members).toEqual(['setMenuState', 'onMenuCommand']);
  });

  it('hands the page the menu message, never the IPC event', () => {
    expect(source).toMatch(/\(_event: IpcRendererEvent, message: unknown\) => listener\(message\)/);
  });

  it('exposes the bridge under its global name and never ipcRenderer itself', () => {
    expect(source).toContain(`contextBridge.exposeInMainWorld('${BRIDGE_GLOBAL_NAME}', bridge)`);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(2);
  });

  it('loads no module but electron', () => {
    const requires = [...source.matchAll(/require\('([^']+)'\)/g)].map((match) => match[1]);
    expect(requires).toEqual(['electron']);
    expect(source).not.toMatch(/^import (?!type )/m);
  });
});
