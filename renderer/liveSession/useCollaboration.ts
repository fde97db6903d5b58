/**
 * Co-editing in the window: the user's preferences (name and colour), hosting a session on the
 * open document ("Sessie starten"), joining one from an invitation ("Deelnemen aan sessie"),
 * and leaving or stopping. The live connection itself is a LiveSession; the document stays an
 * OpenDocument with its journal, so offline edits are on disk like any other.
 *
 * The name is asked the first time it matters, while it is still the account's default: before
 * a session starts (preferences/namePrompt.ts) and in the join dialog, unless the invitation
 * names the user: then that is their name in the session (the host chose it, the server holds
 * their proposals and comments to it), and the preferences keep theirs. The host invites each
 * colleague with a role and, if they like, a name ("Uitnodigen…", createInvitation); a
 * voorsteller may only propose, a lezer only read (and comment, if invited to). When the host ends the
 * session, the joined document becomes the participant's own copy: editable, out of the
 * session, no longer rejoined after a crash.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { UserPreferences } from '../../shared/api/preferences.ts';
import type { ApiResponse } from '../../shared/api/contract.ts';
import { formatInvitation, parseInvitation } from '../../shared/session/invitation.ts';
import type { Invitation, SessionRole } from '../../shared/session/invitation.ts';
import { createEmptyYDoc, encodeYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { pickUserColour } from '../../shared/model/userColours.ts';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { api } from '../api/client.ts';
import {
  getLoadedPreferences,
  loadPreferences,
  savePreferences as storePreferences,
  usePreferences,
} from '../preferences/userPreferences.ts';
import { cancelNameRequest, requestName, takeNameRequest } from '../preferences/namePrompt.ts';
import type { NameReason } from '../preferences/namePrompt.ts';
import { OpenDocument } from '../documents/OpenDocument.ts';
import type { LiveSession, LiveSnapshot, LiveUser } from './liveSession.ts';
import { getSessionAddress, loadLiveSession, openLiveSession } from './openLiveSession.ts';

/** How long joining waits for the server before it says it cannot reach it. */
const JOIN_TIMEOUT_MS = 15_000;

/** The session this window hosts, for "Uitnodigen…" and "Sessie stoppen". */
export interface HostedSession {
  documentName: string;
  networkAddress: string | null;
  /** The fingerprint of the certificate its invitations pin, to read out to a colleague. */
  fingerprint: string;
}

/** One connection to the hosted session, as the server lists it (`listParticipants`). */
export type HostedParticipant = ApiResponse<'listParticipants'>['participants'][number];

/**
 * What the host can do about the participants: ask who is connected, remove one (withdraw
 * the invitation they joined with) and withdraw every invitation of a role but their own.
 */
export interface HostControls {
  list: () => Promise<HostedParticipant[]>;
  remove: (invitationId: string) => Promise<number>;
  withdraw: (role: SessionRole) => Promise<number>;
}

/** Whom an invitation is for: the role, their name (null: they choose), comments for a lezer. */
export interface InvitationRequest {
  role: SessionRole;
  name: string | null;
  mayComment: boolean;
}

/**
 * What co-editing needs of the window (its controller): the open document, putting a joined
 * one in its place, the unsaved-changes question, the status bar, and the dialogs, which the
 * window holds and shows.
 */
export interface WindowForCollaboration {
  readonly openDocument: OpenDocument | null;
  adopt: (openDocument: OpenDocument) => Promise<void>;
  guardUnsaved: (action: () => void) => void;
  report: (error: unknown) => void;
  showDialog: (dialog: { type: 'join' } | { type: 'invite' }) => void;
  /** Closes the window's dialog if it is one of `types`. */
  closeDialog: (...types: ('join' | 'invite')[]) => void;
  openAppDialog: (dialog: 'preferences') => void;
  closeAppDialog: (dialog: 'preferences') => void;
}

const noSubscription = () => () => undefined;

export function useCollaboration(windowState: WindowForCollaboration) {
  const preferences = usePreferences();
  const [live, setLive] = useState<LiveSession | null>(null);
  const [hosted, setHosted] = useState<HostedSession | null>(null);
  const [starting, setStarting] = useState(false);
  const liveRef = useRef<LiveSession | null>(null);
  const { adopt, guardUnsaved, report, showDialog, closeDialog } = windowState;
  const { openAppDialog, closeAppDialog } = windowState;
  const openDocument = windowState.openDocument;

  const liveSnapshot = useSyncExternalStore<LiveSnapshot | null>(
    live?.subscribe ?? noSubscription,
    live?.getSnapshot ?? (() => null),
  );
  const ended = liveSnapshot?.status === 'ended';
  // The name the invitation gives this user, while the session lasts: once it ended, the copy
  // is theirs, under their own name.
  const invitedName = (!ended && liveSnapshot?.invitedName) || null;

  useEffect(() => {
    loadPreferences().catch(report);
  }, [report]);

  // Only the name and colour count: a change of another preference keeps the same user.
  const userName = preferences?.preferences.userName;
  const userColour = preferences?.preferences.userColour;
  const ownUser = useMemo(() => toLiveUser(userName, userColour), [userName, userColour]);
  // The user as colleagues see them and as their proposals and comments are signed.
  const user = useMemo(
    () => (invitedName ? { name: invitedName, colour: ownUser.colour } : ownUser),
    [invitedName, ownUser],
  );

  // The name and colour colleagues see follow the preferences, also once they have loaded.
  const userRef = useRef(ownUser);
  useEffect(() => {
    userRef.current = ownUser;
    liveRef.current?.setUser(ownUser);
  }, [ownUser]);

  const connect = useCallback((next: LiveSession | null) => {
    liveRef.current = next;
    setLive(next);
  }, []);

  // The host ended the session: the copy is the user's own now, and a crash no longer brings
  // it back into a session that is gone.
  useEffect(() => {
    if (ended) openDocument?.setSessionInvitation(null);
  }, [ended, openDocument]);

  // The name colleagues will see, asked first while it is still the account's default (not
  // when the invitation gave one).
  const nameChosen = (preferences?.userNameChosen ?? true) || invitedName !== null;
  const withName = useCallback(
    (reason: NameReason, action: () => void) => {
      if (nameChosen) {
        action();
        return;
      }
      requestName(reason, action);
      openAppDialog('preferences');
    },
    [nameChosen, openAppDialog],
  );

  // Another document in the window (New, Open, Close) ends the session of the previous one.
  useEffect(() => {
    const current = liveRef.current;
    if (current && openDocument && current.provider.document !== openDocument.ydoc) {
      current.leave();
      connect(null);
      setHosted((hostedNow) => {
        if (hostedNow) void api.stopSession({ documentName: hostedNow.documentName });
        return null;
      });
    }
  }, [openDocument, connect]);

  // A document recovered after a crash while it was in a session rejoins it: its offline edits
  // merge with what the others did meanwhile. A refusal (the session ended) leaves a local copy.
  useEffect(() => {
    const invitationText = openDocument?.sessionInvitation;
    if (!openDocument || !invitationText || liveRef.current) return;
    let invitation: Invitation;
    try {
      invitation = parseInvitation(invitationText);
    } catch {
      openDocument.setSessionInvitation(null);
      return;
    }
    // After this render, once the live connection's code has loaded: the connection is state
    // of its own, set from outside the effect. Not for a document that is no longer the open
    // one by then; and a load that failed keeps the invitation, for the next time it opens.
    let current = true;
    Promise.all([loadLiveSession(), getSessionAddress(invitation)]).then(
      ([Live, address]) => {
        if (!current || liveRef.current) return;
        const next = new Live(openDocument.ydoc, invitation, userRef.current, address);
        connect(next);
        next.whenSynced().catch(() => openDocument.setSessionInvitation(null));
      },
      (error: unknown) => {
        if (current) report(error);
      },
    );
    return () => {
      current = false;
    };
  }, [openDocument, connect, report]);

  const startSession = useCallback(async () => {
    if (!openDocument || liveRef.current) return;
    setStarting(true);
    try {
      // The user as stored now: a name given just before (the name question) is not rendered yet.
      const host = readLiveUser();
      const started = await api.startSession({
        documentId: openDocument.getSnapshot().id,
        title: openDocument.title,
        state: encodeBase64(encodeYDoc(openDocument.ydoc)),
        hostName: host.name.trim() || null,
      });
      const next = await openLiveSession(
        openDocument.ydoc,
        parseInvitation(started.ownInvitation),
        host,
      );
      await next.whenSynced();
      connect(next);
      setHosted({
        documentName: started.documentName,
        networkAddress: started.networkAddress,
        fingerprint: started.fingerprint,
      });
      showDialog({ type: 'invite' });
    } catch (error) {
      report(error);
    } finally {
      setStarting(false);
    }
  }, [openDocument, connect, report, showDialog]);

  const joinSession = useCallback(
    async (invitation: Invitation, name?: string) => {
      let joiner = readLiveUser();
      const stored = getLoadedPreferences();
      if (invitation.name !== null) {
        // The invitation names the user: that is their name in this session only; a profile
        // without a name of its own takes a colour that goes with it.
        if (stored && !stored.userNameChosen) {
          joiner = { name: invitation.name, colour: pickUserColour(invitation.name) };
        }
      } else if (stored && name !== undefined && (name !== joiner.name || !stored.userNameChosen)) {
        // The name given in the join dialog is the user's from now on (one profile, one person).
        const colour = stored.userNameChosen ? joiner.colour : pickUserColour(name);
        await storePreferences({ ...stored.preferences, userName: name, userColour: colour });
        joiner = { name, colour };
      }
      const ydoc = createEmptyYDoc();
      const next = await openLiveSession(ydoc, invitation, joiner);
      try {
        await Promise.race([
          next.whenSynced(),
          new Promise((_, reject) =>
            setTimeout(
              () =>
                reject(
                  new Error(
                    `De sessie is niet bereikbaar op ${invitation.serverUrl.replace(/^wss?:\/\//, '')}. Controleer het netwerk, of vraag de uitnodiger of de sessie nog loopt.`,
                  ),
                ),
              JOIN_TIMEOUT_MS,
            ),
          ),
        ]);
        // The server's document is checked like a file before it is shown.
        readYDoc(ydoc);
      } catch (error) {
        next.leave();
        ydoc.destroy();
        throw error;
      }
      liveRef.current?.leave();
      const joined = await OpenDocument.fromLive(
        ydoc,
        formatInvitation(invitation),
        invitation.title,
      );
      // Connected first, so the new document's editor is made with the session in place.
      connect(next);
      await adopt(joined);
      setHosted(null);
      closeDialog('join');
    },
    [adopt, connect, closeDialog],
  );

  const leave = useCallback(async () => {
    const current = liveRef.current;
    if (!current) return;
    current.leave();
    connect(null);
    // The copy is the user's own now: a crash no longer brings it back into the session.
    openDocument?.setSessionInvitation(null);
    const wasHosted = hosted;
    setHosted(null);
    if (wasHosted) {
      try {
        await api.stopSession({ documentName: wasHosted.documentName });
      } catch (error) {
        report(error);
      }
    }
  }, [hosted, openDocument, connect, report]);

  /** A new invitation to the hosted session, as one line to send. */
  const createInvitation = useCallback(
    async ({ role, name, mayComment }: InvitationRequest): Promise<string> => {
      if (!hosted) throw new Error('Deze sessie loopt niet meer; start een nieuwe sessie.');
      const created = await api.createInvitation({
        documentName: hosted.documentName,
        role,
        name,
        mayComment: role === 'reader' ? mayComment : true,
      });
      return created.invitation;
    },
    [hosted],
  );

  // Stable while the same session is hosted: the presence panel asks the server again when it
  // changes.
  const hostedName = hosted?.documentName ?? null;
  const hostControls = useMemo<HostControls | null>(() => {
    if (hostedName === null) return null;
    return {
      list: async () => (await api.listParticipants({ documentName: hostedName })).participants,
      remove: async (invitationId) =>
        (await api.removeParticipant({ documentName: hostedName, invitationId })).disconnected,
      withdraw: async (role) =>
        (await api.withdrawInvitations({ documentName: hostedName, role })).disconnected,
    };
  }, [hostedName]);

  const savePreferences = useCallback(
    async (next: UserPreferences) => {
      const { preferences: stored } = await storePreferences(next);
      liveRef.current?.setUser({ name: stored.userName, colour: stored.userColour });
      closeAppDialog('preferences');
      // What the name was asked for (a session, tracked changes) goes on now.
      takeNameRequest()?.();
    },
    [closeAppDialog],
  );

  // Stable for the editor: it is rebuilt only when the connection or the role changes. Once the
  // session ended the copy is the user's own: no colleagues' cursors, and editable (a reader's
  // copy too: it no longer reaches anyone).
  const role = liveSnapshot?.role ?? null;
  const editorLive = useMemo(
    () =>
      live && role && !ended ? { awareness: live.awareness, readOnly: role === 'reader' } : null,
    [live, role, ended],
  );
  // A voorsteller may only propose: suggestion mode is on for good, decisions are off.
  const proposing = role === 'proposer' && !ended;
  // Who may comment: everyone outside a session and once it ended; in one, the role says.
  const canComment = !liveSnapshot || ended || liveSnapshot.mayComment;

  return {
    preferences,
    /** The user as colleagues see them: the invitation's name in a session that gave one. */
    user,
    live,
    liveSnapshot,
    hosted,
    starting,
    editorLive,
    /** This user's role in the session (null outside one or once it ended). */
    role: ended ? null : role,
    proposing,
    /** Whether the user's name in the session is the invitation's (and cannot be changed). */
    nameFromInvitation: invitedName !== null,
    canComment,
    /**
     * Runs `action` once the user has a name of their own: at once when they gave one, else
     * after asking (the toolbar's "Wijzigingen bijhouden" calls it with 'suggesting').
     */
    withName,
    commands: {
      startSession: () => withName('startSession', () => void startSession()),
      join: () => guardUnsaved(() => showDialog({ type: 'join' })),
      invite: () => showDialog({ type: 'invite' }),
      // In place of the session dialog that asked for it (as "Wijzigen" in Deelnemen does).
      preferences: () => {
        closeDialog('join', 'invite');
        openAppDialog('preferences');
      },
      leave: () => void leave(),
      closeDialog: () => {
        closeDialog('join', 'invite');
        closeAppDialog('preferences');
        cancelNameRequest();
      },
    },
    joinSession,
    createInvitation,
    /** The host's controls of the participants, while this window hosts the session. */
    hostControls: ended ? null : hostControls,
    savePreferences,
  };
}

/** The user colleagues see, from the preferences (a stand-in until they have loaded). */
function toLiveUser(name: string | undefined, colour: string | undefined): LiveUser {
  return name !== undefined && colour !== undefined
    ? { name, colour }
    : { name: 'Gebruiker', colour: '#3d4fb8' };
}

/** The user as the preferences hold them at this moment. */
function readLiveUser(): LiveUser {
  const loaded = getLoadedPreferences()?.preferences;
  return toLiveUser(loaded?.userName, loaded?.userColour);
}
