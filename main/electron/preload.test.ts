import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_METHODS, BRIDGE_GLOBAL_NAME } from '../../shared/api/contract.ts';
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
    expect(source.match(/ipcRenderer\.\w+/g)?.every((call) => call === 'ipcRenderer.invoke')).toBe(
      true,
    );
    expect(source.match(/ipcRenderer\.invoke\(/g)).toHaveLength(API_METHODS.length);
  });

  it('exposes the bridge under its global name and never ipcRenderer itself', () => {
    expect(source).toContain(`contextBridge.exposeInMainWorld('${BRIDGE_GLOBAL_NAME}', bridge)`);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('loads no module but electron', () => {
    const requires = [...source.matchAll(/require\('([^']+)'\)/g)].map((match) => match[1]);
    expect(requires).toEqual(['electron']);
    expect(source).not.toMatch(/^import (?!type )/m);
  });
});
