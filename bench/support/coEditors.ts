/**
 * Colleagues in a co-editing session, played by Node: the app's own client
 * (`@hocuspocus/provider`, as `renderer/liveSession/liveSession.ts` uses it) with a name, a colour
 * and a cursor in an item of their own, as a colleague who reads along shows in the editor.
 */
import * as Y from 'yjs';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { connectProvider, whenSynced } from '../../main/syncServer/testing/collabTesting.ts';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { findItemText } from './yItems.ts';

/** A connected colleague. */
export interface CoEditor {
  name: string;
  provider: HocuspocusProvider;
}

/** Joins the session of `invitation` as `name`, with the cursor at the start of item `item`. */
export async function joinAsCoEditor(
  invitation: string,
  name: string,
  color: string,
  item: number,
): Promise<CoEditor> {
  const { serverUrl, documentName, token } = parseInvitation(invitation);
  const provider = connectProvider(serverUrl, documentName, token);
  await whenSynced(provider);
  const text = findItemText(provider.document, item);
  provider.awareness?.setLocalStateField('user', { name, color });
  if (text) {
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 0));
    provider.awareness?.setLocalStateField('cursor', { anchor: at, head: at });
  }
  return { name, provider };
}

/** Leaves the session. */
export function leave(coEditor: CoEditor): void {
  coEditor.provider.destroy();
}
