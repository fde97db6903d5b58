/**
 * The style sheet for a stuk printed with its changes shown: inserted text double-underlined
 * on a light tint, deleted text grey and struck through, both lines in the author's colour.
 * Neither depends on colour: in black and white a double underline and a strike-through stay
 * apart from each other and from the single underline of formatting and links. And the legend
 * under the title line.
 */
import { MUTED_COLOUR } from './pageLayout.ts';

/** The style sheet, as the text of a `<style>` element; after `PRINT_STYLES`. */
export const CHANGE_STYLES = `
ins.change,
.change-sample.change-insert {
  text-decoration-line: underline;
  text-decoration-style: double;
  text-decoration-color: var(--change-colour, #1a1a1a);
  text-decoration-thickness: 0.5pt;
  text-underline-offset: 1.5pt;
  text-decoration-skip-ink: none;
  background-color: color-mix(in srgb, var(--change-colour, #1a1a1a) 9%, transparent);
}

del.change,
.change-sample.change-delete {
  color: #6b6b6b;
  text-decoration-line: line-through;
  text-decoration-color: var(--change-colour, #1a1a1a);
  text-decoration-thickness: 0.8pt;
  text-decoration-skip-ink: none;
}

/* A proposal on a whole item: a rule in the author's colour beside it, and its number struck
   through when the item is proposed for deletion (visible without colour too). */
li.item[data-change-type] {
  box-shadow: -5pt 0 0 -3.5pt var(--change-colour, #1a1a1a);
}

li.item[data-change-type='delete'] > .label {
  text-decoration: line-through;
}

/* A word replaced: a space's width between the old and the new, on paper and in the PDF's
   text ("kosten uitgaven", not "kostenuitgaven"). */
del.change + ins.change {
  margin-left: 0.25em;
}

/* The legend: a quiet box between the metadata and the preamble. */
.change-legend {
  margin: 12pt 0 0;
  padding: 5pt 8pt 6pt;
  border: 0.5pt solid #a6a6a6;
  border-radius: 2pt;
  font-size: 9pt;
  line-height: 1.4;
  break-inside: avoid;
}

.change-legend .change-key {
  margin: 0;
}

ul.change-authors {
  list-style: none;
  margin: 3pt 0 0;
  padding: 0;
  display: flex;
  flex-wrap: wrap;
  gap: 2pt 14pt;
  color: ${MUTED_COLOUR};
}

ul.change-authors > li {
  display: block;
}

.change-initials {
  display: inline-block;
  min-width: 1.6em;
  margin-right: 3pt;
  padding: 0 2pt;
  border: 0.75pt solid var(--change-colour);
  border-radius: 2pt;
  background-color: color-mix(in srgb, var(--change-colour) 12%, transparent);
  color: #1a1a1a;
  font-size: 7.5pt;
  font-weight: 600;
  line-height: 1.35;
  text-align: center;
}
`;
