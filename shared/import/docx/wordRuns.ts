/**
 * The paragraphs of a Word body as the import reads them: their style, their place in a Word
 * list, and their runs of text with bold, italic, underline, links, footnotes, line breaks,
 * tracked changes (`w:ins`, `w:del`, moves) and where comments start and end. Tables are read
 * cell by cell as paragraphs; content controls, smart tags and simple fields show their text;
 * field instructions, drawings and other objects are left out.
 */
import type { InlineMark } from '../../model/resolution.ts';
import type { PartRelationship } from './docxPackage.ts';
import {
  W_NS,
  R_NS,
  attr,
  childElement,
  childElements,
  elementText,
  type XmlElement,
} from './xmlTree.ts';
import { readNumberingRef, type NumberingRef } from './wordStyles.ts';

/** A tracked change as Word wrote it on a run or a paragraph mark. */
export interface WordChange {
  type: 'insert' | 'delete';
  /** Word's `w:id`. */
  id: string;
  author: string;
  /** Word's `w:date` as written, or null. */
  date: string | null;
}

/** A piece of a paragraph. `changes` holds an insertion first, then a deletion made on it. */
export type WordRun =
  | { type: 'text'; text: string; marks: InlineMark[]; href?: string; changes: WordChange[] }
  | { type: 'footnote'; id: string; changes: WordChange[] }
  | { type: 'hard_break'; changes: WordChange[] }
  | { type: 'comment'; edge: 'start' | 'end'; id: string };

/** A paragraph of the body. */
export interface WordParagraph {
  styleId: string | null;
  numbering: NumberingRef | null;
  runs: WordRun[];
  /** The paragraph's own mark inserted or deleted (a whole paragraph proposed, or a join). */
  markChange: WordChange | null;
  /** Indented from the margin: after a list item, a further paragraph of that item. */
  indented: boolean;
}

/** The body's paragraphs in order; `limit` bounds how many are read. */
export function readBodyParagraphs(
  document: XmlElement,
  relationships: ReadonlyMap<string, PartRelationship>,
  limit: number,
): { paragraphs: WordParagraph[]; complete: boolean } {
  const body = childElement(document, W_NS, 'body');
  const paragraphs: WordParagraph[] = [];
  let complete = true;
  const visit = (container: XmlElement, depth: number): void => {
    for (const child of container.children) {
      if (typeof child === 'string' || child.ns !== W_NS) continue;
      if (paragraphs.length >= limit) {
        complete = false;
        return;
      }
      if (child.name === 'p') paragraphs.push(readParagraph(child, relationships));
      else if (depth < 20 && CONTAINERS.has(child.name)) visit(child, depth + 1);
    }
  };
  if (body) visit(body, 0);
  return { paragraphs, complete };
}

// Block-level elements whose paragraphs are read: tables, their rows and cells, content
// controls, custom XML, and inserted or deleted blocks of them.
const CONTAINERS = new Set(['tbl', 'tr', 'tc', 'sdt', 'sdtContent', 'customXml', 'ins', 'del']);

function readParagraph(
  p: XmlElement,
  relationships: ReadonlyMap<string, PartRelationship>,
): WordParagraph {
  const pPr = childElement(p, W_NS, 'pPr');
  const markProps = childElement(pPr, W_NS, 'rPr');
  const markInserted = childElement(markProps, W_NS, 'ins');
  const markDeleted = childElement(markProps, W_NS, 'del');
  const runs: WordRun[] = [];
  readInline(p, { marks: [], changes: [] }, runs, relationships, 0);
  const indent = childElement(pPr, W_NS, 'ind');
  const left = Number(attr(indent, W_NS, 'left') ?? attr(indent, W_NS, 'start') ?? 0);
  return {
    indented: Number.isFinite(left) && left > 0,
    styleId: attr(childElement(pPr, W_NS, 'pStyle'), W_NS, 'val') ?? null,
    numbering: readNumberingRef(childElement(pPr, W_NS, 'numPr')),
    runs,
    markChange: markDeleted
      ? readChange(markDeleted, 'delete')
      : markInserted
        ? readChange(markInserted, 'insert')
        : null,
  };
}

interface InlineContext {
  marks: InlineMark[];
  href?: string;
  changes: WordChange[];
}

function readInline(
  element: XmlElement,
  context: InlineContext,
  out: WordRun[],
  relationships: ReadonlyMap<string, PartRelationship>,
  depth: number,
): void {
  if (depth > 20) return;
  for (const child of element.children) {
    if (typeof child === 'string' || child.ns !== W_NS) continue;
    switch (child.name) {
      case 'r':
        readRun(child, context, out);
        break;
      case 'ins':
      case 'moveTo':
        readInline(
          child,
          withChange(context, readChange(child, 'insert')),
          out,
          relationships,
          depth + 1,
        );
        break;
      case 'del':
      case 'moveFrom':
        readInline(
          child,
          withChange(context, readChange(child, 'delete')),
          out,
          relationships,
          depth + 1,
        );
        break;
      case 'hyperlink': {
        const rel = relationships.get(attr(child, R_NS, 'id') ?? '');
        const href = rel?.external ? rel.target : undefined;
        readInline(child, href ? { ...context, href } : context, out, relationships, depth + 1);
        break;
      }
      case 'commentRangeStart':
      case 'commentRangeEnd': {
        const id = attr(child, W_NS, 'id');
        if (id !== undefined) {
          out.push({
            type: 'comment',
            edge: child.name === 'commentRangeStart' ? 'start' : 'end',
            id,
          });
        }
        break;
      }
      case 'smartTag':
      case 'customXml':
      case 'fldSimple':
      case 'sdt':
      case 'sdtContent':
        readInline(child, context, out, relationships, depth + 1);
        break;
      default:
        break;
    }
  }
}

function withChange(context: InlineContext, change: WordChange): InlineContext {
  // An insertion inside a deletion is not how Word nests; a deletion inside an insertion is
  // someone proposing to delete what another proposed.
  const insert = context.changes.find((c) => c.type === 'insert');
  const changes = change.type === 'insert' ? [change] : insert ? [insert, change] : [change];
  return { ...context, changes };
}

function readChange(element: XmlElement, type: WordChange['type']): WordChange {
  return {
    type,
    id: attr(element, W_NS, 'id') ?? '',
    author: attr(element, W_NS, 'author') ?? '',
    date: attr(element, W_NS, 'date') ?? null,
  };
}

function readRun(r: XmlElement, context: InlineContext, out: WordRun[]): void {
  const rPr = childElement(r, W_NS, 'rPr');
  const marks: InlineMark[] = [...context.marks];
  if (isOn(childElement(rPr, W_NS, 'b')) && !marks.includes('bold')) marks.push('bold');
  if (isOn(childElement(rPr, W_NS, 'i')) && !marks.includes('italic')) marks.push('italic');
  const underline = attr(childElement(rPr, W_NS, 'u'), W_NS, 'val');
  if (underline !== undefined && underline !== 'none' && !marks.includes('underline')) {
    marks.push('underline');
  }
  const { changes } = context;
  const text = (value: string) => {
    const last = out[out.length - 1];
    // Word cuts text into many runs; equal neighbours are one.
    if (last?.type === 'text' && sameRun(last, marks, context.href, changes)) last.text += value;
    else {
      out.push({
        type: 'text',
        text: value,
        marks,
        ...(context.href ? { href: context.href } : {}),
        changes,
      });
    }
  };
  for (const child of r.children) {
    if (typeof child === 'string' || child.ns !== W_NS) continue;
    switch (child.name) {
      case 't':
      case 'delText':
        text(elementText(child));
        break;
      case 'tab':
        text('\t');
        break;
      case 'noBreakHyphen':
        text('\u2011');
        break;
      case 'br':
      case 'cr':
        // A page or column break is layout, not a line of the text.
        if (
          child.name === 'cr' ||
          (attr(child, W_NS, 'type') ?? 'textWrapping') === 'textWrapping'
        ) {
          out.push({ type: 'hard_break', changes });
        }
        break;
      case 'footnoteReference': {
        const id = attr(child, W_NS, 'id');
        if (id !== undefined) out.push({ type: 'footnote', id, changes });
        break;
      }
      default:
        break;
    }
  }
}

function sameRun(
  run: Extract<WordRun, { type: 'text' }>,
  marks: InlineMark[],
  href: string | undefined,
  changes: WordChange[],
): boolean {
  return (
    run.href === href &&
    run.marks.length === marks.length &&
    run.marks.every((mark) => marks.includes(mark)) &&
    run.changes.length === changes.length &&
    run.changes.every((change, i) => change === changes[i])
  );
}

// A toggle property: `<w:b/>` is on, `<w:b w:val="false"/>` (or "0", "off") is off.
function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = attr(element, W_NS, 'val');
  return value === undefined || !['false', '0', 'off', 'none'].includes(value);
}

/** The notes of footnotes.xml by id, as one line of text each (separators left out). */
export function readFootnotes(footnotes: XmlElement | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!footnotes) return out;
  for (const note of childElements(footnotes, W_NS, 'footnote')) {
    const type = attr(note, W_NS, 'type');
    const id = attr(note, W_NS, 'id');
    if (id === undefined || (type !== undefined && type !== 'normal')) continue;
    out.set(id, paragraphsText(note, ' '));
  }
  return out;
}

/** The plain text of the paragraphs inside `element`, joined by `separator`. */
export function paragraphsText(element: XmlElement, separator: string): string {
  const texts: string[] = [];
  const collect = (node: XmlElement, depth: number, into: string[]): void => {
    if (depth > 40) return;
    for (const child of node.children) {
      if (typeof child === 'string' || child.ns !== W_NS) continue;
      if (child.name === 't') into.push(elementText(child));
      else if (child.name === 'tab') into.push(' ');
      else if (child.name === 'p') {
        const parts: string[] = [];
        collect(child, depth + 1, parts);
        texts.push(parts.join('').replace(/\s+/g, ' ').trim());
      } else if (child.name !== 'delText' && child.name !== 'instrText') {
        collect(child, depth + 1, into);
      }
    }
  };
  collect(element, 0, texts);
  return texts.filter((text) => text !== '').join(separator);
}
