/**
 * The document's metadata as one record, as it is stored: kind, status, indiener and version
 * label on the title node, assembly and date on the preamble, and the title's text. The
 * metadata panel edits these (`setMetadata`), the .resolutie file keeps them as its readable
 * copy; `getMetadataText` reads them the way a stuk prints them.
 */
import type { Node } from 'prosemirror-model';
import type { DocumentKind, DocumentStatus } from '../../model/resolution.ts';
import { getTopLevelNode } from './getTopLevelNode.ts';

/** The metadata as the document holds it. */
export interface DocumentMetadata {
  kind: DocumentKind;
  status: DocumentStatus;
  /** The title's text as typed, white space included; '' when empty. */
  title: string;
  /** The assembly as typed; may be blank (the preamble then names the default). */
  assembly: string;
  /** ISO yyyy-mm-dd, or null when not set. */
  date: string | null;
  submitter: string | null;
  versionLabel: string | null;
}

/** The metadata of a document. */
export function getMetadata(doc: Node): DocumentMetadata {
  const title = getTopLevelNode(doc, 'title');
  const preamble = getTopLevelNode(doc, 'preamble');
  return {
    kind: title.attrs.kind as DocumentKind,
    status: title.attrs.status as DocumentStatus,
    title: title.textContent,
    assembly: preamble.attrs.assembly as string,
    date: preamble.attrs.date as string | null,
    // Files from before these attributes existed have none: read as "not set".
    submitter: (title.attrs.submitter as string | null) ?? null,
    versionLabel: (title.attrs.versionLabel as string | null) ?? null,
  };
}
