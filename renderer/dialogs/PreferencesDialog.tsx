/**
 * "Voorkeuren": the name and colour under which colleagues see this user in a co-editing
 * session (the label on the cursor, the presence list, their changes), the assembly a new stuk
 * starts with, the folder for documents and how the screens show dates. Every field is checked
 * before anything is sent, with a Dutch message beside the field; the host checks the folder
 * again on its own disk (it must exist and be writable). Nothing is stored until "Opslaan".
 */
import { useId, useState } from 'react';
import { ApiError } from '../../shared/api/errors.ts';
import {
  MAX_ASSEMBLY_LENGTH,
  MAX_FOLDER_PATH_LENGTH,
  MAX_USER_NAME_LENGTH,
  PREFERENCE_LABELS,
  describePreferenceProblem,
  type DateStyle,
  type PreferenceField,
  type PreferencesState,
  type UserPreferences,
} from '../../shared/api/preferences.ts';
import { USER_COLOURS, pickUserColour } from '../../shared/model/userColours.ts';
import { formatDateInStyle } from '../../shared/dates.ts';
import { DEFAULT_ASSEMBLY, getAssemblyName } from '../../shared/model/assembly.ts';
import { useNameRequest } from '../preferences/namePrompt.ts';
import { Modal } from './Modal.tsx';
import { NameDialog } from './NameDialog.tsx';

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

/** The date the choice of style is shown with. */
const EXAMPLE_DATE = '2024-11-29';

const DATE_STYLE_LABELS: Record<DateStyle, string> = {
  long: 'Voluit',
  numeric: 'In cijfers',
};

type FieldErrors = Partial<Record<PreferenceField, string>>;

interface PreferencesDialogProps {
  initial: PreferencesState;
  /** Stores the preferences; rejects with an error the dialog shows. */
  onSave: (preferences: UserPreferences) => Promise<void>;
  onCancel: () => void;
}

/**
 * Voorkeuren; or, while the app asks for the user's name before a session or tracked changes
 * (preferences/namePrompt.ts), only that question.
 */
export function PreferencesDialog(props: PreferencesDialogProps) {
  const nameRequest = useNameRequest();
  return nameRequest ? (
    <NameDialog reason={nameRequest} {...props} />
  ) : (
    <AllPreferencesDialog {...props} />
  );
}

function AllPreferencesDialog({ initial, onSave, onCancel }: PreferencesDialogProps) {
  const { preferences, documentsFolder, notices } = initial;
  const [userName, setUserName] = useState(preferences.userName);
  const [userColour, setUserColour] = useState(preferences.userColour);
  // Until the user picks a colour, it follows the name: colleagues with different names then
  // get different colours without anyone choosing.
  const [colourChosen, setColourChosen] = useState(false);
  const [assembly, setAssembly] = useState(preferences.defaultAssembly);
  const [folder, setFolder] = useState(preferences.documentsDir ?? '');
  const [dateStyle, setDateStyle] = useState<DateStyle>(preferences.dateStyle);
  const [pdfArchive, setPdfArchive] = useState(preferences.pdfArchive);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const focusField = (field: PreferenceField) => document.getElementById(`${id}-${field}`)?.focus();

  const clearError = (field: PreferenceField) =>
    setErrors((current) => {
      if (!current[field]) return current;
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });

  const submit = async () => {
    const next: UserPreferences = {
      userName: userName.trim(),
      userColour,
      defaultAssembly: assembly.trim(),
      documentsDir: folder.trim() === '' ? null : folder.trim(),
      dateStyle,
      pdfArchive,
    };
    const found: FieldErrors = {};
    for (const field of ['userName', 'defaultAssembly', 'documentsDir'] as const) {
      const problem = describePreferenceProblem(field, next[field]);
      if (problem) found[field] = problem;
    }
    setErrors(found);
    setError(null);
    const first = (['userName', 'defaultAssembly', 'documentsDir'] as const).find((f) => found[f]);
    if (first) {
      focusField(first);
      return;
    }
    setBusy(true);
    try {
      await onSave(next);
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      // The host checks only the folder beyond what was checked here: a refused request is
      // about the folder, anything else (the profile cannot be written) about the whole.
      if (caught instanceof ApiError && caught.code === 'invalid_request' && next.documentsDir) {
        setErrors({ documentsDir: message });
        focusField('documentsDir');
      } else {
        setError(message);
      }
      setBusy(false);
    }
  };

  /** The props that tie a text field to its message. */
  const described = (field: PreferenceField, hint?: boolean) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [errors[field] ? `${id}-${field}-error` : null, hint ? `${id}-${field}-hint` : null]
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const fieldError = (field: PreferenceField) => (
    <span className="field-error" id={`${id}-${field}-error`}>
      {errors[field] ?? ''}
    </span>
  );

  return (
    <Modal title="Voorkeuren" onCancel={onCancel} className="preferences-modal">
      {notices.length > 0 && (
        <div className="preferences-notices" role="status">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="preferences-grid">
          <fieldset className="preferences-section preferences-user">
            <legend className="preferences-legend">Samen bewerken</legend>
            <p className="modal-text">
              Zo zien collega’s u in een gezamenlijke sessie en bij uw wijzigingen.
            </p>
            <label className="field-label" htmlFor={`${id}-userName`}>
              Uw naam
            </label>
            <div className="field">
              <input
                className="text-input"
                value={userName}
                maxLength={MAX_USER_NAME_LENGTH}
                autoFocus
                {...described('userName')}
                onChange={(event) => {
                  setUserName(event.target.value);
                  clearError('userName');
                  if (!colourChosen && event.target.value.trim()) {
                    setUserColour(pickUserColour(event.target.value.trim()));
                  }
                }}
              />
              {fieldError('userName')}
            </div>
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
          </fieldset>

          <fieldset className="preferences-section preferences-new">
            <legend className="preferences-legend">Nieuwe stukken</legend>
            <label className="field-label" htmlFor={`${id}-defaultAssembly`}>
              Vergadering
            </label>
            <div className="field">
              <input
                className="text-input"
                value={assembly}
                maxLength={MAX_ASSEMBLY_LENGTH}
                placeholder={DEFAULT_ASSEMBLY}
                {...described('defaultAssembly', true)}
                onChange={(event) => {
                  setAssembly(event.target.value);
                  clearError('defaultAssembly');
                }}
              />
              {fieldError('defaultAssembly')}
              <span className="field-hint" id={`${id}-defaultAssembly-hint`}>
                Een nieuw stuk begint met ‘De leden bijeen in de {getAssemblyName(assembly)} van
                …:’.
              </span>
            </div>
          </fieldset>

          <fieldset className="preferences-section preferences-folder">
            <legend className="preferences-legend">Documenten</legend>
            <label className="field-label" htmlFor={`${id}-documentsDir`}>
              Documentenmap
            </label>
            <div className="field">
              <input
                className="text-input path-input"
                value={folder}
                maxLength={MAX_FOLDER_PATH_LENGTH}
                placeholder={documentsFolder.standard}
                spellCheck={false}
                {...described('documentsDir', true)}
                onChange={(event) => {
                  setFolder(event.target.value);
                  clearError('documentsDir');
                }}
              />
              {fieldError('documentsDir')}
              <span className="field-hint" id={`${id}-documentsDir-hint`}>
                {documentsFolder.fixed
                  ? `Bij het starten is ${documentsFolder.standard} als documentenmap opgegeven; die geldt zolang de editor zo gestart wordt. Een map hier geldt daarna.`
                  : `De volledige map, die al bestaat. Leeg laten voor de standaardmap (${documentsFolder.standard}).${documentsFolder.current === documentsFolder.standard ? '' : ` Nu in gebruik: ${documentsFolder.current}.`}`}
              </span>
            </div>
          </fieldset>

          <fieldset className="preferences-section preferences-dates">
            <legend className="preferences-legend">Datums tonen</legend>
            <div className="choice-group" aria-describedby={`${id}-dateStyle-hint`}>
              {(['long', 'numeric'] as const).map((style) => (
                <label key={style} className="choice">
                  <input
                    type="radio"
                    name="date-style"
                    value={style}
                    checked={dateStyle === style}
                    onChange={() => setDateStyle(style)}
                  />
                  {DATE_STYLE_LABELS[style]}
                  <span className="choice-example">{formatDateInStyle(EXAMPLE_DATE, style)}</span>
                </label>
              ))}
            </div>
            <span className="field-hint" id={`${id}-dateStyle-hint`}>
              Op het scherm (Gegevens, Openen, Versies). Het stuk en de PDF schrijven de datum
              altijd voluit.
            </span>
          </fieldset>

          <fieldset className="preferences-section preferences-pdf">
            <legend className="preferences-legend">PDF</legend>
            <div className="choice-group" aria-describedby={`${id}-pdfArchive-hint`}>
              <label className="choice">
                <input
                  type="checkbox"
                  id={`${id}-pdfArchive`}
                  checked={pdfArchive}
                  onChange={(event) => setPdfArchive(event.target.checked)}
                />
                {PREFERENCE_LABELS.pdfArchive}
              </label>
            </div>
            <span className="field-hint" id={`${id}-pdfArchive-hint`}>
              Exporteren als PDF maakt dan PDF/A-2b, de vorm die archieven vragen. Tags,
              inhoudsopgave en gegevens van het stuk blijven erin.
            </span>
          </fieldset>
        </div>

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="button primary" disabled={busy}>
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
