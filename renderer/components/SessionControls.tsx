/**
 * The co-editing controls in the header. Without a session: "Sessie starten" and
 * "Deelnemen…". In a session: how the connection is (live, offline with the reassurance that
 * edits are kept, refused), a reader's "alleen lezen" or a voorsteller's role, the colleagues'
 * initials in their colours, and "Uitnodigen…" and "Sessie stoppen" (the host) or "Sessie
 * verlaten". Compact, so the header fits a laptop: a long status ends in an ellipsis (in full in
 * its tooltip), at most three colleagues' initials (the presence panel names everyone), and on a
 * narrow window the commands fold into a "Sessie ▾" menu.
 */
import type { LiveSnapshot } from '../liveSession/liveSession.ts';
import { Avatar } from './Avatar.tsx';
import { MenuButton } from '../controls/MenuButton.tsx';
import type { MenuEntry } from '../controls/MenuButton.tsx';

export interface SessionCommands {
  startSession: () => void;
  join: () => void;
  invite: () => void;
  leave: () => void;
}

/** What the status pill says. */
export function describeLiveStatus(snapshot: LiveSnapshot): string {
  switch (snapshot.status) {
    case 'connecting':
      return 'Verbinden…';
    case 'live':
      if (snapshot.role === 'reader') return 'Live · alleen lezen';
      return snapshot.role === 'proposer' ? 'Live · voorsteller' : 'Live';
    case 'offline':
      return 'Offline, wijzigingen worden bewaard';
    case 'refused':
      return 'Geen toegang';
    case 'ended':
      return 'Sessie beëindigd';
  }
}

/** The session's commands as entries, for the buttons and for the narrow window's menu. */
function sessionEntries(
  snapshot: LiveSnapshot | null,
  hosting: boolean,
  starting: boolean,
  commands: SessionCommands,
): MenuEntry[] {
  if (!snapshot) {
    return [
      {
        id: 'start',
        label: starting ? 'Sessie wordt gestart…' : 'Sessie starten',
        disabled: starting,
        onSelect: commands.startSession,
      },
      { id: 'join', label: 'Deelnemen…', onSelect: commands.join },
    ];
  }
  return [
    ...(hosting ? [{ id: 'invite', label: 'Uitnodigen…', onSelect: commands.invite }] : []),
    {
      id: 'leave',
      label: hosting ? 'Sessie stoppen' : 'Sessie verlaten',
      onSelect: commands.leave,
    },
  ];
}

/** How many colleagues' initials the header shows; the presence panel lists them all. */
const AVATARS_SHOWN = 3;

export function SessionControls({
  snapshot,
  hosting,
  starting,
  commands,
}: {
  snapshot: LiveSnapshot | null;
  hosting: boolean;
  starting: boolean;
  commands: SessionCommands;
}) {
  const entries = sessionEntries(snapshot, hosting, starting, commands);
  // The commands are buttons while the header has room, and a "Sessie ▾" menu on a narrow
  // window (app.css shows one or the other).
  const controls = (
    <>
      {entries.map((entry) => (
        <button
          key={entry.id}
          type="button"
          className="header-button session-inline"
          disabled={entry.disabled}
          onClick={entry.onSelect}
        >
          {entry.label}
        </button>
      ))}
      <span className="session-menu">
        <MenuButton label="Sessie" menuLabel="Samenwerken" sections={[{ entries }]} align="end" />
      </span>
    </>
  );
  if (!snapshot) {
    return (
      <nav className="session-commands" aria-label="Samenwerken">
        {controls}
      </nav>
    );
  }
  const others = snapshot.participants.filter((participant) => !participant.self);
  const status = describeLiveStatus(snapshot);
  return (
    <nav className="session-commands" aria-label="Samenwerken">
      <span
        className={`live-status live-status-${snapshot.status}`}
        role="status"
        title={snapshot.message ? `${status}: ${snapshot.message}` : status}
      >
        <span className="live-dot" aria-hidden="true" />
        <span className="live-status-text">{status}</span>
      </span>
      {others.length > 0 && (
        <span className="avatars" aria-hidden="true">
          {others.slice(0, AVATARS_SHOWN).map((participant) => (
            <Avatar
              key={participant.clientId}
              name={participant.name}
              colour={participant.colour}
            />
          ))}
          {others.length > AVATARS_SHOWN && (
            <span className="avatar avatar-more">+{others.length - AVATARS_SHOWN}</span>
          )}
        </span>
      )}
      {controls}
    </nav>
  );
}
