/**
 * Simulated co-editors for the seeded fuzz tests through Yjs: a replica that
 * works the way ySyncPlugin does (a local transaction is written into the Y.XmlFragment with
 * `updateYFragment`, remote updates are read back into a fresh ProseMirror document), direct
 * state exchange between two replicas, and a network that queues every update and delivers
 * it later, in random order, some twice, to replicas that may be offline or cut off from
 * each other by a partition for a while.
 */
import * as Y from 'yjs';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../../../shared/editor/schema.ts';
import { createTemplateDoc } from '../../../shared/editor/template.ts';
import { structureGuardPlugin } from '../../../shared/editor/plugins/structureGuard.ts';
import { isClauseBlock } from '../../../shared/editor/queries/findItemContext.ts';
import { DOCUMENT_FRAGMENT } from '../yjsBinding.ts';
import { integratePendingUpdates } from '../pendingUpdates.ts';
import { RESCUE, rescueLostText } from '../merges/rescueLostText.ts';
import { changeOriginsPlugin } from '../merges/changeOrigins.ts';
import { afterEditorWrite } from '../merges/afterWrite.ts';

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
  /** A voorsteller's editor: nothing is put back (rescueLostText.ts). */
  onlyProposals?: boolean;
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
  /** Items this replica put back (rescueLostText): text a colleague deleted unseen. */
  rescuedItems = 0;

  private readonly propose: Propose;
  private readonly origins = changeOriginsPlugin(this.ydoc, this.fragment);

  constructor(id: number, initial: Uint8Array, options: ReplicaOptions = {}) {
    this.propose = options.propose ?? ((_state, tr) => tr);
    this.ydoc.clientID = id;
    if (options.keepDeleted) this.ydoc.gc = false;
    // As the editor does (pendingUpdatesPlugin): Yjs alone can leave updates pending forever.
    integratePendingUpdates(this.ydoc);
    // As the editor does (rescueLostTextPlugin): text a colleague deleted unseen is put back.
    rescueLostText(this.ydoc, this.fragment, () => options.onlyProposals === true);
    this.ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === RESCUE) this.rescuedItems += countNewItems(transaction);
    });
    Y.applyUpdate(this.ydoc, initial);
    this.read();
  }

  /** y-prosemirror's map from Yjs types to the nodes of `state.doc` (for comment anchors). */
  get mapping(): ReturnType<typeof initProseMirrorDoc>['mapping'] {
    this.refresh();
    return this.meta.mapping;
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
    // As the editor: the structure guard, and who wrote which text (changeOrigins.ts).
    const plugins = [structureGuardPlugin(() => false), this.origins];
    this.state = EditorState.create({ doc, plugins });
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
    // As the sync plugin does, with the editor's records in the same transaction (onWrite).
    this.ydoc.transact((transaction) => {
      updateYFragment(this.ydoc, this.fragment, next.doc, this.meta);
      afterEditorWrite(transaction, this.fragment);
    }, ySyncPluginKey);
    return true;
  }
}

/** The items `transaction` made (it is local). */
function countNewItems(transaction: Y.Transaction): number {
  const { doc } = transaction;
  const start = transaction.beforeState.get(doc.clientID) ?? 0;
  let count = 0;
  for (const struct of doc.store.clients.get(doc.clientID) ?? []) {
    const item = struct instanceof Y.Item && struct.id.clock >= start ? struct : null;
    const type = item?.content instanceof Y.ContentType ? item.content.type : null;
    if (type instanceof Y.XmlElement && type.nodeName === 'item') count += 1;
  }
  return count;
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

/** The positions of the recital and operative blocks. */
export function blockPositions(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (isClauseBlock(node)) out.push(pos);
    return !isClauseBlock(node) && !node.isTextblock;
  });
  return out;
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

/** How the network misbehaves besides delaying and reordering. */
export interface NetworkOptions {
  /**
   * The chance that an update, once delivered, is queued again to arrive a second time later
   * (a message resent after a lost acknowledgement, or relayed twice). Default 0.
   */
  duplicates?: number;
}

/** What the network did, summed over its life, so a test can show it did misbehave. */
export interface NetworkStats {
  delivered: number;
  /** Updates delivered again after they had arrived. */
  duplicates: number;
  /** Handshakes (`resync`) whose content was also still queued, so it arrives twice. */
  resyncs: number;
  /** Times the replicas were split into sides (`partition`). */
  partitions: number;
}

/**
 * A network between replicas that holds every update each replica writes, per receiver, until
 * the test delivers it: some now, some later, in random order, and with `duplicates` some
 * twice. Updates never cross while sender or receiver is offline, or between the sides of a
 * partition (two groups of replicas that each go on working among themselves). Yjs keeps
 * updates whose predecessors have not arrived until they do.
 */
export class Network {
  /** Pending updates per [sender][receiver]; `again` marks a copy already delivered once. */
  private readonly queues: { update: Uint8Array; again: boolean }[][][];
  private readonly replicas: readonly Replica[];
  private readonly rnd: () => number;
  private readonly duplicates: number;
  readonly online: boolean[];
  /** The side of a partition each replica is on; all on side 0 when the network is whole. */
  readonly sides: number[];
  readonly stats: NetworkStats = { delivered: 0, duplicates: 0, resyncs: 0, partitions: 0 };

  constructor(replicas: readonly Replica[], rnd: () => number, options: NetworkOptions = {}) {
    this.replicas = replicas;
    this.rnd = rnd;
    this.duplicates = options.duplicates ?? 0;
    this.queues = replicas.map(() => replicas.map(() => []));
    this.online = replicas.map(() => true);
    this.sides = replicas.map((): number => 0);
    replicas.forEach((replica, sender) => {
      replica.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === FROM_NETWORK) return;
        replicas.forEach((_other, receiver) => {
          if (receiver !== sender) this.queues[sender]![receiver]!.push({ update, again: false });
        });
      });
    });
  }

  /** Updates not delivered yet. */
  get pending(): number {
    return this.queues.flat().reduce((sum, queue) => sum + queue.length, 0);
  }

  /** Whether updates travel from `sender` to `receiver` now. */
  connects(sender: number, receiver: number): boolean {
    return (
      this.online[sender]! && this.online[receiver]! && this.sides[sender] === this.sides[receiver]
    );
  }

  /** Splits the replicas into two random sides, each with at least one replica. */
  partition(): void {
    const first = Math.floor(this.rnd() * this.replicas.length);
    this.sides.forEach((_side, i) => (this.sides[i] = i === first ? 0 : this.rnd() < 0.5 ? 0 : 1));
    if (!this.sides.includes(1)) this.sides[(first + 1) % this.sides.length] = 1;
    this.stats.partitions += 1;
  }

  /** Ends a partition: every replica on one side again. */
  heal(): void {
    this.sides.fill(0);
  }

  /**
   * The handshake of a reconnecting provider between `a` and `b` (when they connect): each
   * sends the other what it lacks by state vector, at once. What was queued between them stays
   * queued and so arrives a second time later, as after a real reconnect.
   */
  resync(a: number, b: number): void {
    if (!this.connects(a, b)) return;
    const [x, y] = [this.replicas[a]!, this.replicas[b]!];
    const toY = Y.encodeStateAsUpdate(x.ydoc, Y.encodeStateVector(y.ydoc));
    const toX = Y.encodeStateAsUpdate(y.ydoc, Y.encodeStateVector(x.ydoc));
    this.deliver(b, toY);
    this.deliver(a, toX);
    if (this.queues[a]![b]!.length + this.queues[b]![a]!.length > 0) this.stats.resyncs += 1;
  }

  /**
   * Between rounds of editing: replicas go offline and come back, the replicas split into two
   * sides or the partition heals, and a replica that can reach another again does the
   * provider's handshake with it half of the time (else their queues catch up by themselves).
   */
  disturb(): void {
    const rnd = this.rnd;
    const reached = this.replicas.map((_a, i) => this.replicas.map((_b, j) => this.connects(i, j)));
    this.online.forEach((online, i) => {
      if (online ? rnd() < 0.15 : rnd() < 0.4) this.online[i] = !online;
    });
    const split = this.sides.some((side) => side !== 0);
    if (!split && rnd() < 0.1) this.partition();
    else if (split && rnd() < 0.3) this.heal();
    reached.forEach((row, i) =>
      row.forEach((was, j) => {
        if (i < j && !was && this.connects(i, j) && rnd() < 0.5) this.resync(i, j);
      }),
    );
  }

  /** Who is where, one character a replica: its side, or `-` when offline. */
  describe(): string {
    return this.online.map((online, i) => (online ? String(this.sides[i]) : '-')).join('');
  }

  /** Delivers each deliverable update with probability `share`, picked in random order. */
  deliverSome(share: number): void {
    const picked: [number, number, { update: Uint8Array; again: boolean }][] = [];
    this.queues.forEach((row, sender) =>
      row.forEach((queue, receiver) => {
        if (!this.connects(sender, receiver)) return;
        for (let i = queue.length - 1; i >= 0; i--) {
          if (this.rnd() < share) picked.push([sender, receiver, queue.splice(i, 1)[0]!]);
        }
      }),
    );
    this.shuffle(picked);
    for (const [sender, receiver, entry] of picked) {
      this.deliver(receiver, entry.update);
      if (entry.again) this.stats.duplicates += 1;
      // A copy arrives again later, somewhere among what is still queued (once at most).
      else if (this.rnd() < this.duplicates) {
        const queue = this.queues[sender]![receiver]!;
        queue.splice(Math.floor(this.rnd() * (queue.length + 1)), 0, { ...entry, again: true });
      }
    }
  }

  /** Everyone back online and on one side; every pending update delivered, in random order. */
  deliverAll(): void {
    this.online.fill(true);
    this.heal();
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
    this.stats.delivered += 1;
  }

  private shuffle<T>(list: T[]): void {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  }
}
