/**
 * A resolution with amendments for the renderer's procedure tests: a real Yjs document holding
 * a concept resolution, and amendments drafted on it as a member drafts them (proposals made
 * in suggestion mode, shared/procedure/testing/proposalDraft.ts), submitted with the
 * procedure's own functions. Gemeenten by name, people by role words.
 */
import type * as Y from 'yjs';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { buildDoc } from '../../../shared/editor/testing/buildDoc.ts';
import { createYDoc, readYDoc } from '../../../shared/ydoc/yDocument.ts';
import { suggestionModePlugin } from '../../../shared/editor/suggestions/suggestionMode.ts';
import { submitAmendment } from '../../../shared/procedure/testing/proposalDraft.ts';
import type { ProposalDraft } from '../../../shared/procedure/testing/proposalDraft.ts';
import type { ProcedureWriter } from '../../../shared/procedure/procedureStore.ts';

export const RESOLUTION = buildDoc({
  title: 'Ruimte voor woningbouw',
  recitals: [['de woningnood in de regio groot is;', 'gemeenten sneller willen bouwen;']],
  operatives: [
    [
      'het Rijk te vragen om structurele middelen voor woningbouw;',
      'provincies te vragen bouwlocaties aan te wijzen;',
      'de VNG een jaarlijkse monitor te laten maken.',
    ],
  ],
  explanation: ['Een toelichting.'],
});

export const UTRECHT: ProcedureWriter = { name: 'Medewerker Utrecht', colour: '#7a3d8f' };
export const ZWOLLE: ProcedureWriter = { name: 'Voorsteller Zwolle', colour: '#1f6f5c' };
export const TILBURG: ProcedureWriter = { name: 'Voorsteller Tilburg', colour: '#8a4b12' };
export const BESTUUR: ProcedureWriter = { name: 'Secretariaat', colour: '#1f4e79' };

/** A new resolution document (concept, no amendments). */
export function newResolution(): Y.Doc {
  return createYDoc(RESOLUTION);
}

/** Submits an amendment of `writer` for `indiener`, drafted by `edit`; returns its id. */
export function amend(
  ydoc: Y.Doc,
  writer: ProcedureWriter,
  indiener: string,
  edit: (draft: ProposalDraft) => void,
  extra: { coIndieners?: string[]; title?: string } = {},
): string {
  return submitAmendment(ydoc, writer, { indiener, ...extra }, edit);
}

/**
 * The three amendments of the e2e spec: A1 Utrecht and A2 Zwolle on the first decision, A3
 * Tilburg on the third. Returns their ids.
 */
export function threeAmendments(ydoc: Y.Doc): { a1: string; a2: string; a3: string } {
  const a1 = amend(
    ydoc,
    UTRECHT,
    'Utrecht',
    (d) => d.insertAt('structurele middelen', ' en ruimte'),
    {
      coIndieners: ['Amersfoort', 'Nieuwegein'],
      title: 'Ook ruimte, niet alleen geld',
    },
  );
  const a2 = amend(ydoc, ZWOLLE, 'Zwolle', (d) => d.remove(' voor woningbouw', 1), {
    title: 'Breder dan woningbouw',
  });
  const a3 = amend(
    ydoc,
    TILBURG,
    'Tilburg',
    (d) => d.insertAt('jaarlijkse monitor', ' samen met gemeenten'),
    {
      title: 'Monitor met gemeenten',
    },
  );
  return { a1, a2, a3 };
}

/** An editor on the document `ydoc` holds (not bound to it): its state and what it dispatched. */
export class TestEditor {
  state: EditorState;
  readonly dispatched: Transaction[] = [];

  constructor(ydoc: Y.Doc) {
    this.state = EditorState.create({ doc: readYDoc(ydoc), plugins: [suggestionModePlugin()] });
  }

  dispatch = (tr: Transaction): void => {
    this.dispatched.push(tr);
    this.state = this.state.apply(tr);
  };
}
