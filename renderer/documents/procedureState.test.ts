/**
 * The window's reading of a document's procedure: read strictly, the same snapshot until the
 * map changes (by this user or arriving from a colleague), and a map it cannot read said in
 * Dutch instead of shown empty.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getProcedureMap } from '../../shared/procedure/procedureRecords.ts';
import { recordAdvice } from '../../shared/procedure/procedureStore.ts';
import { createProcedureStore, readProcedure } from './procedureState.ts';
import { BESTUUR, newResolution, threeAmendments } from './testing/amendmentFixtures.ts';

describe('the procedure store', () => {
  it('keeps its snapshot until the map changes, and tells its listeners', () => {
    const ydoc = newResolution();
    const store = createProcedureStore(ydoc);
    const empty = store.getSnapshot();
    expect(empty.entries.submissions).toEqual([]);
    expect(store.getSnapshot()).toBe(empty);
    let heard = 0;
    const stop = store.subscribe(() => (heard += 1));
    const { a1 } = threeAmendments(ydoc);
    expect(heard).toBeGreaterThan(0);
    const three = store.getSnapshot();
    expect(three.entries.submissions.map((entry) => entry.number).sort()).toEqual([
      'A1',
      'A2',
      'A3',
    ]);
    expect(store.getSnapshot()).toBe(three);
    // A colleague's preadvies arrives as an update.
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(ydoc));
    recordAdvice(colleague, a1, 'ontraden', '', BESTUUR);
    const counted = heard;
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(ydoc)));
    expect(heard).toBe(counted + 1);
    expect(store.getSnapshot().entries.advices.get(a1)?.advice).toBe('ontraden');
    stop();
    recordAdvice(ydoc, a1, 'overnemen', '', BESTUUR);
    expect(heard).toBe(counted + 1);
  });

  it('says why a map it cannot read is not shown', () => {
    const ydoc = newResolution();
    getProcedureMap(ydoc).set('stuk:kapot', { kind: 'amendement' });
    const read = readProcedure(ydoc);
    expect(read.entries.submissions).toEqual([]);
    expect(read.problem).toBe(
      'De amendementen in dit stuk kunnen niet worden gelezen. Procedure-gegevens "stuk:kapot" zijn beschadigd (velden).',
    );
  });
});
