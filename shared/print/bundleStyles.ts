/**
 * The bundle's own styles, on top of the stuk's print style sheet: the cover page, the table
 * of contents with dot leaders and right-aligned page numbers (a resolution's amendments
 * indented under it), and every stuk on a new page.
 */
import { MUTED_COLOUR, PAGE_MARGINS_MM } from './pageLayout.ts';

/** The height of the text area of an A4 page: the cover fills exactly one page. */
const PAGE_BODY_HEIGHT_MM = 297 - PAGE_MARGINS_MM.top - PAGE_MARGINS_MM.bottom;

/**
 * The width of the page-number column of the contents. Fixed, so that a placeholder and the
 * real number take the same room and the contents wrap the same way in both passes.
 */
const PAGE_COLUMN = '1.8em';

/** The style sheet, as the text of a `<style>` element. */
export const BUNDLE_STYLES = `
.bundle-cover {
  box-sizing: border-box;
  height: ${PAGE_BODY_HEIGHT_MM - 1}mm;
  display: flex;
  flex-direction: column;
  break-after: page;
  padding-top: 62mm;
}

.bundle-cover .cover-occasion {
  font-size: 11pt;
  letter-spacing: 0.04em;
  color: ${MUTED_COLOUR};
  margin: 0 0 10pt;
}

.bundle-cover h1 {
  font-size: 26pt;
  line-height: 1.15;
  margin: 0;
  overflow-wrap: anywhere;
}

.bundle-cover .cover-rule {
  width: 36mm;
  border: 0;
  border-top: 1.5pt solid #1a1a1a;
  margin: 16pt 0 14pt;
}

.bundle-cover .cover-count {
  font-size: 12pt;
  margin: 0;
}

.bundle-cover .cover-compiled {
  margin-top: auto;
  font-size: 9pt;
  color: ${MUTED_COLOUR};
}

.bundle-toc h2 {
  font-size: 16pt;
  margin: 0 0 14pt;
}

ol.toc {
  list-style: none;
  margin: 0;
  padding: 0;
}

li.toc-entry {
  display: block;
  margin: 0 0 9pt;
  break-inside: avoid;
}

.toc-line {
  display: flex;
  align-items: last baseline;
}

.toc-line > .label {
  flex: none;
  min-width: 1.5em;
  margin-right: 0.5em;
  text-align: right;
}

.toc-line > .toc-title {
  flex: 0 1 auto;
  min-width: 0;
  overflow-wrap: anywhere;
}

.toc-line > .toc-leader {
  flex: 1 1 1.5em;
  min-width: 1.5em;
  margin: 0 0.15em 0 0.35em;
  border-bottom: 1pt dotted #8c8c8c;
  align-self: last baseline;
}

.toc-line > .toc-page {
  flex: none;
  width: ${PAGE_COLUMN};
  text-align: right;
  font-variant-numeric: tabular-nums;
}

/* A resolution's amendments, under it in the contents. */
ol.toc-amendments {
  list-style: none;
  margin: 5pt 0 0 2em;
  padding: 0;
}

li.toc-amendment {
  margin: 0 0 5pt;
}

.toc-entry a {
  text-decoration: none;
}

.toc-detail {
  margin: 1pt 0 0 2em;
  font-size: 9pt;
  color: ${MUTED_COLOUR};
}

article.stuk {
  break-before: page;
}
`;
