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
 * The check runs on a shadow: a second Y.Doc per server document, made once by copying it and
 * kept equal by applying every update the document gets. An incoming update is applied to the
 * shadow and the shadow read strictly against the schema; versions are checked only where the
 * update touched them, and may only be added. Accepted, the document then applies the same update, which the shadow
 * already has (Yjs ignores what it knows). Refused or pending, the shadow holds an update the
 * document does not, so it is dropped and copied anew at the next check. Cost per update:
 * applying it twice and reading the document (about a millisecond for 300 items).
 *
 * **Size.** The document (ProseMirror's size) is read on every check anyway; the Yjs state is
 * measured when the shadow is made and then bounded from above: an update of n bytes grows the
 * encoded state by at most GROWTH_PER_BYTE × n (its own structs, and the splits of existing
 * structs at its edges). Only when that bound reaches the cap is the state measured exactly.
 */
import * as Y from 'yjs';
import {
  DOCUMENT_FRAGMENT,
  InvalidDocumentError,
  isIncomplete,
  readYDoc,
} from '../../shared/ydoc/yDocument.ts';
import { VERSIONS_MAP, checkVersionEntries } from '../../shared/ydoc/versions.ts';
import { COMMENTS_MAP, checkCommentEntries } from '../../shared/comments/commentRecords.ts';
import {
  DOCUMENT_TOO_LARGE_MESSAGE,
  MAX_DOCUMENT_NODE_SIZE,
  MAX_DOCUMENT_STATE_BYTES,
} from '../../shared/ydoc/documentLimits.ts';
import { CLOSE_CODES, INVALID_UPDATE_REASON } from './refusals.ts';

/** The root types a document may hold; anything else is refused (add new ones here). */
export const DOCUMENT_ROOTS: ReadonlySet<string> = new Set([
  DOCUMENT_FRAGMENT,
  VERSIONS_MAP,
  COMMENTS_MAP,
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
  /** The state's size when last measured, and how much it may have grown since. */
  measuredBytes: number;
  growthBound: number;
  /** Stops following the server document. */
  detach: () => void;
}

const shadows = new WeakMap<Y.Doc, Shadow>();

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
  const shadow: Shadow = {
    doc,
    measuredBytes: state.length,
    growthBound: 0,
    detach: () => {
      document.off('update', follow);
      doc.destroy();
      shadows.delete(document);
    },
  };
  document.once('destroy', shadow.detach);
  shadows.set(document, shadow);
  return shadow;
}

/** What a check found: the update can be applied, or it waits for structs nobody sent yet. */
export type UpdateCheck = 'accepted' | 'pending';

/**
 * Checks that applying `update` to `document` integrates completely and leaves a valid
 * resolution within the size limits, without touching `document`. Returns 'pending' when the
 * update builds on (or deletes) what the document does not hold yet. Throws InvalidUpdateError
 * (DocumentTooLargeUpdateError for size) when it is no Yjs update, adds a root type other than
 * the document's, makes the document invalid or too large. An accepted update is expected to be
 * applied to `document` next, and later checks build on it.
 */
export function checkDocumentUpdate(
  document: Y.Doc,
  update: Uint8Array,
  limits: SizeLimits = DEFAULT_LIMITS,
): UpdateCheck {
  const shadow = getShadow(document);
  const versions = shadow.doc.getMap(VERSIONS_MAP);
  const comments = shadow.doc.getMap(COMMENTS_MAP);
  const touched = new Set<string>();
  const touchedComments = new Set<string>();
  const collect = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) touched.add(key);
  };
  const collectComments = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) touchedComments.add(key);
  };
  versions.observe(collect);
  comments.observe(collectComments);
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
    let nodeSize: number;
    try {
      nodeSize = readYDoc(shadow.doc).nodeSize;
      checkVersionEntries(shadow.doc, touched);
      if (touchedComments.size > 0) checkCommentEntries(shadow.doc, touchedComments);
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      throw new InvalidUpdateError(
        `De wijziging past niet in de opbouw van een resolutie. ${error.message}`,
      );
    }
    if (nodeSize > limits.maxNodeSize) {
      throw new DocumentTooLargeUpdateError(`omvang ${nodeSize}, hoogstens ${limits.maxNodeSize}`);
    }
    checkStateSize(shadow, update, limits.maxStateBytes);
    accepted = true;
    return 'accepted';
  } finally {
    versions.unobserve(collect);
    comments.unobserve(collectComments);
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
