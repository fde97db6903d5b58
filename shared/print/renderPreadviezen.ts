/**
 * The bestuur's preadviezen for an ALV in one overview: a title with the assembly, then per
 * resolution (and for the moties vreemd aan de orde) a table of its amendments and moties with
 * number, indiener(s), subject, preadvies, the reasoning of the preadvies, and status or
 * outcome with the vote. A real table with column headers, which repeat on every page; on A4
 * turned sideways, so that six columns read at a normal size.
 *
 * Print does not know the procedure (shared/print may not import it): the caller gives every
 * row as plain text, its labels already in Dutch.
 */
import { formatDutchDate } from '../dates.ts';
import { escapeHtmlText } from './escapeHtml.ts';
import { renderFooterTemplate, renderHeaderTemplate } from './headerFooter.ts';
import { listOutlineTitles } from './outlineTitles.ts';
import { MUTED_COLOUR } from './pageLayout.ts';
import type { PrintMetadata } from './printMetadata.ts';
import { renderPrintPage } from './printPage.ts';
import { PRINT_STYLES } from './printStyles.ts';
import { gemeenteName } from '../model/amendmentForm.ts';
import { renderParagraphs } from './renderAmendment.ts';
import type { PrintDocument } from './renderPrintDocument.ts';

/** The title of the overview. */
export const PREADVIEZEN_TITLE = 'Preadviezen van het bestuur';

/** One amendment or motie in the overview. */
export interface PreadviesRow {
  /** "A1", "M2". */
  number: string;
  /** The gemeente that submits it, and those that co-submit it. */
  indiener: string;
  coIndieners: readonly string[];
  /** Its subject, or ''. */
  subject: string;
  /** The preadvies ("Overnemen"), or null when there is none yet. */
  advice: string | null;
  /** The reasoning of the preadvies (plain text), or ''. */
  reasoning: string;
  /** Its status or outcome ("Ingediend", "Aangenomen"). */
  status: string;
  /** The vote as it reads ("28 voor, 3 tegen, 1 onthouding"), or ''. */
  vote: string;
}

/** The rows of one resolution, or of the moties vreemd aan de orde. */
export interface PreadviesSection {
  /** "Resolutie ‘VNG-inzet richting nieuwe kabinet’", "Moties vreemd aan de orde". */
  heading: string;
  rows: readonly PreadviesRow[];
}

/** What the overview is printed with. */
export interface PreadviezenOptions {
  fontCss: string;
  /** The assembly ("Najaars ALV") and its date (yyyy-mm-dd) or null. */
  assembly: string;
  date: string | null;
  sections: readonly PreadviesSection[];
}

const COLUMNS = [
  'Nummer',
  'Indiener(s)',
  'Onderwerp',
  'Preadvies',
  'Motivering van het preadvies',
  'Status / uitkomst',
];

/** The overview as a printable page, with what the printer needs beside it. */
export function renderPreadviezenDocument(options: PreadviezenOptions): PrintDocument {
  const dateText = options.date ? formatDutchDate(options.date) : null;
  const occasion = dateText ? `${options.assembly} van ${dateText}` : options.assembly;
  const metadata: PrintMetadata = {
    title: `${PREADVIEZEN_TITLE}, ${options.assembly}`,
    author: 'bestuur',
    subject: `${PREADVIEZEN_TITLE} voor de ${occasion}`,
    language: 'nl-NL',
    keywords: ['Preadviezen', options.assembly, ...(options.date ? [options.date] : [])],
  };
  const count = options.sections.reduce((sum, section) => sum + section.rows.length, 0);
  const body =
    `<main class="preadviezen">` +
    `<header><h1 class="doc-title">${PREADVIEZEN_TITLE}</h1>` +
    `<p class="doc-meta">${escapeHtmlText(capitalise(occasion))} · ${escapeHtmlText(formatCount(count))}</p></header>\n` +
    options.sections.map(renderSection).join('') +
    `</main>\n`;
  const html = renderPrintPage({
    metadata,
    fontCss: options.fontCss,
    styles: [PRINT_STYLES, PREADVIEZEN_STYLES],
    body,
  });
  return {
    html,
    headerTemplate: renderHeaderTemplate(false),
    footerTemplate: renderFooterTemplate(metadata.title),
    metadata,
    watermark: false,
    outlineTitles: listOutlineTitles(html),
  };
}

function renderSection(section: PreadviesSection): string {
  const heading = `<h2 class="block-heading">${escapeHtmlText(section.heading)}</h2>`;
  if (section.rows.length === 0) {
    return `<section class="preadvies-section">${heading}<p class="preadvies-none">Geen amendementen of moties.</p></section>\n`;
  }
  const head = COLUMNS.map((column) => `<th scope="col">${column}</th>`).join('');
  const rows = section.rows.map(renderRow).join('');
  return (
    `<section class="preadvies-section">${heading}` +
    `<table class="preadviezen-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    `</section>\n`
  );
}

function renderRow(row: PreadviesRow): string {
  const indieners = [row.indiener, ...row.coIndieners].map(gemeenteName);
  const who =
    `<span class="indiener">${escapeHtmlText(indieners[0]!)}</span>` +
    (indieners.length > 1
      ? `<br><span class="co">mede: ${escapeHtmlText(indieners.slice(1).join(', '))}</span>`
      : '');
  const status =
    escapeHtmlText(row.status) +
    (row.vote ? `<br><span class="vote">${escapeHtmlText(row.vote)}</span>` : '');
  const cell = (html: string, className: string) => `<td class="${className}">${html}</td>`;
  return (
    `<tr><th scope="row" class="number">${escapeHtmlText(row.number)}</th>` +
    cell(who, 'who') +
    cell(escapeHtmlText(row.subject) || '<span class="empty">—</span>', 'subject') +
    cell(
      row.advice ? escapeHtmlText(row.advice) : '<span class="empty">nog geen</span>',
      'advice',
    ) +
    cell(renderParagraphs(row.reasoning) || '<span class="empty">—</span>', 'reasoning') +
    cell(status, 'status') +
    `</tr>`
  );
}

function formatCount(count: number): string {
  return `${count} ${count === 1 ? 'amendement of motie' : 'amendementen en moties'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The overview's styles, on top of the print style sheet. */
export const PREADVIEZEN_STYLES = `
@page {
  size: A4 landscape;
}

@media screen {
  body {
    max-width: 250mm;
  }
}

.preadvies-section {
  margin-top: 16pt;
}

.preadvies-section .block-heading {
  font-size: 12pt;
  margin: 0 0 6pt;
}

table.preadviezen-table {
  width: 100%;
  border-collapse: collapse;
  font-size: 9.5pt;
  line-height: 1.35;
}

.preadviezen-table thead {
  display: table-header-group;
}

.preadviezen-table th,
.preadviezen-table td {
  text-align: left;
  vertical-align: top;
  padding: 4pt 6pt 4pt 0;
  border-bottom: 0.5pt solid #a6a6a6;
  overflow-wrap: anywhere;
}

.preadviezen-table thead th {
  font-weight: 600;
  font-size: 9pt;
  border-bottom: 1pt solid #1a1a1a;
}

.preadviezen-table tr {
  break-inside: avoid;
}

.preadviezen-table .number {
  width: 7%;
  font-weight: 600;
}

.preadviezen-table .who {
  width: 15%;
}

.preadviezen-table .subject {
  width: 20%;
}

.preadviezen-table .advice {
  width: 11%;
  font-weight: 600;
}

.preadviezen-table .reasoning {
  width: 30%;
}

.preadviezen-table .reasoning p {
  margin: 0 0 3pt;
}

.preadviezen-table .reasoning p:last-child {
  margin-bottom: 0;
}

.preadviezen-table .status {
  width: 17%;
}

.preadviezen-table .co,
.preadviezen-table .vote,
.preadviezen-table .empty,
.preadvies-none {
  color: ${MUTED_COLOUR};
}
`;
