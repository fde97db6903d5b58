/**
 * Shows "Over Resolutie-editor" or the help page when one is opened (see `openAppDialog`), and
 * opens the help on F1. Mounted once, in App.tsx.
 */
import { useEffect } from 'react';
import { closeAppDialog, openAppDialog, useAppDialogOpen } from '../dialogs/appDialogs.ts';
import { AboutDialog } from './AboutDialog.tsx';
import { HelpDialog } from './HelpDialog.tsx';

export function AppDialogs() {
  const about = useAppDialogOpen('about');
  const help = useAppDialogOpen('help');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1' || event.ctrlKey || event.metaKey || event.altKey) return;
      // The browser's own help page would open otherwise.
      event.preventDefault();
      openAppDialog('help');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (about) {
    return (
      <AboutDialog onClose={() => closeAppDialog('about')} onHelp={() => openAppDialog('help')} />
    );
  }
  if (help) {
    return (
      <HelpDialog onClose={() => closeAppDialog('help')} onAbout={() => openAppDialog('about')} />
    );
  }
  return null;
}
