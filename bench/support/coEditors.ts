/**
 * Colleagues in a co-editing session, played by Node: the app's own client
 * (`@hocuspocus/provider`, as `renderer/liveSession/liveSession.ts` uses it) with a name, a colour
 * and a cursor in an item of their own, as a colleague who reads along shows in the editor; a
 * redacteur among them may type there too, a character at a time, its cursor moving along.
 * Their invitations are made as the host makes them, in the session's invitation dialog.
 */
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { connectProvider, whenSynced } from '../../main/syncServer/testing/collabTesting.ts';
import { SessionRelay, startLoopbackRelay } from '../../main/syncServer/sessionRelay.ts';
import type { LoopbackRelay } from '../../main/syncServer/sessionRelay.ts';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { formatRelayAddress } from '../../shared/session/relayAddress.ts';
import { findItemText } from './yItems.ts';

/** A connected colleague. */
export interface CoEditor {
  name: string;
  provider: HocuspocusProvider;
  /** Its app's relay, through which it reaches the host over TLS, as a colleague's app does. */
  relay: LoopbackRelay;
  /** Stops its typing, if it types. */
  stop?: () => void;
}

/** The host user's name, when the app asks for it. */
export const HOST_NAME = 'Auteur';

/** Whom the host invites: a role as the dialog names it, and the name the invitation carries. */
export interface Invitee {
  role: 'Redacteur' | 'Voorsteller';
  name: string;
}

/**
 * Starts a session in the app in `page` (the host user's "Sessie starten") and makes a named
 * invitation for each of `invitees` in the dialog that opens; returns them in that order.
 */
export async function startSessionWithInvitations(
  page: Page,
  invitees: readonly Invitee[],
): Promise<string[]> {
  await page
    .getByRole('navigation', { name: 'Samenwerken' })
    .getByRole('button', { name: 'Sessie starten' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Uitnodigen voor de sessie' });
  // A profile without a name is asked for one first: the host's name for colleagues.
  const naming = page.getByRole('dialog', { name: 'Uw naam' });
  await dialog.or(naming).waitFor();
  if (await naming.isVisible()) {
    await naming.getByLabel('Uw naam').fill(HOST_NAME);
    await naming.getByRole('button', { name: 'Sessie starten' }).click();
  }
  await dialog.waitFor();
  const invitations: string[] = [];
  for (const invitee of invitees) {
    await dialog.getByRole('radio', { name: new RegExp(invitee.role) }).check();
    await dialog.getByLabel(/^Naam/).fill(invitee.name);
    await dialog.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const field = dialog.locator('#invitation-text');
    await field.waitFor();
    invitations.push(await field.inputValue());
  }
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  return invitations;
}

/** Puts the colleague's cursor at `index` of `text`. */
function placeCursor(provider: HocuspocusProvider, text: Y.XmlText, index: number): void {
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
  provider.awareness?.setLocalStateField('cursor', { anchor: at, head: at });
}

/** Joins the session of `invitation` as `name`, with the cursor at the start of item `item`. */
export async function joinAsCoEditor(
  invitation: string,
  name: string,
  color: string,
  item: number,
): Promise<CoEditor> {
  const parsed = parseInvitation(invitation);
  const relay = await startLoopbackRelay(new SessionRelay());
  const provider = connectProvider(
    formatRelayAddress(relay.url, parsed),
    parsed.documentName,
    parsed.token,
  );
  await whenSynced(provider);
  const text = findItemText(provider.document, item);
  provider.awareness?.setLocalStateField('user', { name, color });
  if (text) placeCursor(provider, text, 0);
  return { name, provider, relay };
}

/**
 * Lets a redacteur type `words` into the start of item `item`, a character every `everyMs`,
 * as plain text (a redacteur who edits directly), its cursor after the last one; round and
 * round, so the item grows by at most the length of `words` before it starts over.
 */
export function typeAlong(coEditor: CoEditor, item: number, words: string, everyMs: number): void {
  const text = findItemText(coEditor.provider.document, item);
  if (!text) throw new Error(`item ${item} has no text to type in`);
  let typed = 0;
  const timer = setInterval(() => {
    if (typed === words.length) {
      // Take the words back out, as a colleague who rewrites a sentence.
      text.delete(0, typed);
      typed = 0;
    } else {
      // No attributes of the text it lands beside: typed plain, not into a colleague's proposal.
      text.insert(typed, words[typed]!, {});
      typed += 1;
    }
    placeCursor(coEditor.provider, text, typed);
  }, everyMs);
  coEditor.stop = () => clearInterval(timer);
}

/** Leaves the session. */
export function leave(coEditor: CoEditor): void {
  coEditor.stop?.();
  coEditor.provider.destroy();
  void coEditor.relay.close();
}
