import { describe, expect, it } from 'vitest';
import { createWindowOptions, WINDOW_TITLE } from './windowOptions.ts';

describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/build/node/main/electron/preload.cjs');

  it('isolates and sandboxes the renderer without Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/build/node/main/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('checks spelling in the page', () => {
    expect(options.webPreferences?.spellcheck).toBe(true);
  });

  it('opens at the default size and never smaller than the layout needs', () => {
    expect(options).toMatchObject({ width: 1280, height: 860, minWidth: 720, minHeight: 480 });
  });

  it('titles the window and shows it only when ready', () => {
    expect(options.title).toBe('Resolutie-editor');
    expect(WINDOW_TITLE).toBe('Resolutie-editor');
    expect(options.show).toBe(false);
  });
});
