/**
 * The Akoma Ntoso 3.0 export of a resolution or motie (`resolutie export --akn`): an AKN
 * `statement` with the FRBR identification, the title as preface, the preamble line as formula
 * and the recital blocks as `recitals`, one `hcontainer` per operative block with its numbered
 * items as `paragraph`s and sub-items as `point`s, footnotes as `authorialNote` where they stand,
 * and the Toelichting as an attachment. Pending proposals are read as accepted, like the JSON
 * export and the PDF. Pure: no DOM, Node or Yjs. What maps to what: docs/FORMAT.md.
 *
 * Cross-references: an item, block or Toelichting heading with an element id carries it as its
 * `wId`, which stays when the stuk is renumbered, while its `eId` follows the numbering
 * (`para_3`); a reference is `<ref href="#eId">label</ref>` to the target's eId as exported.
 * A reference may point forward, so the eIds are worked out in a first pass over the same
 * document (the registry hands them out in the same order each time) and used in the second.
 * A broken reference is its text alone: a `ref` must point somewhere.
 */
import type { Node } from 'prosemirror-model';
import { getExplanation } from '../../editor/queries/getExplanation.ts';
import { getItemLabels } from '../../editor/queries/getItemLabels.ts';
import { getMetadataText } from '../../editor/queries/getMetadataText.ts';
import { formatTitleLine } from '../../editor/queries/getMetadataText.ts';
import { getAcceptedDoc } from '../../editor/suggestions/acceptedDoc.ts';
import { isElementId } from '../../editor/nodes/elementIds.ts';
import { BROKEN_REFERENCE_TEXT, findReferenceTarget } from '../../editor/queries/getReferences.ts';
import { OPERATIVE_HEADING_LABELS, RECITAL_HEADING_LABELS } from '../../labels.ts';
import type { OperativeHeading, RecitalHeading } from '../../model/resolution.ts';
import { EidRegistry, labelPart } from './aknIds.ts';
import { metaXml, workUri, type AknIdentity } from './aknMeta.ts';
import { element, escapeText } from './xmlText.ts';

/** The namespace of Akoma Ntoso 3.0. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Options of the export. */
export interface AknOptions {
  /** The statement's `name`; the stuk's kind ("resolutie", "motie") when left out. */
  name?: string;
  /** The moment of the export (the manifestation's date); now when left out. */
  now?: Date;
}

/** The stuk as an Akoma Ntoso 3.0 document (UTF-8 XML text, ending in a newline). */
export function toAkomaNtoso(input: Node, options: AknOptions = {}): string {
  const doc = getAcceptedDoc(input);
  const first: AknRefs = { doc, eIds: new Map(), known: new Map() };
  statementXml(doc, options, first);
  return statementXml(doc, options, { doc, eIds: new Map(), known: first.eIds });
}

/** The targets of references in one pass of the export. */
interface AknRefs {
  /** The document as exported, which references are resolved in. */
  doc: Node;
  /** Element id → the eId given to the first element carrying it, in this pass. */
  eIds: Map<string, string>;
  /** The same from the first pass: what references point to. */
  known: ReadonlyMap<string, string>;
  /** Told the eId of each block, item and Toelichting heading, and of the Toelichting. */
  record?: (node: Node, eId: string) => void;
}

/**
 * The eIds the export gives the blocks, items and Toelichting headings of `doc`, and its
 * Toelichting (`att_1`), by node, read in `doc` as it stands: for a document without pending
 * changes, the eIds of its own export. What an amendment's places point to.
 */
export function aknEidsOf(doc: Node): Map<Node, string> {
  const eIds = new Map<Node, string>();
  const record = (node: Node, eId: string) => {
    if (!eIds.has(node)) eIds.set(node, eId);
  };
  statementXml(doc, {}, { doc, eIds: new Map(), known: new Map(), record });
  return eIds;
}

// The `wId` of `node`, exported with `eId`, when it carries an element id not yet given out;
// recorded so that references to it find its eId.
function wIdOf(node: Node, eId: string, refs: AknRefs): { wId?: string } {
  refs.record?.(node, eId);
  const id = node.attrs.id as unknown;
  if (!isElementId(id) || refs.eIds.has(id)) return {};
  refs.eIds.set(id, eId);
  return { wId: id };
}

function statementXml(doc: Node, options: AknOptions, refs: AknRefs): string {
  const metadata = getMetadataText(doc);
  const ids = new EidRegistry();
  const identity = identityOf(doc, options);
  const preface = element(
    'preface',
    {},
    element(
      'p',
      { class: 'title' },
      element('docTitle', {}, escapeText(formatTitleLine(metadata))),
    ),
  );
  const recitals: string[] = [];
  const operatives: string[] = [];
  doc.forEach((section) => {
    section.forEach((block) => {
      if (block.type.name === 'recital_block') recitals.push(recitalsXml(block, ids, refs));
      if (block.type.name === 'operative_block') operatives.push(operativeXml(block, ids, refs));
    });
  });
  const preamble = element(
    'preamble',
    {},
    element('formula', { name: 'aanhef' }, element('p', {}, escapeText(metadata.preamble))) +
      recitals.join(''),
  );
  if (operatives.length === 0) {
    // The schema wants a body; a stuk without besluit blocks gets an empty container.
    operatives.push(
      element('hcontainer', { eId: ids.next(null, 'hcontainer'), name: 'leeg' }, emptyContent()),
    );
  }
  const mainBody = element('mainBody', {}, operatives.join(''));
  const attachments = explanationXml(doc, identity, ids, refs);
  const statement = element(
    'statement',
    { name: identity.name },
    metaXml(identity) + preface + preamble + mainBody + attachments,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('akomaNtoso', { xmlns: AKN_NAMESPACE }, statement)}\n`;
}

/**
 * The work URI the stuk's export carries (`/akn/nl/statement/resolutie/…`): what an amendment's
 * `affectedDocument` points to. Without an assembly date it holds the day of `now`, as the
 * export does.
 */
export function aknWorkUriOf(doc: Node, options: AknOptions = {}): string {
  return workUri(identityOf(getAcceptedDoc(doc), options));
}

function identityOf(doc: Node, options: AknOptions): AknIdentity {
  const metadata = getMetadataText(doc);
  return {
    name: options.name ?? metadata.kind,
    title: metadata.title,
    date: metadata.date,
    submitter: metadata.submitter,
    now: options.now ?? new Date(),
  };
}

// An item with the sub-items that follow it; `item` null for sub-items standing on their own.
interface ItemGroup {
  label: string;
  node: Node;
  subItems: { label: string; node: Node }[];
}

// Numbered items with their sub-items. A sub-item before any numbered item stands alone.
function groupItems(block: Node): ItemGroup[] {
  const labels = getItemLabels(block);
  const groups: ItemGroup[] = [];
  block.forEach((item, _offset, index) => {
    const label = labels[index] ?? '';
    const last = groups[groups.length - 1];
    if (item.attrs.indent === 1 && last && last.node.attrs.indent !== 1) {
      last.subItems.push({ label, node: item });
    } else {
      groups.push({ label, node: item, subItems: [] });
    }
  });
  return groups;
}

// A recital block as `recitals` with its heading as intro and one `recital` per item.
function recitalsXml(block: Node, ids: EidRegistry, refs: AknRefs): string {
  const heading = RECITAL_HEADING_LABELS[block.attrs.heading as RecitalHeading];
  const blockId = ids.next(null, 'recs');
  const blockAttrs = { eId: blockId, ...wIdOf(block, blockId, refs) };
  const groups = groupItems(block);
  const intro = element('intro', {}, element('p', {}, escapeText(heading)));
  if (groups.length === 0) {
    // `recitals` needs a recital: an empty block keeps its heading in an empty one.
    const eId = ids.take(blockId, 'rec_1');
    return element('recitals', blockAttrs, intro + element('recital', { eId }, '<p/>'));
  }
  const items = groups.map((group, index) => {
    const eId = ids.take(blockId, `rec_${labelPart(group.label, index + 1)}`);
    const attrs = { eId, ...wIdOf(group.node, eId, refs) };
    let body =
      element('num', {}, escapeText(group.label)) + paragraphXml(group.node, eId, ids, refs);
    if (group.subItems.length > 0) {
      const listId = ids.take(eId, 'list_1');
      body += element(
        'blockList',
        { eId: listId },
        group.subItems
          .map((sub, subIndex) => {
            const itemId = ids.take(listId, `item_${labelPart(sub.label, subIndex + 1)}`);
            return element(
              'item',
              { eId: itemId, ...wIdOf(sub.node, itemId, refs) },
              element('num', {}, escapeText(sub.label)) + paragraphXml(sub.node, itemId, ids, refs),
            );
          })
          .join(''),
      );
    }
    return element('recital', attrs, body);
  });
  return element('recitals', blockAttrs, intro + items.join(''));
}

// An operative block as `hcontainer` with its heading and one `paragraph` per item.
function operativeXml(block: Node, ids: EidRegistry, refs: AknRefs): string {
  const headingKey = block.attrs.heading as OperativeHeading;
  const eId = ids.next(null, 'hcontainer');
  const blockAttrs = { eId, ...wIdOf(block, eId, refs), name: headingKey };
  const heading = element('heading', {}, escapeText(OPERATIVE_HEADING_LABELS[headingKey]));
  const groups = groupItems(block);
  if (groups.length === 0) {
    return element('hcontainer', blockAttrs, heading + emptyContent());
  }
  const paragraphs = groups.map((group, index) => {
    const paraId = ids.take(eId, `para_${labelPart(group.label, index + 1)}`);
    const paraAttrs = { eId: paraId, ...wIdOf(group.node, paraId, refs) };
    const num = element('num', {}, escapeText(group.label));
    if (group.subItems.length === 0) {
      return element(
        'paragraph',
        paraAttrs,
        num + element('content', {}, paragraphXml(group.node, paraId, ids, refs)),
      );
    }
    const listId = ids.take(paraId, 'list_1');
    const points = group.subItems.map((sub, subIndex) => {
      const pointId = ids.take(listId, `point_${labelPart(sub.label, subIndex + 1)}`);
      return element(
        'point',
        { eId: pointId, ...wIdOf(sub.node, pointId, refs) },
        element('num', {}, escapeText(sub.label)) +
          element('content', {}, paragraphXml(sub.node, pointId, ids, refs)),
      );
    });
    const list = element(
      'list',
      { eId: listId },
      element('intro', {}, paragraphXml(group.node, paraId, ids, refs)) + points.join(''),
    );
    return element('paragraph', paraAttrs, num + list);
  });
  return element('hcontainer', blockAttrs, heading + paragraphs.join(''));
}

function emptyContent(): string {
  return element('content', {}, '<p/>');
}

// A text block (item, paragraph, heading) as `<p>` with its inline content.
function paragraphXml(node: Node, ownerId: string, ids: EidRegistry, refs: AknRefs): string {
  return element('p', {}, inlineXml(node, ownerId, ids, refs));
}

// Inline content: text escaped, links as `a`, breaks as `eol`, footnotes as `authorialNote`,
// references as `ref` (their label alone inside a link, which holds text).
function inlineXml(node: Node, ownerId: string, ids: EidRegistry, refs: AknRefs): string {
  let out = '';
  let link: { href: string; text: string } | null = null;
  const closeLink = () => {
    if (link) out += element('a', { href: link.href }, link.text);
    link = null;
  };
  node.forEach((child) => {
    const linkMark = child.marks.find((mark) => mark.type.name === 'link');
    const href = linkMark ? String(linkMark.attrs.href) : null;
    if (link && link.href !== href) closeLink();
    let piece: string;
    if (child.isText) {
      piece = styledText(child);
    } else if (child.type.name === 'hard_break') {
      piece = '<eol/>';
    } else if (child.type.name === 'footnote') {
      const number = ids.nextNote();
      const eId = ids.take(ownerId, `note_${number}`);
      piece = element(
        'authorialNote',
        { eId, marker: String(number), placement: 'bottom' },
        element('p', {}, escapeText(String(child.attrs.text))),
      );
    } else if (child.type.name === 'reference') {
      piece = referenceXml(child.attrs.target as string, refs, href !== null);
    } else {
      piece = escapeText(child.textContent);
    }
    if (href !== null && child.type.name !== 'footnote') {
      if (!link) link = { href, text: '' };
      link.text += piece;
    } else {
      closeLink();
      out += piece;
    }
  });
  closeLink();
  return out;
}

// A reference: `<ref href="#eId">label</ref>` to its target, or its text alone when it is
// broken (or stands inside a link).
function referenceXml(target: string, refs: AknRefs, inLink: boolean): string {
  const found = findReferenceTarget(refs.doc, target);
  const eId = refs.known.get(target);
  if (!found || eId === undefined) return escapeText(BROKEN_REFERENCE_TEXT);
  if (inLink) return escapeText(found.label);
  return element('ref', { href: `#${eId}` }, escapeText(found.label));
}

// A text node with bold, italic and underline as `b`, `i`, `u`.
function styledText(child: Node): string {
  let text = escapeText(child.text ?? '');
  for (const mark of child.marks) {
    if (mark.type.name === 'bold') text = element('b', {}, text);
    if (mark.type.name === 'italic') text = element('i', {}, text);
    if (mark.type.name === 'underline') text = element('u', {}, text);
  }
  return text;
}

// The Toelichting as an attachment `doc name="toelichting"`; nothing when it holds no text.
function explanationXml(
  doc: Node,
  identity: Parameters<typeof metaXml>[0],
  ids: EidRegistry,
  refs: AknRefs,
): string {
  const { node } = getExplanation(doc);
  if (node.textContent.trim().length === 0) return '';
  const attId = ids.take(null, 'att_1');
  refs.record?.(node, attId);
  // Each heading opens an `hcontainer` holding the flow up to the next heading; text before
  // the first heading stands in one of its own.
  const containers: { heading: Node | null; flows: Node[] }[] = [];
  node.forEach((flow) => {
    if (flow.type.name === 'heading') {
      containers.push({ heading: flow, flows: [] });
      return;
    }
    const last = containers[containers.length - 1];
    if (last) last.flows.push(flow);
    else containers.push({ heading: null, flows: [flow] });
  });
  const body = containers
    .map((container, index) => {
      const eId = ids.take(attId, `hcontainer_${index + 1}`);
      const level = container.heading?.attrs.level === 2 ? 'subkop' : 'kop';
      const heading = container.heading
        ? element('heading', {}, inlineXml(container.heading, eId, ids, refs))
        : '';
      const wId = container.heading ? wIdOf(container.heading, eId, refs) : {};
      const blocks = container.flows.map((flow) => flowXml(flow, eId, ids, refs)).join('');
      return element(
        'hcontainer',
        { eId, ...wId, name: container.heading ? level : 'inleiding' },
        heading + element('content', {}, blocks === '' ? '<p/>' : blocks),
      );
    })
    .join('');
  const inner = element(
    'doc',
    { name: 'toelichting' },
    metaXml(identity, 'toelichting') + element('mainBody', {}, body),
  );
  return element('attachments', {}, element('attachment', { eId: attId }, inner));
}

// A flow node of the Toelichting as a block: `p`, `blockList` or a quote `blockContainer`.
function flowXml(flow: Node, ownerId: string, ids: EidRegistry, refs: AknRefs): string {
  switch (flow.type.name) {
    case 'bullet_list':
    case 'ordered_list': {
      const listId = ids.next(ownerId, 'list');
      const items: string[] = [];
      flow.forEach((item, _offset, index) => {
        const itemId = ids.take(listId, `item_${index + 1}`);
        const num = flow.type.name === 'ordered_list' ? `${index + 1}.` : '•';
        const blocks: string[] = [];
        item.forEach((child) => blocks.push(flowXml(child, itemId, ids, refs)));
        items.push(
          element(
            'item',
            { eId: itemId },
            element('num', {}, num) + (blocks.length > 0 ? blocks.join('') : '<p/>'),
          ),
        );
      });
      if (items.length === 0) return '<p/>';
      return element('blockList', { eId: listId }, items.join(''));
    }
    case 'blockquote': {
      const eId = ids.next(ownerId, 'quote');
      const blocks: string[] = [];
      flow.forEach((child) => blocks.push(flowXml(child, eId, ids, refs)));
      return element(
        'blockContainer',
        { eId, class: 'citaat' },
        blocks.length > 0 ? blocks.join('') : '<p/>',
      );
    }
    default: {
      if (flow.isTextblock) return paragraphXml(flow, ownerId, ids, refs);
      const blocks: string[] = [];
      flow.forEach((child) => blocks.push(flowXml(child, ownerId, ids, refs)));
      return blocks.join('');
    }
  }
}
