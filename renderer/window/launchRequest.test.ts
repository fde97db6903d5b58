import { describe, expect, it, vi } from 'vitest';
import type { ResolutieApi } from '../api/client.ts';
import { requestLaunchDocument } from './launchRequest.ts';

const opened = { path: '/docs/motie.resolutie', name: 'motie', state: '', savedAt: '' };

describe('requestLaunchDocument', () => {
  it('asks the host once for the document the address names', async () => {
    const openDocument = vi.fn<ResolutieApi['openDocument']>(async () => opened);
    const request = requestLaunchDocument(
      `?document=${encodeURIComponent('/docs/motie.resolutie')}`,
      openDocument,
    );
    expect(request?.path).toBe('/docs/motie.resolutie');
    expect(openDocument).toHaveBeenCalledTimes(1);
    expect(openDocument).toHaveBeenCalledWith({ path: '/docs/motie.resolutie' });
    await expect(request?.file).resolves.toBe(opened);
  });

  it('asks nothing when the address names no document, or no valid path', () => {
    const openDocument = vi.fn<ResolutieApi['openDocument']>(async () => opened);
    expect(requestLaunchDocument('', openDocument)).toBeNull();
    expect(requestLaunchDocument('?document=', openDocument)).toBeNull();
    expect(openDocument).not.toHaveBeenCalled();
  });

  it('keeps a failure for whoever takes the answer, without an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const request = requestLaunchDocument('?document=%2Fdocs%2Fweg.resolutie', async () => {
        throw new Error('Het bestand bestaat niet meer.');
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(request?.file).rejects.toThrow('Het bestand bestaat niet meer.');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
