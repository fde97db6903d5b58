/**
 * The title line and the preamble of a document as the exports print them: kind and status,
 * the title, the assembly and its date, and the optional submitter and version label.
 */
import type { Node } from 'prosemirror-model';
import { getAssemblyName } from '../model/assembly.ts';
import type { DocumentKind, DocumentStatus } from '../model/resolution.ts';
import { getKindHeading } from '../labels.ts';
import { formatDutchDate } from '../dates.ts';
import { formatPreamble } from '../editor/nodes/preamble.ts';
import type { ResolutieJsonMetadata } from './resolutieJson.ts';

/** Reads the metadata of a document of the resolution schema. */
export function readMetadata(doc: Node): ResolutieJsonMetadata {
  const title = findTopLevelNode(doc, 'title');
  const preamble = findTopLevelNode(doc, 'preamble');
  const kind = title.attrs.kind as DocumentKind;
  const status = title.attrs.status as DocumentStatus;
  const assembly = preamble.attrs.assembly as string;
  const date = preamble.attrs.date as string | null;
  const titleText = title.textContent.trim();
  return {
    kind,
    kindLabel: getKindHeading(kind, status),
    status,
    title: titleText.length > 0 ? titleText : null,
    assembly: getAssemblyName(assembly),
    date,
    dateText: date === null ? null : formatDutchDate(date),
    preamble: formatPreamble(assembly, date),
    submitter: readOptionalText(title, 'submitter'),
    versionLabel: readOptionalText(title, 'versionLabel'),
  };
}

/** The child of the document with the given type; the schema guarantees it exists. */
export function findTopLevelNode(doc: Node, typeName: string): Node {
  for (let index = 0; index < doc.childCount; index += 1) {
    const child = doc.child(index);
    if (child.type.name === typeName) return child;
  }
  throw new Error(`het document mist het onderdeel ${typeName}`);
}

// Attributes that not every schema version has (the title's submitter and version label were
// added later): anything but a non-empty string reads as "not given".
function readOptionalText(node: Node, attr: string): string | null {
  const value: unknown = node.attrs[attr];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}
