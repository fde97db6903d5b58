/**
 * Builders for tests: documents in the real schema from a compact description, and editor
 * states with the cursor at a given text.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Plugin } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { ParsedResolution } from '../../model/resolution.ts';
import { docFromModel } from '../fromModel.ts';
import { schema } from '../schema.ts';

type ItemSpec = string | { text: string; indent?: 0 | 1; marker?: 'letter' | 'bullet' };

/** A document with the given recital and operative blocks (one block each by default). */
export function buildDoc(spec: {
  title?: string;
  recitals?: ItemSpec[][];
  operatives?: ItemSpec[][];
  explanation?: string[];
}): Node {
  const toItems = (items: ItemSpec[]) =>
    items.map((i) => {
      const item = typeof i === 'string' ? { text: i } : i;
      return {
        indent: item.indent ?? 0,
        marker: item.marker ?? 'letter',
        content: item.text ? [{ type: 'text' as const, text: item.text }] : [],
      };
    });
  const model: ParsedResolution = {
    kind: 'resolutie',
    status: 'concept',
    title: spec.title ?? null,
    preamble: null,
    blocks: [
      ...(spec.recitals ?? [['']]).map((items) => ({
        type: 'recital' as const,
        heading: 'overwegende' as const,
        items: toItems(items),
      })),
      ...(spec.operatives ?? [['']]).map((items) => ({
        type: 'operative' as const,
        heading: 'spreekt_uit' as const,
        items: toItems(items),
      })),
    ],
    explanation: (spec.explanation ?? []).map((text) => ({
      type: 'paragraph' as const,
      content: text ? [{ type: 'text' as const, text }] : [],
    })),
  };
  const doc = docFromModel(model);
  doc.check();
  return doc;
}

/** Position just after the first occurrence of `text` (or at its start with `atStart`). */
export function findText(doc: Node, text: string, atStart = false): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText) {
      const index = node.text!.indexOf(text);
      if (index >= 0) found = pos + index + (atStart ? 0 : text.length);
    }
    return true;
  });
  if (found < 0) throw new Error(`text not found: ${text}`);
  return found;
}

/** Position inside the n-th (0-based) item of the document, at its start. */
export function itemStart(doc: Node, n: number): number {
  let seen = 0;
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type === schema.nodes.item) {
      if (seen === n) found = pos + 1;
      seen += 1;
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error(`no item ${n}`);
  return found;
}

/** An editor state on `doc` with the cursor (or selection) at the given positions. */
export function stateAt(doc: Node, from: number, to = from, plugins: Plugin[] = []): EditorState {
  const state = EditorState.create({ doc, plugins });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)));
}

/** Runs a command; returns the new state, or null when the command did not apply. */
export function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => {
    next = state.apply(tr);
  });
  if (!applied) return null;
  return next ?? state;
}

/** The items of the document as "label text" lines, block by block. */
export function describeItems(doc: Node): string[][] {
  const out: string[][] = [];
  doc.forEach((section) => {
    if (section.type.name !== 'recitals' && section.type.name !== 'operatives') return;
    section.forEach((block) => {
      const lines: string[] = [];
      block.forEach((item) => {
        const prefix =
          item.attrs.indent === 1 ? (item.attrs.marker === 'bullet' ? '  -' : '  ') : '';
        lines.push(`${prefix}${item.textContent}`);
      });
      out.push(lines);
    });
  });
  return out;
}
