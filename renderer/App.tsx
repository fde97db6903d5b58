/**
 * The application window: a header, the toolbar, the outline panel and the document page.
 * The editor is a ProseMirror view that React mounts once; React re-renders the toolbar and
 * outline from the view's state after every transaction.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { createEditor } from './editor/createEditor.ts';
import { createCollabDocument } from './editor/collab.ts';
import { createTemplateDoc } from '../shared/editor/template.ts';
import { Toolbar } from './components/Toolbar.tsx';
import { OutlinePanel } from './components/OutlinePanel.tsx';
import { StatusBar } from './components/StatusBar.tsx';

declare global {
  interface Window {
    /** Read-only view of the document for end-to-end tests and support: its JSON. */
    resolutieDocument?: () => unknown;
  }
}

export function App() {
  const place = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [, setRevision] = useState(0);

  useEffect(() => {
    if (!place.current) return;
    const collab = createCollabDocument(createTemplateDoc('resolutie'));
    const editor = createEditor(place.current, collab, () => setRevision((r) => r + 1));
    window.resolutieDocument = () => editor.state.doc.toJSON();
    setView(editor);
    editor.focus();
    return () => {
      editor.destroy();
      collab.ydoc.destroy();
      delete window.resolutieDocument;
    };
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Resolutie-editor</span>
        <span className="doc-name">Nieuw stuk (niet opgeslagen)</span>
      </header>
      <Toolbar view={view} />
      <div className="workspace">
        <OutlinePanel view={view} />
        <main className="page-area" aria-label="Document">
          <div ref={place} className="page-frame" />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
