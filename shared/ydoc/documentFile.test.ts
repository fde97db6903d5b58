import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromModel } from '../editor/fromModel.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { createTemplateDoc } from '../editor/template.ts';
import { FileFormatError } from '../format/formatErrors.ts';
import { decodeResolutieFile, encodeResolutieFile } from '../format/resolutieFile.ts';
import { DocumentTooLargeError, readDocumentFile, writeDocumentFile } from './documentFile.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { createYDoc, encodeYDoc, getDocumentFragment, readYDoc } from './yDocument.ts';

const SEED_001 = readFileSync(
  new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
  'utf8',
);
const writer = { app: 'Resolutie-editor', version: '0.1.0' };

/** A .resolutie file holding `yjsState`, with empty readable copies. */
function fileWithState(yjsState: Uint8Array): Uint8Array {
  return encodeResolutieFile({
    savedAt: '',
    savedBy: writer,
    metadata: {},
    text: '',
    document: null,
    yjsState,
  });
}

function openError(bytes: Uint8Array): FileFormatError {
  try {
    readDocumentFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileFormatError);
    return error as FileFormatError;
  }
  throw new Error('opened without error');
}

describe('a document as a .resolutie file', () => {
  it('round-trips seed 001: the same document and the same Yjs state', () => {
    const ydoc = createYDoc(docFromModel(parseResolutionText(SEED_001)));
    // Some history, as a drafter leaves it: an edit after the import.
    ydoc.transact(() =>
      (getDocumentFragment(ydoc).get(0) as Y.XmlElement).setAttribute(
        'versionLabel',
        'Concept 12 november',
      ),
    );
    const bytes = writeDocumentFile(ydoc, writer, new Date('2026-11-23T10:00:00Z'));
    const opened = readDocumentFile(bytes);
    expect(opened.doc.eq(readYDoc(ydoc))).toBe(true);
    expect(Y.encodeStateVector(opened.ydoc)).toEqual(Y.encodeStateVector(ydoc));
    expect(Y.equalSnapshots(Y.snapshot(opened.ydoc), Y.snapshot(ydoc))).toBe(true);
    expect(encodeYDoc(opened.ydoc)).toEqual(encodeYDoc(ydoc));
    expect(opened.envelope.savedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(opened.envelope.metadata).toMatchObject({
      kind: 'resolutie',
      status: 'geactualiseerd',
      assembly: 'Najaars ALV',
      date: '2024-11-29',
      versionLabel: 'Concept 12 november',
    });
    expect(opened.envelope.text).toContain(
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
    );
  });

  it('keeps edits made after opening mergeable with the saved state (offline edits)', () => {
    const original = createYDoc(createTemplateDoc());
    const bytes = writeDocumentFile(original, writer);
    const a = readDocumentFile(bytes).ydoc;
    const b = readDocumentFile(bytes).ydoc;
    a.transact(() => {
      const title = getDocumentFragment(a).get(0) as Y.XmlElement;
      title.insert(0, [new Y.XmlText('Eerste')]);
    });
    b.transact(() => {
      const preamble = getDocumentFragment(b).get(1) as Y.XmlElement;
      preamble.setAttribute('assembly', 'Najaars ALV');
    });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readYDoc(a).toJSON()).toEqual(readYDoc(b).toJSON());
    expect(readYDoc(a).firstChild!.textContent).toBe('Eerste');
    expect(readYDoc(a).child(1).attrs.assembly).toBe('Najaars ALV');
  });

  it('refuses a valid container whose Yjs content breaks the schema, without repairing it', () => {
    const ydoc = new Y.Doc();
    const fragment = getDocumentFragment(ydoc);
    // An item directly in the document: no title, no blocks.
    const item = new Y.XmlElement('item');
    item.insert(0, [new Y.XmlText('<img src=x onerror=alert(1)>')]);
    fragment.insert(0, [item]);
    const state = encodeYDoc(ydoc);
    const bytes = fileWithState(state);
    const error = openError(bytes);
    expect(error.code).toBe('invalid_structure');
    expect(error.message).toContain('past niet in de opbouw');
  });

  it('refuses unknown node types and invalid attributes in the Yjs content', () => {
    const good = createYDoc(createTemplateDoc());
    const withAttr = new Y.Doc();
    Y.applyUpdate(withAttr, encodeYDoc(good));
    (getDocumentFragment(withAttr).get(1) as Y.XmlElement).setAttribute('date', '2024-13-45');
    const withNode = new Y.Doc();
    Y.applyUpdate(withNode, encodeYDoc(good));
    getDocumentFragment(withNode).insert(0, [new Y.XmlElement('script')]);
    for (const ydoc of [withAttr, withNode]) {
      const bytes = fileWithState(encodeYDoc(ydoc));
      expect(openError(bytes).code).toBe('invalid_structure');
    }
  });

  it('refuses a Yjs state that is not one', () => {
    const bytes = fileWithState(Uint8Array.from([255, 255, 255, 255, 1, 2, 3]));
    expect(['invalid_structure', 'corrupt']).toContain(openError(bytes).code);
    expect(decodeResolutieFile(bytes).yjsState.length).toBe(7);
  });

  it('never writes a file larger than the reader opens: the readable copies give way', () => {
    const long = 'Gemeenten dragen bij aan de opgave "wonen" \u0001 en meer. '.repeat(2_000);
    const ydoc = createYDoc(buildDoc({ title: 'Lang', recitals: [[long]] }));
    const full = writeDocumentFile(ydoc, writer, new Date(0));
    const state = encodeYDoc(ydoc).length;
    // Room for the state (base64) and the envelope, not for the readable copies.
    const limit = Math.ceil((state * 4) / 3) + 20_000;
    expect(full.length).toBeGreaterThan(limit);
    const bytes = writeDocumentFile(ydoc, writer, new Date(0), limit);
    expect(bytes.length).toBeLessThanOrEqual(limit);
    const envelope = decodeResolutieFile(bytes);
    expect(envelope.document).toBeNull();
    expect(envelope.text).toContain('De leesbare kopie is ingekort');
    // The document itself is whole.
    expect(readDocumentFile(bytes).doc.eq(readYDoc(ydoc))).toBe(true);
  });

  it('refuses, in Dutch, to write a document whose state alone is too large', () => {
    const ydoc = createYDoc(buildDoc({ title: 'Te groot', recitals: [['x'.repeat(50_000)]] }));
    expect(() => writeDocumentFile(ydoc, writer, new Date(0), 20_000)).toThrow(
      DocumentTooLargeError,
    );
    expect(() => writeDocumentFile(ydoc, writer, new Date(0), 20_000)).toThrow(
      /te groot om op te slaan/,
    );
  });
});
