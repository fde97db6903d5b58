/**
 * "Controle": what the drafting checks (shared/checks/) find in the stuk, in document order.
 * Each finding names its place and says why; clicking it (or Enter on it) selects the text it
 * is about, scrolled into view, with the focus in the editor. A fix the finding offers is made
 * through the editor as the user's own edit, so in suggestion mode it is a proposal; "Negeren"
 * keeps the finding as ignored at its place in the document, where "Genegeerd (n)" lists it
 * with "Niet meer negeren".
 *
 * A lezer reads the findings and jumps to them; a voorsteller (or a member drafting an
 * amendment) may fix, which proposes, but not ignore: that changes the document itself, which
 * only proposals may.
 *
 * From the keyboard: Tab reaches each finding and its buttons, ↑ ↓ Home End move between the
 * findings. After a fix or "Negeren" from the keyboard the focus stays in the list, on the
 * finding that took the place of the one dealt with; with the mouse it goes to the editor.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ignoreFinding, unignoreFinding } from '../../shared/checks/checkRunner.ts';
import type { Finding } from '../../shared/checks/checkTypes.ts';
import { findAgain } from './checkFindings.ts';
import { FindingList, getSummaries } from './FindingList.tsx';
import type { FindingActions } from './FindingList.tsx';
import type { CheckResult } from './useChecks.ts';
import '../styles/checks.css';

/** Elements whose whole text a jump would select too much of: the cursor goes to their start. */
const LARGE_ELEMENTS = new Set(['recital_block', 'operative_block', 'preamble']);

/** Selects what `finding` is about and scrolls it into view, with the focus in the editor. */
export function goToFinding(view: EditorView, finding: Finding): void {
  const { doc } = view.state;
  const size = doc.content.size;
  const clamp = (pos: number) => Math.max(0, Math.min(pos, size));
  const node = doc.nodeAt(clamp(finding.pos));
  let selection;
  if (finding.from !== undefined && finding.to !== undefined) {
    selection = TextSelection.between(
      doc.resolve(clamp(finding.from)),
      doc.resolve(clamp(finding.to)),
    );
  } else if (node && !node.isLeaf && !LARGE_ELEMENTS.has(node.type.name)) {
    selection = TextSelection.between(
      doc.resolve(clamp(finding.pos + 1)),
      doc.resolve(clamp(finding.pos + node.nodeSize - 1)),
    );
  } else {
    selection = TextSelection.near(doc.resolve(clamp(finding.pos + 1)));
  }
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  // The element's start in the middle of the page, not its last line at the page's edge.
  const dom = view.nodeDOM(finding.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
  view.focus();
}

/** Focuses the panel's heading and brings it into view (the export warning's "Toon controle"). */
export function focusChecksPanel(): void {
  const heading = document.querySelector<HTMLElement>('.checks .panel-title');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export function ChecksPanel({
  view,
  result,
  current,
  readOnly,
  proposing,
  reason,
}: {
  view: EditorView | null;
  /** The last run of the checks on this editor (useChecks), null before the first. */
  result: CheckResult | null;
  /** The outcome for the document as it is now, checked again when the last run is stale. */
  current: () => CheckResult | null;
  /** A lezer's window: findings to read and jump to, nothing to fix or ignore. */
  readOnly: boolean;
  /** Only proposals may be made (a voorsteller, or while drafting an amendment). */
  proposing: boolean;
  /** Why, while proposing (roleReasons.ts). */
  reason?: string;
}) {
  const headingId = useId();
  const ignoredToggleId = useId();
  // "Genegeerd (n)" unfolded, for one editor: another document starts folded.
  const [ignoredShownFor, setIgnoredShownFor] = useState<EditorView | null>(null);
  const showIgnored = view !== null && ignoredShownFor === view;
  const [notice, setNotice] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const emptyNote = useRef<HTMLParagraphElement>(null);
  // After a fix or "Negeren" from the keyboard: the place in the list that keeps the focus.
  const focusAfter = useRef<{ index: number } | 'ignored' | null>(null);
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    focusAfter.current = null;
    if (target === 'ignored') {
      (document.getElementById(ignoredToggleId) ?? document.getElementById(headingId))?.focus();
      return;
    }
    const summaries = getSummaries(list.current);
    (summaries[Math.min(target.index, summaries.length - 1)] ?? emptyNote.current)?.focus();
  });

  const findings = result?.findings ?? [];
  const ignored = result?.ignored ?? [];

  // What the buttons do. They change with the editor, the role and the last run only, so the
  // memoised lists keep them while the user types.
  const actions = useMemo(() => {
    /** `stale` as the document has it now: null (and a word why) when it no longer holds. */
    const refresh = (stale: Finding, inIgnored: boolean): Finding | null => {
      const now = current();
      const found = now && findAgain(stale, inIgnored ? now.ignored : now.findings);
      if (!found) setNotice('Deze bevinding geldt niet meer: de tekst is intussen veranderd.');
      return found;
    };
    // A click from a key (Enter, Space) has no mouse position in it: detail is 0.
    const after = (event: ReactMouseEvent, target: { index: number } | 'ignored') => {
      if (event.detail === 0) focusAfter.current = target;
      else view?.focus();
    };
    const goTo = (stale: Finding) => {
      if (!view) return;
      const now = current();
      const finding = now && (findAgain(stale, now.findings) ?? findAgain(stale, now.ignored));
      if (!finding) {
        setNotice('Deze bevinding geldt niet meer: de tekst is intussen veranderd.');
        return;
      }
      setNotice(null);
      goToFinding(view, finding);
    };
    const fix = (stale: Finding, event: ReactMouseEvent, index: number) => {
      if (!view) return;
      const finding = refresh(stale, false);
      if (!finding?.fix) return;
      const tr = finding.fix.apply(view.state);
      if (!tr) {
        setNotice(
          `“${finding.fix.label}” kan hier niet meer: de tekst is intussen veranderd. Controleer de plaats zelf.`,
        );
        return;
      }
      setNotice(null);
      // Through the editor as typing goes: in suggestion mode the fix is a proposal.
      view.dispatch(tr);
      current();
      after(event, { index });
    };
    const setIgnored = (stale: Finding, event: ReactMouseEvent, index: number, on: boolean) => {
      if (!view) return;
      const finding = refresh(stale, !on);
      if (!finding) return;
      let tr;
      try {
        tr = on ? ignoreFinding(view.state, finding) : unignoreFinding(view.state, finding);
      } catch {
        // The element is no longer there (a colleague deleted it a moment ago).
        setNotice('Dit kon niet in het stuk worden bewaard: de plaats is er niet meer.');
        return;
      }
      setNotice(null);
      view.dispatch(tr);
      current();
      after(event, on ? { index } : 'ignored');
    };
    const canIgnore = !readOnly && !proposing;
    const open: FindingActions = { goTo };
    const ignoredActions: FindingActions = { goTo };
    if (!readOnly) open.fix = fix;
    if (canIgnore) {
      open.ignore = (finding, event, index) => setIgnored(finding, event, index, true);
      ignoredActions.unignore = (finding, event, index) => setIgnored(finding, event, index, false);
    }
    return { open, ignored: ignoredActions };
  }, [view, readOnly, proposing, current]);

  const roleNote = readOnly
    ? 'U kunt de bevindingen lezen en ernaar gaan; verbeteren en negeren kan niet met deze uitnodiging.'
    : proposing
      ? `${reason ?? 'U kunt alleen voorstellen doen'}. Een verbetering wordt een voorstel; negeren kan niet.`
      : null;

  return (
    <section className="checks" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId} tabIndex={-1}>
        Controle{findings.length > 0 && <span className="count"> {findings.length}</span>}
      </h2>
      {roleNote && <p className="checks-note">{roleNote}</p>}
      <p className="checks-notice" role="status">
        {notice}
      </p>
      {result === null ? (
        <p className="checks-empty">{view ? 'Het stuk wordt gecontroleerd…' : ''}</p>
      ) : findings.length === 0 ? (
        <p className="checks-empty checks-clear" ref={emptyNote} tabIndex={-1}>
          <strong>Geen bevindingen.</strong> Het stuk volgt de afspraken die de controle kent.
        </p>
      ) : (
        <FindingList
          findings={findings}
          label="Bevindingen"
          actions={actions.open}
          listRef={list}
        />
      )}
      {ignored.length > 0 && (
        <div className="checks-ignored">
          <button
            type="button"
            id={ignoredToggleId}
            className="checks-section-toggle"
            aria-expanded={showIgnored}
            onClick={() => setIgnoredShownFor(showIgnored ? null : view)}
          >
            <span className="checks-section-mark" aria-hidden="true">
              {showIgnored ? '▾' : '▸'}
            </span>
            Genegeerd ({ignored.length})
          </button>
          {showIgnored && (
            <FindingList
              findings={ignored}
              label="Genegeerde bevindingen"
              actions={actions.ignored}
            />
          )}
        </div>
      )}
    </section>
  );
}
