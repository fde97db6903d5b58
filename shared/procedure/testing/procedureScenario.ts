/**
 * The procedure on seed 001 for tests of the stukken (print, command line, host): the
 * resolution with two amendments submitted in it (Utrecht with Zwolle: a word replaced and a
 * punt added; Ede: a punt deleted), the bestuur's preadvies on both, and a member's copy from
 * before them with Tilburg's amendment (made offline, for adding by file). `decide` records
 * the ALV's besluit: Utrecht's adopted, Ede's rejected, as the editor records them (without
 * deciding the proposals in the text; that is the editor's, beside it).
 */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { docFromModel } from '../../editor/fromModel.ts';
import { parseResolutionText } from '../../import/parseResolutionText.ts';
import { createYDoc } from '../../ydoc/yDocument.ts';
import { recordAdvice, recordDecision } from '../procedureStore.ts';
import { submitAmendment } from './proposalDraft.ts';

export const UTRECHT = { name: 'Voorsteller Utrecht', colour: '#1b6e3a' };
export const EDE = { name: 'Voorsteller Ede', colour: '#b3261e' };
export const TILBURG = { name: 'Voorsteller Tilburg', colour: '#1f4e9c' };
export const BESTUUR = { name: 'Secretariaat', colour: '#555555' };

/** The resolution, the member's copy, and the ids of the amendments. */
export interface ProcedureScenario {
  resolution: Y.Doc;
  /** Tilburg's copy of the resolution as sent, with its amendment (A1 there). */
  tilburg: Y.Doc;
  utrecht: string;
  ede: string;
}

/** A copy of `ydoc` that shares its history, as a member's copy of the file does. */
export function copyYDoc(ydoc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  return copy;
}

/** The scenario on `seed` (the text of seed 001). */
export function buildProcedureScenario(seed: string): ProcedureScenario {
  const doc: Node = docFromModel(parseResolutionText(seed));
  const resolution = createYDoc(doc);
  const tilburg = copyYDoc(resolution);
  submitAmendment(
    tilburg,
    TILBURG,
    { indiener: 'Tilburg', title: 'Extra ALV', motivation: 'Liever in maart.' },
    (draft) => draft.replace('in het voorjaar van 2025', 'in maart 2025'),
    2_000,
  );
  const utrecht = submitAmendment(
    resolution,
    UTRECHT,
    {
      indiener: 'Utrecht',
      coIndieners: ['Zwolle'],
      title: 'Uitgangspunt',
      motivation: 'Onverkort is te stellig.\n\nHet Rijk moet ook kunnen.',
    },
    (draft) => {
      draft.replace('onverkort', 'zo veel mogelijk');
      draft.newItemAfter('Extra ALV zal', 'Dat de VNG de leden tijdig informeert.');
    },
    3_000,
  );
  const ede = submitAmendment(
    resolution,
    EDE,
    { indiener: 'Ede', title: 'Geen procedure', motivation: 'Een procedure helpt niemand.' },
    (draft) => draft.deleteItems('Dat, als het kabinet'),
    4_000,
  );
  recordAdvice(
    resolution,
    utrecht,
    'overnemen',
    'Het bestuur kan zich hierin vinden.',
    BESTUUR,
    5_000,
  );
  recordAdvice(resolution, ede, 'ontraden', 'Een procedure moet mogelijk blijven.', BESTUUR, 5_000);
  return { resolution, tilburg, utrecht, ede };
}

/** The ALV's besluit: Utrecht's amendment adopted (28–3–1), Ede's rejected unanimously. */
export function decideScenario(scenario: ProcedureScenario): void {
  const { resolution, utrecht, ede } = scenario;
  recordDecision(
    resolution,
    utrecht,
    'aangenomen',
    { voor: 28, tegen: 3, onthouding: 1 },
    BESTUUR,
    6_000,
  );
  recordDecision(resolution, ede, 'verworpen', 'algemeen', BESTUUR, 6_000);
}
