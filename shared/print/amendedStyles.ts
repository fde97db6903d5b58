/**
 * A resolution "zoals geamendeerd" in print: the words that end its title line, the line under
 * the title naming the adopted amendments, and the amendment numbers in the left margin beside
 * the items they changed (on top of the print style sheet).
 */
import { MUTED_COLOUR, PAGE_MARGINS_MM } from './pageLayout.ts';

/**
 * The gutter for the numbers: Chromium draws nothing in the page's margin, so part of the left
 * margin becomes padding of the body. The text stays where it is on paper, in line with the
 * footer.
 */
const GUTTER_MM = 12;

/** What ends the title line, the PDF's title and the footer. */
export const AMENDED_SUFFIX = 'zoals geamendeerd';

/** "A1", "A1 en A3", "A1, A2 en A3". */
export function formatNumberList(numbers: readonly string[]): string {
  if (numbers.length <= 1) return numbers[0] ?? '';
  return `${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}

/** The style sheet, as the text of a `<style>` element. */
export const AMENDED_STYLES = `
.title-amended {
  font-weight: normal;
  font-style: italic;
}

.amended-note {
  font-size: 9pt;
  color: ${MUTED_COLOUR};
  margin: 4pt 0 0;
}

@page {
  margin-left: ${PAGE_MARGINS_MM.left - GUTTER_MM}mm;
  /* On paper the foot is a margin box (paperMarginBoxes.ts): in line with the text too. */
  @bottom-left {
    padding-left: ${GUTTER_MM}mm;
  }
}

@media print {
  body {
    padding-left: ${GUTTER_MM}mm;
  }
}

/* The number stands in the gutter left of the text, level with the item's first line, at the
   same place for items and onderdelen; in the text it comes before the label, so the PDF reads
   "A1 3. Dat …". */
li.item {
  position: relative;
}

li.item > .amended-in {
  position: absolute;
  right: 100%;
  top: 0;
  margin-right: 4mm;
  font-size: 8.5pt;
  font-weight: 600;
  line-height: calc(11pt * 1.45);
  white-space: nowrap;
}

li.item[data-indent='1'] > .amended-in {
  margin-right: calc(4mm + 2em);
}
`;
