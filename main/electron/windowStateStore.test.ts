import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getWindowStateFile,
  parseWindowState,
  serializeWindowState,
  WindowStateStore,
} from './windowStateStore.ts';

const state = { bounds: { x: 120, y: 80, width: 1200, height: 800 }, maximized: false };

let dir: string;
let reported: string[];
let store: WindowStateStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'window-state-'));
  reported = [];
  store = new WindowStateStore(getWindowStateFile(path.join(dir, 'profiel')), {
    reportError: (message) => reported.push(message),
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('WindowStateStore', () => {
  it('has nothing stored on a first start, and says nothing about it', async () => {
    expect(await store.read()).toBeNull();
    expect(reported).toEqual([]);
  });

  it('writes the state and reads it back, creating the profile folder', async () => {
    await store.write(state);
    expect(await store.read()).toEqual(state);
    await store.write({ ...state, maximized: true });
    expect(await store.read()).toEqual({ ...state, maximized: true });
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(path.dirname(store.filePath))).toEqual(['window-state.json']);
  });

  it('rounds to whole pixels', async () => {
    await store.write({
      bounds: { x: 10.4, y: 20.6, width: 800.5, height: 600.2 },
      maximized: false,
    });
    expect((await store.read())?.bounds).toEqual({ x: 10, y: 21, width: 801, height: 600 });
  });

  it('reads a damaged file as nothing stored, and reports it', async () => {
    mkdirSync(path.dirname(store.filePath), { recursive: true });
    for (const damaged of ['', '{', '{"format":"resolutie-window-state"}', 'null']) {
      writeFileSync(store.filePath, damaged);
      expect(await store.read(), damaged).toBeNull();
    }
    expect(reported).toHaveLength(4);
    // The next close replaces it with a good one.
    await store.write(state);
    expect(await store.read()).toEqual(state);
  });

  it('reports a folder where the file should be', async () => {
    mkdirSync(store.filePath, { recursive: true });
    expect(await store.read()).toBeNull();
    expect(reported).toHaveLength(1);
  });
});

describe('parseWindowState', () => {
  const good = JSON.parse(serializeWindowState(state)) as Record<string, unknown>;
  const variant = (change: Record<string, unknown>) => JSON.stringify({ ...good, ...change });

  it('takes what serializeWindowState wrote', () => {
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it('refuses hand edits it cannot trust', () => {
    for (const bad of [
      variant({ version: 2 }),
      variant({ format: 'iets-anders' }),
      variant({ maximized: 'ja' }),
      variant({ bounds: { x: 0, y: 0, width: 0, height: 600 } }),
      variant({ bounds: { x: 0, y: 0, width: -5, height: 600 } }),
      variant({ bounds: { x: 1.5, y: 0, width: 800, height: 600 } }),
      variant({ bounds: { x: 1e9, y: 0, width: 800, height: 600 } }),
      variant({ bounds: { x: 0, y: 0, width: 800 } }),
      variant({ extra: true }),
      'niet eens json',
    ]) {
      expect(parseWindowState(bad), bad).toBeNull();
    }
  });
});
