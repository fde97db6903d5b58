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
 * (`printChanges.ts`). Pure: no DOM, no Node APIs.
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
import { renderEndnotes } from './renderEndnotes.ts';
import { renderExplanation } from './renderExplanation.ts';
import { renderHeading } from './renderHeading.ts';
import { COMMENTS_STYLES, renderCommentsAppendix } from './renderComments.ts';
import type { PrintedCommentThread } from './renderComments.ts';

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
  const changes = options.changes ?? DEFAULT_CHANGE_DISPLAY;
  // The properties and the footer name the stuk as it reads with its changes accepted, also
  // when the page shows them: the title line as proposed, not the old and new words run on.
  const accepted = getPrintedDoc(doc, 'hidden');
  const metadata = getMetadataText(accepted);
  const printMetadata = getPrintMetadata(accepted, metadata, options.fallbackName);
  const watermark = hasWatermark(metadata.status);
  const html = renderPrintPage({
    metadata: printMetadata,
    fontCss: options.fontCss,
    styles: [
      PRINT_STYLES,
      ...(changes === 'shown' ? [CHANGE_STYLES] : []),
      ...(options.comments?.length ? [COMMENTS_STYLES] : []),
    ],
    body:
      `<main class="resolution">${renderStukBody(changes === 'shown' ? doc : accepted, changes, options.fallbackName)}</main>\n` +
      renderCommentsAppendix(options.comments ?? []),
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
 * the Toelichting; the endnotes. A bundle prints several, with their changes hidden.
 */
export function renderStukBody(
  doc: Node,
  changes: ChangeDisplay = DEFAULT_CHANGE_DISPLAY,
  fallbackName?: string,
): string {
  const printed = getPrintedDoc(doc, changes);
  const footnotes = getFootnoteNumbers(printed);
  const metadata = getMetadataText(printed);
  let html = renderHeading(printed, metadata, renderChangeLegend(printed), fallbackName);
  // The document's content starts at position 0: a top-level child stands at its offset.
  printed.forEach((child, offset) => {
    if (child.type.name === 'recitals' || child.type.name === 'operatives') {
      html += renderClauseContainer(child, offset, footnotes);
    }
  });
  return html + renderExplanation(printed, footnotes) + renderEndnotes(printed);
}
