/**
 * The print style sheet: A4, a calm serif at 11 pt, the title line, block headings, items with
 * their numbers in a hanging indent, the Toelichting, endnotes and the CONCEPT watermark.
 * Written for Chromium's paged media (Electron's `printToPDF` and Playwright's `page.pdf`
 * render with the same engine, so the pages are identical).
 */
import { FONT_STACK, MUTED_COLOUR, pageMarginsCss } from './pageLayout.ts';

/**
 * The hanging indent of items, list items and notes: the number right-aligned in a column of
 * this width, then this gap, then the text.
 */
const LABEL_COLUMN = '1.5em';
const LABEL_GAP = '0.5em';
/** Where the text of a numbered line starts: the column and the gap. */
const TEXT_INDENT = `calc(${LABEL_COLUMN} + ${LABEL_GAP})`;

/** The style sheet, as the text of a `<style>` element. */
export const PRINT_STYLES = `
@page {
  size: A4;
  margin: ${pageMarginsCss()};
}

html {
  font-family: ${FONT_STACK};
  font-size: 11pt;
  line-height: 1.45;
  color: #1a1a1a;
  font-kerning: normal;
  font-variant-ligatures: common-ligatures;
  text-rendering: optimizeLegibility;
}

body {
  margin: 0;
  /* A word or URL longer than the line breaks rather than running off the paper. */
  overflow-wrap: break-word;
  /* No paragraph leaves fewer than three lines at the foot or the head of a page, which
     also keeps items of up to five lines together. */
  orphans: 3;
  widows: 3;
}

/* On screen (a preview in a browser) the text has the width it has on paper. */
@media screen {
  body {
    max-width: 163mm;
    margin: 20mm auto;
  }
}

/* One bold weight everywhere (semibold, 600), so that the two weights the caller's fonts
   need are 400 and 600, each upright and italic. */
h1,
h2,
h3,
h4,
strong,
b {
  font-weight: 600;
}

h1,
h2,
h3,
h4 {
  break-after: avoid;
  break-inside: avoid;
}

p {
  margin: 0 0 0.55em;
}

/* The title line, the metadata under it and the preamble. */
.doc-title {
  font-size: 18pt;
  line-height: 1.25;
  margin: 0 0 6pt;
  overflow-wrap: anywhere;
}

.doc-meta {
  font-size: 9pt;
  color: ${MUTED_COLOUR};
  margin: 0;
}

.preamble {
  margin: 16pt 0 0;
  break-after: avoid;
}

/* Recital and operative blocks. */
.clause-block {
  margin-top: 14pt;
}

.block-heading {
  font-size: 11pt;
  margin: 0 0 4pt;
}

ol.items,
.explanation ul,
.explanation ol,
ol.notes {
  list-style: none;
  margin: 0;
  padding: 0;
}

/* Hanging indent: the number in a column of its own on the left, the text after it, and
   every wrapped line aligned with the text. Label and text are the two items of a flex row,
   aligned on their first baselines. Nothing is positioned or floated, so the PDF draws every
   number just before its text, in reading order; and the numbers are right-aligned, so "1.",
   "10." and "•" all keep the same small gap before the text (a wider gap makes PDF text
   extraction read the numbers as a column of their own). A label wider than its column
   ("100.") widens it for its own line only. An empty item still shows its number. */
li {
  display: flex;
  align-items: baseline;
}

li > .label {
  flex: none;
  min-width: ${LABEL_COLUMN};
  margin-right: ${LABEL_GAP};
  text-align: right;
  white-space: nowrap;
}

li > .text {
  flex: 1 1 auto;
  min-width: 0;
}

li.item {
  margin: 0 0 4pt;
}

li.item[data-indent='1'] {
  margin-left: ${TEXT_INDENT};
  margin-bottom: 2pt;
}

/* Footnote references: a small raised number that does not stretch its line. */
sup.noteref {
  font-size: 0.7em;
  line-height: 0;
  vertical-align: 0.5em;
  margin-left: 0.05em;
}

a {
  color: inherit;
  text-decoration: underline;
  text-decoration-thickness: 0.5pt;
  text-underline-offset: 1.5pt;
}

/* A cross-reference ("punt 3") is part of the sentence: a link in the PDF that reads like the
   text around it. One whose target is gone reads "[verwijzing vervallen]", unstyled too. */
a.reference {
  text-decoration: none;
}

/* The Toelichting. */
.explanation {
  margin-top: 26pt;
}

.explanation-heading {
  font-size: 13pt;
  margin: 0 0 8pt;
}

.explanation h3 {
  font-size: 11.5pt;
  margin: 14pt 0 3pt;
}

.explanation h4 {
  font-size: 11pt;
  font-style: italic;
  margin: 10pt 0 2pt;
}

.explanation ul,
.explanation ol {
  margin: 0 0 0.55em;
}

.explanation li {
  margin: 0 0 2pt;
}

.explanation li > .text > p {
  margin: 0 0 2pt;
}

.explanation li > .text > :last-child {
  margin-bottom: 0;
}

.explanation li > .text > ul,
.explanation li > .text > ol {
  margin: 2pt 0 0;
}

blockquote {
  margin: 0 0 0.55em;
  padding: 0 0 0 10pt;
  border-left: 1.5pt solid #a6a6a6;
}

/* Endnotes: smaller, under a thin rule. */
.endnotes {
  margin-top: 26pt;
  padding-top: 8pt;
  border-top: 0.5pt solid #a6a6a6;
  font-size: 9pt;
  line-height: 1.4;
}

.endnotes-heading {
  font-size: 11pt;
  margin: 0 0 6pt;
}

li.note {
  margin: 0 0 3pt;
  overflow-wrap: anywhere;
}

`;
