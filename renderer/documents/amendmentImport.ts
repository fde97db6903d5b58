/**
 * "Amendement toevoegen": an amendment a member drafted offline, in the .resolutie file they
 * saved, added to the open resolution. The file is read as the app reads a document: from the
 * documents folder through the host (readDocument), or, dropped on the window or picked from
 * the computer, from its bytes with the file format's own strict reader; either way its Yjs
 * state is opened strictly (openDocumentState). What it would add is checked against the open
 * resolution (shared/procedure/amendmentFile.ts: the same resolution, only the member's
 * proposals and their amendment, its text still there, its number free); only then is the
 * update applied to the resolution's Y.Doc, so the proposals appear in the editor under the
 * member's name. A refusal changes nothing. A file from the documents folder is read with the
 * host's `readDocument` (as strictly as opening it), which leaves the recent documents alone:
 * the member's file is read, not opened.
 */
import { decodeResolutieFile } from '../../shared/format/resolutieFile.ts';
import { decodeBase64 } from '../../shared/format/base64.ts';
import { applyYUpdate, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import type { ChangedPlace } from '../../shared/procedure/procedureStatus.ts';
import type { SubmissionRecord } from '../../shared/procedure/procedureRecords.ts';
import {
  AmendmentFileError,
  AmendmentNumberError,
  prepareAmendmentImport,
} from '../../shared/procedure/amendmentFile.ts';
import type { ResolutieApi } from '../api/client.ts';
import type { DocumentYDoc } from './OpenDocument.ts';

export { AmendmentFileError, AmendmentNumberError };

/** Where an amendment file comes from: a file in the documents folder, or one from the computer. */
export type AmendmentSource =
  { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

/** The file's name as the dialog names it ("Amendement Utrecht op ….resolutie"). */
export function sourceName(source: AmendmentSource): string {
  return source.kind === 'path' ? `${source.name}.resolutie` : source.file.name;
}

/**
 * The Yjs state of the document in `source`; rejects with a Dutch message when it is no
 * readable .resolutie file.
 */
export async function readAmendmentState(
  source: AmendmentSource,
  api: Pick<ResolutieApi, 'readDocument'>,
): Promise<Uint8Array> {
  if (source.kind === 'path') {
    const opened = await api.readDocument({ path: source.path });
    const state = decodeBase64(opened.state);
    if (!state) throw new AmendmentFileError('Het bestand kon niet worden gelezen.');
    return state;
  }
  if (!/\.resolutie$/i.test(source.file.name)) {
    throw new AmendmentFileError(
      `‘${source.file.name}’ is geen .resolutie-bestand. Een amendement komt als het .resolutie-bestand dat de indiener heeft opgeslagen.`,
    );
  }
  const bytes = new Uint8Array(await source.file.arrayBuffer());
  // FileFormatError: what is wrong with the file, in Dutch.
  return decodeResolutieFile(bytes).yjsState;
}

/** What was added. */
export interface AddedAmendments {
  submissions: SubmissionRecord[];
  /** Per amendment id: the places whose text has changed since it was made. */
  changedPlaces: Map<string, ChangedPlace[]>;
}

/**
 * Adds the amendments of the document `state` (a member's copy) to the resolution `ydoc`.
 * `numbers`: another number for an amendment whose own is taken here, by its id. Throws
 * AmendmentNumberError when a number is taken (nothing changed; ask for another and call
 * again), AmendmentFileError for any other refusal, both with a Dutch message.
 */
export function addAmendments(
  ydoc: DocumentYDoc,
  state: Uint8Array,
  numbers: Readonly<Record<string, string>> = {},
): AddedAmendments {
  let file: ReturnType<typeof openDocumentState>;
  try {
    file = openDocumentState(state);
  } catch (error) {
    throw new AmendmentFileError(
      `Het bestand kan niet worden gelezen. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const prepared = prepareAmendmentImport(ydoc, file.ydoc, { numbers });
    applyYUpdate(ydoc, prepared.update);
    return { submissions: prepared.submissions, changedPlaces: prepared.changedPlaces };
  } finally {
    file.ydoc.destroy();
  }
}
