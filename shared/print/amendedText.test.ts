/**
 * A resolution "zoals geamendeerd": adopted proposals accepted (whether still pending or
 * accepted already), every other one left out, and each adopted amendment's number in the
 * margin of the items it changed, on documents with proposals made in suggestion mode.
 */
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { buildDoc, describeItems } from '../editor/testing/buildDoc.ts';
import { acceptChanges, getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { ProposalDraft, findIn } from '../procedure/testing/proposalDraft.ts';
import { getAmendedText } from './amendedText.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';

const UTRECHT = { name: 'Voorsteller Utrecht', colour: '#1b6e3a' };
const ZWOLLE = { name: 'Voorsteller Zwolle', colour: '#b3261e' };
const TILBURG = { name: 'Voorsteller Tilburg', colour: '#1f4e9c' };

function sample(): Node {
  return buildDoc({
    title: 'Gemeentefinanciën',
    recitals: [['De kosten stijgen;', 'De middelen dalen;']],
    operatives: [
      [
        'Dat het uitgangspunt onverkort van kracht blijft;',
        'Dat de VNG overlegt;',
        'Dat het Rijk betaalt.',
      ],
    ],
  });
}

/** Three amendments: Utrecht replaces a word, Zwolle deletes punt 3, Tilburg adds a punt. */
function threeAmendments(): { doc: Node; ids: Record<string, string[]> } {
  let doc = new ProposalDraft(sample(), UTRECHT).replace('onverkort', 'zo veel mogelijk').doc;
  doc = new ProposalDraft(doc, ZWOLLE).deleteItems('Dat het Rijk').doc;
  doc = new ProposalDraft(doc, TILBURG).newItemAfter('Dat de VNG', 'Dat de leden meepraten;').doc;
  const ids: Record<string, string[]> = {};
  for (const change of getTrackedChanges(doc)) (ids[change.name] ??= []).push(change.id);
  return { doc, ids };
}

/** The items with their margin numbers: "A1 | Dat …". */
function marked(doc: Node, notes: Map<number, string[]>): string[] {
  const lines: string[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return true;
    lines.push(`${(notes.get(pos) ?? []).join(',')} | ${node.textContent}`);
    return false;
  });
  return lines;
}

describe('getAmendedText', () => {
  it('accepts the adopted proposals, leaves the others out and numbers the items they changed', () => {
    const { doc, ids } = threeAmendments();
    // Utrecht (A1) and Tilburg (A3) adopted; Zwolle (A2) not.
    const numbers = new Map([
      ...ids[UTRECHT.name]!.map((id) => [id, 'A1'] as const),
      ...ids[TILBURG.name]!.map((id) => [id, 'A3'] as const),
    ]);
    const amended = getAmendedText(doc, { numbers });
    expect(getTrackedChanges(amended.doc)).toEqual([]);
    expect(marked(amended.doc, amended.notes)).toEqual([
      ' | De kosten stijgen;',
      ' | De middelen dalen;',
      'A1 | Dat het uitgangspunt zo veel mogelijk van kracht blijft;',
      ' | Dat de VNG overlegt;',
      'A3 | Dat de leden meepraten;',
      ' | Dat het Rijk betaalt.',
    ]);
    expect(amended.numbers).toEqual(['A1', 'A3']);
  });

  it('marks the item before a deleted punt, and a deletion within an item', () => {
    const { doc, ids } = threeAmendments();
    const onlyDelete = new ProposalDraft(sample(), ZWOLLE).remove(' onverkort').doc;
    const numbers = new Map(ids[ZWOLLE.name]!.map((id) => [id, 'A2'] as const));
    const amended = getAmendedText(doc, { numbers });
    expect(describeItems(amended.doc)[1]).toEqual([
      'Dat het uitgangspunt onverkort van kracht blijft;',
      'Dat de VNG overlegt;',
    ]);
    expect(marked(amended.doc, amended.notes).slice(2)).toEqual([
      ' | Dat het uitgangspunt onverkort van kracht blijft;',
      'A2 | Dat de VNG overlegt;',
    ]);
    const [word] = getTrackedChanges(onlyDelete);
    const inItem = getAmendedText(onlyDelete, { numbers: new Map([[word!.id, 'A4']]) });
    expect(marked(inItem.doc, inItem.notes)[2]).toBe(
      'A4 | Dat het uitgangspunt van kracht blijft;',
    );
  });

  it('numbers proposals the editor accepted already, and a deletion the caller places', () => {
    const { doc, ids } = threeAmendments();
    const adopted = new Set([...ids[UTRECHT.name]!, ...ids[ZWOLLE.name]!]);
    // The editor accepted A1 and A2 when the ALV adopted them: Zwolle's punt is gone.
    let state = EditorState.create({ doc });
    acceptChanges((change) => adopted.has(change.id), { removeEmptied: true })(
      state,
      (tr) => (state = state.apply(tr)),
    );
    const numbers = new Map([
      ...ids[UTRECHT.name]!.map((id) => [id, 'A1'] as const),
      ...ids[ZWOLLE.name]!.map((id) => [id, 'A2'] as const),
    ]);
    const deletions = [{ pos: findIn(state.doc, 'Dat de VNG'), number: 'A2' }];
    const amended = getAmendedText(state.doc, { numbers, deletions });
    expect(marked(amended.doc, amended.notes).slice(2)).toEqual([
      'A1 | Dat het uitgangspunt zo veel mogelijk van kracht blijft;',
      'A2 | Dat de VNG overlegt;',
    ]);
  });

  it('keeps the text as it is when no amendment is adopted: every proposal left out', () => {
    const { doc } = threeAmendments();
    const amended = getAmendedText(doc, { numbers: new Map() });
    expect(describeItems(amended.doc)).toEqual(describeItems(sample()));
    expect(amended.notes.size).toBe(0);
    expect(amended.numbers).toEqual([]);
  });
});

describe('renderPrintDocument zoals geamendeerd', () => {
  it('says so in the title line, names the amendments and prints their numbers before the labels', () => {
    const { doc, ids } = threeAmendments();
    const numbers = new Map([
      ...ids[UTRECHT.name]!.map((id) => [id, 'A1'] as const),
      ...ids[TILBURG.name]!.map((id) => [id, 'A3'] as const),
    ]);
    const printed = renderPrintDocument(doc, { fontCss: '', amended: { numbers } });
    expect(printed.metadata.title).toBe('Resolutie “Gemeentefinanciën” zoals geamendeerd');
    expect(printed.footerTemplate).toContain('zoals geamendeerd');
    expect(printed.html).toContain(
      '<span class="title-text">“Gemeentefinanciën” <span class="title-amended">zoals geamendeerd</span></span>',
    );
    expect(printed.html).toContain(
      '<p class="amended-note">Met de aangenomen amendementen A1 en A3, elk met het nummer in de kantlijn bij de tekst die het wijzigde.</p>',
    );
    expect(printed.html).toMatch(
      /<span class="amended-in">A1<\/span> <span class="label">1\.<\/span> <span class="text">Dat het uitgangspunt zo veel mogelijk van kracht blijft;/,
    );
    expect(printed.html).toMatch(
      /<span class="amended-in">A3<\/span> <span class="label">3\.<\/span> <span class="text">Dat de leden meepraten;/,
    );
    // Zwolle's deletion was not adopted: punt 4 is there, without a number.
    expect(printed.html).toContain(
      '<span class="label">4.</span> <span class="text">Dat het Rijk betaalt.</span>',
    );
    expect(printed.html.match(/class="amended-in"/g)).toHaveLength(2);
    // The outline reads the title line without the margin numbers.
    expect(printed.outlineTitles[0]).toBe('Resolutie “Gemeentefinanciën” zoals geamendeerd');
  });

  it('prints the plain stuk as before without the option', () => {
    const { doc } = threeAmendments();
    const printed = renderPrintDocument(doc, { fontCss: '' });
    expect(printed.html).not.toContain('amended');
    expect(printed.metadata.title).toBe('Resolutie “Gemeentefinanciën”');
  });
});
