/**
 * The standard-form instructions of an amendment, on proposals made as a member makes them (in
 * suggestion mode, through the editor's own commands): each form once (replace, delete, insert
 * after words, at the start and the end, new items and onderdelen, items and blocks deleted, a
 * new block, the title, the Toelichting), places named as the members read the resolution, and
 * seed 001 with a realistic amendment.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { createYDoc, readYDoc } from '../ydoc/yDocument.ts';
import {
  describeAmendmentChanges,
  describeAmendmentInstructions,
  partsText,
  resolutionWithoutProposals,
} from './amendmentInstructions.ts';
import type { ElementPath } from '../model/amendmentForm.ts';
import { joinAnd } from '../sentences.ts';
import { findSubmissionChanges } from './procedureStore.ts';
import { readProcedureEntries } from './procedureRecords.ts';
import { ProposalDraft, findIn, submitAmendment } from './testing/proposalDraft.ts';
import { splitItem } from '../editor/commands/itemKeys.ts';
import { indentItem } from '../editor/commands/indentItems.ts';

const UTRECHT = { name: 'Voorsteller Utrecht', colour: '#1b6e3a' };
const ZWOLLE = { name: 'Voorsteller Zwolle', colour: '#b3261e' };

const SEED_001 = readFileSync(
  new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);

function sample(): Node {
  return buildDoc({
    title: 'Gemeentefinanciën',
    recitals: [['De kosten stijgen;', 'De middelen dalen;']],
    operatives: [
      [
        'Dat het uitgangspunt onverkort van kracht blijft;',
        'Dat de VNG overlegt met de VNG-leden;',
        'Dat het Rijk betaalt.',
      ],
    ],
    explanation: ['Het bestuur stelt dit voor.', 'Een tweede alinea.'],
  });
}

/** The instructions of every proposal in the draft (one author: one amendment). */
function instructionsOf(draft: ProposalDraft, doc: Node = draft.doc): string[] {
  return describeAmendmentChanges(doc, getTrackedChanges(doc));
}

function draftOn(doc: Node = sample(), author = UTRECHT): ProposalDraft {
  return new ProposalDraft(doc, author);
}

describe('describeAmendmentChanges: text in an item', () => {
  it('replaces words', () => {
    const draft = draftOn().replace('onverkort', 'zo veel mogelijk');
    expect(instructionsOf(draft)).toEqual([
      'in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”',
    ]);
  });

  it('deletes words, in a recital too', () => {
    const draft = draftOn().remove('De middelen ');
    expect(instructionsOf(draft)).toEqual([
      'in overweging 2 onder ‘Overwegende dat’ “De middelen” te schrappen',
    ]);
  });

  it('inserts after the words before it, as many as make the place certain', () => {
    const draft = draftOn().insertAt('Dat de VNG', ' samen');
    expect(instructionsOf(draft)).toEqual([
      'in punt 2 onder ‘Spreekt uit’ na “Dat de VNG” in te voegen: “samen”',
    ]);
    // "de VNG spreekt" stands twice: after the second, four words say where.
    const twice = buildDoc({ operatives: [['Dat de VNG spreekt; dat de VNG spreekt nu.']] });
    const later = draftOn(twice).insertAt('dat de VNG spreekt', ' luid');
    expect(instructionsOf(later)).toEqual([
      'in punt 1 onder ‘Spreekt uit’ na “dat de VNG spreekt” in te voegen: “luid”',
    ]);
  });

  it('inserts at the start and at the end', () => {
    const start = draftOn().insertAt('De kosten', 'Nog steeds: ', true);
    expect(instructionsOf(start)).toEqual([
      'in overweging 1 onder ‘Overwegende dat’ aan het begin in te voegen: “Nog steeds:”',
    ]);
    const end = draftOn().insertAt('Dat het Rijk betaalt.', ' Volledig.');
    expect(instructionsOf(end)).toEqual([
      'in punt 3 onder ‘Spreekt uit’ aan het einde in te voegen: “Volledig.”',
    ]);
  });

  it('tells text that stands twice apart by the words before it', () => {
    const draft = draftOn().replace('VNG', 'vereniging', 1);
    expect(instructionsOf(draft)).toEqual([
      'in punt 2 onder ‘Spreekt uit’ “VNG” (na “overlegt met de”) te vervangen door “vereniging”',
    ]);
  });

  it('joins the changes of one proposal in one item, and names each item of a deletion across items', () => {
    const draft = draftOn();
    // One selection from "stijgen;" into "De middelen": one proposal over two items.
    const start = findIn(draft.doc, 'stijgen;');
    const end = findIn(draft.doc, 'De middelen', true);
    draft.run(
      (state, dispatch) => {
        dispatch?.(state.tr.deleteSelection());
        return true;
      },
      start,
      end,
    );
    expect(instructionsOf(draft)).toEqual([
      'in overweging 1 onder ‘Overwegende dat’ “stijgen;” te schrappen en in overweging 2 onder ‘Overwegende dat’ “De middelen” te schrappen',
    ]);
  });
});

describe('describeAmendmentChanges: items and blocks', () => {
  it('adds a new punt after a punt', () => {
    const draft = draftOn().newItemAfter('Dat de VNG', 'Dat er geld komt;');
    expect(instructionsOf(draft)).toEqual([
      'na punt 2 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat er geld komt;”',
    ]);
  });

  it('adds two punten at once', () => {
    const draft = draftOn().newItemAfter('Dat het Rijk', 'Dat A;');
    draft.run(splitItem, draft.state.selection.head).type('Dat B.');
    expect(instructionsOf(draft)).toEqual([
      'na punt 3 onder ‘Spreekt uit’ twee nieuwe punten in te voegen, luidende: “Dat A;” en “Dat B.”',
    ]);
  });

  it('names new onderdelen by the punt they belong to', () => {
    const doc = buildDoc({
      operatives: [
        [
          'Het bestuur vraagt:',
          { text: 'geld;', indent: 1 },
          { text: 'tijd;', indent: 1 },
          'Dat het klaar is.',
        ],
      ],
    });
    const after = draftOn(doc).newItemAfter('tijd;', 'ruimte;');
    expect(instructionsOf(after)).toEqual([
      'na onderdeel b van punt 1 onder ‘Spreekt uit’ een nieuw onderdeel in te voegen, luidende: “ruimte;”',
    ]);
    // A new first onderdeel: Enter after the punt, then Tab (indent) as the editor does.
    const first = draftOn(doc).newItemAfter('Het bestuur vraagt:', 'ruimte;');
    first.run(indentItem, first.state.selection.head);
    expect(instructionsOf(first)).toEqual([
      'in punt 1 onder ‘Spreekt uit’, vóór onderdeel a, een nieuw onderdeel in te voegen, luidende: “ruimte;”',
    ]);
    const bare = buildDoc({ operatives: [['Het bestuur vraagt:', 'Dat het klaar is.']] });
    const only = draftOn(bare).newItemAfter('Het bestuur vraagt:', 'ruimte;');
    only.run(indentItem, only.state.selection.head);
    expect(instructionsOf(only)).toEqual([
      'aan punt 1 onder ‘Spreekt uit’ een nieuw onderdeel toe te voegen, luidende: “ruimte;”',
    ]);
    const replaced = draftOn(doc).replace('tijd', 'aandacht');
    expect(instructionsOf(replaced)).toEqual([
      'in onderdeel b van punt 1 onder ‘Spreekt uit’ “tijd” te vervangen door “aandacht”',
    ]);
    const deleted = draftOn(doc).deleteItems('geld;');
    expect(instructionsOf(deleted)).toEqual([
      'onderdeel a van punt 1 onder ‘Spreekt uit’ te schrappen',
    ]);
  });

  it('deletes a punt, and several punten as one proposal', () => {
    expect(instructionsOf(draftOn().deleteItems('Dat het Rijk'))).toEqual([
      'punt 3 onder ‘Spreekt uit’ te schrappen',
    ]);
    expect(instructionsOf(draftOn().deleteItems('Dat de VNG', 'Dat het Rijk'))).toEqual([
      'punt 2 en punt 3 onder ‘Spreekt uit’ te schrappen',
    ]);
  });

  it('adds a whole block after the block it follows, with its numbered items', () => {
    const draft = draftOn().addBlock('operative', 'verzoekt_bestuur', 'Dat het Rijk', [
      'Te onderhandelen;',
      'Te rapporteren.',
    ]);
    expect(instructionsOf(draft)).toEqual([
      'na het blok ‘Spreekt uit’ een nieuw blok ‘Verzoekt het bestuur’ in te voegen, luidende: 1. Te onderhandelen; 2. Te rapporteren.',
    ]);
  });

  it('deletes a whole block', () => {
    const doc = buildDoc({
      recitals: [['De kosten stijgen;'], ['Het Rijk zwijgt;']],
      operatives: [['Dat.']],
    });
    expect(instructionsOf(draftOn(doc).removeBlock('Het Rijk zwijgt'))).toEqual([
      'het blok ‘Overwegende dat’ te schrappen',
    ]);
  });

  it('names places as the members read them: items others propose are not counted', () => {
    // Zwolle proposes a new punt 2; Utrecht then changes what the members know as punt 2.
    const zwolle = draftOn(sample(), ZWOLLE).newItemAfter('onverkort', 'Dat Zwolle iets wil;');
    const utrecht = new ProposalDraft(zwolle.doc, UTRECHT).replace('overlegt', 'spreekt');
    const own = getTrackedChanges(utrecht.doc).filter((change) => change.name === UTRECHT.name);
    expect(describeAmendmentChanges(utrecht.doc, own)).toEqual([
      'in punt 2 onder ‘Spreekt uit’ “overlegt” te vervangen door “spreekt”',
    ]);
    // And Zwolle's own new punt goes after punt 1, as the resolution reads.
    const theirs = getTrackedChanges(utrecht.doc).filter((change) => change.name === ZWOLLE.name);
    expect(describeAmendmentChanges(utrecht.doc, theirs)).toEqual([
      'na punt 1 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat Zwolle iets wil;”',
    ]);
  });

  it('quotes a new item as adopted, with later typing in it folded into its instruction', () => {
    const draft = draftOn().newItemAfter('Dat de VNG', 'Dat er geld komt;');
    // Later, elsewhere first, then back in the new punt: a second proposal of the same author.
    draft.replace('onverkort', 'altijd').insertAt('geld', ' en tijd');
    const instructions = instructionsOf(draft);
    expect(instructions).toEqual([
      'in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “altijd”',
      'na punt 2 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat er geld en tijd komt;”',
    ]);
  });
});

describe('describeAmendmentChanges: the title and the Toelichting', () => {
  it('changes the title', () => {
    expect(instructionsOf(draftOn().replace('financiën', 'fonds'))).toEqual([
      'in de titel “financiën” te vervangen door “fonds”',
    ]);
  });

  it('changes a paragraph of the Toelichting, named by its number', () => {
    expect(instructionsOf(draftOn().replace('tweede', 'derde'))).toEqual([
      'in alinea 2 van de Toelichting “tweede” te vervangen door “derde”',
    ]);
  });

  it('adds a new paragraph to the Toelichting after the one it follows', () => {
    const draft = draftOn();
    draft.run(
      (state, dispatch) => {
        dispatch?.(state.tr.split(state.selection.head));
        return true;
      },
      findIn(draft.doc, 'Het bestuur stelt dit voor.', true),
    );
    draft.type('Een nieuwe alinea.');
    expect(instructionsOf(draft)).toEqual([
      'na alinea 1 van de Toelichting een nieuwe alinea in te voegen, luidende: “Een nieuwe alinea.”',
    ]);
  });

  it('gives no instruction for proposals that are not in the document, or none at all', () => {
    const draft = draftOn().replace('onverkort', 'altijd');
    const [change] = getTrackedChanges(draft.doc);
    expect(describeAmendmentChanges(sample(), [change!])).toEqual([]);
    expect(describeAmendmentChanges(draft.doc, [])).toEqual([]);
  });
});

/** The element `target` names in `doc`, or null when there is none. */
function elementAt(doc: Node, target: ElementPath): Node | null {
  let node = doc;
  for (const index of [target.section, target.block, target.item]) {
    if (index === null) break;
    if (index >= node.childCount) return null;
    node = node.child(index);
  }
  return node;
}

describe('describeAmendmentInstructions: the parts of each instruction', () => {
  // One draft of each form the instructions take.
  const drafts: [string, () => ProposalDraft][] = [
    ['replace', () => draftOn().replace('onverkort', 'zo veel mogelijk')],
    ['delete words', () => draftOn().remove('De middelen ')],
    ['insert after words', () => draftOn().insertAt('Dat de VNG', ' samen')],
    ['new punt', () => draftOn().newItemAfter('Dat de VNG', 'Dat er geld komt;')],
    ['delete punt', () => draftOn().deleteItems('Dat het Rijk')],
    ['delete punten', () => draftOn().deleteItems('Dat de VNG', 'Dat het Rijk')],
    [
      'new block',
      () => draftOn().addBlock('operative', 'verzoekt_bestuur', 'Dat het Rijk', ['Te doen.']),
    ],
    ['title', () => draftOn().replace('financiën', 'fonds')],
    ['Toelichting', () => draftOn().replace('tweede', 'derde')],
    [
      'two places',
      () =>
        draftOn().newItemAfter('Dat de VNG', 'Dat er geld komt;').replace('onverkort', 'altijd'),
    ],
  ];

  it.each(drafts)(
    '%s: the parts read as the instruction, each place in the resolution',
    (_name, make) => {
      const { doc } = make();
      const changes = getTrackedChanges(doc);
      const parts = describeAmendmentInstructions(doc, changes);
      expect(parts.map(partsText)).toEqual(describeAmendmentChanges(doc, changes));
      const base = resolutionWithoutProposals(doc);
      for (const list of parts) {
        const places = list.filter((part) => part.kind === 'place');
        expect(places.length).toBeGreaterThan(0);
        for (const place of places) {
          expect(elementAt(base, place.target!)).not.toBeNull();
        }
        // Words an instruction replaces or deletes stand in the element its place names.
        for (const old of list.filter((part) => part.kind === 'old')) {
          const element = elementAt(base, places[0]!.target!)!;
          expect(element.textContent).toContain(old.text.slice(1, -1));
        }
      }
    },
  );

  it('quotes the old and new words with their quotes, the place with its element', () => {
    const { doc } = draftOn().replace('onverkort', 'zo veel mogelijk');
    const [parts] = describeAmendmentInstructions(doc, getTrackedChanges(doc));
    const operatives = doc.content.content.findIndex((node) => node.type.name === 'operatives');
    expect(parts).toEqual([
      { kind: 'text', text: 'in ' },
      {
        kind: 'place',
        text: 'punt 1 onder ‘Spreekt uit’',
        target: { section: operatives, block: 0, item: 0 },
      },
      { kind: 'text', text: ' ' },
      { kind: 'old', text: '“onverkort”' },
      { kind: 'text', text: ' te vervangen door ' },
      { kind: 'new', text: '“zo veel mogelijk”' },
    ]);
  });

  it('counts places as the members read them: another’s new punt is not in the resolution', () => {
    const zwolle = draftOn(sample(), ZWOLLE).newItemAfter('onverkort', 'Dat Zwolle iets wil;');
    const utrecht = new ProposalDraft(zwolle.doc, UTRECHT).deleteItems('Dat de VNG');
    const own = getTrackedChanges(utrecht.doc).filter((change) => change.name === UTRECHT.name);
    const [parts] = describeAmendmentInstructions(utrecht.doc, own);
    expect(partsText(parts!)).toBe('punt 2 onder ‘Spreekt uit’ te schrappen');
    const place = parts!.find((part) => part.kind === 'place')!;
    expect(place.target!.item).toBe(1);
    const base = resolutionWithoutProposals(utrecht.doc);
    expect(elementAt(base, place.target!)!.textContent).toBe(
      'Dat de VNG overlegt met de VNG-leden;',
    );
    // Zwolle's new punt has no element in the resolution: its place is the punt before it.
    const theirs = getTrackedChanges(utrecht.doc).filter((change) => change.name === ZWOLLE.name);
    const [new1] = describeAmendmentInstructions(utrecht.doc, theirs);
    const after = new1!.find((part) => part.kind === 'place')!;
    expect(elementAt(base, after.target!)!.textContent).toContain('onverkort');
  });
});

describe('describeAmendmentChanges on seed 001, through the procedure', () => {
  it('describes a submitted amendment from its own proposals only, in document order', () => {
    const ydoc = createYDoc(docFromModel(parseResolutionText(SEED_001)));
    const zwolle = submitAmendment(ydoc, ZWOLLE, { indiener: 'Zwolle' }, (draft) => {
      draft.deleteItems('Dat indien de omstandigheden');
    });
    const utrecht = submitAmendment(ydoc, UTRECHT, { indiener: 'Utrecht' }, (draft) => {
      draft.replace('onverkort', 'zo veel mogelijk');
      draft.remove(' én dat voorstellen worden gedaan', 1);
      draft.newItemAfter('Extra ALV zal', 'Dat de VNG de leden tijdig informeert.');
    });
    const doc = readYDoc(ydoc);
    const changes = getTrackedChanges(doc);
    const { submissions } = readProcedureEntries(ydoc);
    const entry = (id: string) => submissions.find((candidate) => candidate.id === id)!;
    const of = (id: string) =>
      describeAmendmentChanges(doc, findSubmissionChanges(entry(id), submissions, changes));
    expect(of(utrecht)).toEqual([
      'in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”',
      'in punt 2 onder ‘Spreekt uit’ “én dat voorstellen worden gedaan” te schrappen',
      'na punt 6 onder ‘Spreekt uit’ een nieuw punt in te voegen, luidende: “Dat de VNG de leden tijdig informeert.”',
    ]);
    expect(of(zwolle)).toEqual(['punt 6 onder ‘Spreekt uit’ te schrappen']);
  });
});

describe('joinAnd', () => {
  it('joins one, two and three parts the Dutch way', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b'])).toBe('a en b');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b en c');
  });
});
