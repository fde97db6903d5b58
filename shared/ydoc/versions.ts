/**
 * Named versions ("Versie vastleggen"): the document as it stood, with a name, kept inside the
 * shared document itself, in a Yjs map beside the text. So versions travel to co-editors, are
 * saved in the .resolutie file and merge like everything else, and a version is never lost
 * because one copy of the file is.
 *
 * Each entry holds the ProseMirror JSON of the document at that moment (not a Yjs snapshot:
 * those need the deleted history kept forever, which Yjs's garbage collection removes). Entries
 * are written once and never changed; reading checks every one against the schema, so a
 * damaged or foreign entry is refused like a damaged document.
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { schema } from '../editor/schema.ts';
import { InvalidDocumentError } from './invalidDocument.ts';
import { refuseKeylessContent } from './keylessContent.ts';

/** The Yjs map of the versions. */
export const VERSIONS_MAP = 'versies';

/** The longest name of a version. */
export const MAX_VERSION_NAME_LENGTH = 120;

/** A version as listed. */
export interface VersionInfo {
  id: string;
  name: string;
  /** When it was recorded (ISO, UTC). */
  createdAt: string;
  /** Who recorded it. */
  author: string;
}

/** A version with its document. */
export interface Version extends VersionInfo {
  doc: Node;
}

interface StoredVersion {
  name: string;
  createdAt: string;
  author: string;
  doc: unknown;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function getVersionsMap(ydoc: Y.Doc): Y.Map<StoredVersion> {
  return ydoc.getMap<StoredVersion>(VERSIONS_MAP);
}

/** Records `doc` as version `name` of `ydoc`; returns the new version's id. */
export function recordVersion(
  ydoc: Y.Doc,
  version: { id: string; name: string; author: string; createdAt: string; doc: Node },
): string {
  const name = version.name.trim();
  if (name.length === 0 || name.length > MAX_VERSION_NAME_LENGTH) {
    throw new RangeError(`een versie heeft een naam van 1 tot ${MAX_VERSION_NAME_LENGTH} tekens`);
  }
  if (!ID_PATTERN.test(version.id)) throw new RangeError('ongeldig versie-id');
  version.doc.check();
  getVersionsMap(ydoc).set(version.id, {
    name,
    createdAt: version.createdAt,
    author: version.author.trim().slice(0, 60) || 'onbekend',
    doc: version.doc.toJSON(),
  });
  return version.id;
}

/**
 * Every version, oldest first, each checked against the schema; throws InvalidDocumentError
 * for a damaged one (see {@link readVersions} for the checked documents).
 */
export function listVersions(ydoc: Y.Doc): VersionInfo[] {
  return readVersions(ydoc).map(({ doc: _doc, ...info }) => info);
}

/** Every version with its document, oldest first; throws InvalidDocumentError for a bad one. */
export function readVersions(ydoc: Y.Doc): Version[] {
  const versions: Version[] = [];
  refuseKeylessContent(getVersionsMap(ydoc), 'De lijst van versies');
  getVersionsMap(ydoc).forEach((stored, id) => versions.push(readVersion(id, stored)));
  return versions.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'nl'),
  );
}

/** The version called `name` (the newest of that name), or null. */
export function findVersionByName(ydoc: Y.Doc, name: string): Version | null {
  const wanted = name.trim().toLowerCase();
  const matches = readVersions(ydoc).filter((version) => version.name.toLowerCase() === wanted);
  return matches.at(-1) ?? null;
}

/** Checks the versions `ids` of `ydoc` (those a change touched); throws like readVersions. */
export function checkVersionEntries(ydoc: Y.Doc, ids: Iterable<string>): void {
  const map = getVersionsMap(ydoc);
  refuseKeylessContent(map, 'De lijst van versies');
  for (const id of ids) if (map.has(id)) readVersion(id, map.get(id));
}

/** Whether the versions map of `ydoc` holds only valid versions (for the sync server). */
export function checkVersions(ydoc: Y.Doc): void {
  readVersions(ydoc);
}

function readVersion(id: string, stored: unknown): Version {
  const fail = (what: string) =>
    new InvalidDocumentError(`Versie ${JSON.stringify(id.slice(0, 64))} is beschadigd (${what}).`);
  if (!ID_PATTERN.test(id)) throw fail('id');
  if (typeof stored !== 'object' || stored === null) throw fail('geen versie');
  const { name, createdAt, author, doc } = stored as Partial<StoredVersion>;
  if (
    typeof name !== 'string' ||
    name.trim().length === 0 ||
    name.length > MAX_VERSION_NAME_LENGTH
  ) {
    throw fail('naam');
  }
  if (typeof createdAt !== 'string' || !ISO_PATTERN.test(createdAt)) throw fail('tijdstip');
  if (typeof author !== 'string' || author.length > 60) throw fail('auteur');
  let node: Node;
  try {
    node = schema.nodeFromJSON(doc);
    node.check();
  } catch {
    throw fail('inhoud');
  }
  return { id, name, createdAt, author, doc: node };
}
