/**
 * Reading a Y.Doc strictly again after a change, re-reading only what the change touched.
 *
 * The sync server reads its check copy of a document after every update (updateValidation.ts):
 * the whole document turned into JSON, checked for unknown attributes and marks, made into
 * ProseMirror nodes and checked against the schema (readYDoc). For a keystroke in a document of
 * 300 items that is 300 items read to learn that one changed. Here every Y.XmlElement keeps the
 * node it was last read as; a transaction forgets the node of every type it changed and of all
 * their ancestors (Yjs lists a type as changed when its content or attributes change, or when a
 * child is added or deleted), and the next read builds only those anew, taking the others as
 * they are. A ProseMirror node is immutable and its check looks only at itself and what it
 * holds, so a node that passed before passes again: the verdict is the full read's, and the
 * document read is equal to it. The four passes of readYDoc run in its order over what is new,
 * so the first fault found, and its message, are the same too
 * (incrementalReading.test.ts compares both, for random honest and hostile updates).
 *
 * The nodes are kept per Y type in a WeakMap: deleted types and their nodes go with the garbage.
 * A read that fails keeps nothing new. The ancestors of a changed type are at most as deep as
 * the document read before, which the schema bounds; new content is never listed as changed.
 */
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { Fragment } from 'prosemirror-model';
import type { Mark, Node, NodeType } from 'prosemirror-model';
import { schema } from '../editor/schema.ts';
import { findUnknownAttribute } from './knownAttributes.ts';
import { findInvalidTextAttribute } from './textRecords.ts';
import { getDocumentFragment, toInvalidDocumentError } from './yDocument.ts';
import { InvalidDocumentError } from './invalidDocument.ts';

/** An element read before and unchanged since: its node stands in for its JSON. */
class KnownNode {
  readonly node: Node;
  constructor(node: Node) {
    this.node = node;
  }
}

interface ElementJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: unknown[];
}

/** Reads one Y.Doc again and again, each time only what changed since the last read. */
export class IncrementalReader {
  private readonly fragment: Y.XmlFragment;
  private readonly nodes = new WeakMap<Y.XmlElement, Node>();
  private readonly ydoc: Y.Doc;

  constructor(ydoc: Y.Doc) {
    this.ydoc = ydoc;
    this.fragment = getDocumentFragment(ydoc);
    ydoc.on('afterTransaction', this.forget);
  }

  /** Stops following the Y.Doc. */
  destroy(): void {
    this.ydoc.off('afterTransaction', this.forget);
  }

  private readonly forget = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      let at: unknown = type;
      while (at instanceof Y.AbstractType) {
        if (at instanceof Y.XmlElement) this.nodes.delete(at);
        at = (at._item as Y.Item | null)?.parent;
      }
    }
  };

  /** The document, as readYDoc would read it now; throws InvalidDocumentError as it would. */
  read(): Node {
    const fresh = new Map<Node, Y.XmlElement>();
    let doc: Node;
    try {
      // readYDoc's order: JSON, unknown attributes, the texts' attributes, nodes, the check.
      const json = {
        type: 'doc',
        content: this.fragment.toArray().map((child) => this.serialize(child)),
      };
      const unknown =
        findUnknownAttribute(json, schema) ??
        findInvalidTextAttribute(this.fragment, (element) => this.nodes.has(element));
      if (unknown) {
        throw new InvalidDocumentError(
          `De inhoud past niet in de opbouw van een resolutie (${unknown}).`,
        );
      }
      doc = build(json, fresh);
      checkNew(doc, fresh);
    } catch (error) {
      throw toInvalidDocumentError(error);
    }
    for (const [node, element] of fresh) this.nodes.set(element, node);
    return doc;
  }

  /** y-prosemirror's JSON of a child (an array for a text), known elements as their node. */
  private serialize(child: unknown): unknown {
    if (child instanceof Y.XmlElement) {
      const known = this.nodes.get(child);
      if (known) return new KnownNode(known);
      const json: ElementJson & { element: Y.XmlElement } = {
        type: child.nodeName,
        element: child,
      };
      const attrs = child.getAttributes();
      if (Object.keys(attrs).length) json.attrs = attrs;
      const children = child.toArray();
      if (children.length) {
        json.content = children.flatMap((c) => {
          const read = this.serialize(c);
          return Array.isArray(read) ? read : [read];
        });
      }
      return json;
    }
    // Texts (and whatever else y-prosemirror meets) exactly as y-prosemirror reads them: its
    // reading of a fragment that holds only this child.
    const single = { toArray: () => [child] } as unknown as Y.XmlFragment;
    return (yXmlFragmentToProsemirrorJSON(single) as { content: unknown[] }).content[0];
  }
}

/**
 * A node from the JSON as ProseMirror's Node.fromJSON makes it (the same checks, in the same
 * order), with known nodes taken as they are; records the elements it made in `fresh`.
 */
function build(json: unknown, fresh: Map<Node, Y.XmlElement>): Node {
  if (json instanceof KnownNode) return json.node;
  if (!json) throw new RangeError('Invalid input for Node.fromJSON');
  const value = json as {
    type?: string;
    text?: unknown;
    marks?: unknown;
    attrs?: Record<string, unknown>;
    content?: unknown;
    element?: Y.XmlElement;
  };
  let marks: Mark[] | undefined;
  if (value.marks) {
    if (!Array.isArray(value.marks)) throw new RangeError('Invalid mark data for Node.fromJSON');
    marks = value.marks.map((mark) => schema.markFromJSON(mark));
  }
  if (value.type === 'text') {
    if (typeof value.text !== 'string') throw new RangeError('Invalid text node in JSON');
    return schema.text(value.text, marks);
  }
  let content = Fragment.empty;
  if (value.content) {
    if (!Array.isArray(value.content)) throw new RangeError('Invalid input for Fragment.fromJSON');
    content = Fragment.fromArray(value.content.map((child) => build(child, fresh)));
  }
  // As Schema.nodeType looks a name up (marked internal in its types).
  const type = (schema.nodes as Record<string, NodeType | undefined>)[String(value.type)];
  if (!type) throw new RangeError(`Unknown node type: ${value.type}`);
  const node = type.create(value.attrs, content, marks);
  if (value.element) fresh.set(node, value.element);
  return node;
}

/**
 * ProseMirror's check (Node.check) of the nodes made in this read, in its order, skipping the
 * nodes read before: those passed it then, and a node's check depends on nothing else.
 */
function checkNew(node: Node, fresh: ReadonlyMap<Node, Y.XmlElement>): void {
  if (node.isText) {
    node.check();
    return;
  }
  // Node.check's own steps, without its walk into every child (marked internal in the types).
  const type = node.type as NodeType & {
    checkContent(content: Fragment): void;
    attrs: Record<string, { validate?: (value: unknown) => void }>;
  };
  type.checkContent(node.content);
  const declared = type.attrs;
  for (const name of Object.keys(node.attrs)) {
    if (!(name in declared)) {
      throw new RangeError(`Unsupported attribute ${name} for node of type ${node.type.name}`);
    }
  }
  for (const name in declared) declared[name]!.validate?.(node.attrs[name]);
  // No marks to check: an element node read from Yjs carries none (y-prosemirror writes none).
  node.content.forEach((child) => {
    if (child.isText || fresh.has(child)) checkNew(child, fresh);
  });
}
