/**
 * Opening a .docx: the checks on the whole package before any of its text is read. What is
 * refused, in this order: an OLE compound file (Word's password-protected .docx, and the old
 * .doc), anything that is not a zip, the zip's own checks (zipArchive.ts: sizes, parts,
 * encryption), macros (a .docm's content type, or a VBA project in any part), and a package
 * without its main text. Only the parts the import reads are inflated.
 */
import { refuse } from './docxErrors.ts';
import { MAX_DOCX_BYTES, openZipArchive, type ZipArchive } from './zipArchive.ts';
import { formatBytes } from './docxErrors.ts';
import { childElements, parseXmlPart, plainAttr, type XmlElement } from './xmlTree.ts';
import { isOleCompoundFile } from './wordFileSigns.ts';

const MACRO_CONTENT_TYPE = /macroEnabled/i;
const MAIN_PART = 'word/document.xml';
const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** A relationship of the main part: its type's last word ("styles"), target, and whether external. */
export interface PartRelationship {
  type: string;
  target: string;
  external: boolean;
}

/** An opened Word package: its main text and the parts beside it, parsed when present. */
export interface DocxPackage {
  document: XmlElement;
  styles: XmlElement | null;
  numbering: XmlElement | null;
  footnotes: XmlElement | null;
  comments: XmlElement | null;
  /** Which comment answers which, and which are done (Word 2013 and later). */
  commentsExtended: XmlElement | null;
  /** The main part's relationships by id (hyperlinks' addresses among them). */
  relationships: ReadonlyMap<string, PartRelationship>;
}

/** Opens and checks the .docx in `bytes`; throws a DocxImportError when it is refused. */
export function openDocxPackage(bytes: Uint8Array): DocxPackage {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw refuse.tooLarge(`het bestand is meer dan ${formatBytes(MAX_DOCX_BYTES)}`);
  }
  // Word stores a password-protected .docx, like the old .doc, as an OLE compound file.
  if (isOleCompoundFile(bytes)) throw refuse.oldOrProtected();
  const zip = openZipArchive(bytes);
  for (const name of zip.entries.keys()) {
    if (/(^|\/)vbaProject\.bin$/i.test(name) || /(^|\/)vbaData\.xml$/i.test(name)) {
      throw refuse.macros();
    }
  }
  const types = readPart(zip, '[Content_Types].xml');
  if (!types || types.ns !== CONTENT_TYPES_NS) {
    throw zip.entries.has(MAIN_PART)
      ? refuse.damaged('[Content_Types].xml ontbreekt')
      : refuse.notDocx();
  }
  for (const entry of [...childElements(types, CONTENT_TYPES_NS)]) {
    if (MACRO_CONTENT_TYPE.test(plainAttr(entry, 'ContentType') ?? '')) throw refuse.macros();
  }
  const document = readPart(zip, MAIN_PART);
  if (!document) throw refuse.noDocument();
  const relationships = readRelationships(zip);
  const part = (type: string, fallback: string): XmlElement | null => {
    const found = [...relationships.values()].find((rel) => rel.type === type && !rel.external);
    return readPart(zip, found ? resolveTarget(found.target) : fallback);
  };
  return {
    document,
    styles: part('styles', 'word/styles.xml'),
    numbering: part('numbering', 'word/numbering.xml'),
    footnotes: part('footnotes', 'word/footnotes.xml'),
    comments: part('comments', 'word/comments.xml'),
    commentsExtended: part('commentsExtended', 'word/commentsExtended.xml'),
    relationships,
  };
}

function readPart(zip: ZipArchive, name: string): XmlElement | null {
  const bytes = zip.read(name);
  return bytes ? parseXmlPart(bytes, name) : null;
}

function readRelationships(zip: ZipArchive): Map<string, PartRelationship> {
  const out = new Map<string, PartRelationship>();
  const rels = readPart(zip, 'word/_rels/document.xml.rels');
  if (!rels) return out;
  for (const rel of childElements(rels, RELATIONSHIP_NS, 'Relationship')) {
    const id = plainAttr(rel, 'Id');
    const target = plainAttr(rel, 'Target');
    if (!id || target === undefined) continue;
    out.set(id, {
      type: (plainAttr(rel, 'Type') ?? '').split('/').pop() ?? '',
      target,
      external: plainAttr(rel, 'TargetMode') === 'External',
    });
  }
  return out;
}

// A target relative to word/ ("styles.xml"), or absolute in the package ("/word/styles.xml").
function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `word/${target}`;
  const parts: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
