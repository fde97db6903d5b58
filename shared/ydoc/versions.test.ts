import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { createYDoc, encodeYDoc, openDocumentState, readYDoc } from './yDocument.ts';
import { InvalidDocumentError } from './invalidDocument.ts';
import {
  VERSIONS_MAP,
  findVersionByName,
  listVersions,
  readVersions,
  recordVersion,
} from './versions.ts';

const concept = buildDoc({ title: 'Jeugdzorg', recitals: [['De kosten stijgen;']] });
const updated = buildDoc({ title: 'Jeugdzorg', recitals: [['De uitgaven stijgen;']] });

function record(
  ydoc: Y.Doc,
  id: string,
  name: string,
  doc = concept,
  createdAt = '2024-11-12T10:00:00.000Z',
) {
  return recordVersion(ydoc, { id, name, author: 'Auteur', createdAt, doc });
}

describe('named versions', () => {
  it('are kept in the shared document, listed oldest first, and read back whole', () => {
    const ydoc = createYDoc(updated);
    record(ydoc, 'v2', 'Geactualiseerd', updated, '2024-11-20T09:00:00.000Z');
    record(ydoc, 'v1', ' Concept 12 november ');
    expect(listVersions(ydoc)).toEqual([
      {
        id: 'v1',
        name: 'Concept 12 november',
        createdAt: '2024-11-12T10:00:00.000Z',
        author: 'Auteur',
      },
      { id: 'v2', name: 'Geactualiseerd', createdAt: '2024-11-20T09:00:00.000Z', author: 'Auteur' },
    ]);
    expect(findVersionByName(ydoc, 'concept 12 NOVEMBER')?.doc.eq(concept)).toBe(true);
    expect(findVersionByName(ydoc, 'bestaat niet')).toBeNull();
    // The current text is untouched by recording.
    expect(readYDoc(ydoc).eq(updated)).toBe(true);
  });

  it('travel with the document state to another copy, and merge with its versions', () => {
    const a = createYDoc(concept);
    const b = new Y.Doc();
    Y.applyUpdate(b, encodeYDoc(a));
    record(a, 'va', 'Van A');
    record(b, 'vb', 'Van B', concept, '2024-11-13T10:00:00.000Z');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listVersions(a).map((v) => v.name)).toEqual(['Van A', 'Van B']);
    expect(listVersions(b)).toEqual(listVersions(a));
  });

  it('refuse an empty or overlong name', () => {
    const ydoc = createYDoc(concept);
    expect(() => record(ydoc, 'v1', '  ')).toThrow(RangeError);
    expect(() => record(ydoc, 'v1', 'x'.repeat(121))).toThrow(RangeError);
  });

  it('refuse a damaged or foreign entry, also when a stored state is opened', () => {
    const ydoc = createYDoc(concept);
    ydoc
      .getMap(VERSIONS_MAP)
      .set('v1', { name: 'Vreemd', createdAt: 'gisteren', author: 'x', doc: {} });
    expect(() => readVersions(ydoc)).toThrow(InvalidDocumentError);
    expect(() => openDocumentState(encodeYDoc(ydoc))).toThrow(InvalidDocumentError);
    const script = createYDoc(concept);
    script.getMap(VERSIONS_MAP).set('v1', {
      name: 'Script',
      createdAt: '2024-11-12T10:00:00.000Z',
      author: 'x',
      doc: { type: 'doc', content: [{ type: 'script' }] },
    });
    expect(() => openDocumentState(encodeYDoc(script))).toThrow(
      'Versie "v1" is beschadigd (inhoud)',
    );
  });
});
