/**
 * What the host prints of a document, by the form the window asks for (`form` of printPdf and
 * printOnPaper, shared/api/print.ts): the stuk itself, the resolution zoals geamendeerd, the
 * preadviezen of its amendments and moties, or one amendment in the standard form. Each
 * becomes a page of the print template, rendered once the fonts are known; the PDF printer and
 * the paper printer print it the same way.
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import type { PrintForm } from '../../../shared/api/print.ts';
import { renderPrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import type { ChangeDisplay, PrintDocument } from '../../../shared/print/renderPrintDocument.ts';
import { renderAmendmentDocument } from '../../../shared/print/renderAmendment.ts';
import { renderPreadviezenDocument } from '../../../shared/print/renderPreadviezen.ts';
import {
  getAmendedMarks,
  readStukProcedure,
  toPreadviezen,
  toPrintedAmendment,
} from './procedureStukken.ts';

/** A page of the print template, made with the embedded fonts' CSS. */
export type RenderPage = (fontCss: string) => PrintDocument;

/** A form that cannot be printed of this document; the message is Dutch, for the user. */
export class PrintFormError extends Error {
  override name = 'PrintFormError';
}

/**
 * The page of `form` of the document in `ydoc` (`doc`, as read from it), read now, so that the
 * caller may free the Y.Doc before printing. Throws PrintFormError for an amendment the
 * document does not hold, and for changes shown on anything but the stuk itself.
 */
export function preparePrintForm(
  ydoc: Y.Doc,
  doc: Node,
  form: PrintForm,
  options: { changes?: ChangeDisplay | undefined; fallbackName?: string | undefined } = {},
): RenderPage {
  if (form === 'stuk') {
    // As it reads: the stuk's own text (the open amendments print on their own); with the
    // changes shown, every proposal as it stands.
    const printed = options.changes === 'shown' ? doc : readStukProcedure(ydoc, doc).text;
    return (fontCss) =>
      renderPrintDocument(printed, {
        fontCss,
        changes: options.changes,
        fallbackName: options.fallbackName,
      });
  }
  if (options.changes === 'shown') {
    throw new PrintFormError(
      'Wijzigingen zichtbaar afdrukken kan alleen bij het stuk zelf, niet bij een amendement, de preadviezen of de tekst zoals geamendeerd.',
    );
  }
  const procedure = readStukProcedure(ydoc, doc);
  if (form === 'geamendeerd') {
    const amended = getAmendedMarks(procedure);
    return (fontCss) =>
      renderPrintDocument(doc, { fontCss, fallbackName: options.fallbackName, amended });
  }
  if (form === 'preadviezen') {
    const overview = toPreadviezen([procedure]);
    return (fontCss) => renderPreadviezenDocument({ ...overview, fontCss });
  }
  const row = procedure.rows.find((candidate) => candidate.entry.id === form.amendement);
  if (!row) throw new PrintFormError('Dit amendement bestaat niet (meer) in dit stuk.');
  if (row.entry.kind !== 'amendement') {
    throw new PrintFormError(
      `${row.entry.number} is een motie, geen amendement; druk de motie af als stuk.`,
    );
  }
  const amendment = toPrintedAmendment(procedure, row);
  return (fontCss) => renderAmendmentDocument(amendment, { fontCss });
}
