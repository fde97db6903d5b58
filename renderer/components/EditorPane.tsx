/**
 * The document page: mounts a ProseMirror editor on a session's Y.Doc and reports the view
 * and every change upwards. One editor per session; a new session gets a new editor.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import { createEditor } from '../editor/createEditor.ts';
import { collabFromYDoc } from '../editor/collab.ts';
import type { DocumentSession } from '../documents/DocumentSession.ts';

declare global {
  interface Window {
    /** Read-only view of the document for end-to-end tests and support: its JSON. */
    resolutieDocument?: () => unknown;
  }
}

export function EditorPane({
  session,
  onView,
  onChange,
}: {
  session: DocumentSession;
  onView: (view: EditorView | null) => void;
  onChange: (view: EditorView) => void;
}) {
  const place = useRef<HTMLDivElement>(null);
  // The latest callbacks, without re-creating the editor when they change.
  const callbacks = useRef({ onView, onChange });
  useLayoutEffect(() => {
    callbacks.current = { onView, onChange };
  });

  useEffect(() => {
    if (!place.current) return;
    const editor = createEditor(place.current, collabFromYDoc(session.ydoc), (view) =>
      callbacks.current.onChange(view),
    );
    window.resolutieDocument = () => editor.state.doc.toJSON();
    callbacks.current.onView(editor);
    callbacks.current.onChange(editor);
    editor.focus();
    return () => {
      callbacks.current.onView(null);
      editor.destroy();
      delete window.resolutieDocument;
    };
  }, [session]);

  return (
    <main className="page-area" aria-label="Document">
      <div ref={place} className="page-frame" />
    </main>
  );
}
