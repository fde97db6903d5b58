/**
 * The status bar: which shell the app runs in and its version (asked through the API), the
 * last problem a file command ran into or what it did (an import), and, until the user saves them again, that stored
 * preferences could not (all) be read.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { usePreferences } from '../preferences/userPreferences.ts';

export function StatusBar({
  notice,
  outcome,
  onPreferences,
}: {
  notice?: string | null;
  /** What the last command did (an import), said plainly: not a problem. */
  outcome?: string | null;
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
      {outcome && !notice && (
        <span className="status-outcome" role="status">
          {outcome}
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
