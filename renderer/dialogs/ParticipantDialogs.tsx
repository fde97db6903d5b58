/**
 * The host's two withdrawals, asked first because neither is taken back: removing one
 * colleague from the session ("Verwijderen" in the presence panel), which withdraws the
 * invitation they joined with, and withdrawing all invitations of a role ("Uitnodigingen
 * intrekken…"). Each says what happens: who is disconnected (everyone who shares that
 * invitation goes too), that the invitation no longer works, and that a new one is made with
 * "Uitnodigen…". A failure is said in the dialog, and nothing changes.
 */
import { useState } from 'react';
import { SESSION_ROLE_LABELS } from '../../shared/session/invitation.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { Modal } from './Modal.tsx';

/** The roles as the host chooses among them, plural. */
const ROLE_GROUPS: { role: SessionRole; label: string; plural: string }[] = [
  { role: 'editor', label: 'Redacteuren', plural: 'redacteuren' },
  { role: 'proposer', label: 'Voorstellers', plural: 'voorstellers' },
  { role: 'reader', label: 'Lezers', plural: 'lezers' },
];

/** "Borne", "Borne en Sneek", "Borne, Sneek en Joure". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/** Runs `action`; says its error in the dialog, or closes it. */
function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function RemoveParticipantDialog({
  name,
  sharing,
  onRemove,
  onCancel,
}: {
  /** The colleague's name, as the presence list shows it. */
  name: string;
  /** The names of the others connected with the same invitation, who go too. */
  sharing: readonly string[];
  onRemove: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { busy, error, run } = useAction(onCancel);
  return (
    <Modal title={`${name} verwijderen uit de sessie`} onCancel={onCancel}>
      <p className="modal-text">
        {name} wordt losgekoppeld van de sessie, en de uitnodiging waarmee {name} deelnam werkt
        daarna niet meer.
        {sharing.length > 0 &&
          ` Dezelfde uitnodiging gebruikt${sharing.length === 1 ? '' : 'en'} ook ${listNames(sharing)}: ${sharing.length === 1 ? 'die gaat' : 'zij gaan'} ook uit de sessie.`}{' '}
        Wat al is gewijzigd, blijft in het document. Wilt u later weer iemand laten meedoen, maak
        dan een nieuwe uitnodiging met ‘Uitnodigen…’.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void run(onRemove)}
        >
          Verwijderen
        </button>
        <button type="button" className="button" autoFocus onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}

export function WithdrawInvitationsDialog({
  connected,
  onWithdraw,
  onCancel,
}: {
  /** The names of the colleagues connected now, per role (the host not among them). */
  connected: Record<SessionRole, readonly string[]>;
  onWithdraw: (role: SessionRole) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [role, setRole] = useState<SessionRole>('editor');
  const { busy, error, run } = useAction(onCancel);
  const group = ROLE_GROUPS.find((entry) => entry.role === role)!;
  const names = connected[role];
  return (
    <Modal title="Uitnodigingen intrekken" onCancel={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => onWithdraw(role));
        }}
      >
        <fieldset className="field role-choice">
          <legend className="field-label">Welke uitnodigingen?</legend>
          {ROLE_GROUPS.map((entry) => (
            <div key={entry.role} className="role-option">
              <label>
                <input
                  type="radio"
                  name="withdraw-role"
                  checked={role === entry.role}
                  onChange={() => setRole(entry.role)}
                />{' '}
                {entry.label}{' '}
                <span className="muted">
                  – {connected[entry.role].length === 0 ? 'niemand' : connected[entry.role].length}{' '}
                  nu verbonden
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <p className="modal-text" aria-live="polite">
          Alle uitnodigingen als {SESSION_ROLE_LABELS[role]} die u tot nu toe maakte, werken niet
          meer{role === 'editor' ? ', behalve uw eigen' : ''}.{' '}
          {names.length === 0
            ? `Er is nu geen van de ${group.plural} verbonden.`
            : `${listNames(names)} ${names.length === 1 ? 'wordt' : 'worden'} nu losgekoppeld.`}{' '}
          Nieuwe uitnodigingen maakt u daarna met ‘Uitnodigen…’.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={busy}>
            Intrekken
          </button>
          <button type="button" className="button" autoFocus onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
