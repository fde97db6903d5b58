import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { describeInvalidRecord, findInvalidTextAttribute } from './textRecords.ts';
import { InvalidDocumentError, createYDoc, getDocumentFragment, readYDoc } from './yDocument.ts';

/** The first item's text of a document with one recital. */
function firstText(ydoc: Y.Doc): Y.XmlText {
  const recitals = getDocumentFragment(ydoc).get(2) as Y.XmlElement;
  return ((recitals.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('attributes of texts', () => {
  it("accepts the editor's merge records", () => {
    for (const [key, value] of [
      ['copy:12.3', [1, 40, 7, 0, 5]],
      ['elem:12.9', [1, 7, 2]],
      ['keep:4294967295.1', [1, 7, 0, 5]],
      ['gone:12.20', [1]],
    ] as const) {
      expect(describeInvalidRecord(key, value), key).toBeNull();
    }
    const ydoc = createYDoc(buildDoc({ recitals: [['Punt.']] }));
    firstText(ydoc).setAttribute('copy:1.0', [1, 0, 2, 0, 3] as unknown as string);
    expect(findInvalidTextAttribute(getDocumentFragment(ydoc))).toBeNull();
    readYDoc(ydoc);
  });

  it('refuses anything else: foreign keys, other shapes, other versions, huge records', () => {
    const cases: [string, unknown][] = [
      ['onclick', 'alert(1)'],
      ['copy:1.0', 'tekst'],
      ['copy:1.0', { 0: 1 }],
      ['copy:1.0', []],
      ['copy:1.0', [2, 1]],
      ['copy:1.0', [1, -1]],
      ['copy:1.0', [1, 1.5]],
      ['copy:1.0', [1, 2 ** 60]],
      ['copy:1.0', [1, 'x']],
      ['copy:x.0', [1]],
      ['copy:1.0.0', [1]],
      ['kopie:1.0', [1]],
      ['copy:1.0', [1, ...Array.from({ length: 5_000 }, () => 0)]],
    ];
    for (const [key, value] of cases) {
      const what = `${key} = ${JSON.stringify(value).slice(0, 30)}`;
      expect(describeInvalidRecord(key, value), what).not.toBeNull();
      const ydoc = createYDoc(buildDoc({ recitals: [['Punt.']] }));
      firstText(ydoc).setAttribute(key, value as string);
      expect(() => readYDoc(ydoc), what).toThrow(InvalidDocumentError);
    }
  });
});
