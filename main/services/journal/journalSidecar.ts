/**
 * The sidecar of a recovery journal (`<documentId>.json`): what the recovery list shows about
 * a document without reading its Yjs state. Written atomically; read strictly, so that a
 * damaged sidecar is recognised (and the journal still recovered) rather than misread.
 */
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicWrite.ts';
import { FileReadError } from '../files/fileErrors.ts';
import { readFileLimited } from '../files/readFileLimited.ts';

/** A sidecar is a few hundred bytes; anything far larger is not one. */
const MAX_SIDECAR_BYTES = 64 * 1024;

/** The sidecar's content. */
export const journalSidecarSchema = z.strictObject({
  /** The document the journal belongs to (also its file name). */
  documentId: z.string(),
  /** The file the document was opened from or saved to; null for a document never saved. */
  path: z.string().nullable(),
  /** The document's title as the renderer last gave it; may be empty. */
  title: z.string(),
  /**
   * The invitation of the co-editing session the document was in, so that after a crash the
   * recovered document can rejoin it with its offline edits; absent in older sidecars.
   */
  session: z.string().max(4096).nullable().optional(),
  /** When the journal was first reset (ISO, UTC). */
  createdAt: z.iso.datetime(),
  /** When the sidecar was last written: a reset, or an append that changed title or path. */
  changedAt: z.iso.datetime(),
});

/** See {@link journalSidecarSchema}. */
export type JournalSidecar = z.infer<typeof journalSidecarSchema>;

/** What reading a sidecar found. */
export type SidecarReading =
  | { kind: 'ok'; sidecar: JournalSidecar }
  | { kind: 'missing' }
  | { kind: 'damaged'; error: unknown };

/** Reads the sidecar at `filePath`; never throws. */
export async function readJournalSidecar(
  filePath: string,
  documentId: string,
): Promise<SidecarReading> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileLimited(filePath, MAX_SIDECAR_BYTES);
  } catch (error) {
    if (error instanceof FileReadError && error.code === 'not_found') return { kind: 'missing' };
    return { kind: 'damaged', error };
  }
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const sidecar = journalSidecarSchema.parse(json);
    if (sidecar.documentId !== documentId) {
      return { kind: 'damaged', error: new Error(`sidecar names ${sidecar.documentId}`) };
    }
    return { kind: 'ok', sidecar };
  } catch (error) {
    return { kind: 'damaged', error };
  }
}

/** Writes the sidecar at `filePath` atomically; throws a `FileWriteError`. */
export async function writeJournalSidecar(
  filePath: string,
  sidecar: JournalSidecar,
): Promise<void> {
  const text = `${JSON.stringify(sidecar, null, 2)}\n`;
  await writeFileAtomic(filePath, new TextEncoder().encode(text));
}
