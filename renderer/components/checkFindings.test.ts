/**
 * The Controle panel's reading of the checks: the context it gives the engine (pending
 * proposals, open amendments whose text changed), keys that survive typing above a finding,
 * finding a stale finding again after the text moved, and which exports warn.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Finding } from '../../shared/checks/checkTypes.ts';
import { setMetadata } from '../../shared/editor/commands/metadata.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import { buildDoc, findText, run } from '../../shared/editor/testing/buildDoc.ts';
import type { DocumentStatus } from '../../shared/model/resolution.ts';
import {
  countExportWarnings,
  findAgain,
  getAmendmentsKey,
  getChangedAmendments,
  getCheckContext,
  getFindingKeys,
} from './checkFindings.ts';
import type { AmendmentRow } from './checkFindings.ts';

function row(
  number: string,
  status: AmendmentRow['status'],
  places: { place: string; gone: boolean }[],
  kind: AmendmentRow['entry']['kind'] = 'amendement',
): AmendmentRow {
  return { entry: { number, kind }, status, changedPlaces: places };
}

function finding(rule: string, place: string, pos: number, message = 'Waarom.'): Finding {
  return { rule, place, pos, message };
}

describe('getChangedAmendments', () => {
  it('lists each changed place of an amendment the ALV has still to decide', () => {
    const rows = [
      row('A1', 'ingediend', [
        { place: 'punt 2 onder ‘Spreekt uit’', gone: false },
        { place: 'punt 1 onder ‘Overwegende dat’', gone: true },
      ]),
      row('A2', 'aangehouden', [{ place: 'punt 3 onder ‘Spreekt uit’', gone: false }]),
      row('A3', 'ingediend', []),
    ];
    expect(getChangedAmendments(rows)).toEqual([
      { number: 'A1', place: 'punt 2 onder ‘Spreekt uit’', gone: false },
      { number: 'A1', place: 'punt 1 onder ‘Overwegende dat’', gone: true },
      { number: 'A2', place: 'punt 3 onder ‘Spreekt uit’', gone: false },
    ]);
  });

  it('leaves out decided and withdrawn amendments, concepts and moties', () => {
    const changed = [{ place: 'punt 2 onder ‘Spreekt uit’', gone: false }];
    const rows = [
      row('A1', 'aangenomen', changed),
      row('A2', 'verworpen', changed),
      row('A3', 'ingetrokken', changed),
      row('A4', 'concept', changed),
      row('M1', 'ingediend', changed, 'motie'),
    ];
    expect(getChangedAmendments(rows)).toEqual([]);
    expect(getAmendmentsKey(rows)).toBe('');
  });

  it('gives a key that changes when a place changes or goes', () => {
    const before = getAmendmentsKey([row('A1', 'ingediend', [{ place: 'punt 2', gone: false }])]);
    const gone = getAmendmentsKey([row('A1', 'ingediend', [{ place: 'punt 2', gone: true }])]);
    const decided = getAmendmentsKey([row('A1', 'aangenomen', [{ place: 'punt 2', gone: true }])]);
    expect(new Set([before, gone, decided]).size).toBe(3);
  });
});

describe('getCheckContext', () => {
  it('counts the pending proposals of the editor state', () => {
    const state = EditorState.create({
      doc: buildDoc({ recitals: [['Gemeenten willen;']], operatives: [['Het bestuur.']] }),
    });
    expect(getCheckContext(state, []).pendingProposals).toBe(0);

    const at = findText(state.doc, 'Gemeenten');
    const tr = state.tr.insertText(' samen', at);
    const proposal = suggestTransaction(state, tr, {
      author: { name: 'Redacteur', colour: '#b3261e' },
      now: 1_000,
      newId: () => 'voorstel-1',
    });
    const proposed = state.apply(proposal!);
    expect(getCheckContext(proposed, []).pendingProposals).toBe(1);
    expect(
      getCheckContext(proposed, [row('A1', 'ingediend', [{ place: 'punt 1', gone: false }])])
        .changedAmendments,
    ).toEqual([{ number: 'A1', place: 'punt 1', gone: false }]);
  });
});

describe('getFindingKeys', () => {
  it('keeps each finding’s key when text is typed above it', () => {
    const before = [
      finding('overweging-einde', 'Overwegende dat, 1', 10),
      finding('overweging-einde', 'Overwegende dat, 2', 40),
      finding('punt-leeg', 'Spreekt uit, punt 1', 80),
    ];
    const after = before.map((f) => ({ ...f, pos: f.pos + 7 }));
    expect(getFindingKeys(after)).toEqual(getFindingKeys(before));
    expect(new Set(getFindingKeys(before)).size).toBe(3);
  });

  it('tells apart two findings of one rule at one place', () => {
    const keys = getFindingKeys([
      finding('datum-bestaat', 'Spreekt uit, punt 1', 10),
      finding('datum-bestaat', 'Spreekt uit, punt 1', 10),
    ]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('findAgain', () => {
  const stale = finding('overweging-einde', 'Overwegende dat, 2', 40, 'Eindigt niet met ;');

  it('finds the same rule at the same place in a later run, at its new position', () => {
    const moved = { ...stale, pos: 52 };
    const fresh = [finding('overweging-einde', 'Overwegende dat, 1', 10), moved];
    expect(findAgain(stale, fresh)).toBe(moved);
  });

  it('prefers the finding that says the same', () => {
    const other = finding('overweging-einde', 'Overwegende dat, 2', 40, 'Iets anders.');
    const same = { ...stale, pos: 41 };
    expect(findAgain(stale, [other, same])).toBe(same);
    expect(findAgain(stale, [other])).toBe(other);
  });

  it('is null when the finding no longer holds', () => {
    expect(findAgain(stale, [finding('punt-leeg', 'Overwegende dat, 2', 40)])).toBeNull();
    expect(findAgain(stale, [])).toBeNull();
  });
});

describe('countExportWarnings', () => {
  const findings = [finding('punt-leeg', 'Spreekt uit, punt 1', 10)];
  const withStatus = (status: DocumentStatus) => {
    const state = EditorState.create({ doc: buildDoc({}) });
    // A status the document has already is no change: the command then does not apply.
    return (run(state, setMetadata({ status })) ?? state).doc;
  };

  it('warns about the findings of a definitief stuk', () => {
    expect(countExportWarnings(withStatus('definitief'), findings)).toBe(1);
    expect(countExportWarnings(withStatus('definitief'), [])).toBe(0);
  });

  it('lets a stuk that is not definitief export without a question', () => {
    for (const status of ['concept', 'geactualiseerd', 'aangenomen', 'verworpen'] as const) {
      expect(countExportWarnings(withStatus(status), findings)).toBe(0);
    }
  });
});
