/**
 * Adding a member's amendment file to the open resolution, with real Yjs documents: the member
 * drafts in a copy of the resolution as sent and saves it as a .resolutie file; the
 * secretariat's resolution takes it (the proposals land under the member's name, the amendment
 * with its number) or refuses it with a Dutch message and stays exactly as it was: a file on
 * another resolution, a file that is no document, an amendment already added. A number that is
 * taken is offered another, and the amendment comes in under the one chosen.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { readProcedureEntries } from '../../shared/procedure/procedureRecords.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { EditorState } from 'prosemirror-state';
import { encodeBase64 } from '../../shared/format/base64.ts';
import { findIn, writeDocToYDoc } from '../../shared/procedure/testing/proposalDraft.ts';
import {
  AmendmentFileError,
  AmendmentNumberError,
  addAmendments,
  readAmendmentState,
  sourceName,
} from './amendmentImport.ts';
import { UTRECHT, ZWOLLE, amend, newResolution } from './testing/amendmentFixtures.ts';

const NO_HOST = {
  readDocument: () => Promise.reject(new Error('Deze test leest geen bestand via de host.')),
};

/** The member's copy of `resolution` as sent, with their submitted amendment; its state. */
function memberFile(resolution: Y.Doc): { state: Uint8Array; copy: Y.Doc } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(resolution));
  amend(copy, UTRECHT, 'Utrecht', (d) => d.insertAt('structurele middelen', ' en ruimte'), {
    coIndieners: ['Amersfoort'],
    title: 'Ook ruimte',
  });
  return { state: Y.encodeStateAsUpdate(copy), copy };
}

describe('adding an amendment file', () => {
  it('lands the amendment and its proposal under the member’s name', () => {
    const resolution = newResolution();
    const { state } = memberFile(resolution);
    const added = addAmendments(resolution, state);
    expect(added.submissions.map((entry) => [entry.number, entry.indiener, entry.author])).toEqual([
      ['A1', 'Utrecht', UTRECHT.name],
    ]);
    expect(added.changedPlaces.get(added.submissions[0]!.id)).toEqual([]);
    const doc = readYDoc(resolution);
    expect(getTrackedChanges(doc).map((change) => [change.name, change.inserted])).toEqual([
      [UTRECHT.name, ' en ruimte'],
    ]);
    expect(readProcedureEntries(resolution).submissions).toHaveLength(1);
  });

  it('says where the text changed since the amendment was made', () => {
    const resolution = newResolution();
    const { state } = memberFile(resolution);
    // Meanwhile the bestuur changes the item the amendment is on, directly.
    const doc = readYDoc(resolution);
    const at = findIn(doc, 'structurele');
    const edited = EditorState.create({ doc }).tr.insertText(
      'extra',
      at,
      at + 'structurele'.length,
    );
    writeDocToYDoc(resolution, edited.doc);
    const added = addAmendments(resolution, state);
    expect(added.changedPlaces.get(added.submissions[0]!.id)).toEqual([
      { place: 'punt 1 onder ‘Spreekt uit’', gone: false },
    ]);
    expect(readYDoc(resolution).textContent).toContain(
      'om extra middelen en ruimte voor woningbouw;',
    );
  });

  it('refuses a file on another resolution, and changes nothing', () => {
    const resolution = newResolution();
    const other = newResolution();
    const { state } = memberFile(other);
    const before = Y.encodeStateAsUpdate(resolution);
    expect(() => addAmendments(resolution, state)).toThrow(
      new AmendmentFileError(
        'Dit amendement hoort bij een andere resolutie (Resolutie “Ruimte voor woningbouw”). Open de resolutie waarop het is gemaakt en voeg het daar toe.',
      ),
    );
    expect(Y.encodeStateAsUpdate(resolution)).toEqual(before);
  });

  it('refuses what is no document, and an amendment added before', () => {
    const resolution = newResolution();
    expect(() => addAmendments(resolution, new Uint8Array([1, 2, 3]))).toThrow(
      /^Het bestand kan niet worden gelezen\. /,
    );
    const { state } = memberFile(resolution);
    addAmendments(resolution, state);
    const before = Y.encodeStateAsUpdate(resolution);
    expect(() => addAmendments(resolution, state)).toThrow(
      'Dit amendement is al toegevoegd: A1 van Utrecht.',
    );
    expect(Y.encodeStateAsUpdate(resolution)).toEqual(before);
  });

  it('offers another number when its own is taken, and adds it under the one chosen', () => {
    const resolution = newResolution();
    const { state } = memberFile(resolution);
    amend(resolution, ZWOLLE, 'Zwolle', (d) => d.insertAt('jaarlijkse monitor', ' met gemeenten'));
    // The member's A1 and Zwolle's A1 (made in the resolution meanwhile).
    const before = Y.encodeStateAsUpdate(resolution);
    let refusal: unknown;
    try {
      addAmendments(resolution, state);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AmendmentNumberError);
    const taken = refusal as AmendmentNumberError;
    expect([taken.number, taken.suggested]).toEqual(['A1', 'A2']);
    expect(taken.message).toBe(
      'Er is al een amendement A1 (van Zwolle). Geef het amendement van Utrecht een ander nummer, bijvoorbeeld A2.',
    );
    expect(Y.encodeStateAsUpdate(resolution)).toEqual(before);
    const added = addAmendments(resolution, state, { [taken.id]: 'a2' });
    expect(added.submissions[0]!.number).toBe('A2');
    expect(
      readProcedureEntries(resolution)
        .submissions.map((entry) => `${entry.number} ${entry.indiener}`)
        .sort(),
    ).toEqual(['A1 Zwolle', 'A2 Utrecht']);
  });
});

describe('reading the file', () => {
  it('reads a .resolutie file from the computer strictly, by its own format', async () => {
    const resolution = newResolution();
    const { copy } = memberFile(resolution);
    const bytes = writeDocumentFile(copy, { app: 'Resolutie-editor', version: 'test' });
    const file = new File(
      [bytes as BlobPart],
      'Amendement Utrecht op Ruimte voor woningbouw.resolutie',
    );
    const source = { kind: 'file' as const, file };
    expect(sourceName(source)).toBe('Amendement Utrecht op Ruimte voor woningbouw.resolutie');
    const state = await readAmendmentState(source, NO_HOST);
    expect(addAmendments(resolution, state).submissions[0]!.number).toBe('A1');
  });

  it('reads a file in the documents folder with the host readDocument, not openDocument', async () => {
    const resolution = newResolution();
    const { state } = memberFile(resolution);
    const asked: string[] = [];
    const host = {
      readDocument: ({ path }: { path: string }) => {
        asked.push(path);
        return Promise.resolve({ path, name: 'Amendement Utrecht', state: encodeBase64(state) });
      },
    };
    const source = {
      kind: 'path' as const,
      path: 'documenten/Amendement Utrecht.resolutie',
      name: 'Amendement Utrecht',
    };
    const read = await readAmendmentState(source, host);
    expect(asked).toEqual(['documenten/Amendement Utrecht.resolutie']);
    expect(addAmendments(resolution, read).submissions[0]!.number).toBe('A1');
  });

  it('refuses a file that is no .resolutie file, saying so', async () => {
    const word = new File([new Uint8Array([80, 75, 3, 4])], 'amendement.docx');
    await expect(readAmendmentState({ kind: 'file', file: word }, NO_HOST)).rejects.toThrow(
      '‘amendement.docx’ is geen .resolutie-bestand. Een amendement komt als het .resolutie-bestand dat de indiener heeft opgeslagen.',
    );
    const damaged = new File(
      [new TextEncoder().encode('{"format": "resolutie", "formatV')],
      'a.resolutie',
    );
    await expect(readAmendmentState({ kind: 'file', file: damaged }, NO_HOST)).rejects.toThrow(
      'Het bestand is beschadigd of onvolledig, bijvoorbeeld afgebroken bij het versturen.',
    );
  });
});
