/**
 * The co-editing controls in the header. Without a session: "Sessie starten" and
 * "Deelnemen…". In a session: how the connection is (live, offline with the reassurance that
 * edits are kept, refused), a reader's "alleen lezen", the colleagues' initials in their
 * colours, and "Uitnodigen…" and "Sessie stoppen" (the host) or "Sessie verlaten".
 */
import type { LiveSnapshot } from '../liveSession/liveSession.ts';
import { Avatar } from './Avatar.tsx';

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
      return snapshot.role === 'reader' ? 'Live · alleen lezen' : 'Live';
    case 'offline':
      return 'Offline, wijzigingen worden bewaard';
    case 'refused':
      return 'Geen toegang';
    case 'ended':
      return 'Sessie beëindigd';
  }
}

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
  if (!snapshot) {
    return (
      <nav className="session-commands" aria-label="Samenwerken">
        <button
          type="button"
          className="header-button"
          disabled={starting}
          onClick={commands.startSession}
        >
          {starting ? 'Sessie wordt gestart…' : 'Sessie starten'}
        </button>
        <button type="button" className="header-button" onClick={commands.join}>
          Deelnemen…
        </button>
      </nav>
    );
  }
  const others = snapshot.participants.filter((participant) => !participant.self);
  return (
    <nav className="session-commands" aria-label="Samenwerken">
      <span
        className={`live-status live-status-${snapshot.status}`}
        role="status"
        title={snapshot.message ?? undefined}
      >
        <span className="live-dot" aria-hidden="true" />
        {describeLiveStatus(snapshot)}
      </span>
      {others.length > 0 && (
        <span className="avatars" aria-hidden="true">
          {others.slice(0, 4).map((participant) => (
            <Avatar
              key={participant.clientId}
              name={participant.name}
              colour={participant.colour}
            />
          ))}
          {others.length > 4 && <span className="avatar avatar-more">+{others.length - 4}</span>}
        </span>
      )}
      {hosting && (
        <button type="button" className="header-button" onClick={commands.invite}>
          Uitnodigen…
        </button>
      )}
      <button type="button" className="header-button" onClick={commands.leave}>
        {hosting ? 'Sessie stoppen' : 'Sessie verlaten'}
      </button>
    </nav>
  );
}
