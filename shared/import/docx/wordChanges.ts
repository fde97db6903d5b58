/**
 * Word's tracked changes as the editor's proposals. Word gives every run of a change its own
 * `w:id`; the editor knows a change as what one person proposed in one go (a replaced word is
 * one change with a deletion and an insertion). So neighbouring changes of the same author and
 * time, with no unchanged text between them, become one proposal, also across paragraphs whose
 * own marks were changed with them (several items added at once).
 */
import type { ProposedChange } from '../../model/resolution.ts';
import { pickUserColour } from '../../model/userColours.ts';
import { MAX_CHANGE_AUTHOR_LENGTH } from '../../editor/suggestions/changeMarks.ts';
import { hasHiddenNameCharacter } from '../../model/userNames.ts';
import type { WordChange } from './wordRuns.ts';

/** The name a change carries when Word wrote none. */
export const UNKNOWN_AUTHOR = 'Onbekend';

/** Gives Word's changes the editor's ids, names, colours and times, grouping as above. */
export class ChangeNumbering {
  private readonly made = new Map<WordChange, ProposedChange>();
  private current: { key: string; id: string } | null = null;
  private count = 0;

  private readonly now: number;

  constructor(now: number) {
    this.now = now;
  }

  /** The proposal of `change`; `nested` for a deletion made on an insertion in the same run. */
  proposal(change: WordChange, nested = false): ProposedChange {
    const known = this.made.get(change);
    if (known) {
      this.current = { key: keyOf(change), id: known.id };
      return known;
    }
    const name = cleanAuthor(change.author);
    const key = keyOf(change);
    const id = !nested && this.current?.key === key ? this.current.id : this.nextId();
    const proposal: ProposedChange = {
      type: change.type,
      id,
      name,
      colour: pickUserColour(name),
      time: parseWordDate(change.date, this.now),
    };
    this.made.set(change, proposal);
    this.current = { key, id };
    return proposal;
  }

  /** Unchanged text (or an unchanged paragraph break) ends the change being continued. */
  interrupt(): void {
    this.current = null;
  }

  /** How many proposals were made. */
  get size(): number {
    return this.count;
  }

  private nextId(): string {
    this.count += 1;
    return `word-${this.count}`;
  }
}

function keyOf(change: WordChange): string {
  return `${change.author}\u0000${change.date ?? ''}`;
}

/** A Word author as a change's name: one line, visible characters, at most the editor's length. */
export function cleanAuthor(author: string): string {
  const visible = [...author].filter((char) => !hasHiddenNameCharacter(char)).join('');
  const name = visible.replace(/\s+/g, ' ').trim().slice(0, MAX_CHANGE_AUTHOR_LENGTH).trim();
  return name === '' ? UNKNOWN_AUTHOR : name;
}

/** Word's `w:date` in ms; the import's time when missing, unreadable or before 1970. */
export function parseWordDate(date: string | null, now: number): number {
  if (!date) return now;
  const time = Date.parse(date);
  return Number.isSafeInteger(time) && time >= 0 ? time : now;
}
