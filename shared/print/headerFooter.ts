/**
 * Chromium's header and footer templates (`displayHeaderFooter` in Playwright's `page.pdf`,
 * `headerTemplate`/`footerTemplate` in Electron's `printToPDF`). Chromium renders them apart
 * from the page, without its style sheet or fonts, so they carry inline styles only; it fills
 * the spans with classes `pageNumber` and `totalPages` on every page.
 */
import { escapeHtmlText } from './escapeHtml.ts';
import { FONT_STACK, MUTED_COLOUR, PAGE_MARGINS_MM } from './pageLayout.ts';
import { WATERMARK_TEXT } from './watermark.ts';

/**
 * The header: "CONCEPT" at the top right of every page of a concept, and otherwise a tiny
 * empty element (it cannot be '': Chromium then prints its own header, date and page title).
 */
export function renderHeaderTemplate(concept = false): string {
  if (!concept) return '<div style="font-size:1pt;"></div>';
  const { left, right } = PAGE_MARGINS_MM;
  const box = [
    'box-sizing:border-box',
    'width:100%',
    `padding:0 ${right}mm 0 ${left}mm`,
    'text-align:right',
    `font-family:${FONT_STACK}`,
    'font-size:8pt',
    'font-weight:bold',
    'letter-spacing:2pt',
    `color:${MUTED_COLOUR}`,
  ].join(';');
  return `<div style="${box}">${WATERMARK_TEXT}</div>`;
}

/**
 * The footer: the title line on the left (cut off with "…" when it is too long for one line),
 * "pagina 2 van 5" on the right, in 8 pt, aligned with the text's left and right edges.
 */
export function renderFooterTemplate(titleLine: string): string {
  const { left, right } = PAGE_MARGINS_MM;
  // The template spans the paper's full width, so the page margins are repeated as padding.
  const box = [
    'box-sizing:border-box',
    'width:100%',
    `padding:0 ${right}mm 0 ${left}mm`,
    'display:flex',
    'justify-content:space-between',
    'align-items:baseline',
    'gap:6mm',
    `font-family:${FONT_STACK}`,
    'font-size:8pt',
    'line-height:1.3',
    `color:${MUTED_COLOUR}`,
  ].join(';');
  const title = 'min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap';
  const pages = 'flex:none;white-space:nowrap';
  return (
    `<div style="${box}">` +
    `<span style="${title}">${escapeHtmlText(titleLine)}</span>` +
    `<span style="${pages}">pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span>` +
    '</div>'
  );
}
