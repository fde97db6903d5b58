/**
 * Hostile presence against colleagues' editors in Chromium. A participant that is not our app
 * (raw frames from Node) sends presence states no honest client would: malformed cursors (one
 * that makes Yjs throw inside y-prosemirror's cursor plugin, one that names a root the
 * document does not have), a colour that is CSS, a state under a colleague's client id.
 *
 * 1. Through the app's own session server: it drops all of that; both users keep typing,
 *    see each other's cursor and name, and nobody sees the forgery.
 * 2. Through a plain Hocuspocus that checks nothing (an older or a foreign server): the
 *    user's own view drops it (renderer/liveSession/awarenessSlot.ts); the editor keeps working,
 *    shows the honest colleague's cursor and receives the colleague's typing.
 *
 * Fault guarded (issue 14): "A malformed `cursor` in awareness is passed to every client's
 * cursor plugin unchecked", and a reader's state "under an editor's client id".
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { formatInvitation, parseInvitation } from '../../shared/session/invitation.ts';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { sendAwarenessEntries } from '../../main/syncServer/testing/presenceFrames.ts';
import { RawClient } from '../../main/syncServer/testing/rawClient.ts';
import { SessionRelay, startLoopbackRelay } from '../../main/syncServer/sessionRelay.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { openEditor, readRecitals, screenshot, settle } from './editorPage.ts';
import { join, setName, startSession } from './support/session.ts';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 800 } });

/** Presence states our app never sends; each must leave the receiving editor as it was. */
function hostileStates(cursor: { anchor: unknown; head: unknown }): unknown[] {
  const user = { name: 'Kwaad', color: '#000000' };
  const position = cursor.anchor as Record<string, unknown>;
  return [
    // Neither a parent nor a root name: Yjs throws while resolving it.
    { user, cursor: { anchor: {}, head: {} } },
    // A root the document does not have: resolving it adds one to the receiver's Y.Doc.
    { user, cursor: { anchor: { tname: 'indringer' }, head: { tname: 'indringer' } } },
    { user, cursor: { anchor: { ...position, item: { client: 'x', clock: -1 } }, head: 7 } },
    { user: { name: 'Kwaad', color: 'red; background: url(https://elders.example/)' }, cursor },
  ];
}

/** A real cursor in `doc`, as y-prosemirror shares it: in the first recital's text. */
function cursorIn(doc: Y.Doc): { anchor: unknown; head: unknown } {
  let text: Y.XmlText | null = null;
  for (const node of getDocumentFragment(doc).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText && node.toString().startsWith('Eerste')) text = node;
  }
  const position = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text!, 3)));
  return { anchor: position, head: position };
}

/** Sends each hostile state in turn, waiting until `witness` (a client of the same server) got it. */
async function sendHostile(
  hostile: RawClient,
  states: unknown[],
  received: (clientId: number, state: unknown) => Promise<void>,
) {
  const clientId = hostile.awareness.clientID;
  for (const [i, state] of states.entries()) {
    sendAwarenessEntries(hostile, [{ clientId, clock: i + 1, state }]);
    await received(clientId, state);
  }
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function typeAtEndOfFirstItem(page: Page, text: string): Promise<void> {
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

test('the session server drops hostile presence; both users keep typing and see each other', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await openEditor(page);
  await setName(page, 'Auteur van Wijchen');
  await page.locator('li.item').first().click();
  await settle(page);
  await page.keyboard.type('Eerste overweging;');
  const invitation = parseInvitation(await startSession(page, 'Redacteur'));
  const bewerker = await join(browser, formatInvitation(invitation), 'Bewerker Joure');
  const bramErrors = collectErrors(bewerker);
  await expect.poll(() => readRecitals(bewerker)).toEqual(['Eerste overweging;']);

  // Not our app, with the same invitation as theirs; over TLS through a relay of the test's own,
  // which passes its frames as they are.
  const relay = await startLoopbackRelay(new SessionRelay());
  const hostile = new RawClient(
    formatRelayAddress(relay.url, invitation),
    invitation.documentName,
    invitation.token,
  );
  try {
    await expect.poll(() => hostile.synced).toBe(true);
    await typeAtEndOfFirstItem(bewerker, ' zeer');
    await expect(page.locator('.ProseMirror-yjs-cursor')).toContainText('Bewerker Joure');
    const annekeId = [...hostile.awareness.getStates()].find(
      ([, state]) => (state as { user?: { name?: string } }).user?.name === 'Auteur van Wijchen',
    )?.[0];
    expect(annekeId).toBeDefined();
    const cursor = cursorIn(hostile.doc);
    sendAwarenessEntries(hostile, [
      { clientId: annekeId!, clock: 1_000, state: { user: { name: 'Vals', color: '#000000' } } },
    ]);
    await sendHostile(hostile, hostileStates(cursor), async () => {
      // The server drops them: give it the time it takes to relay one.
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    // Its own, valid presence does arrive: everything before it was handled.
    hostile.awareness.setLocalState({ user: { name: 'Buitenstaander', color: '#4a5b00' } });
    for (const window of [page, bewerker]) {
      const presence = window.getByRole('region', { name: 'Aanwezig in het document' });
      await expect(presence).toContainText('Buitenstaander');
      await expect(presence).toContainText('Auteur van Wijchen');
      await expect(presence).toContainText('Bewerker Joure');
      await expect(presence).not.toContainText('Vals');
      await expect(presence).not.toContainText('Kwaad');
    }

    await typeAtEndOfFirstItem(page, ' en stijgen');
    await expect.poll(() => readRecitals(bewerker)).toEqual(['Eerste overweging; zeer en stijgen']);
    await expect(bewerker.locator('.ProseMirror-yjs-cursor')).toContainText('Auteur van Wijchen');
    await settle(bewerker);
    await screenshot(bewerker, 'presence-session-bewerker');
    expect(errors).toEqual([]);
    expect(bramErrors).toEqual([]);
  } finally {
    hostile.close();
    await relay.close();
    await bewerker.context().close();
  }
});

test('a server that checks nothing: the editor drops hostile presence and keeps working', async ({
  browser,
}) => {
  const seed = createYDoc(
    buildDoc({ title: 'Ongecontroleerd', recitals: [['Eerste overweging;']] }),
  );
  const server = new Server({
    address: '127.0.0.1',
    port: 0,
    quiet: true,
    stopOnSignals: false,
    extensions: [
      {
        async onLoadDocument({ document }) {
          Y.applyUpdate(document, Y.encodeStateAsUpdate(seed));
        },
      },
    ],
  });
  await server.listen();
  const serverUrl = `ws://127.0.0.1:${server.address.port}`;
  const token = 'sleutel-van-een-andere-server';
  const invitation = formatInvitation({
    serverUrl,
    documentName: 'motie',
    token,
    role: 'editor',
    name: null,
    mayComment: true,
    title: 'Ongecontroleerd',
  });
  const bramDoc = new Y.Doc();
  const bewerker = new HocuspocusProvider({
    url: serverUrl,
    name: 'motie',
    token,
    document: bramDoc,
  });
  const hostile = new RawClient(serverUrl, 'motie', token);
  let collega: Page | null = null;
  try {
    await expect.poll(() => bewerker.isSynced && hostile.synced).toBe(true);
    collega = await join(browser, invitation, 'Collega Sneek');
    const errors = collectErrors(collega);
    await expect.poll(() => readRecitals(collega!)).toEqual(['Eerste overweging;']);
    bewerker.awareness!.setLocalState({
      user: { name: 'Bewerker Joure', color: '#7a3e9d' },
      cursor: cursorIn(bramDoc),
    });
    await expect(collega.locator('.ProseMirror-yjs-cursor')).toContainText('Bewerker Joure');

    // The server relays every hostile state; Bewerker's provider (Node) shows when each arrived.
    await sendHostile(hostile, hostileStates(cursorIn(bramDoc)), async (clientId, state) => {
      await expect
        .poll(() => JSON.stringify(bewerker.awareness!.getStates().get(clientId)))
        .toBe(JSON.stringify(state));
      await settle(collega!);
    });
    expect(errors).toEqual([]);
    expect(
      await collega.evaluate(() => document.querySelectorAll('.ProseMirror-yjs-cursor').length),
    ).toBe(1);

    // Collega's editor still takes typing, sends it, and receives Bewerker's.
    await typeAtEndOfFirstItem(collega, ' door Collega');
    await expect.poll(() => getDocumentFragment(bramDoc).toString()).toContain('door Collega');
    const first = getDocumentFragment(bramDoc).toString();
    expect(first).toContain('Eerste overweging; door Collega');
    let text: Y.XmlText | null = null;
    for (const node of getDocumentFragment(bramDoc).createTreeWalker(() => true)) {
      if (node instanceof Y.XmlText && node.toString().startsWith('Eerste')) text = node;
    }
    text!.insert(0, 'Bewerker: ');
    await expect
      .poll(() => readRecitals(collega!))
      .toEqual(['Bewerker: Eerste overweging; door Collega']);
    await expect(collega.locator('.ProseMirror-yjs-cursor')).toHaveCount(1);
    await expect(collega.locator('.ProseMirror-yjs-cursor')).toContainText('Bewerker Joure');
    await expect(
      collega.getByRole('region', { name: 'Aanwezig in het document' }),
    ).not.toContainText('Kwaad');
    await settle(collega);
    await screenshot(collega, 'presence-unchecked-server');
    expect(errors).toEqual([]);
  } finally {
    hostile.close();
    bewerker.destroy();
    await collega?.context().close();
    await server.destroy();
  }
});
