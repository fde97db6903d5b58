/**
 * "Deelnemen aan sessie": the user pastes the invitation a colleague sent (the line itself or
 * the whole message), checks the name colleagues will see, and the app connects and opens the
 * document live. The name is set here, not in Voorkeuren: leaving the dialog for another lost
 * the pasted invitation (issue 16, point 6); it is stored in the preferences on joining. What is
 * wrong with the invitation or the name, or why the server refuses, is said in the dialog.
 *
 * Once the pasted text reads as an invitation, the dialog says the role it grants; when the host
 * put a name in it, that is the user's name in the session (the server holds their proposals
 * and comments to it), so the name field gives way to a line that says so.
 */
import { useMemo, useState } from 'react';
import {
  InvitationError,
  SESSION_ROLE_LABELS,
  formatFingerprint,
  parseInvitation,
} from '../../shared/session/invitation.ts';
import type { Invitation } from '../../shared/session/invitation.ts';
import { usePreferences } from '../preferences/userPreferences.ts';
import { Modal } from './Modal.tsx';
import { NameField, checkName } from './NameField.tsx';

export function JoinSessionDialog({
  userName,
  onJoin,
  onCancel,
}: {
  /** The name in the preferences, which the field starts with. */
  userName: string;
  /**
   * Joins the session as `name` (undefined: under the invitation's name); rejects with an
   * error the dialog shows.
   */
  onJoin: (invitation: Invitation, name?: string) => Promise<void>;
  /** Not used: the name is set in the dialog itself (the window still passes it). */
  onPreferences?: () => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [name, setName] = useState(userName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameChosen = usePreferences()?.userNameChosen ?? true;
  // What the pasted text grants, once it reads as an invitation.
  const pasted = useMemo(() => readInvitation(text), [text]);
  const invitedName = pasted?.name ?? null;

  const submit = async () => {
    setError(null);
    let invitation: Invitation;
    try {
      invitation = parseInvitation(text);
    } catch (caught) {
      setNameError(checkName(name));
      setError(caught instanceof InvitationError ? caught.message : String(caught));
      return;
    }
    // A name in the invitation is the one the session uses; the field is not asked then.
    const nameProblem = invitation.name === null ? checkName(name) : null;
    setNameError(nameProblem);
    if (nameProblem) return;
    setBusy(true);
    try {
      await onJoin(invitation, invitation.name === null ? name.trim() : undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <Modal title="Deelnemen aan sessie" onCancel={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span className="field-label">Uitnodiging</span>
          <textarea
            className="text-input invitation-input"
            value={text}
            rows={4}
            autoFocus
            placeholder="Plak hier de uitnodiging (resolutie://sessie/…)"
            spellCheck={false}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
            aria-invalid={error ? 'true' : undefined}
          />
        </label>
        {pasted && invitedName !== null ? (
          <p className="modal-text invited-as" role="status">
            U neemt deel als {SESSION_ROLE_LABELS[pasted.role]}, onder de naam{' '}
            <strong>{invitedName}</strong>. De uitnodiger koos die naam; collega’s zien hem bij uw
            cursor, uw voorstellen en uw opmerkingen, en u kunt hem niet wijzigen.
          </p>
        ) : (
          <>
            {pasted && (
              <p className="modal-text invited-as" role="status">
                U neemt deel als {SESSION_ROLE_LABELS[pasted.role]}.
              </p>
            )}
            <NameField
              value={name}
              error={nameError}
              hint={
                nameChosen
                  ? 'Zo zien collega’s u bij uw cursor, in de lijst Aanwezig en bij uw wijzigingen.'
                  : 'Nu staat er de naam van uw account op deze computer. Zo zien collega’s u bij uw cursor, in de lijst Aanwezig en bij uw wijzigingen.'
              }
              onChange={(value) => {
                setName(value);
                setNameError(null);
              }}
            />
          </>
        )}
        {pasted?.fingerprint && (
          <p className="modal-text muted">
            Vingerafdruk van de host:{' '}
            <span className="fingerprint" data-testid="host-fingerprint">
              {formatFingerprint(pasted.fingerprint)}
            </span>
            . De app verbindt alleen met de computer die deze toont.
          </p>
        )}
        {busy && (
          <p className="modal-text" role="status">
            Verbinden met de sessie…
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={busy || !text.trim()}>
            Deelnemen
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The invitation in `text`, or null while it is not (yet) one. */
function readInvitation(text: string): Invitation | null {
  if (!text.trim()) return null;
  try {
    return parseInvitation(text);
  } catch {
    return null;
  }
}
