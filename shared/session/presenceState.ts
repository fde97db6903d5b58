/**
 * One participant's presence, as it travels in y-protocols' awareness: exactly what our client
 * sets, and nothing else.
 *
 * - `user`: `{ name, color }` from the user's preferences (renderer/liveSession/liveSession.ts):
 *   a name of 1 to 60 characters without control or bidirectional-override characters (which
 *   could make one name look like another), a colour `#rrggbb` in lower case;
 * - `cursor`: y-prosemirror's cursor plugin's `{ anchor, head }`, each a Yjs relative position
 *   as JSON (`{ type, tname, item, assoc }`): `type` and `item` are Yjs ids (a client id of 32
 *   bits and a clock, both non-negative integers), `tname` names the document's fragment, and
 *   exactly one of `type` and `tname` is given, as Yjs itself makes them; or `null` when the
 *   editor has no focus.
 *
 * Both are optional: a provider's first state is `{}`. A state whose known fields are wrong is
 * refused whole (a malformed cursor would throw inside every colleague's cursor plugin). Fields
 * we do not know are dropped, not refused: nothing unknown reaches a colleague, and a client
 * that adds a field of its own still shows its name and cursor. A state is at most
 * {@link MAX_PRESENCE_STATE_BYTES} as sent; the server closes a connection that sends more.
 *
 * The server (main/syncServer/presenceGuard.ts) and every participant's view
 * (renderer/liveSession/awarenessSlot.ts, liveSession.ts) read states through this one gate.
 */
import { MAX_USER_NAME_LENGTH, isUserName } from '../model/userNames.ts';
import { USER_COLOUR_PATTERN } from '../model/userColours.ts';
import { DOCUMENT_FRAGMENT } from '../ydoc/yDocument.ts';

/**
 * The largest state, in bytes of its JSON text. Ours is at most some 600 (a name of 60
 * characters of 4 bytes, two relative positions with the largest numbers).
 */
export const MAX_PRESENCE_STATE_BYTES = 1024;

/**
 * The largest awareness message, in bytes of its update. A client sends its own state, and
 * relays the states it knows when asked (a query): 64 participants with a cursor each fit.
 */
export const MAX_PRESENCE_MESSAGE_BYTES = 64 * 1024;

/** The longest name in a presence: the longest the preferences allow. */
export const MAX_PRESENCE_NAME_LENGTH = MAX_USER_NAME_LENGTH;

/** A Yjs id: the client that made an item and the item's clock. */
export interface PresenceId {
  client: number;
  clock: number;
}

/** A Yjs relative position as JSON, as y-prosemirror's cursor plugin shares it. */
export interface PresencePosition {
  type: PresenceId | null;
  tname: string | null;
  item: PresenceId | null;
  assoc: number;
}

/** The name and colour colleagues see. */
export interface PresenceUser {
  name: string;
  color: string;
}

/** A valid presence state, with only the fields we know. */
export interface PresenceState {
  user?: PresenceUser;
  cursor?: { anchor: PresencePosition; head: PresencePosition } | null;
}

// Yjs makes client ids of 32 bits (awareness client ids are the same numbers).
const MAX_CLIENT_ID = 0xffff_ffff;

/**
 * The valid part of `value` (an awareness state as parsed from JSON): a fresh object with only
 * the known fields, or null when a known field is malformed or `value` is no object.
 */
export function readPresenceState(value: unknown): PresenceState | null {
  if (!isRecord(value)) return null;
  const state: PresenceState = {};
  if (has(value, 'user')) {
    const user = readUser(value['user']);
    if (!user) return null;
    state.user = user;
  }
  if (has(value, 'cursor')) {
    const cursor = value['cursor'];
    if (cursor === null) {
      state.cursor = null;
    } else {
      if (!isRecord(cursor) || !has(cursor, 'anchor') || !has(cursor, 'head')) return null;
      const anchor = readPosition(cursor['anchor']);
      const head = readPosition(cursor['head']);
      if (!anchor || !head) return null;
      state.cursor = { anchor, head };
    }
  }
  return state;
}

/** The size of `json` (a state's JSON text) in UTF-8 bytes. */
export function getPresenceStateBytes(json: string): number {
  return new TextEncoder().encode(json).length;
}

function readUser(value: unknown): PresenceUser | null {
  if (!isRecord(value)) return null;
  const { name, color } = value;
  if (typeof name !== 'string' || typeof color !== 'string') return null;
  if (!isUserName(name) || !USER_COLOUR_PATTERN.test(color)) return null;
  return { name, color };
}

function readPosition(value: unknown): PresencePosition | null {
  if (!isRecord(value)) return null;
  const type = readOptional(value, 'type', readId);
  const item = readOptional(value, 'item', readId);
  const tname = readOptional(value, 'tname', (t) =>
    t === DOCUMENT_FRAGMENT ? DOCUMENT_FRAGMENT : undefined,
  );
  const assoc = readOptional(value, 'assoc', (a) =>
    Number.isSafeInteger(a) ? (a as number) : undefined,
  );
  if (type === undefined || item === undefined || tname === undefined || assoc === undefined) {
    return null;
  }
  // Yjs gives either the parent's id or, for the document's root, the root's name.
  if ((type === null) === (tname === null)) return null;
  return { type, tname, item, assoc: assoc ?? 0 };
}

function readId(value: unknown): PresenceId | undefined {
  if (!isRecord(value)) return undefined;
  const { client, clock } = value;
  if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return undefined;
  const id = { client: client as number, clock: clock as number };
  return id.client >= 0 && id.client <= MAX_CLIENT_ID && id.clock >= 0 ? id : undefined;
}

/**
 * A field that may be missing or null (both read as null); undefined when it is there but
 * `read` refuses it.
 */
function readOptional<T>(
  record: Record<string, unknown>,
  key: string,
  read: (value: unknown) => T | undefined,
): T | null | undefined {
  const value = has(record, key) ? record[key] : null;
  return value === null ? null : read(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key);
}
