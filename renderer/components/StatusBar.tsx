/**
 * The status bar: which shell the app runs in and its version (asked through the API), and the
 * last problem a file command ran into.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';

export function StatusBar({ notice }: { notice?: string | null }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    api
      .getAppInfo()
      .then((info) => {
        const mode = info.mode === 'electron' ? 'Bureaubladapp' : 'Browsermodus';
        if (live) setText(`${mode} · versie ${info.version}`);
      })
      .catch((error: unknown) => {
        if (live) setText(error instanceof Error ? error.message : 'Geen verbinding met de app.');
      });
    return () => {
      live = false;
    };
  }, []);
  return (
    <footer className="status-bar">
      <span role="status">{text}</span>
      {notice && (
        <span className="status-notice" role="alert">
          {notice}
        </span>
      )}
    </footer>
  );
}
