/**
 * "Uitnodigen…": an invitation to the session this user hosts, for one colleague. The host
 * chooses the role (redacteur, voorsteller, lezer, who may be allowed to comment) and may give
 * the colleague's name, which a voorsteller's invitation must carry: the server signs it into
 * the invitation and holds that participant's proposals and comments to it, so the invitee
 * cannot take part under another name. "Uitnodiging maken" asks the host for the line, which
 * the dialog shows to copy and send. Shown when the session starts, and again from the header.
 */
import { useId, useState } from 'react';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { formatFingerprint } from '../../shared/session/invitation.ts';
import { describeInviteeNameProblem, isInviteeNameRequired } from '../../shared/api/sessions.ts';
import { MAX_USER_NAME_LENGTH } from '../../shared/model/userNames.ts';
import type { InvitationRequest } from '../liveSession/useCollaboration.ts';
import { Modal } from './Modal.tsx';
import '../styles/invite.css';

/** The roles as the dialog offers them: the name and what the role may do. */
const ROLE_CHOICES: { role: SessionRole; label: string; does: string }[] = [
  { role: 'editor', label: 'Redacteur', does: 'schrijft mee' },
  { role: 'proposer', label: 'Voorsteller', does: 'mag voorstellen en opmerkingen maken' },
  { role: 'reader', label: 'Lezer', does: 'leest mee' },
];

/** An invitation the host made, with whom it is for. */
interface Made {
  text: string;
  role: SessionRole;
  name: string | null;
}

export function InviteDialog({
  networkAddress,
  fingerprint,
  onCreate,
  onClose,
}: {
  /** Where colleagues reach this computer ("192.168.1.20:4791"); null: only this computer. */
  networkAddress: string | null;
  /** The fingerprint of the certificate the invitations pin (formatFingerprint shows it). */
  fingerprint: string;
  /** Asks the host for an invitation; rejects with an error the dialog shows. */
  onCreate: (request: InvitationRequest) => Promise<string>;
  onClose: () => void;
}) {
  const id = useId();
  const [role, setRole] = useState<SessionRole>('editor');
  const [mayComment, setMayComment] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [copied, setCopied] = useState(false);
  const commenting = role === 'reader' && mayComment;
  const nameRequired = isInviteeNameRequired({ role, mayComment });

  // Another choice makes another invitation: the line shown always matches the choices.
  const change = (apply: () => void) => {
    apply();
    setMade(null);
    setCopied(false);
    setError(null);
  };

  const create = async () => {
    const problem = describeInviteeNameProblem(name, { role, mayComment });
    setNameError(problem);
    if (problem) {
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const invitee = name.trim() || null;
      const text = await onCreate({ role, name: invitee, mayComment });
      setMade({ text, role, name: invitee });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.text);
      setCopied(true);
    } catch {
      // No clipboard access: the text is selected, so Ctrl+C copies it.
      const field = document.getElementById('invitation-text') as HTMLTextAreaElement | null;
      field?.select();
    }
  };

  let nameHint = 'Mag leeg blijven; dan kiest de uitgenodigde zelf een naam.';
  if (role === 'proposer') {
    nameHint = 'Verplicht: de voorstellen en opmerkingen van de voorsteller komen op deze naam.';
  } else if (commenting) {
    nameHint = 'Verplicht: de opmerkingen van de lezer komen op deze naam.';
  }

  return (
    <Modal title="Uitnodigen voor de sessie" onCancel={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <p className="modal-text">
          Maak voor elke collega een uitnodiging en stuur die alleen aan die collega, per mail of
          chat: wie hem heeft, kan deelnemen zolang de sessie loopt of tot u hem intrekt. Het
          verkeer is versleuteld, en de app van uw collega verbindt met de uitnodiging alleen met
          deze computer.
        </p>
        <fieldset className="field role-choice">
          <legend className="field-label">Rol</legend>
          {ROLE_CHOICES.map((choice) => (
            <div key={choice.role} className="role-option">
              <label>
                <input
                  type="radio"
                  name="role"
                  checked={role === choice.role}
                  onChange={() => change(() => setRole(choice.role))}
                />{' '}
                {choice.label} <span className="muted">– {choice.does}</span>
              </label>
              {choice.role === 'reader' && (
                <label className="role-suboption">
                  <input
                    type="checkbox"
                    checked={mayComment}
                    disabled={role !== 'reader'}
                    onChange={(event) => change(() => setMayComment(event.target.checked))}
                  />{' '}
                  mag opmerkingen maken
                </label>
              )}
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {nameRequired ? 'Naam' : 'Naam (niet verplicht)'}
          </label>
          <input
            id={`${id}-name`}
            className="text-input"
            value={name}
            maxLength={MAX_USER_NAME_LENGTH}
            autoComplete="off"
            aria-required={nameRequired}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-name-error ${id}-name-hint`}
            onChange={(event) =>
              change(() => {
                setName(event.target.value);
                setNameError(null);
              })
            }
          />
          <span className="field-error" id={`${id}-name-error`}>
            {nameError ?? ''}
          </span>
          <span className="field-hint" id={`${id}-name-hint`}>
            {nameHint} Een naam die u hier invult, kan de uitgenodigde niet wijzigen: het is de naam
            bij zijn cursor, voorstellen en opmerkingen.
          </span>
        </div>
        {made && (
          <label className="field">
            <span className="field-label">{describeMade(made)}</span>
            <textarea
              id="invitation-text"
              className="text-input invitation-input"
              readOnly
              rows={3}
              value={made.text}
              spellCheck={false}
              onFocus={(event) => event.target.select()}
            />
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <p className="modal-text muted">
          {networkAddress
            ? `Collega’s op hetzelfde netwerk bereiken deze computer op ${networkAddress}. Houd de app open zolang de sessie loopt.`
            : 'Deze computer heeft geen netwerkadres; alleen vensters op deze computer kunnen deelnemen.'}
        </p>
        <p className="modal-text muted">
          Vingerafdruk van deze computer:{' '}
          <span className="fingerprint" data-testid="host-fingerprint">
            {formatFingerprint(fingerprint)}
          </span>
          . Een collega ziet hem bij Deelnemen; wilt u zeker weten dat hij met deze computer
          verbindt, vergelijk dan samen de eerste groepen.
        </p>
        <div className="modal-actions">
          {made ? (
            <button type="button" className="button primary" onClick={() => void copy()}>
              {copied ? 'Gekopieerd' : 'Kopiëren'}
            </button>
          ) : (
            <button type="submit" className="button primary" disabled={busy}>
              Uitnodiging maken
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Sluiten
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The label above a made invitation: for whom, as what. */
function describeMade({ role, name }: Made): string {
  const label = ROLE_CHOICES.find((choice) => choice.role === role)!.label.toLowerCase();
  return name ? `Uitnodiging voor ${name} als ${label}` : `Uitnodiging als ${label}`;
}
