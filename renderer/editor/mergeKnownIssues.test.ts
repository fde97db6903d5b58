/**
 * Merge faults of Yjs and y-prosemirror that the fuzz tests found, each reduced to its smallest
 * case. A fixed one is a plain test naming the fault. One still open is marked `it.fails`: the
 * expectation is what should happen, and the test passes while it does not; when it is fixed
 * its test fails: turn it into a plain `it` then. None is open now; the suggestions fuzz fails
 * on any loss of these kinds (testing/textLedger.ts, strict by default).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { buildDoc, findText, itemStart } from '../../shared/editor/testing/buildDoc.ts';
import { USER_COLOURS } from '../../shared/model/userColours.ts';
import { KEEP_AS_IS, suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import {
  acceptChange,
  getStateChanges,
  getTrackedChanges,
  rejectChange,
} from '../../shared/editor/suggestions/trackedChanges.ts';
import { createInitialUpdate, Replica, sync } from './testing/fuzzReplicas.ts';
import { moveBlock } from '../../shared/editor/commands/blocks.ts';
import { schema } from '../../shared/editor/schema.ts';
import { findDoubledText } from './merges/findDoubledText.ts';
import { keepDoubledText, removeDoubledText } from './merges/decideDoubledText.ts';

const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };
const split: Command = (state, dispatch) => {
  dispatch?.(state.tr.split(state.selection.head));
  return true;
};

/** The texts of the items of the first recital block. */
function items(replica: Replica): string[] {
  const out: string[] = [];
  replica.state.doc
    .child(2)
    .child(0)
    .forEach((item) => out.push(item.textContent));
  return out;
}

/** The texts of the recital blocks. */
function blocks(replica: Replica): string[] {
  const out: string[] = [];
  replica.state.doc.child(2).forEach((block) => out.push(block.textContent));
  return out;
}

/** The position of the second recital block. */
function secondBlock(replica: Replica): number {
  const doc = replica.state.doc;
  return doc.child(0).nodeSize + doc.child(1).nodeSize + 1 + doc.child(2).child(0).nodeSize;
}

/** A replica in suggestion mode as `name` (ids `<name>-1`, `<name>-2` …). */
function suggester(id: number, name: string, initial: Uint8Array): Replica {
  let next = 0;
  const context = {
    author: { name, colour: USER_COLOURS[id - 1]! },
    now: 1_000,
    newId: () => `${name}-${(next += 1)}`,
  };
  return new Replica(id, initial, {
    propose: (state: EditorState, tr: Transaction) =>
      !tr.docChanged || tr.getMeta(KEEP_AS_IS) ? tr : suggestTransaction(state, tr, context),
  });
}

/** What `replica` writes while running `edit`, as one update to send. */
function updatesOf(replica: Replica, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  replica.ydoc.on('update', listener);
  edit();
  replica.ydoc.off('update', listener);
  return Y.mergeUpdates(updates);
}

function receive(replica: Replica, update: Uint8Array): void {
  Y.applyUpdate(replica.ydoc, update);
  replica.read();
}

const stateChanges = (replica: Replica) =>
  getStateChanges(replica.state).map(({ id, inserted, deleted }) => ({ id, inserted, deleted }));
const changes = (replica: Replica) =>
  getTrackedChanges(replica.state.doc).map(({ id, inserted, deleted }) => ({
    id,
    inserted,
    deleted,
  }));

describe('tracked changes merged through Yjs', () => {
  // Change marks are Yjs formatting attributes, and Yjs formatting covers text that is typed
  // concurrently inside the formatted range. A deletion says which proposal it was made on
  // (`covers`), so it does not apply to one typed inside it meanwhile.
  it("accepting a deletion keeps a colleague's proposal typed inside it meanwhile", () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['De kosten stijgen;']] }));
    const auteur = suggester(1, 'Auteur', initial);
    const bewerker = suggester(2, 'Bewerker', initial);
    auteur.apply(typeText('hoge '), findText(auteur.state.doc, 'kosten '));
    const from = findText(bewerker.state.doc, 'kosten', true);
    bewerker.apply((state, dispatch) => {
      dispatch?.(state.tr.delete(from, findText(state.doc, 'stijgen')));
      return true;
    }, from);
    sync(auteur, bewerker);
    bewerker.apply(acceptChange('Bewerker-1'), 1);
    sync(auteur, bewerker);
    expect(changes(auteur)).toEqual([{ id: 'Auteur-1', inserted: 'hoge ', deleted: '' }]);
    expect(auteur.state.doc.textContent).toContain('De hoge ;');
    // Accepted, Auteur's proposal is plain text, not deleted by Bewerker after all.
    auteur.apply(acceptChange('Auteur-1'), 1);
    expect(changes(auteur)).toEqual([]);
  });
});

describe('tracked changes merged through Yjs (known issues)', () => {
  // When a decision takes a change's mark off, Yjs removes the formatting boundary between it
  // and its neighbour; a replica that has this update but not an earlier one sees the
  // neighbour's mark run on over it.
  it("a change's mark does not run on over its neighbour's text", () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['De kosten stijgen;']] }));
    const auteur = suggester(1, 'Auteur', initial);
    const bewerker = suggester(2, 'Bewerker', initial);
    const controleur = suggester(3, 'Controleur', initial);
    bewerker.apply(typeText('hoge '), findText(bewerker.state.doc, 'kosten '));
    sync(auteur, bewerker);
    auteur.apply(typeText('zeer '), findText(auteur.state.doc, 'hoge '));
    sync(auteur, bewerker);
    sync(bewerker, controleur);
    // Bewerker accepts its proposal; Auteur, having seen that, accepts its own. Controleur hears of
    // Auteur's decision first, and rejects what she then sees as Bewerker's proposal. Yjs's
    // formatting makes Bewerker's mark run on over Auteur's accepted "zeer " there; the editor
    // knows who wrote it (merges/changeOrigins.ts) and counts it as plain text.
    const bramAccepts = updatesOf(bewerker, () => bewerker.apply(acceptChange('Bewerker-1'), 1));
    receive(auteur, bramAccepts);
    receive(
      controleur,
      updatesOf(auteur, () => auteur.apply(acceptChange('Auteur-1'), 1)),
    );
    expect(stateChanges(controleur)).toEqual([
      { id: 'Bewerker-1', inserted: 'hoge ', deleted: '' },
    ]);
    controleur.apply(rejectChange('Bewerker-1'), 1);
    receive(controleur, bramAccepts);
    sync(auteur, controleur);
    sync(bewerker, controleur);
    // Auteur's accepted "zeer " stays everywhere; Bewerker's "hoge " goes, as Controleur decided
    // without knowing he had accepted it.
    for (const replica of [auteur, bewerker, controleur]) {
      expect(replica.state.doc.textContent).toContain('De kosten zeer stijgen;');
    }
    expect(stateChanges(auteur)).toEqual([]);
  });
});

describe('plain editing merged through y-prosemirror', () => {
  // y-prosemirror 1.3.7 joined two Y.XmlTexts of one element while reading, when the second
  // was the reader's own (sync-plugin.js, "fix for #160"): it copied the second into the first
  // and deleted the second. Three readers doing that at once on three texts lost the third
  // text. Our patch (patches/y-prosemirror+1.3.7.patch) reads adjacent texts as one run and
  // never joins them; see also yjsTextRuns.test.ts.
  it('three co-editors typing into the same empty item keep all their text', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Eerste;', '']] }));
    const replicas = [1, 2, 3].map((id) => new Replica(id, initial));
    ['aaa', 'bbb', 'ccc'].forEach((text, i) => {
      const replica = replicas[i]!;
      replica.apply(typeText(text), itemStart(replica.state.doc, 1));
    });
    // Everyone receives everyone's typing and reads it (as the sync plugin does), then
    // anything those reads wrote goes round too.
    const typed = replicas.map((r) => Y.encodeStateAsUpdate(r.ydoc));
    const joined = replicas.map((replica) =>
      updatesOf(replica, () => {
        for (const update of typed) Y.applyUpdate(replica.ydoc, update);
        replica.read();
      }),
    );
    for (const replica of replicas) for (const update of joined) receive(replica, update);
    for (const replica of replicas) {
      const item = replica.state.doc.child(2).child(0).child(1).textContent;
      expect([...item].sort().join('')).toBe('aaabbbccc');
    }
  });

  // Splitting an item makes y-prosemirror delete the tail's text from the item and write it
  // anew into the new item; two co-editors splitting the same item each write a copy. Yjs has
  // no move, so the merge cannot avoid it: the copy is found (doubledText/) and proposed for
  // removal, the same on every replica.
  it('two co-editors splitting the same item: the doubled tail is proposed, and removed once', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Eerste tweede derde;']] }));
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    a.apply(split, findText(a.state.doc, 'Eerste '));
    b.apply(split, findText(b.state.doc, 'tweede '));
    sync(a, b);
    expect(items(a)).toEqual(['Eerste ', 'tweede derde;', 'derde;']);
    const found = findDoubledText(a.fragment, schema);
    expect(found).toEqual(findDoubledText(b.fragment, schema));
    expect(found.map((d) => d.text)).toEqual(['derde;']);
    expect(removeDoubledText(b.ydoc, found, { removeItems: true })).toBe(true);
    sync(a, b);
    expect(items(a)).toEqual(['Eerste ', 'tweede ', 'derde;']);
    expect(items(b)).toEqual(items(a));
    expect(findDoubledText(a.fragment, schema)).toEqual([]);
  });

  // The editor writes a transaction into Yjs as y-prosemirror's difference of the documents,
  // not as the steps: swapping two blocks of the same kind becomes re-writing the content of
  // both. Two co-editors making the same move each re-write it.
  it('two co-editors moving the same block: the doubled text is proposed, and removed once', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Een;'], ['Twee;']] }));
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    for (const replica of [a, b]) replica.apply(moveBlock(secondBlock(replica), -1), 1);
    sync(a, b);
    // Each block holds the other's text twice, interleaved with the letters a re-write kept.
    expect(blocks(a)).toEqual(['TwTweee;', 'EEenn;']);
    const found = findDoubledText(b.fragment, schema);
    expect(found).toEqual(findDoubledText(a.fragment, schema));
    expect(found.map((d) => d.text)).toEqual(['Tw', 'e', 'E', 'n']);
    expect(removeDoubledText(a.ydoc, found)).toBe(true);
    sync(a, b);
    expect(blocks(a)).toEqual(['Twee;', 'Een;']);
    expect(blocks(b)).toEqual(blocks(a));
  });

  it('doubled text kept by one co-editor is proposed to nobody any more', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Een;'], ['Twee;']] }));
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    for (const replica of [a, b]) replica.apply(moveBlock(secondBlock(replica), -1), 1);
    sync(a, b);
    for (const doubled of findDoubledText(a.fragment, schema)) keepDoubledText(a.ydoc, doubled);
    sync(a, b);
    expect(findDoubledText(b.fragment, schema)).toEqual([]);
    expect(blocks(b)).toEqual(['TwTweee;', 'EEenn;']);
  });

  // What one co-editor copies after seeing the other's copy is no doubling: nothing proposed.
  it('splitting an item that a colleague split before proposes nothing', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Eerste tweede derde;']] }));
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    a.apply(split, findText(a.state.doc, 'Eerste '));
    sync(a, b);
    b.apply(split, findText(b.state.doc, 'tweede '));
    a.apply(split, findText(a.state.doc, 'Eer'));
    sync(a, b);
    expect(items(a)).toEqual(['Eer', 'ste ', 'tweede ', 'derde;']);
    expect(findDoubledText(a.fragment, schema)).toEqual([]);
  });
});
