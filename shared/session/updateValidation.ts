/**
 * The check every change to a server document passes, whoever sends it (a participant, another
 * instance through Redis): it must be a Yjs update that integrates completely, and the
 * document it makes must still be a resolution of acceptable size. A client that is not ours
 * (or ours with a bug) could otherwise put a foreign element, an unknown attribute or a
 * `javascript:` link into the shared document; every editor would then hold a document that
 * y-prosemirror silently cuts (writing the cut back) and that no longer opens once saved.
 *
 * **Decide on the integrated result only.** Yjs keeps an update whose structs build on ones it
 * lacks (or that deletes content it lacks) aside, as pending, and integrates it later, when
 * another update supplies what it waits for. Checking the document after applying such an
 * update proves nothing; accepting it would let it land later inside someone else's honest
 * change, which the check would then blame. So an update that leaves anything pending is not
 * accepted here: the caller holds it apart (documentGate.ts) or refuses it.
 *
 * The check runs on a shadow: a second Y.Doc per server document, made by copying it and kept
 * equal by applying every update the document gets. An incoming update is applied to the shadow
 * and the shadow read strictly against the schema; versions are checked only where the update
 * touched them, and may only be added. Accepted, the document then applies the same update,
 * which the shadow already has (Yjs ignores what it knows). Refused or pending, the shadow holds
 * an update the document does not, so it is dropped and copied anew at the next check.
 *
 * **Cheap, and still whole.** The read is incremental (incrementalReading.ts): the elements the
 * update touched, and their ancestors, are read and checked anew; every other element is the
 * node it was read as before, which passed the same check then and, being immutable, passes it
 * again. The verdict and the document read are the full read's (a seeded test compares them for
 * honest and hostile updates). So a keystroke costs applying it twice and re-reading one item
 * with its ancestors, not the whole document. A shadow no check has used for SHADOW_IDLE_MS is
 * let go, with what it read: an open document nobody writes in holds no second copy. That
 * weakens nothing: the next check copies the document anew, exactly as after a refusal, and
 * nothing reaches the document but through a check (documentGate.ts).
 *
 * **Roles.** With the sender's role (roleRules.ts), the check also decides what that role may
 * change, on the same integrated result: the document read before (kept from the previous
 * check, so nothing is read twice) and after, what the update touched, and the comments before
 * (the server's document, which the update has not reached) and after.
 *
 * **Size.** The document (ProseMirror's size) is read on every check anyway; the Yjs state is
 * measured when the shadow is made and then bounded from above: an update of n bytes grows the
 * encoded state by at most GROWTH_PER_BYTE × n (its own structs, and the splits of existing
 * structs at its edges). Only when that bound reaches the cap is the state measured exactly.
 */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import {
  DOCUMENT_FRAGMENT,
  InvalidDocumentError,
  isIncomplete,
  readYDoc,
} from '../ydoc/yDocument.ts';
import { IncrementalReader } from '../ydoc/incrementalReading.ts';
import { VERSIONS_MAP, checkVersionEntries } from '../ydoc/versions.ts';
import { COMMENTS_MAP, checkCommentEntries } from '../comments/commentRecords.ts';
import { PROCEDURE_MAP, checkProcedureEntries } from '../procedure/procedureRecords.ts';
import {
  DOCUMENT_TOO_LARGE_MESSAGE,
  MAX_DOCUMENT_NODE_SIZE,
  MAX_DOCUMENT_STATE_BYTES,
} from '../ydoc/documentLimits.ts';
import { CLOSE_CODES, INVALID_UPDATE_REASON } from './refusals.ts';
import { DocumentView, KnownChanges, findRoleRefusal } from './roleRules.ts';
import type { RoleContext } from './roleRules.ts';

/** The root types a document may hold; anything else is refused (add new ones here). */
export const DOCUMENT_ROOTS: ReadonlySet<string> = new Set([
  DOCUMENT_FRAGMENT,
  VERSIONS_MAP,
  COMMENTS_MAP,
  PROCEDURE_MAP,
]);

/**
 * How much one byte of an update can grow the encoded state, at most: a struct of a few bytes
 * can split two existing structs, each split adding a header of up to about twenty bytes.
 */
const GROWTH_PER_BYTE = 32;

/**
 * An update the server refuses: the message says what is wrong (for the log), `reason` what
 * the participant is told (short, Dutch, fits a WebSocket close frame), `code` the close code.
 */
export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError';
  readonly reason: string;
  readonly code: number;

  constructor(
    message: string,
    reason: string = INVALID_UPDATE_REASON,
    code: number = CLOSE_CODES.invalidUpdate,
  ) {
    super(message);
    this.reason = reason;
    this.code = code;
  }
}

/** An update that would make the document larger than it may be. */
export class DocumentTooLargeUpdateError extends InvalidUpdateError {
  override name = 'DocumentTooLargeUpdateError';

  constructor(detail: string) {
    super(
      `${DOCUMENT_TOO_LARGE_MESSAGE} (${detail})`,
      DOCUMENT_TOO_LARGE_MESSAGE,
      CLOSE_CODES.documentTooLarge,
    );
  }
}

/** Where the sizes of a server document stand. */
export interface SizeLimits {
  maxStateBytes: number;
  maxNodeSize: number;
}

const DEFAULT_LIMITS: SizeLimits = {
  maxStateBytes: MAX_DOCUMENT_STATE_BYTES,
  maxNodeSize: MAX_DOCUMENT_NODE_SIZE,
};

interface Shadow {
  doc: Y.Doc;
  /** Reads the shadow strictly, re-reading only what changed since the last read. */
  reader: IncrementalReader;
  /** The state's size when last measured, and how much it may have grown since. */
  measuredBytes: number;
  growthBound: number;
  /** The document as last read, while the shadow has not changed since (else null). */
  read: DocumentView | null;
  /** Stops following the server document. */
  detach: () => void;
  /** When the last check used it: a shadow unused for SHADOW_IDLE_MS is let go. */
  lastUsed: number;
}

/**
 * How long a shadow is kept after its last check. A document where nobody writes (everyone
 * reads, or has paused) holds no second copy; the next check copies the document again, as after
 * a refusal, which costs about one full read.
 */
export const SHADOW_IDLE_MS = 15_000;

const shadows = new WeakMap<Y.Doc, Shadow>();
// Per server document, not per shadow: a shadow is made anew after every refusal.
const knownChanges = new WeakMap<Y.Doc, KnownChanges>();

function getShadow(document: Y.Doc): Shadow {
  const known = shadows.get(document);
  if (known) return known;
  const doc = new Y.Doc({ gc: document.gc });
  const state = Y.encodeStateAsUpdate(document);
  Y.applyUpdate(doc, state);
  const follow = (update: Uint8Array) => {
    Y.applyUpdate(doc, update);
    shadow.growthBound += GROWTH_PER_BYTE * update.length;
  };
  document.on('update', follow);
  // Whatever changes the shadow makes the last read stale; the check sets it after reading. An
  // update the document applies after its check is known to the shadow already: no change.
  // (Watched per transaction, not per 'update': a listener of that makes Yjs encode each one.)
  const forget = (transaction: Y.Transaction) => {
    if (changesState(transaction)) shadow.read = null;
  };
  doc.on('afterTransaction', forget);
  const shadow: Shadow = {
    doc,
    reader: new IncrementalReader(doc),
    measuredBytes: state.length,
    growthBound: 0,
    read: null,
    lastUsed: Date.now(),
    detach: () => {
      if (shadows.get(document) !== shadow) return;
      clearTimeout(idleTimer);
      document.off('update', follow);
      document.off('destroy', shadow.detach);
      doc.off('afterTransaction', forget);
      shadow.reader.destroy();
      doc.destroy();
      shadows.delete(document);
    },
  };
  // One timer per shadow, moved on only when it fires: a check costs no timer of its own.
  let idleTimer: ReturnType<typeof setTimeout>;
  const watchIdle = (delay: number) => {
    idleTimer = setTimeout(() => {
      const idle = Date.now() - shadow.lastUsed;
      if (idle >= SHADOW_IDLE_MS) shadow.detach();
      else watchIdle(SHADOW_IDLE_MS - idle);
    }, delay);
    // Not a reason for a process to stay alive (a server stops by its own means).
    (idleTimer as { unref?: () => void }).unref?.();
  };
  watchIdle(SHADOW_IDLE_MS);
  document.on('destroy', shadow.detach);
  shadows.set(document, shadow);
  return shadow;
}

/** Whether a transaction added or deleted anything (when Yjs would emit an update for it). */
function changesState(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

/** What a check found: the update can be applied, or it waits for structs nobody sent yet. */
export type UpdateCheck = 'accepted' | 'pending';

/**
 * Checks that applying `update` to `document` integrates completely and leaves a valid
 * resolution within the size limits, without touching `document`. Returns 'pending' when the
 * update builds on (or deletes) what the document does not hold yet. Throws InvalidUpdateError
 * (DocumentTooLargeUpdateError for size) when it is no Yjs update, adds a root type other than
 * the document's, makes the document invalid or too large, or, with the sender's `role`, changes
 * what that role may not (roleRules.ts). An accepted update is expected to be applied to
 * `document` next, and later checks build on it.
 */
export function checkDocumentUpdate(
  document: Y.Doc,
  update: Uint8Array,
  limits: SizeLimits = DEFAULT_LIMITS,
  role: RoleContext | null = null,
): UpdateCheck {
  const shadow = getShadow(document);
  shadow.lastUsed = Date.now();
  const previous = shadow.read;
  const versions = shadow.doc.getMap(VERSIONS_MAP);
  const comments = shadow.doc.getMap(COMMENTS_MAP);
  const procedure = shadow.doc.getMap(PROCEDURE_MAP);
  const touched = new Set<string>();
  const touchedComments = new Set<string>();
  const touchedProcedure = new Set<string>();
  let touchesDocument = false;
  const collect = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) touched.add(key);
  };
  const collectComments = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) touchedComments.add(key);
  };
  const collectProcedure = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) touchedProcedure.add(key);
  };
  // Every type the update changed (Yjs's own formatting cleanup after it included): anything
  // but the three maps is the document.
  const collectTypes = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      const changed: unknown = type;
      if (changed !== versions && changed !== comments && changed !== procedure) {
        touchesDocument = true;
      }
    }
  };
  versions.observe(collect);
  comments.observe(collectComments);
  procedure.observe(collectProcedure);
  shadow.doc.on('afterTransaction', collectTypes);
  let accepted = false;
  try {
    try {
      Y.applyUpdate(shadow.doc, update);
    } catch {
      throw new InvalidUpdateError('De wijziging is geen geldige Yjs-wijziging.');
    }
    if (isIncomplete(shadow.doc)) return 'pending';
    for (const root of shadow.doc.share.keys()) {
      // A root the server's document already holds came from its stored file, not from here.
      if (!DOCUMENT_ROOTS.has(root) && !document.share.has(root)) {
        throw new InvalidUpdateError(
          `De wijziging voegt een onbekend onderdeel toe (${JSON.stringify(root.slice(0, 40))}).`,
        );
      }
    }
    // A recorded version is the record of what a stuk said then: added, never changed or
    // removed (the app has no way to do either), or anyone could rewrite the history unseen.
    const recorded = document.getMap(VERSIONS_MAP);
    for (const id of touched) {
      if (recorded.has(id)) {
        throw new InvalidUpdateError(
          `De wijziging verandert of verwijdert de vastgelegde versie ${JSON.stringify(id.slice(0, 64))}.`,
        );
      }
    }
    let read: Node;
    try {
      read = shadow.reader.read();
      checkVersionEntries(shadow.doc, touched);
      if (touchedComments.size > 0) checkCommentEntries(shadow.doc, touchedComments);
      if (touchedProcedure.size > 0) checkProcedureEntries(shadow.doc, touchedProcedure);
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      throw new InvalidUpdateError(
        `De wijziging past niet in de opbouw van een resolutie. ${error.message}`,
      );
    }
    if (read.nodeSize > limits.maxNodeSize) {
      throw new DocumentTooLargeUpdateError(
        `omvang ${read.nodeSize}, hoogstens ${limits.maxNodeSize}`,
      );
    }
    const after = new DocumentView(read, shadow.doc);
    // The server's document has not applied the update: it still reads as before.
    let before = previous;
    const readBefore = () => (before ??= new DocumentView(readYDoc(document), document));
    let known = knownChanges.get(document);
    if (!known) {
      known = new KnownChanges();
      known.add(readBefore());
      known.addWritten(Y.encodeStateAsUpdate(document));
      knownChanges.set(document, known);
    }
    if (role) {
      const refusal = findRoleRefusal(role, {
        before: readBefore,
        after,
        touchesDocument,
        versionKeys: touched,
        commentKeys: touchedComments,
        commentsBefore: document.getMap(COMMENTS_MAP),
        commentsAfter: comments,
        procedureKeys: touchedProcedure,
        procedureBefore: document.getMap(PROCEDURE_MAP),
        procedureAfter: procedure,
        knownChanges: known,
        isNew: ({ client, clock }) => clock >= Y.getState(document.store, client),
      });
      if (refusal) throw new InvalidUpdateError(`${refusal.detail}.`, refusal.reason);
    }
    checkStateSize(shadow, update, limits.maxStateBytes);
    known.add(after);
    known.addWritten(update);
    // Kept for the next check, when the server's document holds this state (the shadow then
    // holds the next one): who wrote what is read from the document.
    after.source = document;
    shadow.read = after;
    accepted = true;
    return 'accepted';
  } finally {
    versions.unobserve(collect);
    comments.unobserve(collectComments);
    procedure.unobserve(collectProcedure);
    shadow.doc.off('afterTransaction', collectTypes);
    // The shadow now holds what the document does not: copy it anew next time.
    if (!accepted) shadow.detach();
  }
}

function checkStateSize(shadow: Shadow, update: Uint8Array, maxBytes: number): void {
  // The shadow's own `follow` will count this update again when the document applies it; the
  // bound is only ever too high, which at worst means measuring sooner.
  if (shadow.measuredBytes + shadow.growthBound + GROWTH_PER_BYTE * update.length <= maxBytes) {
    return;
  }
  const exact = Y.encodeStateAsUpdate(shadow.doc).length;
  if (exact > maxBytes) {
    throw new DocumentTooLargeUpdateError(`${exact} bytes geschiedenis, hoogstens ${maxBytes}`);
  }
  shadow.measuredBytes = exact;
  shadow.growthBound = 0;
}
