import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDoc } from '../../../shared/editor/testing/buildDoc.ts';
import { schema } from '../../../shared/editor/schema.ts';
import { createInitialUpdate } from '../testing/fuzzReplicas.ts';
import { copyAttribute, goneAttribute, readRecords } from './records.ts';
import { findDoubledText } from './findDoubledText.ts';

/** A Y.XmlText in a document, to hold attributes. */
function text(): { ydoc: Y.Doc; text: Y.XmlText } {
  const ydoc = new Y.Doc();
  const holder = new Y.XmlText();
  ydoc.getXmlFragment('f').insert(0, [holder]);
  return { ydoc, text: holder };
}

describe('records beside the text', () => {
  it('reads what recordWrite writes', () => {
    const { text: holder } = text();
    holder.setAttribute(
      ...copyAttribute([{ client: 2, clock: 5, length: 3, source: 1, sourceClock: 7 }]),
    );
    holder.setAttribute(
      ...goneAttribute(
        Y.createID(3, 4),
        new Map([
          [2, 9],
          [3, 6],
        ]),
      ),
    );
    expect(readRecords(holder)).toEqual({
      copies: [{ client: 2, clock: 5, length: 3, source: 1, sourceClock: 7 }],
      elements: [],
      kept: [],
      deletions: [
        {
          client: 3,
          clock: 4,
          known: new Map([
            [2, 9],
            [3, 6],
          ]),
        },
      ],
    });
  });

  // The server does not check Y.XmlText attributes: a hostile or buggy client can put anything
  // there, and reading must neither throw nor believe it.
  it('leaves out what is malformed', () => {
    const { text: holder } = text();
    const junk: [string, unknown][] = [
      ['copy:2.5', 'not an array'],
      ['copy:2.6', [2, 1, 1, 1, 1]],
      ['copy:2.7', [1, -1, 1, 1, 1]],
      ['copy:x.y', [1, 1, 1, 1, 1]],
      ['copy:2.8', [1, 1.5, 1, 1, 1]],
      ['gone:3.4', [1, 'a', 1]],
      ['keep:1.1', { length: 3 }],
      ['__proto__', [1, 1, 1]],
    ];
    for (const [key, value] of junk) holder.setAttribute(key, value as string);
    expect(readRecords(holder)).toEqual({ copies: [], elements: [], kept: [], deletions: [] });
  });

  it('finds no doubled text in a document whose records are junk', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, createInitialUpdate(buildDoc({ recitals: [['Een;']] })));
    const fragment = ydoc.getXmlFragment('resolutie');
    const item = ((fragment.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    const holder = item.get(0) as Y.XmlText;
    holder.setAttribute('copy:99.0', [1, 0, 99, 0, 1e9] as unknown as string);
    expect(findDoubledText(fragment, schema)).toEqual([]);
  });
});
