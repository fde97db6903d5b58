/**
 * The export's warning: exporting a stuk whose status is "definitief" while the checks still
 * find something asks first (dialogs/ExportCheckDialog.tsx). Every export the window starts
 * goes through `confirmExport` (the header's and the native menus' PDF and Word, the print
 * preview's "Exporteren als PDF"); a stuk that is not definitief exports at once, as before.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { countExportWarnings } from './checkFindings.ts';
import type { CheckResult } from './useChecks.ts';

/** The question on screen: how many findings, and the export that waits for the answer. */
export interface ExportQuestion {
  count: number;
  proceed: () => void;
}

export function useExportCheck(view: EditorView | null, current: () => CheckResult | null) {
  const [question, setQuestion] = useState<ExportQuestion | null>(null);
  const latest = useRef({ view, current });
  useLayoutEffect(() => {
    latest.current = { view, current };
  });

  /** Runs `exportNow` at once, or after the user chose to export despite the findings. */
  const confirmExport = useCallback((exportNow: () => void) => {
    const { view: editor, current: check } = latest.current;
    const result = editor && !editor.isDestroyed ? check() : null;
    const count = result ? countExportWarnings(result.doc, result.findings) : 0;
    if (count === 0) exportNow();
    else setQuestion({ count, proceed: exportNow });
  }, []);

  const answer = useCallback(
    (choice: 'export' | 'show' | 'cancel') => {
      const waiting = question;
      setQuestion(null);
      if (choice === 'export') waiting?.proceed();
    },
    [question],
  );

  return { question, confirmExport, answer };
}
