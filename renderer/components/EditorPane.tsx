/**
 * The document page: mounts a ProseMirror editor on an open document's Y.Doc and reports the
 * view and every change upwards. One editor per open document; another document gets a new
 * editor.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import { createEditor, setEditorReadOnly } from '../editor/createEditor.ts';
import { AwarenessSlot } from '../liveSession/awarenessSlot.ts';
import type { SessionAwareness } from '../liveSession/awarenessSlot.ts';
import { collabFromYDoc } from '../editor/yjsBinding.ts';
import type { OpenDocument } from '../documents/OpenDocument.ts';

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
  // The document's editor and the slot its cursor plugin reads colleagues from.
  const editors = useRef<{ editor: EditorView; slot: AwarenessSlot } | null>(null);
  // The latest callbacks, without re-creating the editor when they change.
  const callbacks = useRef({ onView, onChange });
  useLayoutEffect(() => {
    callbacks.current = { onView, onChange };
  });

  useEffect(() => {
    if (!place.current) return;
    const slot = new AwarenessSlot();
    const editor = createEditor(
      place.current,
      collabFromYDoc(openDocument.ydoc),
      (view) => callbacks.current.onChange(view),
      slot,
    );
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
      <div ref={place} className="page-frame" />
    </main>
  );
}
