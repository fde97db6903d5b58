/**
 * The print page for paper: the same page as the PDF's, with its running head and foot set as
 * CSS page-margin boxes instead of Chromium's header and footer templates. The system print
 * dialog (Electron's `webContents.print`) has no header or footer templates, only Chromium's own
 * (date, URL, "1/5"), so without these the printed stuk would lose "pagina 2 van 5", the title
 * line and the CONCEPT mark that the PDF has. Chromium draws margin boxes since version 131.
 *
 * The PDF keeps its templates (and the diagonal watermark stamped by pdf-lib, which the paper
 * print does not have): its page is unchanged, so PDFs stay the same.
 */
import { FONT_STACK, MUTED_COLOUR } from './pageLayout.ts';
import type { PrintDocument } from './renderPrintDocument.ts';
import { WATERMARK_TEXT } from './watermark.ts';

/**
 * A CSS string literal of `text`: quotes and backslashes escaped, and line breaks and `<`
 * as code points, so the text can neither end the string nor the `<style>` element.
 */
export function toCssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r\f]/g, (char) => {
    if (char === '\\' || char === '"') return `\\${char}`;
    return `\\${char.codePointAt(0)!.toString(16).toUpperCase()} `;
  });
  return `"${escaped}"`;
}

/** The margin boxes' style sheet: CONCEPT at the top right, title and page numbers below. */
export function renderPaperMarginBoxes(options: { title: string; concept: boolean }): string {
  const small = `font-family: ${FONT_STACK}; font-size: 8pt; color: ${MUTED_COLOUR};`;
  const concept = options.concept
    ? `
  @top-right {
    content: ${toCssString(WATERMARK_TEXT)};
    ${small}
    font-weight: 600;
    letter-spacing: 2pt;
  }`
    : '';
  return `
@page {${concept}
  @bottom-left {
    content: ${toCssString(options.title)};
    ${small}
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  @bottom-right {
    content: "pagina " counter(page) " van " counter(pages);
    ${small}
    white-space: nowrap;
  }
}
`;
}

/** The page of `printDocument` for the system print dialog, with its head and foot in CSS. */
export function renderPaperPage(printDocument: PrintDocument): string {
  const css = renderPaperMarginBoxes({
    title: printDocument.metadata.title,
    concept: printDocument.watermark,
  });
  const end = printDocument.html.indexOf('</head>');
  if (end < 0) throw new RangeError('De afdrukpagina heeft geen </head>.');
  return `${printDocument.html.slice(0, end)}<style>${css}</style>\n${printDocument.html.slice(end)}`;
}
