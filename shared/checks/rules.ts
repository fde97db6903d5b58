/**
 * The drafting checks, as data: every rule the Controle panel, `resolutie check` and the
 * export's warning run, in the order a reader meets their subjects. A secretariat's own
 * convention is one more entry here, with its test in rules.test.ts.
 */
import type { CheckRule } from './checkTypes.ts';
import {
  definitiveWithProposalsRule,
  brokenReferenceRule,
  changedAmendmentRule,
} from './documentRules.ts';
import { impossibleDateRule, weekdayRule } from './dateRules.ts';
import { operativeEndingRule, recitalEndingRule } from './itemEndingRules.ts';
import { incompletePreambleRule, preambleDateRule } from './preambleRules.ts';
import {
  blockWithoutItemsRule,
  emptyBlockRule,
  emptyItemRule,
  headingWithoutTextRule,
  missingDictumRule,
} from './structureRules.ts';
import { repeatedSentenceRule, unpairedMarksRule } from './textRules.ts';

export const CHECK_RULES: readonly CheckRule[] = [
  definitiveWithProposalsRule,
  incompletePreambleRule,
  preambleDateRule,
  missingDictumRule,
  blockWithoutItemsRule,
  emptyBlockRule,
  emptyItemRule,
  recitalEndingRule,
  operativeEndingRule,
  headingWithoutTextRule,
  impossibleDateRule,
  weekdayRule,
  unpairedMarksRule,
  brokenReferenceRule,
  repeatedSentenceRule,
  changedAmendmentRule,
];
