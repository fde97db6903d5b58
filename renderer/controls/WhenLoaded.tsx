/**
 * The place where code loaded on demand (a dialog, the help) appears: the UI rooms that load
 * parts of themselves lazily share it, so the wait, and a failure, look the same everywhere.
 */
import { Component, Suspense } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { retryFailedParts } from './lazyPart.tsx';

/** Said when a part could not be loaded (or failed while drawing): the document is untouched. */
export const LOAD_FAILED_MESSAGE =
  'Dit onderdeel kon niet worden geladen. Uw document is niet aangetast. Probeer het opnieuw; ' +
  'lukt het dan weer niet, sla uw werk op en open het venster opnieuw.';

interface WhenLoadedProps {
  children: ReactNode;
  /** Closes what failed to load (the dialog that was asked for). */
  onClose: () => void;
}

/**
 * Shows `children` once their code has loaded. Meanwhile a "Laden …" notice, which only
 * appears if the wait is long enough to see (styles/panels.css delays it), so a quick load does
 * not flash. Should the code not arrive (a host that stopped, a file that cannot be read), a
 * Dutch message takes the dialog's place: without it, React would unmount the whole window,
 * editor and all, for a dialog that failed to load.
 */
export function WhenLoaded({ children, onClose }: WhenLoadedProps) {
  return (
    <LoadFailureBoundary onClose={onClose}>
      <Suspense
        fallback={
          <div className="lazy-loading" role="status">
            Laden …
          </div>
        }
      >
        {children}
      </Suspense>
    </LoadFailureBoundary>
  );
}

class LoadFailureBoundary extends Component<WhenLoadedProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Onderdeel niet geladen:', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="lazy-loading lazy-failed" role="alert">
        <p>{LOAD_FAILED_MESSAGE}</p>
        <div className="modal-actions">
          <button
            type="button"
            className="button primary"
            autoFocus
            onClick={() => {
              retryFailedParts();
              this.setState({ failed: false });
              this.props.onClose();
            }}
          >
            Sluiten
          </button>
        </div>
      </div>
    );
  }
}
