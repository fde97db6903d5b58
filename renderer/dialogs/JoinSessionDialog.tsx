/**
 * "Deelnemen aan sessie": the user pastes the invitation a colleague sent (the line itself or
 * the whole message), the app connects and opens the document live. What is wrong with the
 * invitation, or why the server refuses, is said in the dialog.
 */
import { useState } from 'react';
import { InvitationError, parseInvitation } from '../../shared/session/invitation.ts';
import type { Invitation } from '../../shared/session/invitation.ts';
import { Modal } from './Modal.tsx';

export function JoinSessionDialog({
  userName,
  onJoin,
  onPreferences,
  onCancel,
}: {
  userName: string;
  /** Joins the session; rejects with an error the dialog shows. */
  onJoin: (invitation: Invitation) => Promise<void>;
  onPreferences: () => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    let invitation: Invitation;
    try {
      invitation = parseInvitation(text);
    } catch (caught) {
      setError(caught instanceof InvitationError ? caught.message : String(caught));
      return;
    }
    setBusy(true);
    try {
      await onJoin(invitation);
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
        <p className="modal-text">
          U doet mee als <strong>{userName}</strong>.{' '}
          <button type="button" className="link-button" onClick={onPreferences}>
            Wijzigen
          </button>
        </p>
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
