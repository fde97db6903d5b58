/**
 * The Dutch words of cross-references in the editor: the reference's accessible name and
 * tooltip, the typing suggestion, and the target's text shortened for a tooltip or a list.
 */
import type { ReferenceDisplay } from './referenceLabels.ts';

/** `text` on one line, cut at a word to at most `max` characters with "…". */
export function shortenText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export const REFERENCE_LABELS = {
  /** Why a reference whose target someone proposed to delete is marked. */
  proposedDeletion: 'Het onderdeel waarnaar verwezen wordt, is voorgesteld om te schrappen',
  /** Why a reference reads "[verwijzing vervallen]". */
  missing: 'Het onderdeel waarnaar deze verwijzing wees, bestaat niet meer',
  ariaLabel: (display: ReferenceDisplay): string =>
    display.referenceState === 'missing'
      ? 'Vervallen verwijzing'
      : `Verwijzing naar ${display.referenceLabel}`,
  stateNote: (display: ReferenceDisplay): string =>
    display.referenceState === 'missing'
      ? REFERENCE_LABELS.missing
      : display.referenceState === 'proposed-deletion'
        ? REFERENCE_LABELS.proposedDeletion
        : '',
  /** The tooltip: what the target says, why it is marked, and how to go there. */
  tooltip: (display: ReferenceDisplay, jumpKey: string): string => {
    if (display.referenceState === 'missing') return REFERENCE_LABELS.missing;
    const lines = [
      display.referenceTargetText
        ? `${capitalise(display.referenceLabel)}: ${shortenText(display.referenceTargetText, 160)}`
        : capitalise(display.referenceLabel),
    ];
    if (display.referenceState === 'proposed-deletion') {
      lines.push(REFERENCE_LABELS.proposedDeletion);
    }
    lines.push(`${jumpKey}+klik: naar ${display.referenceLabel} gaan`);
    return lines.join('\n');
  },
  /** The suggestion shown while typing "punt 3". */
  suggestion: (label: string) => `Verwijzing naar ${label} invoegen`,
  suggestionKeys: 'Enter · Esc: negeren',
} as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
