/**
 * The document page: mounts a ProseMirror editor on an open document's Y.Doc and reports the
 * view and every change upwards. One editor per open document; another document gets a new
 * editor, and opens at its top (the page keeps its element, and with it the scroll position
 * of the document before, unless told otherwise).
 *
 * What the editor tells the user about their own action (a paste that left something out)
 * shows above the page until they close it or open another document.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { createEditor, setEditorReadOnly } from '../editor/createEditor.ts';
import { AwarenessSlot } from '../liveSession/awarenessSlot.ts';
import type { SessionAwareness } from '../liveSession/awarenessSlot.ts';
import { collabFromYDoc } from '../editor/yjsBinding.ts';
import type { OpenDocument } from '../documents/OpenDocument.ts';
import '../styles/editorNotice.css';

declare global {
  interface Window {
    /** Read-only view of the document for end-to-end tests and support: its JSON. */
    resolutieDocument?: () => unknown;
  }
}

export function EditorPane({
  openDocument,
  live,
  onView,
  onChange,
}: {
  openDocument: OpenDocument;
  /** The co-editing session the document is in, if any: cursors, and read-only for readers. */
  live?: { awareness: SessionAwareness | null; readOnly: boolean } | null;
  onView: (view: EditorView | null) => void;
  onChange: (view: EditorView) => void;
}) {
  const place = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The document's editor and the slot its cursor plugin reads colleagues from.
  const editors = useRef<{ editor: EditorView; slot: AwarenessSlot } | null>(null);
  // The latest callbacks, without re-creating the editor when they change.
  const callbacks = useRef({ onView, onChange });
  useLayoutEffect(() => {
    callbacks.current = { onView, onChange };
  });

  useEffect(() => {
    if (!place.current) return;
    setNotice(null);
    const slot = new AwarenessSlot();
    const editor = createEditor(
      place.current,
      collabFromYDoc(openDocument.ydoc),
      (view) => callbacks.current.onChange(view),
      slot,
      setNotice,
    );
    place.current.parentElement?.scrollTo({ top: 0, left: 0 });
    editors.current = { editor, slot };
    window.resolutieDocument = () => editor.state.doc.toJSON();
    callbacks.current.onView(editor);
    callbacks.current.onChange(editor);
    editor.focus();
    return () => {
      editors.current = null;
      slot.attach(null);
      callbacks.current.onView(null);
      editor.destroy();
      delete window.resolutieDocument;
    };
  }, [openDocument]);

  // A session plugs its awareness into the editor and, for a reader, makes it read-only; the
  // editor and its undo history stay.
  useEffect(() => {
    const current = editors.current;
    if (!current) return;
    current.slot.attach(live?.awareness ?? null);
    setEditorReadOnly(current.editor, live?.readOnly ?? false);
  }, [openDocument, live]);

  return (
    <main className="page-area" aria-label="Document">
      {notice && (
        <div className="editor-notice" role="alert">
          <span>{notice}</span>
          <button
            type="button"
            className="editor-notice-close"
            aria-label="Melding sluiten"
            title="Melding sluiten"
            onClick={() => {
              setNotice(null);
              editors.current?.editor.focus();
            }}
          >
            ×
          </button>
        </div>
      )}
      <div ref={place} className="page-frame" />
    </main>
  );
}
