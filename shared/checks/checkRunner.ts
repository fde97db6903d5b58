/**
 * Runs the drafting checks over a document and keeps a user's "Negeren": a finding is ignored
 * when the element it is about lists the rule's id in its `ignoredChecks`, so the choice stays
 * with that place through edits, renumbering, saving and a session. The Controle panel,
 * `resolutie check` and the export's warning all run the rules here.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import {
  readIgnoredChecks,
  withIgnoredCheck,
  withoutIgnoredCheck,
} from '../editor/nodes/elementIds.ts';
import type { CheckContext, CheckRule, Finding } from './checkTypes.ts';
import { CHECK_RULES } from './rules.ts';

export { nameCheckPlace } from './checkPlaces.ts';

/** What a run of the checks found: the findings to show, and those a user chose to ignore. */
export interface CheckResult {
  findings: Finding[];
  ignored: Finding[];
}

/** Every rule's findings on `doc`, in document order, split into shown and ignored. */
export function runChecks(
  doc: Node,
  context: CheckContext = {},
  rules: readonly CheckRule[] = CHECK_RULES,
): CheckResult {
  const all: { finding: Finding; order: number }[] = [];
  rules.forEach((rule, ruleIndex) => {
    for (const finding of rule.check(doc, context)) all.push({ finding, order: ruleIndex });
  });
  // Document order; at one place, the order of the rules (a stable sort keeps each rule's own).
  all.sort(
    (a, b) =>
      a.finding.pos - b.finding.pos ||
      (a.finding.from ?? a.finding.pos) - (b.finding.from ?? b.finding.pos) ||
      a.order - b.order,
  );
  const result: CheckResult = { findings: [], ignored: [] };
  for (const { finding } of all) {
    (isIgnored(doc, finding) ? result.ignored : result.findings).push(finding);
  }
  return result;
}

/** Whether the element of `finding` lists its rule among the checks it ignores. */
export function isIgnored(doc: Node, finding: Finding): boolean {
  const node = doc.nodeAt(finding.pos);
  return node !== null && readIgnoredChecks(node.attrs).includes(finding.rule);
}

/**
 * The transaction that ignores `finding` at its place: its rule's id added to the element's
 * `ignoredChecks`, its other attributes kept. Throws when `finding.pos` holds no element that
 * keeps ignored checks (a finding from an older document: run the checks again).
 */
export function ignoreFinding(state: EditorState, finding: Finding): Transaction {
  const node = elementOf(state.doc, finding);
  return state.tr.setNodeMarkup(finding.pos, undefined, {
    ...node.attrs,
    ignoredChecks: withIgnoredCheck(node.attrs, finding.rule),
  });
}

/** The transaction that shows `finding` again: its rule's id taken out of `ignoredChecks`. */
export function unignoreFinding(state: EditorState, finding: Finding): Transaction {
  const node = elementOf(state.doc, finding);
  return state.tr.setNodeMarkup(finding.pos, undefined, {
    ...node.attrs,
    ignoredChecks: withoutIgnoredCheck(node.attrs, finding.rule),
  });
}

function elementOf(doc: Node, finding: Finding): Node {
  const node = finding.pos <= doc.content.size ? doc.nodeAt(finding.pos) : null;
  if (!node || !('ignoredChecks' in node.attrs)) {
    throw new RangeError(`No element that keeps ignored checks at ${finding.pos}`);
  }
  return node;
}
