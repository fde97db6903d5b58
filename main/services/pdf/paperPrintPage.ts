/**
 * The page for printing a stuk on paper (the desktop app's "Afdrukken…"): the PDF's print page,
 * with the same template, fonts and change display, and its running head and foot as CSS
 * margin boxes (`shared/print/paperMarginBoxes.ts`), since the system print dialog has no
 * header or footer templates.
 */
import type { Node } from 'prosemirror-model';
import { renderPaperPage } from '../../../shared/print/paperMarginBoxes.ts';
import { renderPrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import type { ChangeDisplay, PrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import { getPrintFontCss } from './printFonts.ts';

/** The page to print on paper, as complete HTML. */
export async function renderPaperPrintPage(
  doc: Node,
  options: {
    appRoot: string;
    changes?: ChangeDisplay | undefined;
    /** What names a stuk without a title that is no resolution: its file's name. */
    fallbackName?: string | undefined;
  },
): Promise<string> {
  return renderPaperFormPage(
    (fontCss) =>
      renderPrintDocument(doc, {
        fontCss,
        changes: options.changes,
        fallbackName: options.fallbackName,
      }),
    options.appRoot,
  );
}

/** The paper page of any page of the print template (an amendment, the preadviezen …). */
export async function renderPaperFormPage(
  render: (fontCss: string) => PrintDocument,
  appRoot: string,
): Promise<string> {
  return renderPaperPage(render(await getPrintFontCss(appRoot)));
}
