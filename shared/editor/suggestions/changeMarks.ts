/**
 * Tracked changes as marks: text proposed by someone (`insertion`) and text someone proposes
 * to delete (`deletion`), each with the change's id, its author, the author's colour and the
 * time. Being marks, changes are part of the document: they travel through Yjs to every
 * co-editor, and survive save, reopen and offline merge like the text itself.
 *
 * A text can carry one insertion and one deletion (a colleague proposing to delete what another
 * proposed), never two of the same kind: a mark type excludes itself.
 *
 * Accepting an insertion keeps its mark, flagged `accepted`: the text reads as plain text, but
 * still says which proposal it came from. A deletion that Yjs spread over that proposal while it
 * was pending (see `findDeletion`) must stay a stray one after the proposal is accepted, also on
 * a replica that hears of the deletion only then; without its origin the text would look like
 * any plain text, and accepting the deletion would remove it.
 */
import type { Mark, MarkSpec } from 'prosemirror-model';
import { USER_COLOUR_PATTERN } from '../../model/userColours.ts';
import { satisfies } from '../nodes/attrValidators.ts';

/** Who proposed a change, as the changes panel and the colours show it. */
export interface ChangeAuthor {
  name: string;
  colour: string;
}

/** The attributes of a change mark. */
export interface ChangeAttrs extends ChangeAuthor {
  /** The change this text belongs to: a deletion and an insertion made as one share it. */
  id: string;
  /** When the change was made (ms since the epoch). */
  time: number;
}

/** Change ids: letters, digits, `-` and `_`. */
export const CHANGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The longest author name kept on a change. */
export const MAX_CHANGE_AUTHOR_LENGTH = 60;

const changeAttrSpecs = {
  id: {
    validate: satisfies((v) => typeof v === 'string' && CHANGE_ID_PATTERN.test(v), 'een id'),
  },
  name: {
    validate: satisfies(
      (v) => typeof v === 'string' && v.length >= 1 && v.length <= MAX_CHANGE_AUTHOR_LENGTH,
      'een naam',
    ),
  },
  colour: {
    validate: satisfies((v) => typeof v === 'string' && USER_COLOUR_PATTERN.test(v), 'een kleur'),
  },
  time: {
    validate: satisfies((v) => Number.isSafeInteger(v) && (v as number) >= 0, 'een tijdstip'),
  },
};

function readAttrs(dom: { getAttribute(name: string): string | null }): ChangeAttrs | false {
  const id = dom.getAttribute('data-change') ?? '';
  const name = dom.getAttribute('data-author') ?? '';
  const colour = dom.getAttribute('data-colour') ?? '';
  const time = Number(dom.getAttribute('data-time'));
  const valid =
    CHANGE_ID_PATTERN.test(id) &&
    name.length >= 1 &&
    name.length <= MAX_CHANGE_AUTHOR_LENGTH &&
    USER_COLOUR_PATTERN.test(colour) &&
    Number.isSafeInteger(time) &&
    time >= 0;
  return valid ? { id, name, colour, time } : false;
}

function domAttrs(mark: Mark, kind: 'insert' | 'delete'): Record<string, string> {
  const attrs = mark.attrs as ChangeAttrs;
  return {
    class: `change change-${kind}`,
    'data-change': attrs.id,
    'data-author': attrs.name,
    'data-colour': attrs.colour,
    'data-time': String(attrs.time),
    // The author's colour, for the style sheet (underline, strike-through, highlight).
    style: `--change-colour: ${attrs.colour}`,
  };
}

/** The attributes of an insertion mark: a change, and whether it was accepted. */
export interface InsertionAttrs extends ChangeAttrs {
  /** Accepted: the text is plain text now, the mark only says where it came from. */
  accepted: boolean;
  /**
   * The editing session (Yjs client id) that wrote the proposed text, or null when not known
   * (a comparison of versions): the mark applies only to text that session wrote (see
   * changeOrigins.ts).
   */
  session: number | null;
  /**
   * Where in that session's writing the proposal started (the Yjs clock), or null when not
   * known: of the text its session wrote, the proposal holds what was written from there until
   * the session's next proposal started (see changeOrigins.ts).
   */
  since: number | null;
}

/** Text someone proposes to add (or added: see `accepted`). */
export const insertion: MarkSpec = {
  attrs: {
    ...changeAttrSpecs,
    accepted: {
      default: false,
      validate: satisfies((v) => typeof v === 'boolean', 'ja of nee'),
    },
    session: {
      default: null,
      validate: satisfies(
        (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0),
        'een sessienummer of leeg',
      ),
    },
    since: {
      default: null,
      validate: satisfies(
        (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0),
        'een teller of leeg',
      ),
    },
  },
  // Typing next to a proposal outside suggestion mode is plain text, not part of it.
  inclusive: false,
  parseDOM: [{ tag: 'ins[data-change]', getAttrs: (dom) => readAttrs(dom) }],
  // Accepted text shows (and copies) as plain text.
  toDOM: (mark) =>
    (mark.attrs as InsertionAttrs).accepted ? ['span', 0] : ['ins', domAttrs(mark, 'insert'), 0],
};

/** Whether `mark` is a pending insertion: proposed, not accepted yet. */
export function isPendingInsertion(mark: Mark): boolean {
  return mark.type.name === 'insertion' && !(mark.attrs as InsertionAttrs).accepted;
}

/** The pending insertion among `marks` (see `isPendingInsertion`), if any. */
export function findPendingInsertion(marks: readonly Mark[]): Mark | undefined {
  return marks.find(isPendingInsertion);
}

/** The attributes of a deletion mark: a change, and which text it was made on. */
export interface DeletionAttrs extends ChangeAttrs {
  /**
   * The id of the proposed insertion the deletion was made on (a colleague's proposal the
   * author proposes to delete), or null for plain text. Yjs formatting also covers text typed
   * inside the range at the same time, elsewhere; such text carries an insertion the deletion
   * was not made on, and the deletion does not apply to it (`deletionApplies`).
   */
  covers: string | null;
  /**
   * The text the author marked, in this piece of the deletion (one text node of theirs), or
   * null when not known (a comparison of versions). When concurrent edits remove the end of
   * Yjs's formatting, the mark runs on over the text after it; the deletion applies only to
   * the text it was made on (deletionTexts.ts).
   */
  text: string | null;
  /**
   * Where the piece was made (its position in its author's document then), or null: two pieces
   * of one change with the same text are two pieces.
   */
  at: number | null;
}

/** Text someone proposes to delete: it stays, struck through, until the change is decided. */
export const deletion: MarkSpec = {
  attrs: {
    ...changeAttrSpecs,
    covers: {
      default: null,
      validate: satisfies(
        (v) => v === null || (typeof v === 'string' && CHANGE_ID_PATTERN.test(v)),
        'een id of leeg',
      ),
    },
    text: {
      default: null,
      validate: satisfies((v) => v === null || typeof v === 'string', 'een tekst of leeg'),
    },
    at: {
      default: null,
      validate: satisfies(
        (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0),
        'een positie of leeg',
      ),
    },
  },
  inclusive: false,
  parseDOM: [
    {
      tag: 'del[data-change]',
      getAttrs: (dom) => {
        const attrs = readAttrs(dom);
        const covers = dom.getAttribute('data-covers');
        if (!attrs || (covers !== null && !CHANGE_ID_PATTERN.test(covers))) return false;
        return { ...attrs, covers };
      },
    },
  ],
  toDOM: (mark) => {
    const covers = (mark.attrs as DeletionAttrs).covers;
    return [
      'del',
      { ...domAttrs(mark, 'delete'), ...(covers ? { 'data-covers': covers } : {}) },
      0,
    ];
  },
};

/**
 * The deletion mark among `marks` that applies to their text: one made on this text, not one
 * that Yjs spread over text typed inside its range meanwhile. On text that was proposed (still
 * pending or since accepted: an accepted insertion keeps its mark), that is a deletion made on
 * that very proposal; on plain text, one made on plain text. Undefined when there is none.
 */
export function findDeletion(marks: readonly Mark[]): Mark | undefined {
  const deletion = marks.find((mark) => mark.type.name === 'deletion');
  return deletion && !isStray(deletion, marks) ? deletion : undefined;
}

/** A deletion mark among `marks` that does not apply to their text (see `findDeletion`). */
export function findStrayDeletion(marks: readonly Mark[]): Mark | undefined {
  const deletion = marks.find((mark) => mark.type.name === 'deletion');
  return deletion && isStray(deletion, marks) ? deletion : undefined;
}

function isStray(deletion: Mark, marks: readonly Mark[]): boolean {
  const inserted = marks.find((mark) => mark.type.name === 'insertion');
  return (deletion.attrs as DeletionAttrs).covers !== ((inserted?.attrs.id as string) ?? null);
}

/** A proposal on a whole item: that it be added, or deleted. */
export interface ItemChange extends ChangeAttrs {
  type: 'insert' | 'delete';
}

/** Whether `value` is an item-level proposal (or null: none), as the item's `change` holds it. */
export function isItemChangeOrNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const change = value as Partial<ItemChange>;
  return (
    (change.type === 'insert' || change.type === 'delete') &&
    typeof change.id === 'string' &&
    CHANGE_ID_PATTERN.test(change.id) &&
    typeof change.name === 'string' &&
    change.name.length >= 1 &&
    change.name.length <= MAX_CHANGE_AUTHOR_LENGTH &&
    typeof change.colour === 'string' &&
    USER_COLOUR_PATTERN.test(change.colour) &&
    Number.isSafeInteger(change.time) &&
    (change.time as number) >= 0 &&
    Object.keys(change).length === 5
  );
}
