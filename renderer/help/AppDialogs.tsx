/**
 * Shows "Over Resolutie-editor" or the help page when one is open (the window's controller
 * holds which), and opens the help on F1. Mounted once, in App.tsx.
 */
import { useEffect } from 'react';
import type { AppDialog } from '../window/windowDialogs.ts';
import { WhenLoaded } from '../controls/WhenLoaded.tsx';
import { lazyPart } from '../controls/lazyPart.tsx';

// Loaded when first opened: the help's text and its shortcut tables are no part of the start.
const AboutDialog = lazyPart(async () => (await import('./AboutDialog.tsx')).AboutDialog);
const HelpDialog = lazyPart(async () => (await import('./HelpDialog.tsx')).HelpDialog);

export function AppDialogs({
  open,
  onOpen,
  onClose,
}: {
  /** Which of the two is open, if either. */
  open: 'about' | 'help' | null;
  onOpen: (dialog: AppDialog) => void;
  onClose: (dialog: AppDialog) => void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1' || event.ctrlKey || event.metaKey || event.altKey) return;
      // The browser's own help page would open otherwise.
      event.preventDefault();
      onOpen('help');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onOpen]);

  if (open === 'about') {
    return (
      <WhenLoaded onClose={() => onClose('about')}>
        <AboutDialog onClose={() => onClose('about')} onHelp={() => onOpen('help')} />
      </WhenLoaded>
    );
  }
  if (open === 'help') {
    return (
      <WhenLoaded onClose={() => onClose('help')}>
        <HelpDialog onClose={() => onClose('help')} onAbout={() => onOpen('about')} />
      </WhenLoaded>
    );
  }
  return null;
}
