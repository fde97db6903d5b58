/**
 * A shortcut heard on the whole window rather than in the editor, so that it works in a
 * read-only editor and from the panels too: `action` runs when `matches` says the key is the
 * one, unless a dialog or a text field has the key (a comment being written keeps its text).
 */
import { useEffect, useRef } from 'react';

export function useWindowShortcut(
  matches: (event: KeyboardEvent) => boolean,
  action: () => void,
): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!matches(event) || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('dialog, input, textarea, select')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [matches]);
}
