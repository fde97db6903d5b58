/**
 * A fix is the user's own edit: in suggestion mode (a voorsteller) it becomes a proposal, not a
 * change the server refuses, and the proposal already satisfies the check.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { proposeOnly } from '../editor/suggestions/suggestionMode.ts';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { CHECK_RULES } from './rules.ts';
import { RULE_CASES } from './testing/ruleCases.ts';
import { runChecks } from './checkRunner.ts';
import { stuk } from './testing/checkDocs.ts';

const VOORSTELLER = { name: 'Voorsteller', colour: '#1b6e3a' };
let ids = 0;
const context = { author: VOORSTELLER, now: 1_000, newId: () => `c${(ids += 1)}` };

const fixable = Object.entries(RULE_CASES).filter(([, cases]) => cases.fixed !== undefined);

describe('fixes in suggestion mode', () => {
  it('covers rules with a fix', () => {
    expect(fixable.map(([id]) => id)).toEqual(['overweging-einde', 'punt-einde', 'leeg-punt']);
  });

  it.each(fixable)('%s: the fix becomes a proposal that satisfies the check', (id, cases) => {
    const rule = CHECK_RULES.find((candidate) => candidate.id === id)!;
    const state = EditorState.create({ doc: cases.positive.doc });
    const [finding] = rule.check(state.doc, {});
    const proposal = proposeOnly(state, finding!.fix!.apply(state)!, context);
    expect(proposal).not.toBe('direct');
    expect(proposal).not.toBeNull();
    const next = state.apply(proposal as Transaction);
    expect(getTrackedChanges(next.doc).map((change) => change.name)).toEqual(['Voorsteller']);
    expect(rule.check(next.doc, {})).toEqual([]);
  });

  it('fixes an ending in a recital whose punctuation someone already proposed to change', () => {
    // "zetten," with "," replaced by a proposal ";" reads "zetten;": nothing to find.
    const doc = stuk({
      recitals: [{ items: ['Gemeenten een stap zetten,', 'Het rijk betaalt.'] }],
    });
    const state = EditorState.create({ doc });
    const finding = runChecks(doc).findings[0]!;
    const proposed = state.apply(
      proposeOnly(state, finding.fix!.apply(state)!, context) as Transaction,
    );
    expect(proposed.doc.textContent).toContain('zetten,;');
    expect(runChecks(proposed.doc).findings).toEqual([]);
  });
});
