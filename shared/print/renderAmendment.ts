/**
 * An amendment printed in the standard form of the ALV: "Amendement A1", from which gemeente
 * (and who co-submits it), on which resolution, for which assembly; "De Algemene
 * Ledenvergadering, … besluit de resolutie ‘…’ als volgt te wijzigen:" with its numbered
 * instructions; its Toelichting; and, once recorded, the bestuur's preadvies and the ALV's
 * besluit with the vote.
 *
 * Print does not know the procedure (shared/print may not import it): the caller reads the
 * amendment and gives it here as plain text, its labels already in Dutch, its instructions
 * already worked out (shared/procedure/amendmentInstructions.ts). The page goes through the
 * same frame, fonts and style sheet as every stuk.
 */
import { formatDutchDate } from '../dates.ts';
import { gemeenteName, type AmendmentForm } from '../model/amendmentForm.ts';
import { endSentence, joinAnd } from '../sentences.ts';
import { escapeHtmlText } from './escapeHtml.ts';
import { renderFooterTemplate, renderHeaderTemplate } from './headerFooter.ts';
import { listOutlineTitles } from './outlineTitles.ts';
import { MUTED_COLOUR } from './pageLayout.ts';
import type { PrintMetadata } from './printMetadata.ts';
import { renderPrintPage } from './printPage.ts';
import { PRINT_STYLES } from './printStyles.ts';
import type { PrintDocument } from './renderPrintDocument.ts';

/** An amendment as print needs it: its standard form as plain data. */
export type PrintedAmendment = AmendmentForm;

/** The amendment's name: "Amendement A1 van de gemeente Utrecht". */
export function amendmentName(amendment: Pick<PrintedAmendment, 'number' | 'indiener'>): string {
  return `Amendement ${amendment.number} van de gemeente ${gemeenteName(amendment.indiener)}`;
}

/** The amendment as a printable page, with what the printer needs beside it. */
export function renderAmendmentDocument(
  amendment: PrintedAmendment,
  options: { fontCss: string },
): PrintDocument {
  const metadata = getAmendmentMetadata(amendment);
  const html = renderPrintPage({
    metadata,
    fontCss: options.fontCss,
    styles: [PRINT_STYLES, AMENDMENT_STYLES],
    body: `<main class="amendment">${renderAmendmentBody(amendment)}</main>\n`,
  });
  return {
    html,
    headerTemplate: renderHeaderTemplate(amendment.concept),
    footerTemplate: renderFooterTemplate(metadata.title),
    metadata,
    watermark: amendment.concept,
    outlineTitles: listOutlineTitles(html),
  };
}

/** The amendment's document properties. */
export function getAmendmentMetadata(amendment: PrintedAmendment): PrintMetadata {
  return {
    title: amendmentName(amendment),
    author: [amendment.indiener, ...amendment.coIndieners]
      .map((name) => `Gemeente ${gemeenteName(name)}`)
      .join(', '),
    subject:
      amendment.resolution === null
        ? 'Amendement op de resolutie'
        : `Amendement op de resolutie ‘${amendment.resolution}’`,
    language: 'nl-NL',
    keywords: ['Amendement', amendment.assembly, ...(amendment.date ? [amendment.date] : [])],
  };
}

/**
 * The amendment's content, from its `<h1>` on: alone in its page, or as a stuk of the bundle
 * (which prints it after its resolution).
 */
export function renderAmendmentBody(amendment: PrintedAmendment): string {
  const resolution =
    amendment.resolution === null ? 'de resolutie' : `de resolutie ‘${amendment.resolution}’`;
  const dateText = amendment.date ? formatDutchDate(amendment.date) : null;
  const lines: string[] = [`van de gemeente ${gemeenteName(amendment.indiener)}`];
  if (amendment.coIndieners.length > 0) {
    const names = joinAnd(amendment.coIndieners.map(gemeenteName));
    const which = amendment.coIndieners.length === 1 ? 'de gemeente' : 'de gemeenten';
    lines.push(`mede ingediend door ${which} ${names}`);
  }
  lines.push(`op ${resolution}`);
  const meta = [
    dateText ? `${amendment.assembly}, ${dateText}` : amendment.assembly,
    ...(amendment.subject ? [`Onderwerp: ${amendment.subject}`] : []),
    amendment.status,
  ].join(' · ');
  const gathered = dateText ? `in vergadering bijeen op ${dateText}` : 'in vergadering bijeen';
  let html =
    `<header class="amendment-head">` +
    `<h1 class="doc-title">Amendement ${escapeHtmlText(amendment.number)}</h1>` +
    lines.map((line) => `<p class="amendment-line">${escapeHtmlText(line)}</p>`).join('') +
    `<p class="doc-meta">${escapeHtmlText(meta)}</p></header>\n` +
    `<section class="amendment-decision-text" aria-label="Wijziging">` +
    `<p class="preamble">De Algemene Ledenvergadering, ${escapeHtmlText(gathered)},</p>` +
    `<p>besluit ${escapeHtmlText(resolution)} als volgt te wijzigen:</p>` +
    renderInstructions(amendment) +
    `</section>\n`;
  html += renderSection('Toelichting', 'explanation', renderParagraphs(amendment.motivation));
  if (amendment.advice) {
    const reasoning = renderParagraphs(amendment.advice.reasoning);
    html += renderSection(
      'Preadvies van het bestuur',
      'amendment-advice',
      `<p><strong>${escapeHtmlText(amendment.advice.label)}</strong></p>${reasoning}`,
    );
  }
  if (amendment.decision) {
    const { label, vote } = amendment.decision;
    const text = vote ? `${label}, ${vote}.` : `${label}.`;
    html += renderSection(
      'Besluit van de ALV',
      'amendment-outcome',
      `<p>${escapeHtmlText(text)}</p>`,
    );
  }
  return html;
}

// One instruction is a sentence; several are numbered, each ending in ";" and the last in ".".
function renderInstructions(amendment: PrintedAmendment): string {
  const { instructions } = amendment;
  if (instructions.length === 0) {
    const note = amendment.instructionsNote || 'Dit amendement stelt geen wijziging voor.';
    return `<p class="amendment-note">${escapeHtmlText(note)}</p>`;
  }
  if (instructions.length === 1) {
    return `<p class="instruction">${escapeHtmlText(endSentence(instructions[0]!, '.'))}</p>`;
  }
  const items = instructions
    .map((instruction, index) => {
      const text = endSentence(instruction, index === instructions.length - 1 ? '.' : ';');
      return (
        `<li class="item" data-indent="0"><span class="label">${index + 1}.</span> ` +
        `<span class="text">${escapeHtmlText(text)}</span></li>`
      );
    })
    .join('');
  return `<ol class="items instructions">${items}</ol>`;
}

function renderSection(heading: string, className: string, content: string): string {
  return (
    `<section class="${className}">` +
    `<h2 class="explanation-heading">${escapeHtmlText(heading)}</h2>${content}</section>\n`
  );
}

/** Plain text as paragraphs: an empty line between paragraphs, a line break kept. */
export function renderParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtmlText(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** The amendment's styles, on top of the print style sheet. */
export const AMENDMENT_STYLES = `
.amendment-head .doc-title {
  margin-bottom: 4pt;
}

.amendment-line {
  font-size: 12pt;
  margin: 0 0 1pt;
}

.amendment-head .doc-meta {
  margin-top: 6pt;
}

.amendment-decision-text {
  margin-top: 18pt;
}

.amendment-decision-text .preamble {
  margin-top: 0;
}

ol.instructions {
  margin: 6pt 0 0;
}

.instruction {
  margin-top: 6pt;
}

.amendment-note {
  font-style: italic;
  color: ${MUTED_COLOUR};
}

.amendment-advice,
.amendment-outcome {
  margin-top: 20pt;
  break-inside: avoid;
}
`;
