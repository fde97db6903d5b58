/**
 * A document printed to PDF on this machine: the print template, a Chromium found here, the
 * embedded fonts and the finishing step. One function for the command line and the host.
 */
import type { Node } from 'prosemirror-model';
import { renderPrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import { CHROMIUM_MISSING_MESSAGE, findChromium } from '../chromium.ts';
import { getPrintFontCss } from './printFonts.ts';
import { PdfPrinter } from './printPdf.ts';

/** No Chromium on this machine; the message says how to get one. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  constructor() {
    super(CHROMIUM_MISSING_MESSAGE);
  }
}

/** The PDF of `doc`; `creator` names the app in the document properties. */
export async function printDocumentPdf(
  doc: Node,
  options: { appRoot: string; creator: string },
): Promise<Uint8Array> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new ChromiumMissingError();
  const fontCss = await getPrintFontCss(options.appRoot);
  const printer = await PdfPrinter.start(chromiumPath, options.creator);
  try {
    return await printer.print(renderPrintDocument(doc, { fontCss }));
  } finally {
    await printer.close();
  }
}
