import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import { findAppRoot } from '../services/appRoot.ts';
import { APP_ENTRY_URL } from './appProtocol.ts';
import { createIpcApiRoutes } from './ipcRouter.ts';

const routes = createIpcApiRoutes({
  mode: 'electron',
  appRoot: findAppRoot(import.meta.dirname),
  reportError: () => {},
});
const appSender = { url: APP_ENTRY_URL, isTopFrame: true };

function routeFor(method: string) {
  const route = routes.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`no route for ${method}`);
  return route;
}

describe('createIpcApiRoutes', () => {
  it('makes one api: channel per contract method', () => {
    expect(routes.map((route) => route.method)).toEqual(API_METHODS);
    expect(routes.map((route) => route.channel)).toEqual(
      API_METHODS.map((method) => `api:${method}`),
    );
  });

  it('answers the app page through the shared handlers', async () => {
    const result = await routeFor('getAppInfo').handle(appSender, undefined);
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Resolutie-editor', mode: 'electron' },
    });
    const invalid = await routeFor('parseText').handle(appSender, { text: 3 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses foreign pages, sub-frames and vanished frames', async () => {
    const senders = [
      { url: 'https://example.org/', isTopFrame: true },
      { url: 'file:///tmp/page.html', isTopFrame: true },
      { url: APP_ENTRY_URL, isTopFrame: false },
      null,
    ];
    for (const sender of senders) {
      for (const route of routes) {
        expect(await route.handle(sender, undefined)).toEqual({
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Verzoek geweigerd: het komt niet van de editor zelf.',
          },
        });
      }
    }
  });
});
