/**
 * Participants for the tests of the role rules: an editor replica as the app runs it (the
 * simulated editor of renderer/editor/testing/fuzzReplicas.ts), in suggestion mode under a
 * name, a voorsteller's for good (what is no proposal is not made, as the app's editor does),
 * with every update it writes kept to hand to the server or a colleague.
 */
import * as Y from 'yjs';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { USER_COLOURS } from '../../../shared/model/userColours.ts';
import type { ChangeAuthor } from '../../../shared/editor/suggestions/changeMarks.ts';
import {
  KEEP_AS_IS,
  suggestTransaction,
} from '../../../shared/editor/suggestions/suggestChanges.ts';
import { Replica } from '../../../renderer/editor/testing/fuzzReplicas.ts';
import { isOnlyProposalsOf } from '../../../shared/session/roleRules.ts';

/** The origin of updates a participant receives, so they are not kept as its own. */
const RECEIVED = Symbol('received');

/** How a participant edits. */
export interface ParticipantOptions {
  /** The name of its invitation: the author of its proposals. */
  name: string;
  /** In suggestion mode: 'proposer' for good (a voorsteller), 'on' or 'off' (switchable). */
  suggesting: 'proposer' | 'on' | 'off';
  /** The clock of its proposals (ms); shared, so that tests are repeatable. */
  clock?: { now: number };
  /** Counts, per kind of action, what a voorsteller's editor did not make (no proposal). */
  notMade?: (action: string) => void;
}

/** One participant: a replica and what it wrote. */
export class Participant {
  readonly replica: Replica;
  readonly author: ChangeAuthor;
  readonly isProposer: boolean;
  /** Whether its (switchable) suggestion mode is on. */
  suggesting: boolean;
  /** Updates it wrote, in order, until taken. */
  readonly written: Uint8Array[] = [];
  /** What it is doing, for `notMade`. */
  action = '';
  private nextId = 0;

  constructor(id: number, initial: Uint8Array, options: ParticipantOptions) {
    this.author = { name: options.name, colour: USER_COLOURS[id % USER_COLOURS.length]! };
    this.isProposer = options.suggesting === 'proposer';
    this.suggesting = options.suggesting !== 'off';
    const clock = options.clock ?? { now: 1_700_000_000_000 };
    const context = {
      author: this.author,
      get now() {
        return clock.now;
      },
      newId: () => `${id}-${(this.nextId += 1)}`,
    };
    const propose = (state: EditorState, tr: Transaction): Transaction | null => {
      if (!this.suggesting || !tr.docChanged) return tr;
      if (!this.isProposer) {
        return tr.getMeta(KEEP_AS_IS) ? tr : suggestTransaction(state, tr, context);
      }
      // A voorsteller's editor makes nothing that is no proposal: not what passes suggestion
      // mode as it is (a decision, an attribute), and not what it makes without marks.
      if (tr.getMeta(KEEP_AS_IS)) return null;
      const proposal = suggestTransaction(state, tr, context);
      if (!proposal || proposal === tr) return null;
      if (!isOnlyProposalsOf(state.doc, proposal.doc, this.author.name)) {
        options.notMade?.(this.action);
        return null;
      }
      return proposal;
    };
    // A voorsteller's editor puts nothing back (rescueLostText.ts).
    this.replica = new Replica(id, initial, { propose, onlyProposals: this.isProposer });
    this.replica.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== RECEIVED) this.written.push(update);
    });
  }

  /** The document as it holds it now. */
  get doc(): Node {
    this.replica.stale = true;
    this.replica.refresh();
    return this.replica.state.doc;
  }

  /** Runs `command` with the selection `from`–`to`; returns what it wrote, as one update. */
  act(command: Command, from: number, to = from): Uint8Array {
    this.take();
    this.edit(command, from, to);
    return this.take();
  }

  /** Runs `command` with the selection `from`–`to`, leaving what it wrote in `written`. */
  edit(command: Command, from: number, to = from): boolean {
    // Read anew: a provider may have brought changes the replica was not told of.
    this.replica.stale = true;
    return this.replica.apply(command, from, to);
  }

  /** Changes its Y.Doc directly (comments, versions, hand-made attacks); returns the update. */
  write(change: (ydoc: Y.Doc) => void): Uint8Array {
    this.take();
    change(this.replica.ydoc);
    this.replica.stale = true;
    return this.take();
  }

  /** Everything it wrote since last taken, as one update (empty when nothing). */
  take(): Uint8Array {
    const updates = this.written.splice(0);
    return Y.mergeUpdates(updates.length > 0 ? updates : [new Uint8Array([0, 0])]);
  }

  /** Applies an update from elsewhere (the server, a colleague). */
  receive(update: Uint8Array): void {
    Y.applyUpdate(this.replica.ydoc, update, RECEIVED);
    this.replica.stale = true;
  }
}
