/**
 * Stukken for the checks' tests, in the real schema: a complete, well-drafted resolution by
 * default (preamble filled in, recitals ending with ";", the dictum with "."), of which a test
 * changes the one part its rule is about.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { docFromModel } from '../../editor/fromModel.ts';
import type {
  DocumentStatus,
  OperativeHeading,
  ParsedFlow,
  ParsedItem,
  ProposedChange,
  RecitalHeading,
} from '../../model/resolution.ts';
import { findText } from '../../editor/testing/buildDoc.ts';

/** An item: its text, or the text with indent, marker and a proposal on the whole item. */
export type ItemSpec =
  | string
  | {
      text: string;
      indent?: 0 | 1;
      marker?: 'letter' | 'bullet';
      change?: 'insert' | 'delete';
      /** A footnote after the text. */
      footnote?: string;
    };

export interface StukSpec {
  status?: DocumentStatus;
  preamble?: { assembly: string; date: string | null } | null;
  recitals?: { heading?: RecitalHeading; items: ItemSpec[] }[];
  operatives?: { heading?: OperativeHeading; items: ItemSpec[] }[];
  /** Paragraphs as strings, headings as `# Kop` (level 1) and `## Kop` (level 2). */
  explanation?: string[];
}

/** A proposal by a neutral author, as suggestion mode makes it. */
export function proposal(type: 'insert' | 'delete', id = 'v1'): ProposedChange {
  return { type, id, name: 'Redacteur', colour: '#b3261e', time: 1_000 };
}

/** A complete stuk, with `spec` in place of the defaults it names. */
export function stuk(spec: StukSpec = {}): Node {
  const toItems = (items: ItemSpec[]): ParsedItem[] =>
    items.map((spec) => {
      const item: Exclude<ItemSpec, string> = typeof spec === 'string' ? { text: spec } : spec;
      return {
        indent: item.indent ?? 0,
        marker: item.marker ?? 'letter',
        content: [
          ...(item.text ? [{ type: 'text' as const, text: item.text }] : []),
          ...(item.footnote ? [{ type: 'footnote' as const, text: item.footnote }] : []),
        ],
        ...(item.change ? { change: proposal(item.change) } : {}),
      };
    });
  const recitals = spec.recitals ?? [
    { items: ['Gemeenten een stap naar voren willen zetten;', 'Het rijk de kosten vergoedt.'] },
  ];
  const operatives = spec.operatives ?? [
    { items: ['Dat het uitgangspunt van kracht blijft;', 'Dat er een Extra ALV komt.'] },
  ];
  const doc = docFromModel({
    kind: 'resolutie',
    status: spec.status ?? 'concept',
    title: 'Inzet richting het nieuwe kabinet',
    preamble:
      spec.preamble === undefined ? { assembly: 'Najaars ALV', date: '2024-11-29' } : spec.preamble,
    blocks: [
      ...recitals.map((block) => ({
        type: 'recital' as const,
        heading: block.heading ?? ('overwegende' as const),
        items: toItems(block.items),
      })),
      ...operatives.map((block) => ({
        type: 'operative' as const,
        heading: block.heading ?? ('spreekt_uit' as const),
        items: toItems(block.items),
      })),
    ],
    explanation: (spec.explanation ?? []).map(toFlow),
  });
  doc.check();
  return doc;
}

function toFlow(line: string): ParsedFlow {
  const heading = /^(#{1,2}) (.*)$/.exec(line);
  const text = heading ? heading[2]! : line;
  const content = text ? [{ type: 'text' as const, text }] : [];
  return heading
    ? { type: 'heading', level: heading[1]!.length as 1 | 2, content }
    : { type: 'paragraph', content };
}

/** `doc` with the first `text` marked as proposed for insertion or deletion. */
export function markProposal(doc: Node, text: string, kind: 'insertion' | 'deletion'): Node {
  const from = findText(doc, text, true);
  const { id, name, colour, time } = proposal('insert', kind === 'insertion' ? 'i1' : 'd1');
  const attrs =
    kind === 'deletion' ? { id, name, colour, time, covers: null } : { id, name, colour, time };
  return new Transform(doc).addMark(
    from,
    from + text.length,
    doc.type.schema.marks[kind]!.create(attrs),
  ).doc;
}

/** `doc` with a reference to element `target` put just before the first `before`. */
export function withReference(doc: Node, before: string, target: string): Node {
  const at = findText(doc, before, true);
  return new Transform(doc).insert(at, doc.type.schema.nodes.reference!.create({ target })).doc;
}

/** `doc` with id `id` given to the n-th (0-based) item. */
export function withItemId(doc: Node, n: number, id: string): Node {
  let seen = 0;
  let pos = -1;
  doc.descendants((node, at) => {
    if (pos >= 0) return false;
    if (node.type.name === 'item') {
      if (seen === n) pos = at;
      seen += 1;
      return false;
    }
    return true;
  });
  const item = doc.nodeAt(pos)!;
  return new Transform(doc).setNodeMarkup(pos, undefined, { ...item.attrs, id }).doc;
}
