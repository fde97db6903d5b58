/**
 * The JSON export of a resolution, for `resolutie export --json`: metadata, blocks with their
 * numbered items and nested sub-items, the Toelichting and the footnotes, in a versioned
 * layout (see docs/FORMAT.md, "JSON export"). Pure: no DOM, Node or Yjs.
 */
import type { Node } from 'prosemirror-model';
import { getFootnoteNumbers, getFootnotes } from '../editor/queries/getFootnoteNumbers.ts';
import { getMetadataText } from '../editor/queries/getMetadataText.ts';
import { blockToJson } from './blocksJson.ts';
import { explanationToJson } from './explanationJson.ts';
import { readClauseBlocks } from './readClauseBlocks.ts';
import { RESOLUTIE_JSON_FORMAT, RESOLUTIE_JSON_FORMAT_VERSION } from './resolutieJson.ts';
import type { ResolutieJsonExport } from './resolutieJson.ts';

export { RESOLUTIE_JSON_FORMAT, RESOLUTIE_JSON_FORMAT_VERSION } from './resolutieJson.ts';
export type {
  ResolutieJsonBlock,
  ResolutieJsonBlockquote,
  ResolutieJsonExport,
  ResolutieJsonFlow,
  ResolutieJsonFootnote,
  ResolutieJsonHeading,
  ResolutieJsonItem,
  ResolutieJsonLink,
  ResolutieJsonList,
  ResolutieJsonMetadata,
  ResolutieJsonOperativeBlock,
  ResolutieJsonParagraph,
  ResolutieJsonRecitalBlock,
  ResolutieJsonReference,
  ResolutieJsonSubItem,
  ResolutieJsonText,
} from './resolutieJson.ts';

/**
 * A document of the resolution schema as plain JSON data. Item numbers and labels come from
 * `getItemLabels`, footnote numbers from `getFootnotes`, exactly as the editor shows them.
 */
export function toJsonExport(doc: Node): ResolutieJsonExport {
  const footnotes = getFootnoteNumbers(doc);
  return {
    format: RESOLUTIE_JSON_FORMAT,
    formatVersion: RESOLUTIE_JSON_FORMAT_VERSION,
    metadata: getMetadataText(doc),
    blocks: readClauseBlocks(doc, footnotes).map(blockToJson),
    explanation: explanationToJson(doc, footnotes),
    footnotes: getFootnotes(doc).map((note) => ({ number: note.number, text: note.text })),
  };
}
