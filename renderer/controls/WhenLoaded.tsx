/**
 * The place where code loaded on demand (a dialog, the help) appears: the UI rooms that load
 * parts of themselves lazily share it, so the wait looks the same everywhere.
 */
import { Suspense } from 'react';
import type { ReactNode } from 'react';

/**
 * Shows `children` once their code has loaded. Meanwhile a "Laden …" notice, which only
 * appears if the wait is long enough to see (styles/panels.css delays it), so a quick load does
 * not flash.
 */
export function WhenLoaded({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="lazy-loading" role="status">
          Laden …
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
