/**
 * Who is in the document: the presence list above the outline while the document is in a
 * co-editing session, each colleague in the colour of their cursor, the user first; and what
 * the user should know of the connection (offline, refused, the server unable to store). When
 * the host ended the session, or the app stopped trying to reconnect, it says so plainly, with
 * what the user's copy now is (issue 16, point 7). A voorsteller reads what their role means;
 * whoever takes part under the name the invitation gave them can change their colour, not it.
 *
 * The host also sees each colleague's role, and can remove a colleague ("Verwijderen": their
 * invitation is withdrawn, everyone who shares it is disconnected) or withdraw all invitations
 * of a role ("Uitnodigingen intrekken…"). What the server says of its connections is asked
 * again whenever the presence changes; a colleague is matched to their connection by the
 * presence's client id, which the server bound to the connection.
 */
import { useEffect, useState } from 'react';
import type { LiveSnapshot, Participant } from '../liveSession/liveSession.ts';
import type { HostControls, HostedParticipant } from '../liveSession/useCollaboration.ts';
import { SESSION_ROLE_LABELS } from '../../shared/session/invitation.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { STORE_FAILED_MESSAGE } from '../../shared/session/storeNotice.ts';
import {
  RemoveParticipantDialog,
  WithdrawInvitationsDialog,
} from '../dialogs/ParticipantDialogs.tsx';
import { Avatar } from './Avatar.tsx';
import '../styles/session.css';

const NO_CONNECTIONS: HostedParticipant[] = [];

/** A colleague's name when their connection set no presence (yet). */
const UNNAMED = 'een deelnemer zonder naam';

export function PresencePanel({
  snapshot,
  onPreferences,
  host = null,
}: {
  snapshot: LiveSnapshot;
  onPreferences: () => void;
  /** The host's controls, when this window hosts the session. */
  host?: HostControls | null;
}) {
  const { connections, refresh } = useHostedParticipants(host, snapshot.participants);
  const [removing, setRemoving] = useState<{
    participant: Participant;
    entry: HostedParticipant;
  } | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  if (snapshot.status === 'ended') {
    return (
      <section className="presence" aria-label="Sessie">
        <h2 className="panel-title">Sessie beëindigd</h2>
        <div className="session-notice" role="status">
          <p>{snapshot.message ?? 'U neemt niet meer deel aan de sessie.'}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="presence" aria-label="Aanwezig in het document">
      <h2 className="panel-title">Aanwezig</h2>
      <ul className="presence-list">
        {snapshot.participants.map((participant) => {
          const entry = host && !participant.self ? findEntry(connections, participant) : null;
          return (
            <li
              key={participant.clientId}
              className={`presence-item${entry ? ' presence-item-hosted' : ''}`}
            >
              <Avatar name={participant.name} colour={participant.colour} small />
              {/* A long name shortens with "…"; "(u)" stays after it, in view. */}
              <span className="presence-name" title={participant.name}>
                <span
                  className={`presence-name-text${participant.self ? ' presence-name-own' : ''}`}
                >
                  {participant.name}
                </span>
                {participant.self && <span className="muted"> (u)</span>}
              </span>
              {/* Under the name, so that it keeps the width of the column. */}
              {entry && (
                <span className="presence-host-line">
                  <span className="muted">{SESSION_ROLE_LABELS[entry.role]}</span>
                  {entry.invitationId && (
                    <button
                      type="button"
                      className="link-button presence-remove"
                      aria-label={`${participant.name} verwijderen uit de sessie`}
                      onClick={() => setRemoving({ participant, entry })}
                    >
                      Verwijderen
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {snapshot.status === 'offline' && snapshot.retry && (
        <div className="session-notice" role="status">
          <p>{snapshot.message}</p>
          <button type="button" className="button" onClick={snapshot.retry}>
            Opnieuw verbinden
          </button>
        </div>
      )}
      {snapshot.status === 'offline' && !snapshot.retry && (
        <p className="presence-note">
          {snapshot.message ??
            'Geen verbinding. U kunt doorwerken; alles wordt samengevoegd zodra de verbinding terug is.'}
        </p>
      )}
      {snapshot.serverUnsaved && snapshot.status === 'live' && (
        <p className="presence-note presence-error" role="alert">
          {STORE_FAILED_MESSAGE}
        </p>
      )}
      {snapshot.status === 'refused' && snapshot.message && (
        <p className="presence-note presence-error" role="alert">
          {snapshot.message}
        </p>
      )}
      {snapshot.role === 'proposer' && (
        <p className="presence-note">
          U neemt deel als voorsteller: wat u wijzigt, wordt een voorstel op uw naam. De redacteuren
          beslissen erover.
        </p>
      )}
      <div className="presence-actions">
        {host && snapshot.status === 'live' && (
          <button type="button" className="link-button" onClick={() => setWithdrawing(true)}>
            Uitnodigingen intrekken…
          </button>
        )}
        <button type="button" className="link-button" onClick={onPreferences}>
          {snapshot.invitedName === null ? 'Naam en kleur wijzigen…' : 'Kleur wijzigen…'}
        </button>
      </div>
      {host && removing && (
        <RemoveParticipantDialog
          name={removing.participant.name}
          sharing={connections
            .filter(
              (entry) =>
                entry.invitationId === removing.entry.invitationId &&
                entry.clientId !== removing.participant.clientId,
            )
            .map((entry) => entry.presenceName ?? UNNAMED)}
          onRemove={async () => {
            await host.remove(removing.entry.invitationId!);
            refresh();
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
      {host && withdrawing && (
        <WithdrawInvitationsDialog
          connected={namesByRole(connections)}
          onWithdraw={async (role) => {
            await host.withdraw(role);
            refresh();
          }}
          onCancel={() => setWithdrawing(false)}
        />
      )}
    </section>
  );
}

/**
 * The server's list of connections, asked again whenever someone comes, goes or changes their
 * name: not on every move of a colleague's cursor, which changes the presence too.
 */
function useHostedParticipants(
  host: HostControls | null,
  participants: readonly Participant[],
): { connections: HostedParticipant[]; refresh: () => void } {
  // The list with the controls it was asked through: another session's list is no answer.
  const [answer, setAnswer] = useState<{ host: HostControls; list: HostedParticipant[] } | null>(
    null,
  );
  const [asked, setAsked] = useState(0);
  const who = participants
    .map((participant) => `${participant.clientId}:${participant.name}`)
    .join('\n');
  useEffect(() => {
    if (!host) return;
    let current = true;
    host.list().then(
      (list) => {
        if (current) setAnswer({ host, list });
      },
      // A session that just stopped has none; the panel then offers nothing to remove.
      () => {
        if (current) setAnswer({ host, list: [] });
      },
    );
    return () => {
      current = false;
    };
  }, [host, who, asked]);
  const list = answer && answer.host === host ? answer.list : NO_CONNECTIONS;
  return { connections: list, refresh: () => setAsked((count) => count + 1) };
}

/** The connection whose presence is `participant`, unless it is the host's own invitation. */
function findEntry(
  connections: readonly HostedParticipant[],
  participant: Participant,
): HostedParticipant | null {
  return (
    connections.find((entry) => entry.clientId === participant.clientId && !entry.host) ?? null
  );
}

/** The colleagues connected now, by role, without the host. */
function namesByRole(connections: readonly HostedParticipant[]): Record<SessionRole, string[]> {
  const names: Record<SessionRole, string[]> = { editor: [], proposer: [], reader: [] };
  for (const entry of connections) {
    if (!entry.host) names[entry.role].push(entry.presenceName ?? entry.invitationName ?? UNNAMED);
  }
  return names;
}
