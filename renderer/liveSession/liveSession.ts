/**
 * A document's live connection to a co-editing session: a Hocuspocus provider that keeps the
 * session's Y.Doc in sync with the server, shares the user's name and colour (awareness, which
 * also carries the cursor), and says in one snapshot how the connection is: connecting, live,
 * offline (edits are kept and merged on return), refused, or ended.
 *
 * Offline needs nothing special: the Y.Doc keeps every edit (and the document's journal writes
 * them to disk), the provider reconnects by itself, and Yjs merges both sides on its return.
 * It tries again with a growing pause ({@link RECONNECT}: 1, 2, 4 … seconds, at most a minute
 * apart) and stops after about four minutes, so a host that is gone does not fill the console
 * with failed connections; the network coming back ('online') or the user ("Opnieuw verbinden")
 * starts it again.
 *
 * When the host ends the session, its server says so before it closes
 * (shared/session/endNotice.ts): the status becomes 'ended', nothing reconnects, and the
 * document stays in the window as the participant's own copy.
 *
 * The role is the invitation's (redacteur, voorsteller, lezer), which the server holds the
 * connection to; a server that makes the connection read-only makes it a lezer's whatever the
 * invitation says. An invitation that names the participant (the host gave the name) is the
 * name they take part under: colleagues see it, and their proposals and comments carry it, not
 * the name in their preferences (the server would refuse those under another name).
 *
 * Presence is what the others claim: the participants list shows only states that
 * shared/session/presenceState.ts accepts, and a state someone else sent under this user's own
 * client id (which a server that does not bind presence to connections would relay, and which
 * y-protocols would take as this user's own) is replaced by the user's own at once.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import type { Invitation, SessionRole } from '../../shared/session/invitation.ts';
import { readPresenceState } from '../../shared/session/presenceState.ts';
import { decodeStoreNotice } from '../../shared/session/storeNotice.ts';
import { isEndNotice } from '../../shared/session/endNotice.ts';
import { WRONG_HOST_CLOSE_CODE, WRONG_HOST_MESSAGE } from '../../shared/session/relayAddress.ts';

/** How the connection is. */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'refused' | 'ended';

/** Someone in the document, as the presence list shows them. */
export interface Participant {
  /** The Yjs client id of their connection. */
  clientId: number;
  name: string;
  colour: string;
  /** True for this window's own user. */
  self: boolean;
}

/** What the UI shows of the connection; a new object on every change. */
export interface LiveSnapshot {
  status: LiveStatus;
  /** Why it was refused, or what happened, in Dutch; null when all is well. */
  message: string | null;
  /** What this user may do, as the server granted it (the invitation's role until then). */
  role: SessionRole;
  /** Whether this user may comment: a redacteur and a voorsteller always, a lezer if invited to. */
  mayComment: boolean;
  /** The name the invitation gives this user (null: their own name from the preferences). */
  invitedName: string | null;
  participants: Participant[];
  /** The document's title in the invitation, for the header. */
  title: string | null;
  /** True while the server says it cannot store the document (its disk, not this window). */
  serverUnsaved: boolean;
  /** Set while offline after the app stopped trying: tries to connect again. */
  retry: (() => void) | null;
}

/** How reconnecting goes: the pauses (ms) and how many attempts in a row. */
export interface ReconnectPolicy {
  delay: number;
  minDelay: number;
  factor: number;
  maxDelay: number;
  maxAttempts: number;
  jitter: boolean;
}

/**
 * How the connection is tried again after it dropped: a pause that doubles from a second up to
 * a minute, at most ten attempts in a row (about four minutes), without random spread: a
 * session has a handful of participants, not a crowd that would all come back at once.
 */
export const RECONNECT: ReconnectPolicy = {
  delay: 1_000,
  minDelay: 1_000,
  factor: 2,
  maxDelay: 60_000,
  maxAttempts: 10,
  jitter: false,
};

/** The user as colleagues see them. */
export interface LiveUser {
  name: string;
  colour: string;
}

/** The message when the server refuses without saying why in Dutch. */
export const REFUSED_MESSAGE =
  'De uitnodiging is niet (meer) geldig. Vraag de uitnodiger om een nieuwe uitnodiging.';

/**
 * Close codes of our server (shared/session/refusals.ts): a refused update, a malformed message,
 * a change that would make the stuk too large.
 */
const CLOSE_REFUSED_UPDATE = 4422;
const CLOSE_MALFORMED = 4400;
const CLOSE_TOO_LARGE = 4413;
/** WebSocket's "going away": the server stopped. */
const CLOSE_GOING_AWAY = 1001;

/** What a participant reads once the host ended the session. */
export const HOST_ENDED_MESSAGE =
  'De host heeft de sessie beëindigd. U werkt nu verder in uw eigen kopie, met al uw wijzigingen; niemand anders ziet wat u er nog aan verandert. Wilt u de kopie houden, bewaar hem dan met ‘Opslaan als…’.';

/** What a participant reads once the app stopped trying to reconnect. */
export const GAVE_UP_MESSAGE =
  'Al enkele minuten geen verbinding met de sessie; de app probeert het niet meer vanzelf. Uw wijzigingen blijven hier. Is de sessie beëindigd, bewaar dan uw kopie met ‘Opslaan als…’.';

/** The message when the server stopped while the user was in the session. */
export const SERVER_STOPPED_MESSAGE =
  'De sessie is gestopt of de server start opnieuw. U kunt doorwerken; de app verbindt weer zodra het kan, en anders blijft het document hier als eigen kopie.';

/** The message when the server refused a change this copy sent. */
export const REFUSED_UPDATE_MESSAGE =
  'De server weigerde een wijziging uit dit venster. Uw tekst staat nog hier; sla hem op als eigen kopie en meld dit aan de beheerder.';

/** The message when the server refused a change that would make the stuk too large. */
export const TOO_LARGE_MESSAGE =
  'De server weigerde een wijziging uit dit venster: het stuk zou te groot worden. Uw tekst staat nog hier; maak het stuk kleiner en sla het op als eigen kopie.';

export class LiveSession {
  readonly invitation: Invitation;
  readonly provider: HocuspocusProvider;
  private snapshot: LiveSnapshot;
  private readonly listeners = new Set<() => void>();
  private wasLive = false;
  private readonly synced: Promise<void>;

  /**
   * Connects `ydoc` to the session of `invitation` as `user`, through `address`: the app's relay
   * (shared/session/relayAddress.ts), which pins the host's certificate; `reconnect` is
   * {@link RECONNECT} but for tests, which cannot wait minutes for the app to give up.
   */
  constructor(
    ydoc: Y.Doc,
    invitation: Invitation,
    user: LiveUser,
    address: string,
    reconnect: ReconnectPolicy = RECONNECT,
  ) {
    this.invitation = invitation;
    this.snapshot = {
      status: 'connecting',
      message: null,
      role: invitation.role,
      mayComment: mayComment(invitation.role, invitation),
      invitedName: invitation.name,
      participants: [],
      title: invitation.title,
      serverUnsaved: false,
      retry: null,
    };
    let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
    this.synced = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // A refusal before the first sync must reach whoever awaits it; later ones the snapshot says.
    this.synced.catch(() => undefined);
    this.provider = new HocuspocusProvider({
      url: address,
      name: invitation.documentName,
      document: ydoc,
      token: invitation.token,
      // The provider hands these to the socket it makes (its type does not list them).
      ...reconnect,
      onAuthenticated: ({ scope }) => {
        const role = grantedRole(invitation.role, scope);
        this.update({ role, mayComment: mayComment(role, invitation) });
      },
      onAuthenticationFailed: ({ reason }) => {
        const message = describeRefusal(reason);
        this.update({ status: 'refused', message });
        settle?.reject(new Error(message));
        // A refused secret stays refused: no reconnecting with it.
        this.provider.disconnect();
      },
      onSynced: ({ state }) => {
        if (!state) return;
        this.wasLive = true;
        this.update({ status: 'live', message: null, retry: null });
        settle?.resolve();
      },
      onStatus: ({ status }) => {
        if (this.snapshot.status === 'refused' || this.snapshot.status === 'ended') return;
        if (status === 'connected') return; // live once synced
        this.update({ status: this.wasLive ? 'offline' : 'connecting' });
      },
      onAwarenessChange: () => this.update({ participants: this.readParticipants() }),
      // The server says whether it could store the document (shared/session/storeNotice.ts).
      onStateless: ({ payload }) => {
        if (isEndNotice(payload)) {
          this.end(HOST_ENDED_MESSAGE);
          return;
        }
        const notice = decodeStoreNotice(payload);
        if (notice) this.update({ serverUnsaved: !notice.stored });
      },
      onClose: ({ event }) => {
        // The server refused what this copy sent (an invalid update or message): offering it
        // again would only be refused again, so the connection stops here.
        if (
          event.code === CLOSE_REFUSED_UPDATE ||
          event.code === CLOSE_MALFORMED ||
          event.code === CLOSE_TOO_LARGE
        ) {
          const message =
            event.code === CLOSE_TOO_LARGE ? TOO_LARGE_MESSAGE : REFUSED_UPDATE_MESSAGE;
          this.update({ status: 'refused', message });
          this.provider.disconnect();
        } else if (event.code === WRONG_HOST_CLOSE_CODE) {
          // Another computer answered on the host's address; the relay sent it nothing, and
          // trying again would only reach it again.
          this.update({ status: 'refused', message: WRONG_HOST_MESSAGE });
          settle?.reject(new Error(WRONG_HOST_MESSAGE));
          this.provider.disconnect();
        } else if (event.code === CLOSE_GOING_AWAY && this.snapshot.status !== 'ended') {
          // The server stopped (the host ended the session, or a server restarts): say so, and
          // keep trying, as a restarted server takes everyone back.
          this.update({ status: 'offline', message: SERVER_STOPPED_MESSAGE });
        }
      },
    });
    this.provider.configuration.websocketProvider.on('maxAttemptsFailed', () => {
      if (this.snapshot.status === 'refused' || this.snapshot.status === 'ended') return;
      this.update({ status: 'offline', message: GAVE_UP_MESSAGE, retry: this.retry });
    });
    this.keepOwnPresence();
    this.setUser(user);
    // The network is back: try at once, whether or not the app had stopped trying.
    globalThis.addEventListener?.('online', this.retry);
  }

  /** Tries to connect again now (after the app stopped trying, or the network came back). */
  private readonly retry = (): void => {
    if (this.snapshot.status !== 'offline' && this.snapshot.status !== 'connecting') return;
    this.update({ retry: null, message: this.snapshot.retry ? null : this.snapshot.message });
    void this.provider.connect();
  };

  /** Resolves once the document has come from the server; rejects when refused. */
  whenSynced(): Promise<void> {
    return this.synced;
  }

  /** The awareness the editor's cursor plugin shares the cursor through. */
  get awareness(): HocuspocusProvider['awareness'] {
    return this.provider.awareness;
  }

  getSnapshot = (): LiveSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes the name and colour colleagues see; the invitation's name, if any, stays. */
  setUser(user: LiveUser): void {
    const { name, colour } = sessionUser(this.invitation, user);
    this.provider.awareness?.setLocalStateField('user', { name, color: colour });
  }

  /** Leaves the session; the Y.Doc stays, as the user's local copy. */
  leave(): void {
    this.end(null);
  }

  /** Ends the connection for good, saying `message`; the Y.Doc stays, as the local copy. */
  private end(message: string | null): void {
    if (this.snapshot.status === 'ended') return;
    globalThis.removeEventListener?.('online', this.retry);
    this.update({ status: 'ended', message, participants: [], retry: null });
    this.provider.destroy();
  }

  /**
   * Puts the user's own presence back whenever a state from elsewhere replaces it: y-protocols
   * guards its local state against removal by others, not against being overwritten.
   */
  private keepOwnPresence(): void {
    const awareness = this.provider.awareness;
    if (!awareness) return;
    let own = awareness.getLocalState();
    awareness.on('update', ({ added, updated }: Record<string, number[]>, origin: unknown) => {
      const current = awareness.getLocalState();
      if (origin === 'local') {
        own = current;
      } else if (own && current !== own && [...added!, ...updated!].includes(awareness.clientID)) {
        awareness.setLocalState(own);
      }
    });
  }

  private readParticipants(): Participant[] {
    const awareness = this.provider.awareness;
    if (!awareness) return [];
    const participants: Participant[] = [];
    awareness.getStates().forEach((state, clientId) => {
      const user = readPresenceState(state)?.user;
      if (!user) return;
      participants.push({
        clientId,
        name: user.name,
        colour: user.color,
        self: clientId === awareness.clientID,
      });
    });
    // The user first, then colleagues by name.
    return participants.sort(
      (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'nl'),
    );
  }

  private update(changes: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}

/** The user as they take part in the session of `invitation`: under its name, if it has one. */
export function sessionUser(invitation: Invitation, user: LiveUser): LiveUser {
  return { name: invitation.name ?? user.name, colour: user.colour };
}

/**
 * The role the server granted, from the invitation's and the connection's scope: a read-only
 * connection is a lezer's; otherwise the invitation's role holds (a lezer who may comment has
 * a connection that may write: the server lets only their comments through).
 */
export function grantedRole(invited: SessionRole, scope: string): SessionRole {
  return scope === 'readonly' ? 'reader' : invited;
}

/** Whether `role` may comment, under `invitation`. */
function mayComment(role: SessionRole, invitation: Invitation): boolean {
  return role !== 'reader' || (invitation.role === 'reader' && invitation.mayComment);
}

// The server's reason when it is a sentence for the user (ours are Dutch and end with a full
// stop); Hocuspocus's own codes ("permission-denied") get the general message.
function describeRefusal(reason: string): string {
  return /^[A-Z][^\n]{10,300}[.!?]$/.test(reason) ? reason : REFUSED_MESSAGE;
}
