/**
 * A motie document's own procedure, on a real Yjs document: "Motie indienen" makes its entry
 * (M1, named by the stuk's title, by the gemeente filled in) and submits it at once; preadvies
 * and besluit follow as for an amendment, without touching the text; a withdrawn motie can be
 * submitted again; the indiener in the gegevens is offered, the bestuur is not.
 */
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import { createYDoc, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { adviseAmendment, decideAmendment, withdrawAmendment } from './amendmentActions.ts';
import { buildRows } from './amendmentOverview.ts';
import {
  canSubmitMotion,
  findMotionRow,
  isMotionDocument,
  submitMotion,
  suggestedIndiener,
} from './motionActions.ts';
import { BESTUUR, TestEditor, ZWOLLE } from './testing/amendmentFixtures.ts';

/** A motie stuk titled `title`, with `submitter` as its indiener in the gegevens. */
function motionDoc(title: string, submitter: string | null): Node {
  const doc = buildDoc({ title, operatives: [['het bestuur te vragen te onderhandelen.']] });
  const titleNode = doc.child(0);
  const motion = titleNode.type.create(
    { ...titleNode.attrs, kind: 'motie', submitter },
    titleNode.content,
  );
  return doc.copy(doc.content.replaceChild(0, motion));
}

const rowsOf = (ydoc: ReturnType<typeof createYDoc>) =>
  buildRows(readYDoc(ydoc), readProcedureEntries(ydoc), []);

describe('a motie document', () => {
  it('is known by its kind, and offers the gemeente in its gegevens as indiener', () => {
    expect(isMotionDocument(motionDoc('Betaalbare huisvesting', 'Zwolle'))).toBe(true);
    expect(isMotionDocument(buildDoc({ title: 'Resolutie' }))).toBe(false);
    expect(suggestedIndiener(motionDoc('M', 'Zwolle'))).toBe('Zwolle');
    expect(suggestedIndiener(motionDoc('M', 'bestuur'))).toBe('');
    expect(
      suggestedIndiener(
        motionDoc('M', 'gemeente Oudewater (mede namens de gemeenten Woerden en Montfoort)'),
      ),
    ).toBe('Oudewater');
    expect(suggestedIndiener(motionDoc('M', null))).toBe('');
  });

  it('is submitted in one go, named by its title, and decided without a text decision', () => {
    const doc = motionDoc('Betaalbare huisvesting', 'Zwolle');
    const ydoc = createYDoc(doc);
    expect(canSubmitMotion(rowsOf(ydoc))).toBe(true);
    expect(findMotionRow(rowsOf(ydoc))).toBeNull();

    const id = submitMotion(ydoc, doc, { indiener: 'Zwolle', coIndieners: ['Tilburg'] }, ZWOLLE);
    const row = findMotionRow(rowsOf(ydoc))!;
    expect(row.entry).toMatchObject({
      id,
      kind: 'motie',
      number: 'M1',
      indiener: 'Zwolle',
      coIndieners: ['Tilburg'],
      title: 'Betaalbare huisvesting',
      author: ZWOLLE.name,
      changes: [],
    });
    expect(row.status).toBe('ingediend');
    expect(canSubmitMotion(rowsOf(ydoc))).toBe(false);

    adviseAmendment(ydoc, id, 'oordeel_alv', '', BESTUUR);
    const editor = new TestEditor(ydoc);
    const decided = decideAmendment(ydoc, editor, id, 'aangenomen', 'algemeen', BESTUUR, false);
    expect(decided).toEqual({ accepted: 0, rejected: 0 });
    expect(editor.dispatched).toEqual([]);
    const settled = findMotionRow(rowsOf(ydoc))!;
    expect(settled.status).toBe('aangenomen');
    expect(settled.advice?.advice).toBe('oordeel_alv');
    expect(settled.decision?.vote).toBe('algemeen');
  });

  it('refuses a motie without a gemeente, writing nothing', () => {
    const doc = motionDoc('Betaalbare huisvesting', null);
    const ydoc = createYDoc(doc);
    expect(() => submitMotion(ydoc, doc, { indiener: ' ', coIndieners: [] }, ZWOLLE)).toThrow(
      'Vul de gemeente in die het indient',
    );
    expect(readProcedureEntries(ydoc).submissions).toEqual([]);
  });

  it('can be submitted again once withdrawn, as M2', () => {
    const doc = motionDoc('Betaalbare huisvesting', 'Zwolle');
    const ydoc = createYDoc(doc);
    const first = submitMotion(ydoc, doc, { indiener: 'Zwolle', coIndieners: [] }, ZWOLLE);
    withdrawAmendment(ydoc, new TestEditor(ydoc), first, ZWOLLE, {
      onBehalf: false,
      inSession: false,
    });
    expect(findMotionRow(rowsOf(ydoc))?.status).toBe('ingetrokken');
    expect(canSubmitMotion(rowsOf(ydoc))).toBe(true);
    submitMotion(ydoc, doc, { indiener: 'Zwolle', coIndieners: [] }, ZWOLLE);
    expect(findMotionRow(rowsOf(ydoc))?.entry.number).toBe('M2');
    expect(canSubmitMotion(rowsOf(ydoc))).toBe(false);
  });
});
