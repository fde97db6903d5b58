/**
 * The one print template: a ProseMirror document of the resolution schema as a complete,
 * self-contained HTML page that Chromium prints to an A4 PDF, with its header and footer
 * templates and the PDF's document properties. Electron's `printToPDF` (the app) and
 * Playwright's `page.pdf` (the command line) print the same page, so the PDFs are the same.
 *
 * Every node is rendered through its own `toDOM` spec (the schema's serializer, as a string:
 * `renderDomSpec.ts`); print adds what the editor's view shows by other means: the derived
 * item numbers as text, the title's quotes, footnote numbers with endnotes, the metadata line
 * and the CONCEPT watermark. Pending changes print hidden (accepted) or shown with a legend
 * (`printChanges.ts`); "zoals geamendeerd", the text as the ALV decided it with the adopted
 * amendments' numbers in the margin (`amendedText.ts`). Pure: no DOM, no Node APIs.
 */
import type { Node } from 'prosemirror-model';
import { getFootnoteNumbers } from '../editor/queries/getFootnoteNumbers.ts';
import { getMetadataText } from '../editor/queries/getMetadataText.ts';
import { renderFooterTemplate, renderHeaderTemplate } from './headerFooter.ts';
import { CHANGE_STYLES } from './changeStyles.ts';
import { DEFAULT_CHANGE_DISPLAY, getPrintedDoc, renderChangeLegend } from './printChanges.ts';
import type { ChangeDisplay } from './printChanges.ts';
import { getPrintMetadata, hasWatermark } from './printMetadata.ts';
import type { PrintMetadata } from './printMetadata.ts';
import { PRINT_STYLES } from './printStyles.ts';
import { renderPrintPage } from './printPage.ts';
import { listOutlineTitles } from './outlineTitles.ts';
import { renderClauseContainer } from './renderClauses.ts';
import type { InlineContext } from './renderInline.ts';
import { ANCHOR_PREFIX, printAnchors } from './printAnchors.ts';
import { renderEndnotes } from './renderEndnotes.ts';
import { renderExplanation } from './renderExplanation.ts';
import { renderHeading } from './renderHeading.ts';
import { COMMENTS_STYLES, renderCommentsAppendix } from './renderComments.ts';
import type { PrintedCommentThread } from './renderComments.ts';
import { getAmendedText } from './amendedText.ts';
import type { AmendedMarks } from './amendedText.ts';
import type { MarginNotes } from './renderClauses.ts';
import { escapeHtmlText } from './escapeHtml.ts';
import { AMENDED_STYLES, AMENDED_SUFFIX, formatNumberList } from './amendedStyles.ts';

export type { AmendedMarks } from './amendedText.ts';

export type { PrintMetadata } from './printMetadata.ts';
export type { ChangeDisplay } from './printChanges.ts';

/** What the caller adds to the page. */
export interface PrintOptions {
  /**
   * `@font-face` CSS the caller supplies, with the fonts as `data:` URLs so that the PDF
   * embeds them (the page's Content-Security-Policy loads fonts from `data:` only). May be ''.
   */
  fontCss: string;
  /**
   * How pending changes print: `hidden` (the default) as the stuk reads with every change
   * accepted, `shown` with insertions and deletions marked and a legend under the title line.
   */
  changes?: ChangeDisplay | undefined;
  /**
   * What names a stuk that is no resolution and has no title (a letter imported as
   * Toelichting only): the file's name, where the caller knows it (`stukShape.ts`).
   */
  fallbackName?: string | undefined;
  /**
   * The threads of comments to print in an appendix "Opmerkingen" after the stuk
   * (`resolutie export --pdf --comments`); none by default: comments are not the stuk's text.
   */
  comments?: readonly PrintedCommentThread[] | undefined;
  /**
   * Print the stuk "zoals geamendeerd": as the ALV decided it, with the adopted amendments'
   * proposals accepted and every other pending one left out, each adopted amendment's number
   * in the margin of the items it changed, and the title line saying so (`amendedText.ts`).
   * `changes` is then ignored: the decided text has no pending changes.
   */
  amended?: AmendedMarks | undefined;
}

/** How a stuk "zoals geamendeerd" prints beside its text (`renderStukBody`). */
export interface AmendedPrint {
  /** Item position → the numbers in its margin. */
  notes: MarginNotes;
  /** Every adopted amendment, for the line under the title. */
  numbers: readonly string[];
}

/** The page to print, and what the printer needs beside it. */
export interface PrintDocument {
  /** The full HTML page: `<!doctype html><html lang="nl-NL">…`, `<title>` the title line. */
  html: string;
  /** Chromium's header template: a tiny empty element (an empty string prints a default). */
  headerTemplate: string;
  /** Chromium's footer template: the title line left, "pagina N van M" right, 8 pt. */
  footerTemplate: string;
  /** For the PDF's document properties. */
  metadata: PrintMetadata;
  /**
   * Whether the stuk is marked CONCEPT (status concept or geactualiseerd): the header says so,
   * and the printer stamps the diagonal mark on every page of the PDF.
   */
  watermark: boolean;
  /** The outline's titles: every heading's text, in order (see `outlineTitles.ts`). */
  outlineTitles: string[];
}

/** Renders `doc` (a document of our schema) as the printable page and its companions. */
export function renderPrintDocument(doc: Node, options: PrintOptions): PrintDocument {
  const amended = options.amended ? getAmendedText(doc, options.amended) : null;
  const source = amended ? amended.doc : doc;
  const changes = amended ? 'hidden' : (options.changes ?? DEFAULT_CHANGE_DISPLAY);
  // The properties and the footer name the stuk as it reads with its changes accepted, also
  // when the page shows them: the title line as proposed, not the old and new words run on.
  const accepted = getPrintedDoc(source, 'hidden');
  const metadata = getMetadataText(accepted);
  const printMetadata = getPrintMetadata(accepted, metadata, options.fallbackName);
  if (amended) printMetadata.title = `${printMetadata.title} ${AMENDED_SUFFIX}`;
  const watermark = hasWatermark(metadata.status);
  const html = renderPrintPage({
    metadata: printMetadata,
    fontCss: options.fontCss,
    styles: [
      PRINT_STYLES,
      ...(changes === 'shown' ? [CHANGE_STYLES] : []),
      ...(amended ? [AMENDED_STYLES] : []),
      ...(options.comments?.length ? [COMMENTS_STYLES] : []),
    ],
    body:
      `<main class="resolution">${renderStukBody(
        changes === 'shown' ? source : accepted,
        changes,
        options.fallbackName,
        amended ?? undefined,
      )}</main>\n` + renderCommentsAppendix(options.comments ?? []),
  });
  return {
    html,
    headerTemplate: renderHeaderTemplate(watermark),
    footerTemplate: renderFooterTemplate(printMetadata.title),
    metadata: printMetadata,
    watermark,
    outlineTitles: listOutlineTitles(html),
  };
}

/**
 * The printed content of one stuk, in reading order: the title line, metadata, the legend of
 * the changes (when shown and there are any) and preamble; the recital and operative blocks;
 * the Toelichting; the endnotes. A bundle prints several, with their changes hidden, each with
 * an `anchorPrefix` of its own for the anchors its cross-references link to.
 */
export function renderStukBody(
  doc: Node,
  changes: ChangeDisplay = DEFAULT_CHANGE_DISPLAY,
  fallbackName?: string,
  amended?: AmendedPrint,
  anchorPrefix: string = ANCHOR_PREFIX,
): string {
  const printed = getPrintedDoc(doc, changes);
  const footnotes = getFootnoteNumbers(printed);
  // References read and link as the page prints: a target whose deletion is accepted here is
  // gone, and the reference to it reads as broken.
  const context: InlineContext = { footnotes, anchors: printAnchors(printed, anchorPrefix) };
  const metadata = getMetadataText(printed);
  // Accepting hides marks only: the positions of the margin notes stay those of `doc`.
  const suffix = amended ? ` <span class="title-amended">${AMENDED_SUFFIX}</span>` : '';
  const note = amended ? renderAmendedNote(amended.numbers) : '';
  let html = renderHeading(
    printed,
    metadata,
    renderChangeLegend(printed) + note,
    fallbackName,
    suffix,
  );
  // The document's content starts at position 0: a top-level child stands at its offset.
  printed.forEach((child, offset) => {
    if (child.type.name === 'recitals' || child.type.name === 'operatives') {
      html += renderClauseContainer(child, offset, context, amended?.notes);
    }
  });
  return html + renderExplanation(printed, context) + renderEndnotes(printed);
}

/** The line under the title of a stuk zoals geamendeerd: which amendments it holds. */
function renderAmendedNote(numbers: readonly string[]): string {
  const text =
    numbers.length === 0
      ? 'Er is geen amendement aangenomen; de tekst is ongewijzigd.'
      : numbers.length === 1
        ? `Met het aangenomen amendement ${numbers[0]}, waarvan het nummer in de kantlijn staat bij de tekst die het wijzigde.`
        : `Met de aangenomen amendementen ${formatNumberList(numbers)}, elk met het nummer in de kantlijn bij de tekst die het wijzigde.`;
  return `<p class="amended-note">${escapeHtmlText(text)}</p>`;
}
