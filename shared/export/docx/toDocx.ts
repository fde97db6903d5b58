/**
 * The Word export of a stuk (`resolutie export --docx`, "Exporteren als Word…"): a `docx`
 * package Document with Word's own structure, not text that looks like it. The title line in
 * Word's Title style, the metadata line and the preamble ("De leden bijeen in …:") in styles of
 * their own, each block heading ("Overwegende dat:") in the style Blokkop, the items as a Word
 * list that restarts in every block (one list instance per block) with lettered or bulleted
 * sub-items on the second level, and the Toelichting with its headings as Heading 1 and 2, its
 * lists, quotes, links and footnotes as Word footnotes; cross-references as hyperlinks to a
 * bookmark on their target (`docxBookmarks.ts`); the metadata also in the document's
 * properties. Pending proposals are accepted (`changes: 'hidden'`, the default, like the PDF)
 * or written as Word's tracked changes (`'shown'`), whole items and blocks with their paragraph
 * marks; comments, when passed, as Word comments. Pure: no DOM, Node or Yjs.
 */
import { hasPrintableContent } from '../../editor/queries/hasPrintableContent.ts';
import type { Node } from 'prosemirror-model';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions, ISectionOptions, ParagraphChild } from 'docx';
import { getExplanation } from '../../editor/queries/getExplanation.ts';
import { getMetadataText } from '../../editor/queries/getMetadataText.ts';
import { formatTitleLine } from '../../editor/queries/getMetadataText.ts';
import type { MetadataText } from '../../editor/queries/getMetadataText.ts';
import { getTopLevelNode } from '../../editor/queries/getTopLevelNode.ts';
import { getAcceptedDoc } from '../../editor/suggestions/acceptedDoc.ts';
import type { ItemChange } from '../../editor/suggestions/changeMarks.ts';
import { getBlockChange, withoutStrayDeletions } from '../../editor/suggestions/trackedChanges.ts';
import {
  EXPLANATION_HEADING,
  KIND_LABELS,
  OPERATIVE_HEADING_LABELS,
  RECITAL_HEADING_LABELS,
  STATUS_LABELS,
} from '../../labels.ts';
import { DEFAULT_ASSEMBLY } from '../../model/assembly.ts';
import type { OperativeHeading, RecitalHeading } from '../../model/resolution.ts';
import { placeComments } from './docxComments.ts';
import type { DocxCommentThread } from './docxComments.ts';
import {
  LISTS,
  STYLE_IDS,
  documentNumbering,
  documentStyles,
  pageProperties,
} from './docxLayout.ts';
import { footnoteParagraph, inlineRuns, wholeChange } from './docxRuns.ts';
import { bookmarked, docxBookmarks } from './docxBookmarks.ts';
import { wordText } from './wordText.ts';
import type { CommentAnchor, RunChange, RunContext } from './docxRuns.ts';

export type { DocxComment, DocxCommentThread } from './docxComments.ts';

/** How pending proposals go into the file. */
export type DocxChanges = 'hidden' | 'shown';

/** Options of the Word export. */
export interface DocxOptions {
  /** `hidden` (default): accepted, as the PDF prints; `shown`: as Word's tracked changes. */
  changes?: DocxChanges | undefined;
  /** Threads of comments to add as Word comments; none by default (like the PDF's). */
  comments?: readonly DocxCommentThread[] | undefined;
}

/** The software named as the file's creator and last editor. */
export const DOCX_CREATOR = 'Resolutie-editor';

/** The name of a stuk that has neither a title, blocks nor a heading (the print's name for it). */
const UNTITLED_STUK = 'Stuk zonder titel';

/** The stuk as a Word document (`docx` package), to pack with `Packer` or `toDocx`. */
export function toDocxDocument(input: Node, options: DocxOptions = {}): Document {
  const shown = options.changes === 'shown';
  const doc = shown ? withoutStrayDeletions(input) : getAcceptedDoc(input);
  const metadata = getMetadataText(doc);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  let revision = 0;
  let footnoteCount = 0;
  const context: RunContext = {
    changesShown: shown,
    nextRevision: () => ++revision,
    addFootnote: (text) => {
      footnoteCount += 1;
      footnotes[String(footnoteCount)] = { children: [footnoteParagraph(text)] };
      return footnoteCount;
    },
    bookmarks: docxBookmarks(doc),
  };
  const placed = placeComments(doc, options.comments ?? [], 0);
  const anchorsAt = (pos: number) => placed.anchors.get(pos) ?? [];
  const ofKind = hasClauseBlocks(doc);
  const preambleEmpty = metadata.date === null && metadata.assembly === DEFAULT_ASSEMBLY;

  const body: Paragraph[] = [titleParagraph(doc, metadata, ofKind, context, anchorsAt(0))];
  const meta = metaLine(metadata, ofKind);
  if (meta !== null) body.push(new Paragraph({ style: STYLE_IDS.meta, text: wordText(meta) }));
  if (ofKind && !preambleEmpty) {
    body.push(new Paragraph({ style: STYLE_IDS.preamble, text: wordText(metadata.preamble) }));
  }
  let blockIndex = 0;
  doc.forEach((section, sectionOffset) => {
    if (section.type.name !== 'recitals' && section.type.name !== 'operatives') return;
    section.forEach((block, blockOffset) => {
      blockIndex += 1;
      const blockPos = sectionOffset + 1 + blockOffset;
      body.push(...blockParagraphs(block, blockPos, blockIndex, context, anchorsAt));
    });
  });
  body.push(...explanationParagraphs(doc, ofKind, context, anchorsAt));

  const section: ISectionOptions = { properties: { page: pageProperties() }, children: body };
  return new Document({
    ...documentProperties(doc, metadata, ofKind, preambleEmpty),
    styles: documentStyles(),
    numbering: documentNumbering(),
    footnotes,
    // A file that shows proposals goes out for review: Word then tracks the reviewers' edits
    // too, and they come back as proposals through the import.
    ...(shown ? { features: { trackRevisions: true } } : {}),
    ...(placed.comments.length > 0 ? { comments: { children: placed.comments } } : {}),
    sections: [section],
  });
}

/** The stuk as the bytes of a .docx file (works in Node and in the browser). */
export async function toDocx(input: Node, options: DocxOptions = {}): Promise<Uint8Array> {
  return Packer.pack(toDocxDocument(input, options), 'uint8array');
}

/**
 * What names a stuk without blocks and without a title (a letter), as print names it
 * (stukShape.ts): the first heading of its text, else "Stuk zonder titel".
 */
function untitledName(doc: Node): string {
  let heading: string | null = null;
  getExplanation(doc).node.descendants((node) => {
    if (heading !== null) return false;
    if (node.type.name === 'heading') {
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      if (text.length > 0) heading = text;
    }
    return node.type.name !== 'heading';
  });
  return heading ?? UNTITLED_STUK;
}

/** True when the stuk has a recital or operative block (as print decides it, stukShape.ts). */
function hasClauseBlocks(doc: Node): boolean {
  let found = false;
  doc.forEach((child) => {
    if ((child.type.name === 'recitals' || child.type.name === 'operatives') && child.childCount) {
      found = true;
    }
  });
  return found;
}

// The title line: the kind, then the title between quotes, its changes tracked when shown. A
// stuk without blocks (a letter) is titled by its title alone.
function titleParagraph(
  doc: Node,
  metadata: MetadataText,
  ofKind: boolean,
  context: RunContext,
  anchors: readonly CommentAnchor[],
): Paragraph {
  const titleNode = getTopLevelNode(doc, 'title');
  const text = titleNode.textContent;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const trimmed = end > start ? titleNode.cut(start, end) : null;
  // Ranges count from the untrimmed text; a range in the cut white space moves to an end.
  const shifted = anchors.map((anchor) => ({
    ...anchor,
    start: Math.max(0, anchor.start - start),
    end: Math.max(0, anchor.end - start),
  }));
  const titleRuns = trimmed ? inlineRuns(trimmed, context, null, shifted) : [];
  if (!trimmed) titleRuns.push(...inlineRuns(titleNode.cut(0, 0), context, null, shifted));
  let children: ParagraphChild[];
  if (!ofKind) {
    children = trimmed ? titleRuns : [new TextRun(wordText(untitledName(doc))), ...titleRuns];
  } else if (metadata.title === null && !trimmed) {
    children = [new TextRun(metadata.kindLabel), ...titleRuns];
  } else {
    children = [new TextRun(`${metadata.kindLabel} “`), ...titleRuns, new TextRun('”')];
  }
  return new Paragraph({ style: STYLE_IDS.title, children });
}

// "Status: Concept · Indiener: bestuur · versie 2": what the PDF says in its watermark and the
// small line under the title. Null for a letter without indiener or version.
function metaLine(metadata: MetadataText, ofKind: boolean): string | null {
  const parts: string[] = [];
  if (ofKind) parts.push(`Status: ${STATUS_LABELS[metadata.status]}`);
  if (metadata.submitter !== null) parts.push(`Indiener: ${metadata.submitter}`);
  if (metadata.versionLabel !== null) parts.push(metadata.versionLabel);
  return parts.length > 0 ? parts.join(' · ') : null;
}

// A block: its heading in the style Blokkop, its items in a list instance of its own. When the
// whole block is proposed (added or deleted) and changes are shown, its heading is too.
function blockParagraphs(
  block: Node,
  blockPos: number,
  instance: number,
  context: RunContext,
  anchorsAt: (pos: number) => CommentAnchor[],
): Paragraph[] {
  const headingText =
    block.type.name === 'recital_block'
      ? RECITAL_HEADING_LABELS[block.attrs.heading as RecitalHeading]
      : OPERATIVE_HEADING_LABELS[block.attrs.heading as OperativeHeading];
  const blockChange = context.changesShown ? wholeChange(getBlockChange(block)) : null;
  const heading = new Paragraph({
    style: STYLE_IDS.blockHeading,
    ...paragraphMark(blockChange, context),
    children: bookmarked(
      context.bookmarks.nameAt(block, blockPos),
      inlineRuns(
        block.type.schema.nodes.paragraph!.create(null, block.type.schema.text(headingText)),
        context,
        blockChange,
      ),
    ),
  });
  const paragraphs = [heading];
  block.forEach((item, offset) => {
    const pos = blockPos + 1 + offset;
    const change = context.changesShown
      ? wholeChange(item.attrs.change as ItemChange | null)
      : null;
    const numbering =
      item.attrs.indent === 0
        ? { reference: LISTS.items, level: 0, instance }
        : item.attrs.marker === 'bullet'
          ? { reference: LISTS.subBullets, level: 1, instance: 1 }
          : { reference: LISTS.items, level: 1, instance };
    paragraphs.push(
      new Paragraph({
        style: STYLE_IDS.item,
        numbering,
        ...paragraphMark(change, context),
        children: bookmarked(
          context.bookmarks.nameAt(item, pos),
          inlineRuns(item, context, change, anchorsAt(pos)),
        ),
      }),
    );
  });
  return paragraphs;
}

// A paragraph mark inserted or deleted with its item: accepting or rejecting in Word then adds
// or removes the whole paragraph, not only its text.
function paragraphMark(
  change: RunChange | null,
  context: RunContext,
): Pick<IParagraphOptions, 'run'> {
  if (!change) return {};
  const revision = { id: context.nextRevision(), author: change.author, date: change.date };
  return { run: change.type === 'insert' ? { insertion: revision } : { deletion: revision } };
}

// The Toelichting: the heading "Toelichting" (not in a stuk without blocks, where it is the
// whole text), headings, paragraphs, lists and quotes; blank paragraphs are left out, as in
// the PDF, and nothing at all when it holds no text.
function explanationParagraphs(
  doc: Node,
  ofKind: boolean,
  context: RunContext,
  anchorsAt: (pos: number) => CommentAnchor[],
): Paragraph[] {
  const { node, pos } = getExplanation(doc);
  if (!hasPrintableContent(node)) return [];
  const out: Paragraph[] = [];
  if (ofKind)
    out.push(new Paragraph({ style: STYLE_IDS.explanationHeading, text: EXPLANATION_HEADING }));
  const lists = { ordered: 0, bullets: 0 };
  const walk = (parent: Node, parentPos: number, style: string | null, list: ListPlace | null) => {
    parent.forEach((child, offset) => {
      const childPos = parentPos + 1 + offset;
      if (child.isTextblock) {
        if (!list && !hasPrintableContent(child)) return;
        out.push(textParagraph(child, childPos, style, list, context, anchorsAt));
        // Only the first paragraph of a list item carries its number.
        if (list) list = { ...list, continued: true };
        return;
      }
      if (child.type.name === 'bullet_list' || child.type.name === 'ordered_list') {
        const ordered = child.type.name === 'ordered_list';
        const depth = list ? Math.min(list.depth + 1, 2) : 0;
        const instance = ordered ? ++lists.ordered : ++lists.bullets;
        const reference = ordered ? LISTS.ordered : LISTS.bullets;
        child.forEach((item, itemOffset) => {
          const itemPos = childPos + 1 + itemOffset;
          walk(item, itemPos, style, { reference, instance, depth, continued: false });
        });
        return;
      }
      if (child.type.name === 'blockquote') {
        if (!hasPrintableContent(child)) return;
        walk(child, childPos, STYLE_IDS.quote, list);
        return;
      }
      walk(child, childPos, style, list);
    });
  };
  walk(node, pos, null, null);
  return out;
}

// Where a paragraph stands in a list of the Toelichting.
interface ListPlace {
  reference: string;
  instance: number;
  depth: number;
  /** A later paragraph of the same list item: indented, without a number. */
  continued: boolean;
}

function textParagraph(
  node: Node,
  pos: number,
  style: string | null,
  list: ListPlace | null,
  context: RunContext,
  anchorsAt: (pos: number) => CommentAnchor[],
): Paragraph {
  const children = bookmarked(
    context.bookmarks.nameAt(node, pos),
    inlineRuns(node, context, null, anchorsAt(pos)),
  );
  if (node.type.name === 'heading') {
    const heading = node.attrs.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1;
    return new Paragraph({ heading, children });
  }
  const numbering =
    list && !list.continued
      ? { numbering: { reference: list.reference, level: list.depth, instance: list.instance } }
      : {};
  const indent = list?.continued ? { indent: { left: 440 * (list.depth + 1) } } : {};
  return new Paragraph({
    ...(style ? { style } : {}),
    ...numbering,
    ...indent,
    children,
  });
}

// The document's properties: the title line, kind and assembly as subject, the preamble as
// description, and the metadata as custom properties a macro or an archive can read.
function documentProperties(
  doc: Node,
  metadata: MetadataText,
  ofKind: boolean,
  preambleEmpty: boolean,
) {
  const title = ofKind ? formatTitleLine(metadata) : (metadata.title ?? untitledName(doc));
  const keywords = [
    ...(ofKind ? [KIND_LABELS[metadata.kind]] : []),
    ...(preambleEmpty ? [] : [metadata.assembly]),
    ...(metadata.date ? [metadata.date] : []),
  ];
  const custom = [
    ...(ofKind ? [{ name: 'Soort', value: KIND_LABELS[metadata.kind] }] : []),
    { name: 'Status', value: STATUS_LABELS[metadata.status] },
    ...(preambleEmpty ? [] : [{ name: 'Vergadering', value: metadata.assembly }]),
    ...(metadata.date ? [{ name: 'Datum', value: metadata.date }] : []),
    ...(metadata.submitter ? [{ name: 'Indiener', value: metadata.submitter }] : []),
    ...(metadata.versionLabel ? [{ name: 'Versie', value: metadata.versionLabel }] : []),
  ];
  return {
    title: wordText(title),
    ...(ofKind
      ? { subject: wordText(`${KIND_LABELS[metadata.kind]} · ${metadata.assembly}`) }
      : {}),
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    keywords: wordText(keywords.join(', ')),
    ...(ofKind && !preambleEmpty ? { description: wordText(metadata.preamble) } : {}),
    customProperties: custom.map(({ name, value }) => ({ name, value: wordText(value) })),
  };
}
