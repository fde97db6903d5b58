/**
 * The words for one who may only propose: a voorsteller hears about their role and the
 * redacteuren, a member drafting an amendment in their own copy (no session, no roles) about
 * the drafting only.
 */
import { describe, expect, it } from 'vitest';
import { DRAFTING_REASONS, PROPOSER_REASONS, type ProposingReasons } from './roleReasons.ts';

function allWords(reasons: ProposingReasons, label: string): string[] {
  return [
    reasons.note,
    reasons.reason,
    reasons.tracking,
    reasons.directEdit,
    reasons.action(label),
  ];
}

describe('roleReasons', () => {
  it('names the command and the redacteur for a voorsteller', () => {
    expect(PROPOSER_REASONS.action('Citaat')).toBe(
      'Citaat: kan niet als voorstel; alleen een redacteur kan dit wijzigen',
    );
  });

  it('names the command and the drafting for a member drafting an amendment', () => {
    expect(DRAFTING_REASONS.action('Subpunt maken')).toBe(
      'Subpunt maken: kan niet als voorstel. Tijdens het opstellen van een amendement kunt u alleen voorstellen doen.',
    );
    expect(DRAFTING_REASONS.reason).toBe(
      'Tijdens het opstellen van een amendement kunt u alleen voorstellen doen',
    );
  });

  it('never speaks of roles to a member drafting outside a session', () => {
    for (const text of allWords(DRAFTING_REASONS, 'Citaat')) {
      expect(text).not.toMatch(/redacteur|voorsteller|uitgenodigd/i);
    }
  });

  it('gives each set its own words', () => {
    const proposer = allWords(PROPOSER_REASONS, 'Citaat');
    const drafting = allWords(DRAFTING_REASONS, 'Citaat');
    proposer.forEach((text, index) => expect(drafting[index]).not.toBe(text));
  });
});
