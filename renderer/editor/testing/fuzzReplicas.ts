/**
 * Simulated co-editors for the seeded fuzz tests through Yjs: a seeded PRNG, a replica that
 * works the way ySyncPlugin does (a local transaction is written into the Y.XmlFragment with
 * `updateYFragment`, remote updates are read back into a fresh ProseMirror document), direct
 * state exchange between two replicas, and a network that queues every update and delivers
 * it later, in random order, to replicas that may be offline for a while.
 */
import * as Y from 'yjs';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../../../shared/editor/schema.ts';
import { createTemplateDoc } from '../../../shared/editor/template.ts';
import { structureGuardPlugin } from '../../../shared/editor/plugins/structureGuard.ts';
import { DOCUMENT_FRAGMENT } from '../collab.ts';

/** A small seeded PRNG (mulberry32), so that a failure can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Yjs state every replica starts from: `doc` (the template by default) in a fragment. */
export function createInitialUpdate(doc: Node = createTemplateDoc()): Uint8Array {
  const origin = new Y.Doc();
  const fragment = origin.getXmlFragment(DOCUMENT_FRAGMENT);
  origin.transact(() => {
    const { meta } = initProseMirrorDoc(fragment, schema);
    updateYFragment(origin, fragment, doc, meta);
  });
  return Y.encodeStateAsUpdate(origin);
}

/**
 * What the editor does with a transaction before applying it (suggestion mode turns it into a
 * proposal); null drops it, as the editor's dispatch does.
 */
export type Propose = (state: EditorState, tr: Transaction) => Transaction | null;

/** How a replica works besides its Y.Doc. */
export interface ReplicaOptions {
  /** What the editor does with a local transaction; by default, apply it as it is. */
  propose?: Propose;
  /** Keep deleted content in Yjs (no garbage collection), to find out how text was lost. */
  keepDeleted?: boolean;
}

/** One simulated editor on its own Y.Doc. */
export class Replica {
  readonly ydoc = new Y.Doc();
  readonly fragment = this.ydoc.getXmlFragment(DOCUMENT_FRAGMENT);
  state!: EditorState;
  private meta!: ReturnType<typeof initProseMirrorDoc>['meta'];
  /** Updates y-prosemirror wrote while *reading*: each one is content it had to delete. */
  repairs = 0;
  /** Set when remote updates arrived that the editor state does not show yet. */
  stale = false;

  private readonly propose: Propose;

  constructor(id: number, initial: Uint8Array, options: ReplicaOptions = {}) {
    this.propose = options.propose ?? ((_state, tr) => tr);
    this.ydoc.clientID = id;
    if (options.keepDeleted) this.ydoc.gc = false;
    Y.applyUpdate(this.ydoc, initial);
    this.read();
  }

  /** Reads the shared document if remote updates arrived since the last read. */
  refresh(): void {
    if (this.stale) this.read();
  }

  /** Reads the shared document as the sync plugin does after remote changes. */
  read(): void {
    // y-prosemirror deletes any element or text it cannot build into a valid node. Count what
    // Yjs holds before reading and what the document holds after: a loss is such a deletion.
    // (A read may also write when it merges two adjacent texts of this client; that keeps
    // every character, so it is not counted.)
    const held = countYContent(this.fragment);
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    const built = countNodeContent(doc);
    if (built.elements < held.elements || built.characters < held.characters) this.repairs += 1;
    this.meta = meta;
    this.state = EditorState.create({ doc, plugins: [structureGuardPlugin(() => false)] });
    this.stale = false;
  }

  /**
   * Runs a command locally with the selection `from`–`to`, each transaction it dispatches
   * going through `propose` as in the editor, and writes the result into Yjs. Returns whether
   * the document changed.
   */
  apply(command: Command, from: number, to = from): boolean {
    this.refresh();
    const withSelection = this.state.apply(
      this.state.tr.setSelection(
        TextSelection.between(this.state.doc.resolve(from), this.state.doc.resolve(to)),
      ),
    );
    let next = withSelection;
    command(withSelection, (tr) => {
      const proposed = this.propose(next, tr);
      if (proposed) next = next.apply(proposed);
    });
    if (next.doc.eq(this.state.doc)) return false;
    this.state = next;
    this.ydoc.transact(
      () => updateYFragment(this.ydoc, this.fragment, next.doc, this.meta),
      ySyncPluginKey,
    );
    return true;
  }
}

interface ContentCount {
  elements: number;
  characters: number;
}

function countYContent(type: Y.XmlFragment | Y.XmlElement): ContentCount {
  const count: ContentCount = { elements: 0, characters: 0 };
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlElement) {
      const inner = countYContent(child);
      count.elements += 1 + inner.elements;
      count.characters += inner.characters;
    } else if (child instanceof Y.XmlText) {
      count.characters += child.length;
    }
  }
  return count;
}

function countNodeContent(doc: Node): ContentCount {
  const count: ContentCount = { elements: 0, characters: 0 };
  doc.descendants((node) => {
    if (node.isText) count.characters += node.text!.length;
    else count.elements += 1;
  });
  return count;
}

/**
 * Whether the Yjs items that held `char` are gone only because a type around them was deleted
 * (a Y.XmlText or element y-prosemirror removed), not because anyone deleted the text itself.
 * Needs a replica that keeps deleted content.
 */
export function isLostWithContainer(ydoc: Y.Doc, char: string): boolean {
  const holders: Y.Item[] = [];
  ydoc.store.clients.forEach((structs) => {
    for (const struct of structs) {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) {
        if (struct.content.str.includes(char)) holders.push(struct);
      }
    }
  });
  const containerDeleted = (item: Y.Item) => {
    for (let type = item.parent as Y.AbstractType<unknown> | null; type;) {
      const holder = type._item;
      if (!holder) return false;
      if (holder.deleted) return true;
      type = holder.parent as Y.AbstractType<unknown> | null;
    }
    return false;
  };
  return holders.length > 0 && holders.every(containerDeleted);
}

/** Exchanges the full state of two replicas (both directions) and reads it back. */
export function sync(a: Replica, b: Replica): void {
  Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc)));
  Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc)));
  a.read();
  b.read();
}

/** The text blocks of `doc` (title, items, Toelichting paragraphs) as content ranges. */
export function textblockRanges(doc: Node): { from: number; to: number; item: boolean }[] {
  const out: { from: number; to: number; item: boolean }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({
        from: pos + 1,
        to: pos + 1 + node.content.size,
        item: node.type === schema.nodes.item,
      });
      return false;
    }
    return true;
  });
  return out;
}

/** The origin of updates the network delivers, so that they are not sent on again. */
const FROM_NETWORK = Symbol('network');

/**
 * A network between replicas that holds every update each replica writes, per receiver, until
 * the test delivers it: some now, some later, in random order, never while sender or receiver
 * is offline. Yjs keeps updates whose predecessors have not arrived until they do.
 */
export class Network {
  /** Pending updates per [sender][receiver]. */
  private readonly queues: Uint8Array[][][];
  private readonly replicas: readonly Replica[];
  private readonly rnd: () => number;
  readonly online: boolean[];

  constructor(replicas: readonly Replica[], rnd: () => number) {
    this.replicas = replicas;
    this.rnd = rnd;
    this.queues = replicas.map(() => replicas.map(() => []));
    this.online = replicas.map(() => true);
    replicas.forEach((replica, sender) => {
      replica.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === FROM_NETWORK) return;
        replicas.forEach((_other, receiver) => {
          if (receiver !== sender) this.queues[sender]![receiver]!.push(update);
        });
      });
    });
  }

  /** Updates not delivered yet. */
  get pending(): number {
    return this.queues.flat().reduce((sum, queue) => sum + queue.length, 0);
  }

  /** Delivers each deliverable update with probability `share`, picked in random order. */
  deliverSome(share: number): void {
    const picked: [number, number, Uint8Array][] = [];
    this.queues.forEach((row, sender) =>
      row.forEach((queue, receiver) => {
        if (!this.online[sender] || !this.online[receiver]) return;
        for (let i = queue.length - 1; i >= 0; i--) {
          if (this.rnd() < share) picked.push([sender, receiver, queue.splice(i, 1)[0]!]);
        }
      }),
    );
    this.shuffle(picked);
    for (const [, receiver, update] of picked) this.deliver(receiver, update);
  }

  /** Everyone back online; every pending update delivered, in random order. */
  deliverAll(): void {
    this.online.fill(true);
    // Reading can write (y-prosemirror joins adjacent texts), which sends updates again.
    do {
      this.deliverSome(1);
      for (const replica of this.replicas) replica.refresh();
    } while (this.pending > 0);
  }

  private deliver(receiver: number, update: Uint8Array): void {
    const replica = this.replicas[receiver]!;
    Y.applyUpdate(replica.ydoc, update, FROM_NETWORK);
    replica.stale = true;
  }

  private shuffle<T>(list: T[]): void {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  }
}
