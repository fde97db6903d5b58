/**
 * "Uw naam": the short question the app asks the first time the user's name matters (a session
 * starts, or tracked changes are turned on) while the name is still the account's default. Only
 * the name; the colour follows it (as in Voorkeuren until a colour is chosen), and the rest of
 * the preferences stays as it is. Saving stores the name and goes on with what was asked.
 */
import { useState } from 'react';
import type { PreferencesState, UserPreferences } from '../../shared/api/preferences.ts';
import { pickUserColour } from '../../shared/model/userColours.ts';
import type { NameReason } from '../preferences/namePrompt.ts';
import { Modal } from './Modal.tsx';
import { NameField, checkName } from './NameField.tsx';

const WHY: Record<NameReason, { text: string; action: string }> = {
  startSession: {
    text: 'Voordat de sessie start: onder welke naam zien collega’s u? Ze zien hem bij uw cursor, in de lijst Aanwezig en bij uw wijzigingen.',
    action: 'Sessie starten',
  },
  suggesting: {
    text: 'Uw wijzigingen worden voorstellen onder uw naam. Onder welke naam zien anderen ze?',
    action: 'Doorgaan',
  },
  commenting: {
    text: 'Uw opmerkingen staan onder uw naam. Onder welke naam zien anderen ze?',
    action: 'Doorgaan',
  },
  amendment: {
    text: 'Uw amendement en de voorstellen ervan staan onder uw naam. Onder welke naam zien anderen ze?',
    action: 'Doorgaan',
  },
};

export function NameDialog({
  reason,
  initial,
  onSave,
  onCancel,
}: {
  reason: NameReason;
  initial: PreferencesState;
  /** Stores the preferences; rejects with an error the dialog shows. */
  onSave: (preferences: UserPreferences) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = checkName(name);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const userName = name.trim();
      await onSave({ ...initial.preferences, userName, userColour: pickUserColour(userName) });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <Modal title="Uw naam" onCancel={onCancel}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="modal-text">{WHY[reason].text}</p>
        <NameField
          value={name}
          error={error}
          placeholder="Voor- en achternaam"
          hint={`Nu staat er de naam van uw account op deze computer (${initial.preferences.userName}). U kunt hem later wijzigen in Voorkeuren.`}
          autoFocus
          onChange={(value) => {
            setName(value);
            setError(null);
          }}
        />
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {WHY[reason].action}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
