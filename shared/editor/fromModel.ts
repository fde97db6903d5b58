/**
 * Builds ProseMirror content from the plain-data model (`ParsedResolution`), for the paste
 * handler and the text import.
 */
import type { Mark, Node } from 'prosemirror-model';
import type {
  InlineRun,
  ParsedBlock,
  ParsedFlow,
  ParsedItem,
  ParsedResolution,
  ProposedChange,
} from '../model/resolution.ts';
import { DEFAULT_ASSEMBLY } from '../model/assembly.ts';
import { schema } from './schema.ts';
import { isSafeLinkHref } from './queries/isSafeLinkHref.ts';

/** Inline nodes for a list of runs; empty text runs are skipped (ProseMirror forbids them). */
export function inlineFromRuns(runs: readonly InlineRun[]): Node[] {
  const out: Node[] = [];
  for (const run of runs) {
    const changes = changeMarks(run.changes);
    if (run.type === 'hard_break') out.push(schema.nodes.hard_break.create(null, null, changes));
    else if (run.type === 'footnote') {
      out.push(schema.nodes.footnote.create({ text: run.text }, null, changes));
    } else if (run.text.length > 0) {
      const marks: Mark[] = (run.marks ?? []).map((name) => schema.marks[name].create());
      if (run.href && isSafeLinkHref(run.href)) {
        marks.push(schema.marks.link.create({ href: run.href.trim() }));
      }
      out.push(schema.text(run.text, [...marks, ...changes]));
    }
  }
  return out;
}

// The change marks of imported proposals, as the editor's suggestion mode makes them, except
// that nothing is known of the editing session that wrote them (as with a comparison of
// versions): an insertion applies where it lies, a deletion to the text it lies on.
function changeMarks(changes: readonly ProposedChange[] | undefined): Mark[] {
  if (!changes || changes.length === 0) return [];
  const inserted = changes.find((change) => change.type === 'insert');
  const deleted = changes.find((change) => change.type === 'delete');
  const marks: Mark[] = [];
  const attrs = ({ id, name, colour, time }: ProposedChange) => ({ id, name, colour, time });
  if (inserted) {
    marks.push(
      schema.marks.insertion.create({
        ...attrs(inserted),
        accepted: false,
        session: null,
        since: null,
      }),
    );
  }
  if (deleted) {
    marks.push(
      schema.marks.deletion.create({
        ...attrs(deleted),
        covers: inserted?.id ?? null,
        text: null,
        at: null,
      }),
    );
  }
  return marks;
}

/** An item node. */
export function itemFromModel(item: ParsedItem): Node {
  const change = item.change
    ? {
        type: item.change.type,
        id: item.change.id,
        name: item.change.name,
        colour: item.change.colour,
        time: item.change.time,
      }
    : null;
  return schema.nodes.item.create(
    { indent: item.indent, marker: item.marker, change },
    inlineFromRuns(item.content),
  );
}

/** A recital or operative block node with its items. */
export function blockFromModel(block: ParsedBlock): Node {
  const type = block.type === 'recital' ? schema.nodes.recital_block : schema.nodes.operative_block;
  return type.create({ heading: block.heading }, block.items.map(itemFromModel));
}

/** Toelichting content: paragraphs, headings, lists and quotes. */
export function flowFromModel(flow: ParsedFlow): Node {
  const { nodes } = schema;
  switch (flow.type) {
    case 'paragraph':
      return nodes.paragraph.create(null, inlineFromRuns(flow.content));
    case 'heading':
      return nodes.heading.create({ level: flow.level }, inlineFromRuns(flow.content));
    case 'blockquote':
      return nodes.blockquote.create(null, flow.content.map(flowInQuoteOrList));
    case 'bullet_list':
    case 'ordered_list':
      return nodes[flow.type].create(
        null,
        flow.items.map((content) => {
          const children = content.map(flowInQuoteOrList);
          // A list item must open with a paragraph.
          if (children[0]?.type !== nodes.paragraph) children.unshift(nodes.paragraph.create());
          return nodes.list_item.create(null, children);
        }),
      );
  }
}

// Quotes and list items hold paragraphs and lists only: a heading inside one becomes a
// paragraph in bold, a nested quote is flattened into its paragraphs' text.
function flowInQuoteOrList(flow: ParsedFlow): Node {
  if (flow.type === 'heading') {
    const runs = flow.content.map((run) =>
      run.type === 'text' ? { ...run, marks: [...(run.marks ?? []), 'bold' as const] } : run,
    );
    return schema.nodes.paragraph.create(null, inlineFromRuns(runs));
  }
  if (flow.type === 'blockquote') {
    return schema.nodes.paragraph.create(
      null,
      schema.text(flow.content.map((f) => flowFromModel(f).textContent).join(' ') || ' '),
    );
  }
  return flowFromModel(flow);
}

/** A whole document from the model; parts the model lacks come from the template defaults. */
export function docFromModel(model: ParsedResolution): Node {
  const { nodes } = schema;
  const recitals = model.blocks.filter((b) => b.type === 'recital').map(blockFromModel);
  const operatives = model.blocks.filter((b) => b.type === 'operative').map(blockFromModel);
  const explanation = model.explanation.map(flowFromModel);
  return nodes.doc.create(null, [
    nodes.title.create(
      {
        kind: model.kind ?? 'resolutie',
        status: model.status ?? 'concept',
        // The indiener the import read ("Ingediend door …"); the import takes that line out of
        // the text, so it must land here.
        submitter: model.submitter ?? null,
      },
      model.title ? schema.text(model.title) : null,
    ),
    nodes.preamble.create({
      assembly: model.preamble?.assembly ?? DEFAULT_ASSEMBLY,
      date: model.preamble?.date ?? null,
    }),
    nodes.recitals.create(null, recitals),
    nodes.operatives.create(null, operatives),
    nodes.explanation.create(null, explanation.length ? explanation : [nodes.paragraph.create()]),
  ]);
}
