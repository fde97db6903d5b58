import { readdir } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract.ts';
import { createTestContext } from '../api/testing/testContext.ts';
import { APP_ENTRY_URL } from './appProtocol.ts';
import { createIpcApiRoutes } from './ipcRouter.ts';

const test = createTestContext({ mode: 'electron' });
const routes = createIpcApiRoutes(test.context);

afterAll(async () => {
  await test.remove();
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
        expect(await route.handle(sender, { name: 'x', state: 'AAA=' })).toEqual({
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

describe('refused senders', () => {
  it('reach no handler: nothing is written', async () => {
    const route = routes.find((candidate) => candidate.method === 'journalReset')!;
    await route.handle({ url: 'https://example.org/', isTopFrame: true }, {});
    expect(await readdir(test.dir)).toEqual([]);
  });
});
