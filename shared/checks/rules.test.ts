/**
 * Every rule of CHECK_RULES against a stuk that breaks it and one that keeps it; a rule without
 * its two cases here fails the table's own test. Where a rule offers a fix, the fix is applied
 * and the stuk checked again: the finding is gone.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { CHECK_RULES } from './rules.ts';
import type { CheckRule } from './checkTypes.ts';
import { RULE_CASES as CASES } from './testing/ruleCases.ts';

function ruleById(id: string): CheckRule {
  const rule = CHECK_RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

describe('CHECK_RULES', () => {
  it('has a positive and a negative case for every rule, and no case without a rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(CHECK_RULES.map((rule) => rule.id).sort());
  });

  it('gives every rule a unique id of the form ignoredChecks keeps, a title and a description', () => {
    const ids = CHECK_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CHECK_RULES) {
      expect(rule.id).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.description.length).toBeGreaterThan(40);
    }
  });

  describe.each(Object.entries(CASES))('%s', (id, cases) => {
    it('finds the stuk that breaks it, says why and names the place', () => {
      const { doc, context, message, place } = cases.positive;
      const findings = ruleById(id).check(doc, context ?? {});
      expect(findings).toHaveLength(1);
      expect(findings[0]!.rule).toBe(id);
      expect(findings[0]!.message).toContain(message);
      expect(findings[0]!.place).toBe(place);
      expect(doc.nodeAt(findings[0]!.pos)?.attrs).toHaveProperty('ignoredChecks');
    });

    it('finds nothing in the stuk that keeps it', () => {
      const { doc, context } = cases.negative;
      expect(ruleById(id).check(doc, context ?? {})).toEqual([]);
    });

    it(
      cases.fixed === undefined ? 'offers no fix' : 'fixes it, after which it is found no more',
      () => {
        const { doc, context } = cases.positive;
        const rule = ruleById(id);
        const [finding] = rule.check(doc, context ?? {});
        if (cases.fixed === undefined) {
          expect(finding!.fix).toBeUndefined();
          return;
        }
        const state = EditorState.create({ doc });
        const tr = finding!.fix!.apply(state);
        expect(tr).not.toBeNull();
        const after = state.apply(tr!).doc;
        expect(rule.check(after, context ?? {})).toEqual([]);
        const at = after.nodeAt(finding!.pos)!;
        expect(at.textContent).toBe(cases.fixed);
        // Only the place's own text changed: the fix is a plain edit, as suggestion mode takes it.
        expect(after.childCount).toBe(doc.childCount);
      },
    );
  });
});
