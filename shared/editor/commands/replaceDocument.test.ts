import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { buildDoc } from '../testing/buildDoc.ts';
import { compareDocuments } from '../suggestions/compareDocuments.ts';
import { replaceDocument, reuseUnchangedNodes } from './replaceDocument.ts';

const USER = { name: 'Auteur van Wijchen', colour: '#b03a2e' };

const current = buildDoc({
  recitals: [['de gemeenten dragen bij', 'het Rijk betaalt'], ['de kosten stijgen']],
  operatives: [['het bestuur vraagt', 'de leden besluiten', 'de ALV stemt in']],
  explanation: ['Toelichting bij de resolutie.'],
});

/** The nodes of `doc` by path, to find which are the very same objects in another. */
function blocks(doc: Node): Node[] {
  const out: Node[] = [];
  doc.descendants((node) => {
    out.push(node);
    return !node.isTextblock;
  });
  return out;
}

describe('replacing the document with a restored version', () => {
  it('keeps the current nodes wherever the restored text equals them', () => {
    // The old version had one more operative item and another recital text.
    const old = buildDoc({
      recitals: [['de gemeenten dragen bij', 'het Rijk betaalde'], ['de kosten stijgen']],
      operatives: [['het bestuur vraagt', 'iets ouds', 'de leden besluiten', 'de ALV stemt in']],
      explanation: ['Toelichting bij de resolutie.'],
    });
    // Restoring proposes the old text: equal in content, new objects everywhere.
    const proposal = compareDocuments(current, old, { older: USER, newer: USER });
    const result = reuseUnchangedNodes(current, proposal);

    expect(result.eq(proposal)).toBe(true);
    const kept = new Set(blocks(current));
    const reused = blocks(result).filter((node) => kept.has(node));
    const texts = reused.filter((node) => node.isTextblock).map((node) => node.textContent);
    // Everything but the changed recital item and the inserted operative item, and the blocks
    // and lists that hold those two; the first is the (empty) title.
    expect(texts).toEqual([
      '',
      'de gemeenten dragen bij',
      'de kosten stijgen',
      'het bestuur vraagt',
      'de leden besluiten',
      'de ALV stemt in',
      'Toelichting bij de resolutie.',
    ]);
    expect(result.child(0)).toBe(current.child(0));
    expect(result.child(1)).toBe(current.child(1));
    expect(result.lastChild).toBe(current.lastChild);
  });

  it('gives back the current document itself when nothing differs', () => {
    const copy = buildDoc({
      recitals: [['de gemeenten dragen bij', 'het Rijk betaalt'], ['de kosten stijgen']],
      operatives: [['het bestuur vraagt', 'de leden besluiten', 'de ALV stemt in']],
      explanation: ['Toelichting bij de resolutie.'],
    });
    expect(copy).not.toBe(current);
    expect(reuseUnchangedNodes(current, copy)).toBe(current);
  });

  it('replaces the content in a transaction, with the restored text as result', () => {
    const old = buildDoc({
      recitals: [['de gemeenten dragen bij']],
      operatives: [['het bestuur vraagt']],
      explanation: ['Toelichting bij de resolutie.'],
    });
    const proposal = compareDocuments(current, old, { older: USER, newer: USER });
    const state = EditorState.create({ doc: current });
    const tr = replaceDocument(state.tr, proposal);
    expect(tr.doc.eq(proposal)).toBe(true);
    expect(tr.doc.lastChild).toBe(current.lastChild);
  });
});
