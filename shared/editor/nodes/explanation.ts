/**
 * The Toelichting: free structure under a fixed heading. `flow*` so that an empty
 * Toelichting is valid; the view offers a place to start typing.
 */
import type { NodeSpec } from 'prosemirror-model';
import { EXPLANATION_HEADING } from '../../labels.ts';

export const explanation: NodeSpec = {
  content: 'flow*',
  isolating: true,
  parseDOM: [{ tag: 'section.explanation', contentElement: '.explanation-body' }],
  toDOM: () => [
    'section',
    { class: 'explanation' },
    ['h2', { class: 'explanation-heading' }, EXPLANATION_HEADING],
    ['div', { class: 'explanation-body' }, 0],
  ],
};
