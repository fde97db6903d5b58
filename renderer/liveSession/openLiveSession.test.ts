import { describe, expect, it } from 'vitest';
import { LIVE_SESSION_LOAD_FAILED, loadLiveSession } from './openLiveSession.ts';

describe('loading the live connection on demand', () => {
  it('gives the live connection class once its code has loaded', async () => {
    const { LiveSession } = await import('./liveSession.ts');
    expect(await loadLiveSession()).toBe(LiveSession);
  });

  it('says in Dutch when the code does not arrive, and tries afresh the next time', async () => {
    const offline = new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1/assets/liveSession.js',
    );
    const failed = loadLiveSession(() => Promise.reject(offline));
    await expect(failed).rejects.toThrow(LIVE_SESSION_LOAD_FAILED);
    await expect(failed).rejects.toMatchObject({ cause: offline });
    const { LiveSession } = await import('./liveSession.ts');
    expect(await loadLiveSession(() => Promise.resolve({ LiveSession }))).toBe(LiveSession);
  });
});
