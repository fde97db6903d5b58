import { describe, expect, it } from 'vitest';
import { getRecentDocumentPath, UNSAVED_CLOSE_PROMPT } from './documentEvents.ts';

describe('document events of the Electron shell', () => {
  it('adds opened and saved files to the system recent list, nothing else', () => {
    const ok = (value: unknown) => ({ ok: true as const, value });
    expect(getRecentDocumentPath('openDocument', ok({ path: '/d/a.resolutie' }))).toBe(
      '/d/a.resolutie',
    );
    expect(getRecentDocumentPath('saveDocument', ok({ path: '/d/b.resolutie' }))).toBe(
      '/d/b.resolutie',
    );
    expect(getRecentDocumentPath('listDocuments', ok({ path: '/d' }))).toBeNull();
    expect(
      getRecentDocumentPath('openDocument', {
        ok: false,
        error: { code: 'not_found', message: 'x' },
      }),
    ).toBeNull();
    expect(getRecentDocumentPath('openDocument', ok(null))).toBeNull();
  });

  it('asks in Dutch, with cancel as the safe default', () => {
    expect(UNSAVED_CLOSE_PROMPT.buttons[UNSAVED_CLOSE_PROMPT.defaultId]).toBe('Annuleren');
    expect(UNSAVED_CLOSE_PROMPT.cancelId).toBe(UNSAVED_CLOSE_PROMPT.defaultId);
    expect(UNSAVED_CLOSE_PROMPT.detail).toContain('herstelbestand');
  });
});
