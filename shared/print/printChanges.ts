/**
 * Tracked changes in print. A stuk prints its pending changes one of two ways:
 *
 * - `hidden` (the default): as the stuk reads once every change is accepted (inserted text
 *   plain, deleted text gone). A PDF that goes out is the text as proposed, without markup.
 * - `shown`: as it stands, each change through its mark's own `toDOM` (`<ins>` and `<del>`,
 *   styled in `changeStyles.ts`), with a legend under the title line that says what the
 *   markup means and who proposed how many changes.
 *
 * Items keep the numbers of the document printed: when shown, an item whose whole text is
 * proposed for deletion is still there and keeps its number; when hidden, accepting takes text,
 * never structure, so it is an empty item with its number, as in the editor after accepting.
 */
import type { DOMOutputSpec, Mark, Node } from 'prosemirror-model';
import { USER_COLOUR_PATTERN } from '../model/userColours.ts';
import { getAcceptedDoc } from '../editor/suggestions/acceptedDoc.ts';
import { getTrackedChanges, withoutStrayDeletions } from '../editor/suggestions/trackedChanges.ts';
import { renderDomSpec, splitDomSpec } from './renderDomSpec.ts';

/** How pending changes print. */
export type ChangeDisplay = 'shown' | 'hidden';

/** Every way, for the command line's check of `--changes`. */
export const CHANGE_DISPLAYS: readonly ChangeDisplay[] = ['shown', 'hidden'];

/** A stuk that goes out shows no markup unless asked to. */
export const DEFAULT_CHANGE_DISPLAY: ChangeDisplay = 'hidden';

/** Whether `value` is one of the ways changes print. */
export function isChangeDisplay(value: unknown): value is ChangeDisplay {
  return CHANGE_DISPLAYS.includes(value as ChangeDisplay);
}

/**
 * The document to print: `doc` with its changes accepted when hidden, as it is when shown
 * (without a deletion a merge spread over a proposal it was not made on).
 */
export function getPrintedDoc(doc: Node, changes: ChangeDisplay): Node {
  return changes === 'hidden' ? getAcceptedDoc(doc) : withoutStrayDeletions(doc);
}

// The tint of the legend's initials when a colour is not one of ours (never, in a document
// read strictly; the style attribute then still holds nothing but a colour).
const NEUTRAL_COLOUR = '#595959';

/**
 * The legend of a stuk with pending changes: what the markup means ("dubbel onderstreept":
 * a single underline is formatting, or a link), and every author with their colour, initials
 * and number of changes, in the order their first change stands. '' without pending changes.
 */
export function renderChangeLegend(doc: Node): string {
  const authors = new Map<string, { colour: string; count: number }>();
  for (const change of getTrackedChanges(doc)) {
    const author = authors.get(change.name) ?? { colour: change.colour, count: 0 };
    author.count += 1;
    authors.set(change.name, author);
  }
  if (authors.size === 0) return '';
  const sample = (kind: 'insert' | 'delete', text: string): DOMOutputSpec => [
    'span',
    { class: `change-sample change-${kind}` },
    text,
  ];
  return renderDomSpec([
    'aside',
    { class: 'change-legend', 'aria-label': 'Wijzigingen' },
    [
      'p',
      { class: 'change-key' },
      ['strong', 'Wijzigingen:'],
      ' ',
      sample('insert', 'dubbel onderstreept'),
      ' = toegevoegd, ',
      sample('delete', 'doorgehaald'),
      ' = geschrapt',
    ],
    [
      'ul',
      { class: 'change-authors' },
      ...[...authors].map(([name, { colour, count }]): DOMOutputSpec => [
        'li',
        [
          'span',
          {
            class: 'change-initials',
            style: `--change-colour: ${USER_COLOUR_PATTERN.test(colour) ? colour : NEUTRAL_COLOUR}`,
          },
          getInitials(name),
        ],
        ` ${name}: ${count} ${count === 1 ? 'wijziging' : 'wijzigingen'}`,
      ]),
    ],
  ]);
}

/**
 * Up to two initials of a name: of its first and last word ("Voorsteller van Zwolle" → "VZ"), so
 * Dutch name particles in between are skipped; one for a single word.
 */
export function getInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  const initial = (word: string) => (Array.from(word)[0] ?? '').toLocaleUpperCase('nl-NL');
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return initial(first) + (last ? initial(last) : '');
}

/**
 * `html` wrapped in the change marks among `marks` (those of a footnote reference, for its
 * endnote): a note proposed or proposed for deletion prints so in the notes too.
 */
export function wrapInChangeMarks(marks: readonly Mark[], html: string): string {
  let out = html;
  for (const mark of [...marks].reverse()) {
    const name = mark.type.name;
    const toDOM = mark.type.spec.toDOM;
    if ((name !== 'insertion' && name !== 'deletion') || !toDOM) continue;
    const { before, after } = splitDomSpec(toDOM(mark, true));
    out = before + out + after;
  }
  return out;
}
