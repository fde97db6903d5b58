/**
 * The drafting checks on the open document, for the Controle panel and the export's warning.
 * They run a moment after the last change (CHECK_DELAY, longer when a run takes long), when the
 * browser is idle, never within a keystroke: on a long stuk a run takes longer than typing may,
 * and a list that changes under every letter helps no one. Until then the panel shows the last
 * run's findings; an action on one of them first checks the document as it is now (`current`),
 * so that no button acts on a position that moved.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { runChecks } from '../../shared/checks/checkRunner.ts';
import type { Finding } from '../../shared/checks/checkTypes.ts';
import { getAmendmentsKey, getCheckContext } from './checkFindings.ts';
import type { AmendmentRow } from './checkFindings.ts';

/** How long after the last change the checks run again (ms). */
export const CHECK_DELAY = 300;

/** The longest pause before a run, on a very long stuk (ms). */
const MAX_DELAY = 2000;

/** How long a run waits at most for the browser to be idle after the pause (ms). */
const IDLE_TIMEOUT = 1000;

/** One run of the checks: on which editor and document, and what it found. */
export interface CheckResult {
  view: EditorView;
  doc: Node;
  /** The amendments' part of the context it ran with (getAmendmentsKey). */
  amendments: string;
  /** What the document should still have looked at, in document order (runChecks). */
  findings: readonly Finding[];
  /** Findings the document keeps as ignored at their place, in document order. */
  ignored: readonly Finding[];
}

/**
 * How long the pause before a run is, after a run that took `duration` ms: the usual pause, or
 * longer on a stuk so long that a run would be felt when it falls between two keystrokes.
 */
export function getCheckDelay(duration: number): number {
  return Math.min(MAX_DELAY, Math.max(CHECK_DELAY, Math.round(duration * 4)));
}

export function useChecks(view: EditorView | null, rows: readonly AmendmentRow[]) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const latest = useRef({ view, rows });
  useLayoutEffect(() => {
    latest.current = { view, rows };
  });
  // The last run and how long it took, for `current` and the next pause.
  const lastRun = useRef<{ result: CheckResult; duration: number } | null>(null);

  /** Checks the editor's document as it is now, and shows the outcome. */
  const checkNow = useCallback((): CheckResult | null => {
    const { view: current, rows: currentRows } = latest.current;
    if (!current || current.isDestroyed) return null;
    const { state } = current;
    const start = performance.now();
    const outcome = runChecks(state.doc, getCheckContext(state, currentRows));
    const next: CheckResult = {
      view: current,
      doc: state.doc,
      amendments: getAmendmentsKey(currentRows),
      findings: outcome.findings,
      ignored: outcome.ignored,
    };
    lastRun.current = { result: next, duration: performance.now() - start };
    setResult(next);
    return next;
  }, []);

  const doc = view && !view.isDestroyed ? view.state.doc : null;
  const amendments = getAmendmentsKey(rows);
  // The last run of this editor, if there was one (another document's is not shown).
  const shown = result && view && result.view === view ? result : null;
  const upToDate =
    shown !== null && shown.doc === doc && shown.amendments === amendments ? shown : null;
  const firstRun = shown === null;
  useEffect(() => {
    if (!doc || upToDate) return;
    // A new document is checked at once (after its first paint); a change after a pause, and
    // then when the browser has nothing else to do.
    let idle = 0;
    const timer = setTimeout(
      () => {
        // Browser mode may run in a browser without idle callbacks (Safari before 18).
        if (typeof requestIdleCallback !== 'function') checkNow();
        else idle = requestIdleCallback(() => checkNow(), { timeout: IDLE_TIMEOUT });
      },
      firstRun ? 0 : getCheckDelay(lastRun.current?.duration ?? 0),
    );
    return () => {
      clearTimeout(timer);
      if (idle) cancelIdleCallback(idle);
    };
  }, [doc, amendments, upToDate, firstRun, checkNow]);

  /**
   * The outcome for the document as it is now: the last run's when it is current, else a run
   * now. The same function for the window's life, so that what holds it need not change.
   */
  const current = useCallback((): CheckResult | null => {
    const { view: currentView, rows: currentRows } = latest.current;
    const last = lastRun.current?.result;
    if (
      last &&
      currentView &&
      last.view === currentView &&
      last.doc === currentView.state.doc &&
      last.amendments === getAmendmentsKey(currentRows)
    ) {
      return last;
    }
    return checkNow();
  }, [checkNow]);

  return { result: shown, current };
}
