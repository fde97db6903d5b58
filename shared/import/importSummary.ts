/**
 * What an import of text produced, in a sentence, for the command line and the app alike:
 * how many recitals and items, the Toelichting's headings, and a warning when the text held no
 * blocks at all (then everything is in the Toelichting, which the user should know).
 */
import type { ParsedResolution } from '../model/resolution.ts';
import { formatItemCount } from '../labels.ts';

export interface ImportSummary {
  /** "2 overwegingen, 3 punten, Toelichting met 1 kop" */
  counts: string;
  /** Said when the text held no "Overwegende dat:", "Spreekt uit:" … */
  warning: string | null;
}

export function summarizeImport(model: ParsedResolution): ImportSummary {
  const count = (kind: 'recital' | 'operative'): number =>
    model.blocks
      .filter((block) => block.type === kind)
      .reduce((sum, block) => sum + block.items.filter((item) => item.indent === 0).length, 0);
  const headings = model.explanation.filter((flow) => flow.type === 'heading').length;
  return {
    counts:
      `${formatItemCount('recital', count('recital'))}, ` +
      `${formatItemCount('operative', count('operative'))}, ` +
      `Toelichting met ${headings} ${headings === 1 ? 'kop' : 'koppen'}`,
    warning:
      model.blocks.length === 0
        ? 'de tekst bevat geen blokken ("Overwegende dat:", "Spreekt uit:"); alles staat in de Toelichting.'
        : null,
  };
}
