import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createYDoc, getDocumentFragment, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { buildDoc } from '../../shared/editor/testing/buildDoc.ts';
import {
  InvalidUpdateError,
  SHADOW_IDLE_MS,
  checkDocumentUpdate,
} from '../../shared/session/updateValidation.ts';
import { VERSIONS_MAP, recordVersion } from '../../shared/ydoc/versions.ts';

function serverDoc(items = ['Eerste overweging.']): Y.Doc {
  return createYDoc(buildDoc({ title: 'Titel', recitals: [items], operatives: [['Punt.']] }));
}

/** The update a replica of `doc` makes with `change`. */
function updateFrom(doc: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(replica);
  change(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

const firstItem = (doc: Y.Doc) =>
  ((getDocumentFragment(doc).get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;

describe('checkDocumentUpdate', () => {
  it('accepts edits that keep a resolution, and leaves the server document as it was', () => {
    const doc = serverDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const typing = updateFrom(doc, (r) => (firstItem(r).get(0) as Y.XmlText).insert(0, 'Ja, '));
    const deleting = updateFrom(doc, (r) => firstItem(r).delete(0, 1));
    checkDocumentUpdate(doc, typing);
    checkDocumentUpdate(doc, deleting);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses foreign elements, wrong attributes, broken structure, foreign roots and garbage', () => {
    const doc = serverDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const attacks: [string, Uint8Array][] = [
      [
        'foreign element',
        updateFrom(doc, (r) => firstItem(r).insert(0, [new Y.XmlElement('img')])),
      ],
      [
        'wrong attribute',
        updateFrom(doc, (r) => firstItem(r).setAttribute('indent', 7 as unknown as string)),
      ],
      ['missing title', updateFrom(doc, (r) => getDocumentFragment(r).delete(0, 1))],
      ['foreign root', updateFrom(doc, (r) => r.getText('ander').insert(0, 'x'))],
      ['garbage', new Uint8Array([1, 2, 3, 4, 5, 6])],
      ['another document', Y.encodeStateAsUpdate(serverDoc())],
    ];
    for (const [what, update] of attacks) {
      expect(() => checkDocumentUpdate(doc, update), what).toThrow(InvalidUpdateError);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    readYDoc(doc);
  });

  it('refuses content without a key in the versions, comments and procedure maps', () => {
    // No client of ours writes list content into a map; Y.Map's get and forEach never show
    // it, yet it would be stored and relayed: hidden content.
    const doc = serverDoc();
    const before = Y.encodeStateAsUpdate(doc);
    for (const map of ['versies', 'opmerkingen', 'procedure']) {
      const hidden = updateFrom(doc, (r) => r.getArray(map).insert(0, ['verborgen']));
      expect(() => checkDocumentUpdate(doc, hidden), map).toThrow(/inhoud zonder sleutel/);
      // Inserted and deleted at once: nothing is visible, and nothing fails on the key.
      const gone = updateFrom(doc, (r) => {
        r.getArray(map).insert(0, ['verborgen']);
        r.getArray(map).delete(0, 1);
      });
      expect(checkDocumentUpdate(doc, gone), map).toBe('accepted');
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('accepts a named version, and refuses a damaged one', () => {
    const doc = serverDoc();
    const version = updateFrom(doc, (r) =>
      recordVersion(r, {
        id: 'v1',
        name: 'Concept 12 november',
        author: 'Auteur',
        createdAt: '2024-11-12T10:00:00.000Z',
        doc: readYDoc(r),
      }),
    );
    checkDocumentUpdate(doc, version);
    const damaged = updateFrom(doc, (r) =>
      r.getMap(VERSIONS_MAP).set('v2', { name: 'x', createdAt: 'nu', author: 'x', doc: {} }),
    );
    expect(() => checkDocumentUpdate(doc, damaged)).toThrow(InvalidUpdateError);
  });

  it('refuses changing or removing a recorded version: history is only added to', () => {
    const doc = serverDoc();
    const record = (r: Y.Doc, name: string) =>
      recordVersion(r, {
        id: 'v1',
        name,
        author: 'Auteur',
        createdAt: '2024-11-12T10:00:00.000Z',
        doc: readYDoc(r),
      });
    Y.applyUpdate(
      doc,
      updateFrom(doc, (r) => record(r, 'Concept 12 november')),
    );
    const rewritten = updateFrom(doc, (r) => record(r, 'Concept 12 november (echt)'));
    const removed = updateFrom(doc, (r) => r.getMap(VERSIONS_MAP).delete('v1'));
    for (const [what, update] of [
      ['rewritten', rewritten],
      ['removed', removed],
    ] as const) {
      expect(() => checkDocumentUpdate(doc, update), what).toThrow(/vastgelegde versie/);
    }
    // Another version beside it is fine.
    const another = updateFrom(doc, (r) =>
      recordVersion(r, {
        id: 'v2',
        name: 'Concept 20 november',
        author: 'Bewerker',
        createdAt: '2024-11-20T10:00:00.000Z',
        doc: readYDoc(r),
      }),
    );
    expect(checkDocumentUpdate(doc, another)).toBe('accepted');
  });

  it('checks against the document as it is after a refusal, not with the refused update', () => {
    const doc = serverDoc();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const step = (change: () => void) => {
      const before = Y.encodeStateVector(replica);
      change();
      return Y.encodeStateAsUpdate(replica, before);
    };
    // Refused: a second title.
    const secondTitle = step(() =>
      getDocumentFragment(replica).insert(1, [new Y.XmlElement('title')]),
    );
    expect(() => checkDocumentUpdate(doc, secondTitle)).toThrow(InvalidUpdateError);
    // Valid only on top of the refused update: on the real document it leaves no title.
    const dropFirst = step(() => getDocumentFragment(replica).delete(0, 1));
    expect(() => checkDocumentUpdate(doc, dropFirst)).toThrow(InvalidUpdateError);
    readYDoc(doc);
  });

  it('follows changes the document gets from elsewhere (another instance, loading)', () => {
    const doc = serverDoc();
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(doc));
    checkDocumentUpdate(
      doc,
      updateFrom(doc, (r) => firstItem(r).setAttribute('indent', 0 as unknown as string)),
    );
    // Another instance replaces the title; it reaches the document directly, as through Redis.
    const titleAttrs = (getDocumentFragment(doc).get(0) as Y.XmlElement).getAttributes();
    Y.applyUpdate(
      doc,
      updateFrom(doc, (r) => {
        const replacement = new Y.XmlElement('title');
        for (const [key, value] of Object.entries(titleAttrs)) {
          replacement.setAttribute(key, value as string);
        }
        getDocumentFragment(r).delete(0, 1);
        getDocumentFragment(r).insert(0, [replacement]);
      }),
    );
    // A participant who missed that deletes the old title: fine now, with the new one there.
    const before = Y.encodeStateVector(stale);
    getDocumentFragment(stale).delete(0, 1);
    checkDocumentUpdate(doc, Y.encodeStateAsUpdate(stale, before));
  });

  it("lets an idle document's check copy go, and checks as before with a new one", () => {
    vi.useFakeTimers();
    try {
      const doc = serverDoc();
      // The copy follows the document's updates: its listener shows whether it is still kept.
      const followers = () =>
        (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')
          ?.size ?? 0;
      const alone = followers();
      const typing = updateFrom(doc, (r) => (firstItem(r).get(0) as Y.XmlText).insert(0, 'Ja, '));
      checkDocumentUpdate(doc, typing);
      Y.applyUpdate(doc, typing);
      expect(followers()).toBe(alone + 1);
      // Checks keep it; an idle spell lets it go.
      vi.advanceTimersByTime(SHADOW_IDLE_MS - 1000);
      const more = updateFrom(doc, (r) => (firstItem(r).get(0) as Y.XmlText).insert(0, 'Nee, '));
      checkDocumentUpdate(doc, more);
      Y.applyUpdate(doc, more);
      vi.advanceTimersByTime(SHADOW_IDLE_MS - 1000);
      expect(followers()).toBe(alone + 1);
      vi.advanceTimersByTime(2000);
      expect(followers()).toBe(alone);
      // A new copy, of the document as it is now: hostile refused, honest accepted.
      const script = updateFrom(doc, (r) => firstItem(r).insert(0, [new Y.XmlElement('script')]));
      expect(() => checkDocumentUpdate(doc, script)).toThrow(InvalidUpdateError);
      const honest = updateFrom(doc, (r) => (firstItem(r).get(0) as Y.XmlText).insert(0, 'Toch, '));
      expect(checkDocumentUpdate(doc, honest)).toBe('accepted');
      Y.applyUpdate(doc, honest);
      expect(readYDoc(doc).textContent).toContain('Toch, Nee, Ja, ');
    } finally {
      vi.useRealTimers();
    }
  });

  it('accepts a foreign root the stored document already had', () => {
    const doc = serverDoc();
    doc.getMap('oud').set('a', 1);
    checkDocumentUpdate(
      doc,
      updateFrom(doc, (r) => r.getMap('oud').set('b', 2)),
    );
  });

  it('costs a few milliseconds for a document of 300 items (printed, not asserted)', () => {
    const items = Array.from(
      { length: 300 },
      (_, i) => `Punt ${i}: een zin van gemiddelde lengte over gemeenten.`,
    );
    const doc = serverDoc(items);
    const update = updateFrom(doc, (r) => (firstItem(r).get(0) as Y.XmlText).insert(0, 'x'));
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++) checkDocumentUpdate(doc, update);
    const perCheck = (performance.now() - start) / runs;
    console.log(
      `checkDocumentUpdate: ${perCheck.toFixed(1)} ms per update on a ${Y.encodeStateAsUpdate(doc).length} byte document`,
    );
  });
});
