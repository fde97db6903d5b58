/**
 * The invitation to the session this user hosts: the role it grants (redacteur or lezer), the
 * line to copy and send, and where colleagues can reach the session. Shown when the session
 * starts, and again from "Uitnodigen…".
 */
import { useState } from 'react';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { Modal } from './Modal.tsx';

export function InviteDialog({
  invitations,
  networkAddress,
  onClose,
}: {
  invitations: Record<SessionRole, string>;
  /** Where colleagues reach this computer ("192.168.1.20:4791"); null: only this computer. */
  networkAddress: string | null;
  onClose: () => void;
}) {
  const [role, setRole] = useState<SessionRole>('editor');
  const [copied, setCopied] = useState(false);
  const text = invitations[role];

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // No clipboard access: the text is selected, so Ctrl+C copies it.
      const field = document.getElementById('invitation-text') as HTMLTextAreaElement | null;
      field?.select();
    }
  };

  return (
    <Modal title="Uitnodigen voor de sessie" onCancel={onClose} wide>
      <p className="modal-text">
        Stuur collega’s deze uitnodiging (per mail of chat). Wie hem heeft, kan deelnemen zolang de
        sessie loopt.
      </p>
      <fieldset className="field role-choice">
        <legend className="field-label">Rol</legend>
        <label>
          <input
            type="radio"
            name="role"
            checked={role === 'editor'}
            onChange={() => {
              setRole('editor');
              setCopied(false);
            }}
          />{' '}
          Redacteur <span className="muted">– schrijft mee</span>
        </label>
        <label>
          <input
            type="radio"
            name="role"
            checked={role === 'reader'}
            onChange={() => {
              setRole('reader');
              setCopied(false);
            }}
          />{' '}
          Lezer <span className="muted">– leest mee, kan niets wijzigen</span>
        </label>
      </fieldset>
      <label className="field">
        <span className="field-label">
          Uitnodiging voor {role === 'editor' ? 'redacteuren' : 'lezers'}
        </span>
        <textarea
          id="invitation-text"
          className="text-input invitation-input"
          readOnly
          rows={3}
          value={text}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </label>
      <p className="modal-text muted">
        {networkAddress
          ? `Collega’s op hetzelfde netwerk bereiken deze computer op ${networkAddress}. Houd de app open zolang de sessie loopt.`
          : 'Deze computer heeft geen netwerkadres; alleen vensters op deze computer kunnen deelnemen.'}
      </p>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={() => void copy()}>
          {copied ? 'Gekopieerd' : 'Kopiëren'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}
