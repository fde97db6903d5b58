/**
 * The document's metadata in a side panel: kind, title, assembly, date, indiener, status and
 * version label. Changes go into the document (title node and preamble), so the preamble line
 * follows the assembly and date, and every change travels through Yjs and undo. A reader in a
 * session sees the values in read-only fields, with a line that says why; so does a voorsteller,
 * since metadata are no text to propose a change on (the server would refuse the change).
 */
import { useId, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { setMetadata } from '../../shared/editor/commands/metadata.ts';
import { getMetadata } from '../../shared/editor/queries/getMetadata.ts';
import type { DocumentMetadata } from '../../shared/editor/queries/getMetadata.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../shared/model/resolution.ts';
import type { DocumentKind, DocumentStatus } from '../../shared/model/resolution.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../shared/labels.ts';
import { DEFAULT_ASSEMBLY, getAssemblyName } from '../../shared/model/assembly.ts';
import { formatDateInStyle, readDutchDate } from '../../shared/dates.ts';
import { useDateStyle } from '../preferences/userPreferences.ts';
import { schema } from '../../shared/editor/schema.ts';
import { READ_ONLY_REASON } from '../editor/nodeviews/readOnly.ts';

/** For a reader or a voorsteller: the fields only show, and name the line that says why. */
interface ReadOnlyField {
  readOnly?: boolean;
  describedBy?: string;
  /** Why the field only shows (its tooltip). */
  reason?: string;
}

/** A text field that commits on blur or Enter, and follows the document otherwise. */
function CommitField({
  label,
  value,
  placeholder,
  onCommit,
  error,
  readOnly = false,
  describedBy,
  reason = READ_ONLY_REASON,
}: ReadOnlyField & {
  label: string;
  value: string;
  placeholder?: string;
  /** Returns an error message to show, or null when the value was taken. */
  onCommit: (value: string) => string | null;
  error?: string | null;
}) {
  // While the field has focus it shows the user's draft; otherwise the document's value,
  // so that an undo or a colleague's change shows at once.
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const problem = draft === value ? null : onCommit(draft);
    setMessage(problem);
    // A refused value stays in the field with its message, so the user can correct it.
    if (!problem) setDraft(null);
  };
  const shown = message ?? error ?? null;
  const id = `meta-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="text-input"
        value={draft ?? value}
        placeholder={placeholder}
        readOnly={readOnly}
        title={readOnly ? reason : undefined}
        onFocus={() => {
          if (!readOnly) setDraft(value);
        }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        aria-invalid={shown ? 'true' : undefined}
        aria-describedby={
          [shown ? `${id}-error` : null, describedBy].filter(Boolean).join(' ') || undefined
        }
      />
      {shown && (
        <span id={`${id}-error`} className="form-error" role="alert">
          {shown}
        </span>
      )}
    </label>
  );
}

/** A chooser among fixed values with Dutch labels. */
function SelectField<T extends string>({
  label,
  value,
  options,
  labels,
  onChange,
  readOnly = false,
  describedBy,
  reason = READ_ONLY_REASON,
}: ReadOnlyField & {
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        className="text-input"
        value={value}
        disabled={readOnly}
        title={readOnly ? reason : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          if (!readOnly) onChange(event.target.value as T);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MetadataPanel({
  view,
  readOnly = false,
  reason = READ_ONLY_REASON,
}: {
  view: EditorView | null;
  /** A reader or a voorsteller in a session: nothing here may change the document. */
  readOnly?: boolean;
  /** Why not, beside the fields: a reader's reason unless told otherwise. */
  reason?: string;
}) {
  const dateStyle = useDateStyle();
  const noteId = useId();
  if (!view) return <aside className="metadata" aria-label="Gegevens van het stuk" />;
  const meta = getMetadata(view.state.doc);
  // Belt and braces: a reader's fields cannot commit, and nothing would be sent if they did.
  const apply = (changes: Partial<Omit<DocumentMetadata, 'title'>>) =>
    !readOnly && setMetadata(changes)(view.state, view.dispatch);
  const setTitle = (text: string) => {
    if (readOnly) return;
    const title = view.state.doc.firstChild!;
    const tr = view.state.tr.replaceWith(
      1,
      1 + title.content.size,
      text.trim() ? schema.text(text.trim()) : [],
    );
    view.dispatch(tr);
  };
  const fieldMode: ReadOnlyField = {
    readOnly,
    describedBy: readOnly ? noteId : undefined,
    reason,
  };
  return (
    <aside className="metadata" aria-label="Gegevens van het stuk">
      <h2 className="panel-title">Gegevens</h2>
      {readOnly && (
        <p className="read-only-note read-only-note-panel" id={noteId}>
          {reason}
        </p>
      )}
      <SelectField
        {...fieldMode}
        label="Soort"
        value={meta.kind}
        options={DOCUMENT_KINDS}
        labels={KIND_LABELS}
        onChange={(kind: DocumentKind) => apply({ kind })}
      />
      <CommitField
        {...fieldMode}
        label="Titel"
        value={meta.title}
        placeholder="Titel van het stuk"
        onCommit={(value) => {
          setTitle(value);
          return null;
        }}
      />
      <CommitField
        {...fieldMode}
        label="Vergadering"
        value={meta.assembly}
        placeholder={DEFAULT_ASSEMBLY}
        onCommit={(value) => {
          apply({ assembly: getAssemblyName(value) });
          return null;
        }}
      />
      <CommitField
        {...fieldMode}
        label="Datum van de vergadering"
        value={meta.date ? (formatDateInStyle(meta.date, dateStyle) ?? '') : ''}
        placeholder="bijv. 29 november 2024"
        onCommit={(value) => {
          if (value.trim() === '') {
            apply({ date: null });
            return null;
          }
          // The same reading, and the same precise reason, as the preamble's date field.
          const reading = readDutchDate(value);
          if (reading.iso === null) return reading.problem;
          apply({ date: reading.iso });
          return null;
        }}
      />
      <CommitField
        {...fieldMode}
        label="Indiener"
        value={meta.submitter ?? ''}
        placeholder="bestuur of naam van de gemeente"
        onCommit={(value) => {
          apply({ submitter: value });
          return null;
        }}
      />
      <SelectField
        {...fieldMode}
        label="Status"
        value={meta.status}
        options={DOCUMENT_STATUSES}
        labels={STATUS_LABELS}
        onChange={(status: DocumentStatus) => apply({ status })}
      />
      <CommitField
        {...fieldMode}
        label="Versielabel"
        value={meta.versionLabel ?? ''}
        placeholder="bijv. Concept 12 november"
        onCommit={(value) => {
          apply({ versionLabel: value });
          return null;
        }}
      />
    </aside>
  );
}
