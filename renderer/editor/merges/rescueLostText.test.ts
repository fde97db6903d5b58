import { describe, expect, it } from 'vitest';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { buildDoc, findText, itemStart } from '../../../shared/editor/testing/buildDoc.ts';
import { USER_COLOURS } from '../../../shared/model/userColours.ts';
import {
  KEEP_AS_IS,
  suggestTransaction,
} from '../../../shared/editor/suggestions/suggestChanges.ts';
import { getTrackedChanges } from '../../../shared/editor/suggestions/trackedChanges.ts';
import { createInitialUpdate, Replica, sync } from '../testing/fuzzReplicas.ts';

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

const typeText =
  (text: string): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.insertText(text));
    return true;
  };

/** Backspace at the cursor, as the browser does inside text and as the keymap does at a start. */
const backspace: Command = (state, dispatch) => {
  const { head } = state.selection;
  dispatch?.(state.tr.delete(head - 1, head));
  return true;
};

const items = (replica: Replica) => {
  const out: string[] = [];
  replica.state.doc
    .child(2)
    .child(0)
    .forEach((item) => out.push(item.textContent));
  return out;
};

describe('text a colleague deleted unseen (rescueLostText)', () => {
  // Taking back one's own new item deletes its element, and with it what a colleague typed in
  // it at the same time: Yjs deletes everything inside a deleted element.
  it("a colleague's text typed into an item its author takes back is put back, proposed", () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Eerste;']] }));
    const [auteur, bewerker] = [suggester(1, 'Auteur', initial), suggester(2, 'Bewerker', initial)];
    // Auteur proposes a new item, and Bewerker sees it.
    auteur.apply((state, dispatch) => {
      dispatch?.(state.tr.split(findText(state.doc, 'Eerste;')));
      return true;
    }, 1);
    sync(auteur, bewerker);
    // Auteur takes it back while Bewerker types in it.
    auteur.apply(backspace, itemStart(auteur.state.doc, 1));
    bewerker.apply(typeText('Toch wel'), itemStart(bewerker.state.doc, 1));
    sync(auteur, bewerker);
    sync(auteur, bewerker);
    expect(items(auteur)).toEqual(['Eerste;', 'Toch wel']);
    expect(items(bewerker)).toEqual(items(auteur));
    const changes = getTrackedChanges(auteur.state.doc).map(({ name, inserted, item }) => ({
      name,
      inserted,
      item,
    }));
    expect(changes).toEqual([{ name: 'Bewerker', inserted: 'Toch wel', item: 'insert' }]);
  });

  // A deletion that knew the text stays a deletion: nothing the deleting replica saw comes back.
  it('text the colleague saw when deleting its item stays deleted', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Eerste;', 'Tweede;']] }));
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    b.apply(typeText('Nog '), itemStart(b.state.doc, 1));
    sync(a, b);
    // A joins the second item into the first: its element goes, its text moves.
    a.apply((state, dispatch) => {
      const at = itemStart(state.doc, 1);
      dispatch?.(state.tr.join(at - 1));
      return true;
    }, 1);
    sync(a, b);
    sync(a, b);
    expect(items(a)).toEqual(['Eerste;Nog Tweede;']);
    expect(items(b)).toEqual(items(a));
  });

  it('a join while a colleague types in the joined item keeps both', () => {
    const initial = createInitialUpdate(buildDoc({ recitals: [['Eerste;', 'Tweede;']] }));
    const [a, b] = [new Replica(1, initial), new Replica(2, initial)];
    a.apply((state, dispatch) => {
      dispatch?.(state.tr.join(itemStart(state.doc, 1) - 1));
      return true;
    }, 1);
    b.apply(typeText('Nog '), itemStart(b.state.doc, 1));
    sync(a, b);
    sync(a, b);
    expect(items(a).join('|')).toContain('Nog ');
    expect(items(a).join('')).toContain('Tweede;');
    expect(items(b)).toEqual(items(a));
  });
});
