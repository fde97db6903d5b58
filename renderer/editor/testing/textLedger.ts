/**
 * Accounts for every character of a fuzzed document, so that a test can say precisely that no
 * text disappeared that nobody deleted. Each character the test writes is a code point of its
 * own (CJK ideographs, which nothing else in the test types), so a character is an identity: it
 * can be followed through splits and merges, and y-prosemirror's text diff never mistakes one
 * for another.
 *
 * A character may disappear only for a reason the ledger saw in a local edit: its author took
 * back their own proposal, a deletion that targeted it was accepted, or the insertion it was
 * typed in was rejected. Every local edit is checked when it is made (`recordSuggestion`,
 * `recordDecision`), the merged document at the end (`findLosses`).
 *
 * Three kinds of loss come from Yjs and y-prosemirror rather than from the suggestion code, and
 * are kept apart:
 * - `spreadLosses`: text removed because of a change mark no local edit put on it. Marks are Yjs
 *   formatting attributes, and Yjs formatting covers text typed concurrently inside its range,
 *   and runs on over a neighbour when a concurrent edit cleans up the neighbour's boundary.
 *   The editor counts a mark only where it applies (merges/changeOrigins.ts); the test fails
 *   on any loss left in strict mode (the default).
 * - `containerLosses`: text that nobody deleted, gone with the Y.XmlText or element around it
 *   (an item taken back while a colleague typed in it). The editor puts such text back
 *   (merges/rescueLostText.ts); the test fails on any left in strict mode (the default).
 * - `recreatedCopies`: text present more often than local edits copied it (splitting an item
 *   writes its tail anew; two replicas splitting the same item both do). The editor finds such
 *   text (merges/findDoubledText.ts) and a participant removes it (`recordDoubledRemoval`);
 *   the test fails on any left after that.
 */
import type { Node } from 'prosemirror-model';
import type { ChangeAttrs } from '../../../shared/editor/suggestions/changeMarks.ts';
import {
  findDeletion,
  findPendingInsertion,
} from '../../../shared/editor/suggestions/changeMarks.ts';

const FIRST = 0x4e00;
const LAST = 0x9fff;

/** The change marks one copy of a character carries. */
interface CopyMarks {
  insertion: ChangeAttrs | null;
  deletion: ChangeAttrs | null;
}

/** Every copy of every tracked character in `doc`, with its change marks. */
export function scanTracked(doc: Node): Map<string, CopyMarks[]> {
  const out = new Map<string, CopyMarks[]>();
  doc.descendants((node) => {
    if (!node.isText) return true;
    const marks = scanMarks(node);
    for (const char of node.text!) {
      const code = char.codePointAt(0)!;
      if (code < FIRST || code > LAST) continue;
      const copies = out.get(char) ?? [];
      copies.push(marks);
      out.set(char, copies);
    }
    return false;
  });
  return out;
}

// The marks as they apply: a deletion that a merge spread over a proposal it was not made on
// is not one (see findDeletion), and a decision may drop it; an accepted insertion is plain
// text.
function scanMarks(node: Node): CopyMarks {
  return {
    insertion: (findPendingInsertion(node.marks)?.attrs as ChangeAttrs | undefined) ?? null,
    deletion: (findDeletion(node.marks)?.attrs as ChangeAttrs | undefined) ?? null,
  };
}

interface CharRecord {
  /** The replica that typed it, or null for the starting text. */
  typist: number | null;
  /** How many copies local edits made (a suggestion can copy the text it replaces). */
  copies: number;
  /** The insertion ids its copies were created in. */
  insertedIn: Set<string>;
  /** The deletion ids whose author marked it. */
  targetedBy: Set<string>;
  /** Whether some local edit removed a copy (for a reason, or for a known issue). */
  removed: boolean;
}

/** The ledger of one fuzz run. */
export class TextLedger {
  private readonly chars = new Map<string, CharRecord>();
  private next = FIRST;
  /** Local edits that removed text without a reason or changed marks they should not have. */
  readonly losses: string[] = [];
  /** Text removed for a change mark that Yjs spread onto it (see above). */
  readonly spreadLosses: string[] = [];
  /** Text y-prosemirror dropped with the Y.XmlText or element that held it. */
  readonly containerLosses: string[] = [];
  /** Text with more copies than local edits made (y-prosemirror re-created it). */
  readonly recreatedCopies: string[] = [];

  /**
   * `length` new characters for `typist` (null: the starting text) to write. They count once a
   * recorded edit (or `recordStart`) shows them in a document.
   */
  word(length: number, typist: number | null): string {
    let word = '';
    for (let i = 0; i < length; i++) {
      if (this.next > LAST) throw new Error('ledger: out of characters');
      const char = String.fromCodePoint(this.next++);
      this.chars.set(char, {
        typist,
        copies: 0,
        insertedIn: new Set(),
        targetedBy: new Set(),
        removed: false,
      });
      word += char;
    }
    return word;
  }

  /** The document every replica starts from. */
  recordStart(doc: Node): void {
    for (const [char, copies] of scanTracked(doc)) this.record(char).copies += copies.length;
  }

  /** A local suggestion by `author` turned `before` into `after`. */
  recordSuggestion(author: string, before: Node, after: Node, what: string): void {
    const was = scanTracked(before);
    const now = scanTracked(after);
    const own = (marks: CopyMarks[], kind: keyof CopyMarks) =>
      marks.filter((m) => m[kind]?.name === author).map((m) => m[kind]!.id);
    for (const [char, copies] of now) {
      const record = this.record(char);
      const old = was.get(char) ?? [];
      if (copies.length > old.length) {
        // New text, or a copy of old text (a replaced item): the author's proposal.
        record.copies += copies.length - old.length;
        const proposed = own(copies, 'insertion');
        for (const id of proposed) record.insertedIn.add(id);
        if (proposed.length - own(old, 'insertion').length < copies.length - old.length) {
          this.losses.push(`${what}: wrote ${describe(char, record)} without marking it`);
        }
      }
      if (old.length === 1 && copies.length === 1) {
        // Text that stays keeps its insertion (the author's own may be taken into the new
        // change when the edit writes it anew: Tab proposes the item again, re-indented); only
        // the author's deletion may be added.
        const [a, b] = [old[0]!, copies[0]!];
        const ownRewritten = a.insertion?.name === author && b.insertion?.name === author;
        const deletionKept = b.deletion?.id === a.deletion?.id || b.deletion?.name === author;
        if ((b.insertion?.id !== a.insertion?.id && !ownRewritten) || !deletionKept) {
          this.losses.push(`${what}: changed the marks of ${describe(char, record)}`);
        }
        if (b.insertion && ownRewritten) record.insertedIn.add(b.insertion.id);
      }
      const targetedBefore = new Set(own(old, 'deletion'));
      for (const id of own(copies, 'deletion')) {
        if (!targetedBefore.has(id)) record.targetedBy.add(id);
      }
    }
    for (const [char, old] of was) {
      const record = this.record(char);
      // Deleting takes back one's own proposal for real, and nothing else.
      const mine = old.filter((m) => m.insertion?.name === author);
      const reasons = mine.filter((m) => record.insertedIn.has(m.insertion!.id)).length;
      const spread = mine.length - reasons;
      this.account(char, record, old.length, now.get(char)?.length ?? 0, reasons, spread, what);
    }
  }

  /** A local decision (`accept` or `reject` of the changes `ids`) turned `before` into `after`. */
  recordDecision(
    decision: 'accept' | 'reject',
    ids: ReadonlySet<string>,
    before: Node,
    after: Node,
    what: string,
  ): void {
    const now = scanTracked(after);
    for (const [char, old] of scanTracked(before)) {
      const record = this.record(char);
      const copies = now.get(char) ?? [];
      if (old.length === 1 && copies.length === 1) {
        // A decision takes the marks of the decided changes off, and only those.
        const [a, b] = [old[0]!, copies[0]!];
        const kept = (kind: keyof CopyMarks) =>
          a[kind] && ids.has(a[kind].id) ? b[kind] === null : b[kind]?.id === a[kind]?.id;
        if (!kept('insertion') || !kept('deletion')) {
          this.losses.push(`${what}: changed the marks of ${describe(char, record)}`);
        }
      }
      // Accepting removes what a deletion targeted; rejecting what an insertion brought.
      const decided = old
        .map((m) => (decision === 'accept' ? m.deletion : m.insertion))
        .filter((mark) => mark !== null && ids.has(mark.id));
      const known = decision === 'accept' ? record.targetedBy : record.insertedIn;
      const reasons = decided.filter((mark) => known.has(mark!.id)).length;
      const spread = decided.length - reasons;
      this.account(char, record, old.length, copies.length, reasons, spread, what);
    }
  }

  /**
   * Someone removed the doubled text a merge made (findDoubledText), turning `before` into
   * `after`: it may remove copies beyond those local edits made, and nothing else.
   */
  recordDoubledRemoval(before: Node, after: Node, what: string): void {
    const now = scanTracked(after);
    for (const [char, old] of scanTracked(before)) {
      const record = this.record(char);
      const has = now.get(char)?.length ?? 0;
      const extra = Math.max(0, old.length - record.copies);
      if (old.length - has > extra || (has === 0 && old.length > 0)) {
        this.losses.push(
          `${what}: removed ${describe(char, record)} (${old.length - has} of ${old.length})`,
        );
      }
    }
  }

  /**
   * What is wrong with the merged `doc`: losses of local edits, and characters nobody removed
   * that are missing. `lostWithContainer` tells a missing character that y-prosemirror dropped
   * with the text or element around it (collected in `containerLosses` instead).
   */
  findLosses(doc: Node, lostWithContainer: (char: string) => boolean): string[] {
    const present = scanTracked(doc);
    const problems = [...this.losses];
    for (const [char, record] of this.chars) {
      if (record.copies === 0) continue;
      const count = present.get(char)?.length ?? 0;
      if (count === 0 && !record.removed) {
        const message = `missing ${describe(char, record)}`;
        if (lostWithContainer(char)) this.containerLosses.push(message);
        else problems.push(message);
      }
      // A merge cannot copy text a local edit did not: extra copies are text y-prosemirror
      // re-created on two replicas at once.
      if (count > record.copies) {
        this.recreatedCopies.push(`${count} copies of ${describe(char, record)}`);
      }
    }
    return problems;
  }

  /** `gone` of `had` copies went; `reasons` of them could, `spread` more for a spread mark. */
  private account(
    char: string,
    record: CharRecord,
    had: number,
    has: number,
    reasons: number,
    spread: number,
    what: string,
  ): void {
    const gone = had - has;
    if (gone <= 0) return;
    const message = `${what}: removed ${describe(char, record)} (${gone} of ${had})`;
    if (gone <= reasons + spread) record.removed = true;
    if (gone > reasons + spread) this.losses.push(message);
    else if (gone > reasons) this.spreadLosses.push(message);
  }

  private record(char: string): CharRecord {
    const record = this.chars.get(char);
    if (!record) throw new Error(`ledger: unknown character ${char}`);
    return record;
  }
}

/**
 * The text blocks of `doc`, one a line, with the changes spelled out: `[text|+id,-id]` is text
 * inserted in change `id` and proposed for deletion in another. For traces of a fuzz run.
 */
export function describeChanges(doc: Node): string {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let line = `${node.type.name}${node.attrs.indent === 1 ? ' (sub)' : ''}: `;
    node.forEach((child) => {
      const marks = scanMarks(child);
      const changes = [
        marks.insertion && `+${marks.insertion.id}`,
        marks.deletion && `-${marks.deletion.id}`,
      ].filter(Boolean);
      const text = child.text ?? `<${child.type.name}>`;
      line += changes.length > 0 ? `[${text}|${changes.join(',')}]` : text;
    });
    lines.push(line);
    return false;
  });
  return lines.join('\n');
}

function describe(char: string, record: CharRecord): string {
  const who = record.typist === null ? 'starting text' : `typed by replica ${record.typist}`;
  const index = char.codePointAt(0)! - FIRST;
  const inserted = [...record.insertedIn].join(', ');
  const targeted = [...record.targetedBy].join(', ');
  return `character #${index} '${char}' (${who}, inserted in [${inserted}], targeted by [${targeted}])`;
}
