/**
 * Who is in the document: the presence list above the outline while the document is in a
 * co-editing session, each colleague in the colour of their cursor, the user first; and what
 * the user should know of the connection (offline, refused, the server unable to store). When
 * the host ended the session, or the app stopped trying to reconnect, it says so plainly, with
 * what the user's copy now is (issue 16, point 7). A voorsteller reads what their role means;
 * whoever takes part under the name the invitation gave them can change their colour, not it.
 */
import type { LiveSnapshot } from '../liveSession/liveSession.ts';
import { STORE_FAILED_MESSAGE } from '../../shared/session/storeNotice.ts';
import { Avatar } from './Avatar.tsx';
import '../styles/session.css';

export function PresencePanel({
  snapshot,
  onPreferences,
}: {
  snapshot: LiveSnapshot;
  onPreferences: () => void;
}) {
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
        {snapshot.participants.map((participant) => (
          <li key={participant.clientId} className="presence-item">
            <Avatar name={participant.name} colour={participant.colour} small />
            {/* A long name shortens with "…"; "(u)" stays after it, in view. */}
            <span className="presence-name" title={participant.name}>
              <span className={`presence-name-text${participant.self ? ' presence-name-own' : ''}`}>
                {participant.name}
              </span>
              {participant.self && <span className="muted"> (u)</span>}
            </span>
          </li>
        ))}
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
      <button type="button" className="link-button" onClick={onPreferences}>
        {snapshot.invitedName === null ? 'Naam en kleur wijzigen…' : 'Kleur wijzigen…'}
      </button>
    </section>
  );
}
