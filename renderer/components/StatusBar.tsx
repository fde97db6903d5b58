/**
 * The status bar: which shell the app runs in and its version (asked through the API), the
 * last problem a file command ran into, and, until the user saves them again, that stored
 * preferences could not (all) be read.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { usePreferences } from '../preferences/userPreferences.ts';

export function StatusBar({
  notice,
  onPreferences,
}: {
  notice?: string | null;
  /** Opens the preferences ("Voorkeuren bekijken"). */
  onPreferences: () => void;
}) {
  const [text, setText] = useState('');
  const preferencesDamaged = (usePreferences()?.notices.length ?? 0) > 0;
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
      {preferencesDamaged && (
        <span className="status-notice" role="status">
          Uw voorkeuren konden niet helemaal worden gelezen; de standaardwaarden gelden.{' '}
          <button type="button" className="link-button" onClick={onPreferences}>
            Voorkeuren bekijken
          </button>
        </span>
      )}
      {notice && (
        <span className="status-notice" role="alert">
          {notice}
        </span>
      )}
    </footer>
  );
}
