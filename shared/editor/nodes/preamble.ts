/**
 * The preamble: "De leden bijeen in de {assembly} van {date}:". Its skeleton is fixed text of
 * the view; only the assembly and the date are data, held as attributes so that no selection
 * across it can break the sentence.
 */
import { satisfies } from './attrValidators.ts';
import { ignoredChecksAttr } from './elementIds.ts';
import type { NodeSpec } from 'prosemirror-model';
import { formatDutchDate, isIsoDate } from '../../dates.ts';
import { DEFAULT_ASSEMBLY, getAssemblyName } from '../../model/assembly.ts';

/** Words shown where the assembly or its date is not filled in yet. */
export const PREAMBLE_EMPTY_DATE = '…';

/** The preamble as one line of text, as it reads and prints. */
export function formatPreamble(assembly: string, date: string | null): string {
  const when = date ? (formatDutchDate(date) ?? PREAMBLE_EMPTY_DATE) : PREAMBLE_EMPTY_DATE;
  return `De leden bijeen in de ${getAssemblyName(assembly)} van ${when}:`;
}

export const preamble: NodeSpec = {
  attrs: {
    assembly: { default: DEFAULT_ASSEMBLY, validate: 'string' },
    date: {
      default: null,
      validate: satisfies(
        (v) => v === null || (typeof v === 'string' && isIsoDate(v)),
        'een datum als jjjj-mm-dd of leeg',
      ),
    },
    ignoredChecks: ignoredChecksAttr,
  },
  atom: true,
  selectable: false,
  parseDOM: [
    {
      tag: 'p.preamble',
      getAttrs: (dom) => ({
        assembly: dom.getAttribute('data-assembly') ?? DEFAULT_ASSEMBLY,
        date: isIsoDate(dom.getAttribute('data-date') ?? '') ? dom.getAttribute('data-date') : null,
      }),
    },
  ],
  toDOM: (node) => [
    'p',
    {
      class: 'preamble',
      'data-assembly': node.attrs.assembly as string,
      'data-date': (node.attrs.date as string | null) ?? '',
    },
    formatPreamble(node.attrs.assembly as string, node.attrs.date as string | null),
  ],
};
