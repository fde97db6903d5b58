/**
 * "Voorkeuren": the name and colour under which colleagues see this user in a co-editing
 * session (the label on the cursor, the presence list). Set once; the app keeps them in its
 * profile.
 */
import { useState } from 'react';
import type { UserPreferences } from '../../shared/api/preferences.ts';
import { MAX_USER_NAME_LENGTH } from '../../shared/api/preferences.ts';
import { USER_COLOURS, pickUserColour } from '../../shared/collab/userColours.ts';
import { Modal } from './Modal.tsx';

const COLOUR_NAMES: Record<string, string> = {
  '#b3261e': 'rood',
  '#1b6e3a': 'groen',
  '#7a3e9d': 'paars',
  '#a34a00': 'oranje',
  '#00687a': 'petrol',
  '#9c2a6b': 'framboos',
  '#4a5b00': 'olijf',
  '#3d4fb8': 'indigo',
};

export function PreferencesDialog({
  initial,
  onSave,
  onCancel,
}: {
  initial: UserPreferences;
  /** Stores the preferences; rejects with an error the dialog shows. */
  onSave: (preferences: UserPreferences) => Promise<void>;
  onCancel: () => void;
}) {
  const [userName, setUserName] = useState(initial.userName);
  const [userColour, setUserColour] = useState(initial.userColour);
  // Until the user picks a colour, it follows the name: colleagues with different names then
  // get different colours without anyone choosing.
  const [colourChosen, setColourChosen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave({ userName: userName.trim(), userColour });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <Modal title="Voorkeuren" onCancel={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="modal-text">Zo zien collega’s u in een gezamenlijke sessie.</p>
        <label className="field">
          <span className="field-label">Uw naam</span>
          <input
            className="text-input"
            value={userName}
            maxLength={MAX_USER_NAME_LENGTH}
            autoFocus
            onChange={(event) => {
              setUserName(event.target.value);
              if (!colourChosen && event.target.value.trim()) {
                setUserColour(pickUserColour(event.target.value.trim()));
              }
            }}
          />
        </label>
        <fieldset className="field colour-field">
          <legend className="field-label">Uw kleur</legend>
          <div className="colour-choices">
            {USER_COLOURS.map((colour) => (
              <label key={colour} className="colour-choice" title={COLOUR_NAMES[colour]}>
                <input
                  type="radio"
                  name="user-colour"
                  value={colour}
                  checked={colour === userColour}
                  onChange={() => {
                    setUserColour(colour);
                    setColourChosen(true);
                  }}
                  aria-label={COLOUR_NAMES[colour] ?? colour}
                />
                <span className="colour-swatch" style={{ backgroundColor: colour }} />
              </label>
            ))}
          </div>
        </fieldset>
        <p className="preview-name">
          Voorbeeld:{' '}
          <span className="cursor-label" style={{ backgroundColor: userColour }}>
            {userName.trim() || 'Uw naam'}
          </span>
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={busy || !userName.trim()}>
            Opslaan
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
