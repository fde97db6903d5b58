/**
 * Writing a comment: a new one, a reply, or one's own comment changed. A labelled text field
 * that grows with its text, "Plaatsen" (or what the caller names it) and "Annuleren";
 * Ctrl+Enter (⌘+Enter on a Mac) places it, Escape cancels. What the store refuses (too long,
 * hidden characters, the document full) shows under the field and keeps the text.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { MAX_COMMENT_LENGTH } from '../../shared/comments/commentRecords.ts';
import { formatShortcut } from '../keyboard/shortcuts.ts';

/** From how many characters on the field counts down to the most a comment may have. */
const COUNT_FROM = MAX_COMMENT_LENGTH - 400;

export function CommentComposer({
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
}: {
  /** The field's label: "Nieuwe opmerking", "Antwoord", "Opmerking bewerken". */
  label: string;
  /** The button that places it: "Plaatsen", "Antwoorden", "Opslaan". */
  submitLabel: string;
  initial?: string;
  /** Writes the text; returns why it could not (in Dutch), or null when it was written. */
  onSubmit: (text: string) => string | null;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  // The field takes the focus when it opens (before the next key reaches anything else), with
  // the cursor after any text it starts with.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.setSelectionRange(element.value.length, element.value.length);
    element.scrollIntoView({ block: 'nearest' });
  }, []);

  const submit = () => {
    if (text.trim() === '') {
      setError('Schrijf eerst uw opmerking.');
      field.current?.focus();
      return;
    }
    const problem = onSubmit(text);
    setError(problem);
    if (problem) field.current?.focus();
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="comment-composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="comment-composer-label" htmlFor={fieldId}>
        {label}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        className="comment-field"
        value={text}
        rows={3}
        maxLength={MAX_COMMENT_LENGTH}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p className="form-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <p className="comment-composer-hint" id={hintId}>
        {text.length >= COUNT_FROM
          ? `Nog ${MAX_COMMENT_LENGTH - text.length} tekens`
          : `${formatShortcut('Mod-Enter')}: ${submitLabel.toLowerCase()} · Esc: annuleren`}
      </p>
      <div className="comment-composer-bar">
        <button type="button" className="small-button" onClick={onCancel}>
          Annuleren
        </button>
        <button type="submit" className="small-button comment-submit">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
