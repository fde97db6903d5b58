/**
 * What each role may change, checked by the server on every update of a participant, on the
 * integrated result (updateValidation.ts calls it after the update passed the shape checks, on
 * the shadow). The role and the name come from the connection's token (sessionTokens.ts), never
 * from what the client says; the author of a proposal or a comment is that name.
 *
 * - **Voorsteller** (name N): no versions; in the document only proposals of N's own. Let
 *   R(doc) be the document without N's proposals (withoutOwnProposals.ts: N's proposed text and
 *   items taken out, N's proposals to delete undone). The update is allowed only when R(before)
 *   equals R(after): then all it changed is an insertion carrying N's proposal, a proposal of
 *   N's to delete existing text or items, or the removal of N's own proposals. Anything else
 *   (typing without a mark, deleting for real, accepting or rejecting another's proposal by
 *   removing or adding text, changing an attribute) survives in R(after) and makes it differ.
 *   Besides: every change id new to the document carries N, a change id the document held keeps
 *   its author (KnownChanges), no proposal of another becomes accepted, and no proposal of
 *   another loses its mark on text that stays (which would make it read as plain text).
 * - **Lezer who may comment**: only the comments map; nothing of the document or the versions.
 * - **Comments**, for every connection with a name (an editor with a named invitation, a
 *   voorsteller, a commenting reader): an entry that is new or changed must be N's (`author`),
 *   and keeps its `author`, `thread`, `time` and `anchor`; a thread's state is set under N's
 *   name, by a voorsteller or reader only on a thread N started (an editor may resolve any
 *   thread). Entries are never removed (commentRecords.ts refuses that for everyone).
 * - **Redacteur with a name**: every change id new to the document carries N, and a known one
 *   its author. A redacteur without a name in the token (an invitation from before names) is not
 *   held to a name: it may edit anything anyway, and could not be told apart from the person it
 *   claims to be.
 * - A lezer without permission to comment never gets here: Hocuspocus keeps that connection
 *   read-only (sessionAuthentication.ts).
 *
 * **Decide on the integrated result, with Yjs in mind.** What an honest voorsteller sends must
 * pass whatever arrived at the server in between, and a merge does more than either side
 * wrote. Change marks are Yjs formatting, a run of characters between two markers: a
 * concurrent edit can run a mark on over text typed elsewhere or cut it short, whoever sends
 * the update, and a marker hidden behind another shows again when a merge removes that one;
 * y-prosemirror writes a text anew as the difference of two strings, so an honest participant
 * writes colleagues' characters again (the editor records such copies), and where the same
 * character stands twice it may leave a mark on the other one; two proposals on one item leave
 * one; taking back one's new item deletes what a colleague typed in it meanwhile. So R leaves
 * marks out (they are checked apart, for what a merge does not do: a new change under another's
 * name, a proposal accepted or its text made plain), reads who wrote a character from the Yjs
 * document (a character this update writes is N's only with N's own mark naming its writer),
 * and KnownChanges holds every change the Yjs document was given, shown or not. The seeded fuzz
 * test (roleRules.fuzz.test.ts) drives honest voorstellers beside a redacteur with updates
 * reaching the server in turn and at once; what it still finds refused, and why, is in
 * docs/SERVER.md ("What the server cannot tell apart").
 *
 * Cheap: the document before the update is the one read at the previous check (the shadow
 * keeps it), with R of it per name, so a voorsteller's update costs one R (of the document
 * after) beyond the read every update has. The change ids a document holds are gathered per
 * node and kept with the node, which the next read reuses when the update did not touch it.
 */
import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { ItemChange } from '../editor/suggestions/changeMarks.ts';
import {
  canonicalWithout,
  characterId,
  describeDifference,
  findWriters,
  othersProposedText,
} from './withoutOwnProposals.ts';
import type {
  Canonical,
  ProposedCharacter,
  Proposer,
  Writer,
  Writers,
} from './withoutOwnProposals.ts';
import { threadOfStatusKey } from '../comments/commentRecords.ts';
import {
  MAX_SUBMISSIONS_PER_AUTHOR,
  adviceKey,
  decisionKey,
  parseProcedureKey,
} from '../procedure/procedureRecords.ts';
import type {
  StoredAdvice,
  StoredDecision,
  StoredSubmission,
} from '../procedure/procedureRecords.ts';
import type { StoredComment, ThreadStatus } from '../comments/commentRecords.ts';
import type { SessionRole } from './invitation.ts';

/** What the server knows of a participant's connection, from its token. */
export interface RoleContext {
  role: SessionRole;
  /** The name the invitation carries: the author of the connection's proposals and comments. */
  name: string | null;
  /** Whether the connection may comment (always for editors and voorstellers). */
  mayComment: boolean;
}

/**
 * Whether `after` differs from `before` only by proposals of `name` (as far as a document
 * without Yjs can tell: insertions count wherever their marks lie), for an editor that wants to
 * know before it sends whether the server will take a voorsteller's change.
 */
export function isOnlyProposalsOf(before: Node, after: Node, name: string): boolean {
  const without = (doc: Node) => canonicalWithout(doc, { name }, null).tokens;
  return isSame(without(before), without(after));
}

/** A document as read, with what the rules derive from it (each worked out once). */
export class DocumentView {
  readonly doc: Node;
  /**
   * The Yjs document `doc` was read from, while it holds that state (who wrote which text is
   * read from it on first use); null when not known.
   */
  source: Y.Doc | null;
  private writers: Writers | null = null;
  private present: Set<string> | null = null;
  private authors: Set<string> | null = null;
  private marks: Set<string> | null = null;
  private readonly canonical = new Map<string, Canonical>();
  private readonly proposed = new Map<string, Map<string, ProposedCharacter[]>>();

  constructor(doc: Node, source: Y.Doc | null = null) {
    this.doc = doc;
    this.source = source;
  }

  /**
   * The document without the proposals of `proposer` (withoutOwnProposals.ts). Worked out once
   * per name: the document after one check is the document before the next, and whether the
   * update wrote text under a wrong session is asked of the document after only (`isNew`).
   */
  withoutProposalsOf(proposer: Proposer): Canonical {
    let result = this.canonical.get(proposer.name);
    if (!result) {
      result = canonicalWithout(this.doc, proposer, this.getWriters());
      this.canonical.set(proposer.name, result);
    }
    return result;
  }

  /** The text of every pending insertion of another than `name`, by change id. */
  othersProposedText(name: string): ReadonlyMap<string, ProposedCharacter[]> {
    let result = this.proposed.get(name);
    if (!result) {
      const writers = this.getWriters();
      result = writers ? othersProposedText(this.doc, name, writers) : new Map();
      this.proposed.set(name, result);
    }
    return result;
  }

  /** Every character of the document, by identity (empty when who wrote what is not known). */
  characters(): ReadonlySet<string> {
    if (!this.present) {
      const writers = this.getWriters();
      const present = new Set<string>();
      if (writers) {
        this.doc.descendants((node) => {
          if (!node.isTextblock) return true;
          for (const writer of writers.chars(node) ?? []) present.add(characterId(writer));
          return false;
        });
      }
      this.present = present;
    }
    return this.present;
  }

  private getWriters(): Writers | null {
    if (!this.writers && this.source) this.writers = findWriters(this.doc, this.source);
    return this.writers;
  }

  /**
   * Every change in the document as `id` and author: the change marks' and the item
   * proposals', as `<id>\0<name>`.
   */
  changeAuthors(): ReadonlySet<string> {
    if (!this.authors) this.collect();
    return this.authors!;
  }

  /** The author of change `id` in the document, or undefined when it holds no such change. */
  changeAuthorOf(id: string): string | undefined {
    for (const entry of this.changeAuthors()) {
      if (entry.startsWith(`${id}\0`)) return entry.slice(id.length + 1);
    }
    return undefined;
  }

  /** Every accepted insertion in the document, as `<name>\0<id>`. */
  changeMarks(): ReadonlySet<string> {
    if (!this.marks) this.collect();
    return this.marks!;
  }

  private collect(): void {
    const authors = new Set<string>();
    const marks = new Set<string>();
    this.doc.forEach((child) => {
      const found = findChanges(child);
      for (const entry of found.authors) authors.add(entry);
      for (const entry of found.marks) marks.add(entry);
    });
    this.authors = authors;
    this.marks = marks;
  }
}

/** The changes in a node and what it holds: `<id>\0<name>`, and accepted ones `<name>\0<id>`. */
interface NodeChanges {
  authors: readonly string[];
  marks: readonly string[];
}

const NO_CHANGES: NodeChanges = { authors: [], marks: [] };

// The server reads a document again after each update, but builds anew only the nodes the
// update touched (incrementalReading.ts) and keeps the others, so what a node holds is worked out
// once per node, not once per update.
const changesByNode = new WeakMap<Node, NodeChanges>();

function findChanges(node: Node): NodeChanges {
  const known = changesByNode.get(node);
  if (known) return known;
  const authors: string[] = [];
  const marks: string[] = [];
  const change = node.type.name === 'item' ? (node.attrs.change as ItemChange | null) : null;
  if (change) authors.push(`${change.id}\0${change.name}`);
  for (const mark of node.marks) {
    const { id, name } = mark.attrs as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || typeof name !== 'string') continue;
    authors.push(`${id}\0${name}`);
    // Accepted proposals: whose, and which (a copy from an older state may carry another
    // colour, time or piece of the same change; only acceptance is the decision).
    if ((mark.attrs as { accepted?: unknown }).accepted === true) marks.push(`${name}\0${id}`);
  }
  node.forEach((child) => {
    const inner = findChanges(child);
    // A loop, not a spread: a large document's lists outgrow the arguments a call may take.
    for (const entry of inner.authors) authors.push(entry);
    for (const entry of inner.marks) marks.push(entry);
  });
  const found = authors.length === 0 && marks.length === 0 ? NO_CHANGES : { authors, marks };
  if (!node.isText) changesByNode.set(node, found);
  return found;
}

/** What an update did, as the role rules look at it. */
export interface UpdateEffect {
  /** The document before the update (read on first use). */
  before(): DocumentView;
  /** The document after it. */
  after: DocumentView;
  /** Whether it changed anything outside the maps of versions and comments. */
  touchesDocument: boolean;
  /** The keys of the versions and comments maps it touched. */
  versionKeys: ReadonlySet<string>;
  commentKeys: ReadonlySet<string>;
  /** The comments map before (the server's document, untouched) and after (the shadow's). */
  commentsBefore: Y.Map<unknown>;
  commentsAfter: Y.Map<unknown>;
  /** The keys of the procedure map it touched, and that map before and after. */
  procedureKeys: ReadonlySet<string>;
  procedureBefore: Y.Map<unknown>;
  procedureAfter: Y.Map<unknown>;
  /** Every change id the document has held, with its author (KnownChanges). */
  knownChanges: KnownChanges;
  /** Whether a character of the document after was written by this update. */
  isNew: (writer: Writer) => boolean;
}

/**
 * Every change id a document has held since the server opened it, with the name it carried:
 * what a change id new to the document must be checked against. Text of a change that is gone
 * may come back honestly (a participant puts back their text a colleague deleted unseen,
 * y-prosemirror writes a text anew with its marks), still under its id and author; a change id
 * the document never held is a new proposal, and must carry the sender's name.
 */
export class KnownChanges {
  private readonly names = new Map<string, string>();
  private readonly marks = new Set<string>();

  /** Adds the changes of `view` (the first author an id was seen with stays). */
  add(view: DocumentView): void {
    for (const entry of view.changeAuthors()) {
      const [id, name] = splitEntry(entry);
      if (!this.names.has(id)) this.names.set(id, name);
    }
    for (const mark of view.changeMarks()) this.marks.add(mark);
  }

  /**
   * Adds the changes an update writes into the Yjs document, whether they show or not: a change
   * mark is a format marker, which another marker after it may hide until a merge removes that
   * one, and a proposal on an item an attribute value that another may have replaced.
   */
  addWritten(update: Uint8Array): void {
    let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
    try {
      structs = Y.decodeUpdate(update).structs;
    } catch {
      return;
    }
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const { content } = struct;
      const values =
        content instanceof Y.ContentFormat
          ? [content.value]
          : content instanceof Y.ContentAny && struct.parentSub === 'change'
            ? content.arr
            : [];
      for (const value of values) this.addValue(value);
    }
  }

  private addValue(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    const { id, name, accepted } = value as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string') return;
    if (!this.names.has(id)) this.names.set(id, name);
    if (accepted === true) this.marks.add(`${name}\0${id}`);
  }

  /** Whether the document has held this accepted insertion (`<name>\0<id>`). */
  hasMark(mark: string): boolean {
    return this.marks.has(mark);
  }

  /** The author change `id` was first seen with, or undefined for an id never seen. */
  authorOf(id: string): string | undefined {
    return this.names.get(id);
  }
}

/** Why an update was refused: `reason` for the participant (short, Dutch), `detail` for the log. */
export interface RoleRefusal {
  reason: string;
  detail: string;
}

// Reasons travel in a WebSocket close frame too, which holds at most 123 bytes.
/** Said to a voorsteller whose update is more than proposals of their own. */
export const PROPOSALS_ONLY_REASON =
  'Wijziging geweigerd: als voorsteller kunt u alleen voorstellen doen.';
/** Said to a participant whose proposal carries another name than their invitation's. */
export const OWN_NAME_PROPOSAL_REASON =
  'Wijziging geweigerd: een voorstel moet op uw eigen naam staan.';
/** Said to a voorsteller who records a version. */
export const NO_VERSION_REASON =
  'Wijziging geweigerd: als voorsteller kunt u geen versie vastleggen.';
/** Said to a reader who changes anything but comments. */
export const COMMENTS_ONLY_REASON =
  'Wijziging geweigerd: als lezer kunt u alleen opmerkingen maken.';
/** Said to a reader who may not comment (never reached: such a connection is read-only). */
export const READ_ONLY_REASON = 'Wijziging geweigerd: als lezer kunt u niets wijzigen.';
/** Said to a participant whose comment carries another name, or who changes another's. */
export const OWN_COMMENT_REASON =
  'Wijziging geweigerd: u kunt alleen uw eigen opmerkingen maken en wijzigen.';
/** Said to a voorsteller or reader who resolves or reopens another's thread. */
export const OWN_THREAD_REASON =
  'Wijziging geweigerd: u kunt alleen een draad die u begon afsluiten of heropenen.';

/** Said to a voorsteller who writes another's amendment, or changes what is fixed in theirs. */
export const OWN_AMENDMENT_REASON =
  'Wijziging geweigerd: u kunt alleen uw eigen amendement opstellen, indienen of intrekken.';
/** Said to a voorsteller who drafts more amendments than one author may. */
export const TOO_MANY_AMENDMENTS_REASON =
  'Wijziging geweigerd: u stelt al het grootste aantal amendementen op dat een stuk toelaat.';
/** Said to a voorsteller who records a preadvies or a besluit. */
export const NO_DECISION_REASON =
  'Wijziging geweigerd: een preadvies of besluit legt alleen het bestuur vast.';
/** Said to a redacteur whose preadvies or besluit carries another name. */
export const OWN_NAME_DECISION_REASON =
  'Wijziging geweigerd: een preadvies of besluit moet op uw eigen naam staan.';

/** The refusal of an update by `context`'s rules, or null when the update is allowed. */
export function findRoleRefusal(context: RoleContext, effect: UpdateEffect): RoleRefusal | null {
  const { role, name } = context;
  if (role === 'reader' && !context.mayComment) {
    return { reason: READ_ONLY_REASON, detail: 'een lezer zonder opmerkingen wijzigt iets' };
  }
  if (
    role === 'reader' &&
    (effect.touchesDocument || effect.versionKeys.size > 0 || effect.procedureKeys.size > 0)
  ) {
    return { reason: COMMENTS_ONLY_REASON, detail: 'een lezer wijzigt meer dan opmerkingen' };
  }
  if (role === 'proposer' && effect.versionKeys.size > 0) {
    return { reason: NO_VERSION_REASON, detail: 'een voorsteller legt een versie vast' };
  }
  if (name !== null && effect.touchesDocument && role !== 'reader') {
    const refusal = findForeignChange(name, effect) ?? findDirectEdit(context, name, effect);
    if (refusal) return refusal;
  }
  if (effect.procedureKeys.size > 0) {
    const refusal = findProcedureRefusal(context, name, effect);
    if (refusal) return refusal;
  }
  return name !== null && effect.commentKeys.size > 0
    ? findCommentRefusal(context, name, effect)
    : null;
}

/**
 * The procedure entries the update touched (procedureRecords.ts). A voorsteller (name N) writes
 * only indieningen drafted by N (`author`), keeps what was fixed when one was made (kind,
 * author, time, base) or submitted (its proposals, their places, its number), puts only N's own
 * proposals in it, changes none the ALV has decided on (aangehouden is no decision yet), and
 * records no preadvies or besluit; a redacteur with a name records those under that name. (A
 * reader never gets here with procedure keys.)
 */
function findProcedureRefusal(
  context: RoleContext,
  name: string | null,
  effect: UpdateEffect,
): RoleRefusal | null {
  for (const key of effect.procedureKeys) {
    const old = effect.procedureBefore.get(key);
    const now = effect.procedureAfter.get(key);
    if (isEqualValue(old, now)) continue;
    const parsed = parseProcedureKey(key);
    const quoted = JSON.stringify(key.slice(0, 64));
    if (!parsed) return { reason: OWN_AMENDMENT_REASON, detail: `onbekende sleutel ${quoted}` };
    if (parsed.kind !== 'submission') {
      if (context.role === 'proposer') {
        return { reason: NO_DECISION_REASON, detail: `voorsteller schrijft ${quoted}` };
      }
      const written = now as StoredAdvice | StoredDecision;
      if (name !== null && written.name !== name) {
        return { reason: OWN_NAME_DECISION_REASON, detail: `${quoted} op een andere naam` };
      }
      continue;
    }
    if (context.role !== 'proposer' || name === null) continue;
    const entry = now as StoredSubmission;
    if (
      old === undefined &&
      countByAuthor(effect.procedureAfter, name) > MAX_SUBMISSIONS_PER_AUTHOR
    ) {
      return {
        reason: TOO_MANY_AMENDMENTS_REASON,
        detail: `meer dan ${MAX_SUBMISSIONS_PER_AUTHOR} amendementen`,
      };
    }
    if (entry.author !== name) {
      return { reason: OWN_AMENDMENT_REASON, detail: `${quoted} op naam van een ander` };
    }
    // What the ALV decided on stays as it was decided on (the store refuses it too); and an
    // indiening the bestuur already advised or decided on is not new.
    const decision = effect.procedureBefore.get(decisionKey(parsed.id)) as
      StoredDecision | undefined;
    if (decision !== undefined && decision.outcome !== 'aangehouden') {
      return { reason: OWN_AMENDMENT_REASON, detail: `${quoted}: er is al over besloten` };
    }
    if (old === undefined && (decision || effect.procedureBefore.has(adviceKey(parsed.id)))) {
      return {
        reason: OWN_AMENDMENT_REASON,
        detail: `${quoted}: nieuw, terwijl er al een preadvies of besluit is`,
      };
    }
    if (old !== undefined) {
      const before = old as StoredSubmission;
      const fixed =
        before.author === entry.author &&
        before.kind === entry.kind &&
        before.created === entry.created &&
        isEqualValue(before.base, entry.base) &&
        (before.submitted === null ||
          (before.submitted === entry.submitted &&
            before.number === entry.number &&
            isEqualValue(before.changes, entry.changes) &&
            isEqualValue(before.targets, entry.targets))) &&
        (before.withdrawn === null || before.withdrawn === entry.withdrawn);
      if (!fixed) {
        return { reason: OWN_AMENDMENT_REASON, detail: `${quoted}: vastgelegde velden gewijzigd` };
      }
    }
    const foreign = entry.changes.find((id) => {
      // Known to the document (also when its text was deleted since), and the indiener's.
      const author = effect.knownChanges.authorOf(id) ?? effect.after.changeAuthorOf(id);
      return author !== name;
    });
    if (foreign !== undefined) {
      return {
        reason: OWN_AMENDMENT_REASON,
        detail: `${quoted} bevat voorstel ${JSON.stringify(foreign)} dat niet van de indiener is`,
      };
    }
  }
  return null;
}

/**
 * A change under another name than `name`: an id the document never held under another name,
 * or a known id under another name than it had.
 */
function findForeignChange(name: string, effect: UpdateEffect): RoleRefusal | null {
  const before = effect.before().changeAuthors();
  for (const entry of effect.after.changeAuthors()) {
    if (before.has(entry)) continue;
    const [id, author] = splitEntry(entry);
    const expected = effect.knownChanges.authorOf(id) ?? name;
    if (author !== expected) {
      return {
        reason: OWN_NAME_PROPOSAL_REASON,
        detail: `voorstel ${JSON.stringify(id)} op naam van ${JSON.stringify(author)}, niet van ${JSON.stringify(expected)}`,
      };
    }
  }
  return null;
}

function splitEntry(entry: string): [id: string, name: string] {
  const at = entry.indexOf('\0');
  return [entry.slice(0, at), entry.slice(at + 1)];
}

/**
 * For a voorsteller: a change mark of another that the document never held (a proposal
 * accepted, or altered), or anything the update changed besides their own proposals.
 */
function findDirectEdit(context: RoleContext, name: string, effect: UpdateEffect) {
  if (context.role !== 'proposer') return null;
  for (const mark of effect.after.changeMarks()) {
    if (mark.startsWith(`${name}\0`) || effect.knownChanges.hasMark(mark)) continue;
    return {
      reason: PROPOSALS_ONLY_REASON,
      detail: `voorsteller: voorstel ${JSON.stringify(mark.slice(mark.indexOf('\0') + 1))} van ${JSON.stringify(mark.slice(0, mark.indexOf('\0')))} aanvaard`,
    };
  }
  const before = effect.before().withoutProposalsOf({ name }).tokens;
  const after = effect.after.withoutProposalsOf({ name, isNew: effect.isNew });
  if (after.misnamed) {
    return {
      reason: PROPOSALS_ONLY_REASON,
      detail: 'voorsteller: nieuwe tekst met een voorstel dat een andere sessie noemt',
    };
  }
  if (isSame(before, after.tokens)) return findProposalTakenOff(name, effect);
  return {
    reason: PROPOSALS_ONLY_REASON,
    detail: `voorsteller: ${describeDifference(before, after.tokens)}`,
  };
}

/**
 * For a voorsteller: another's proposed text that lost its proposal (its mark taken off, which
 * makes it read as plain text: accepted but for the name). A character still there that no
 * longer carries the proposal, when the proposal's text is not what it was but for the
 * characters that went. Judged on the text too, since y-prosemirror, writing a text anew where
 * the same character stands twice, may leave the mark on the other one of the two.
 */
function findProposalTakenOff(name: string, effect: UpdateEffect): RoleRefusal | null {
  const before = effect.before().othersProposedText(name);
  if (before.size === 0) return null;
  const after = effect.after.othersProposedText(name);
  for (const [change, chars] of before) {
    const kept = new Set((after.get(change) ?? []).map((c) => c.id));
    const gone = chars.filter((c) => c.id !== '' && !kept.has(c.id));
    if (gone.length === 0) continue;
    const present = effect.after.characters();
    if (!gone.some((c) => present.has(c.id))) continue;
    const remaining = chars.filter((c) => c.id === '' || present.has(c.id));
    const text = (list: readonly ProposedCharacter[]) => list.map((c) => c.char).join('');
    if (text(remaining) !== text(after.get(change) ?? [])) {
      return {
        reason: PROPOSALS_ONLY_REASON,
        detail: `voorsteller: voorstel ${JSON.stringify(change)} van een ander van zijn tekst gehaald`,
      };
    }
  }
  return null;
}

/** The comment entries the update touched, held to the connection's name. */
function findCommentRefusal(
  context: RoleContext,
  name: string,
  effect: UpdateEffect,
): RoleRefusal | null {
  for (const key of effect.commentKeys) {
    const old = effect.commentsBefore.get(key);
    const now = effect.commentsAfter.get(key);
    // Set again as it was, or another's concurrent value won: nothing changed.
    if (isEqualValue(old, now)) continue;
    const thread = threadOfStatusKey(key);
    const quoted = JSON.stringify(key.slice(0, 64));
    if (thread !== null) {
      const status = now as ThreadStatus;
      if (status.name !== name) {
        return { reason: OWN_COMMENT_REASON, detail: `status ${quoted} op een andere naam` };
      }
      const first = effect.commentsAfter.get(thread) as StoredComment;
      if (context.role !== 'editor' && first.author !== name) {
        return {
          reason: OWN_THREAD_REASON,
          detail: `status ${quoted} van een draad van een ander`,
        };
      }
      continue;
    }
    const comment = now as StoredComment;
    if (comment.author !== name) {
      return { reason: OWN_COMMENT_REASON, detail: `opmerking ${quoted} op een andere naam` };
    }
    if (old !== undefined) {
      const before = old as StoredComment;
      const kept =
        before.author === comment.author &&
        before.thread === comment.thread &&
        before.time === comment.time &&
        isEqualValue(before.anchor, comment.anchor);
      if (!kept) {
        return {
          reason: OWN_COMMENT_REASON,
          detail: `opmerking ${quoted}: auteur, draad, tijdstip of plaats gewijzigd`,
        };
      }
    }
  }
  return null;
}

/** How many indieningen of the procedure map `map` were drafted by `name`. */
function countByAuthor(map: Y.Map<unknown>, name: string): number {
  let count = 0;
  map.forEach((value, key) => {
    if (
      parseProcedureKey(key)?.kind === 'submission' &&
      (value as StoredSubmission).author === name
    ) {
      count += 1;
    }
  });
  return count;
}

function isSame(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

/** Whether two JSON values (as the comments map holds them) are equal. */
function isEqualValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) =>
        Object.hasOwn(b, key) &&
        isEqualValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}
