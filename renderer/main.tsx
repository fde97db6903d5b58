// First: the document this window was opened for is asked for now, so the host reads it while
// the rest of the window's code is evaluated and rendered.
import './window/pageLaunch.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import './styles/app.css';
import './styles/document.css';
import './styles/panels.css';
import './styles/collab.css';
import './styles/changes.css';
import './styles/references.css';
import { App } from './App.tsx';
// Last, after the components' own styles: the focus ring every control gets unless its own
// style draws one.
import './styles/focus.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
