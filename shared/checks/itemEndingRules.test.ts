/**
 * The endings of recitals and items beyond the one case per rule: footnotes and references at
 * the end, sub-items, "; en", a quotation closing the dictum, items proposed for deletion, and
 * blocks one after the other.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { operativeEndingRule, recitalEndingRule } from './itemEndingRules.ts';
import { stuk, withItemId, withReference } from './testing/checkDocs.ts';
import type { Node } from 'prosemirror-model';

const endings = (doc: Node) =>
  [...recitalEndingRule.check(doc, {}), ...operativeEndingRule.check(doc, {})].map(
    (f) => `${f.place}: ${f.message}`,
  );

describe('the endings of recitals and items', () => {
  it('accepts sub-items introduced by ":", "; en" before the last item, and a quotation ending the dictum', () => {
    const doc = stuk({
      recitals: [
        { heading: 'constaterende', items: ['Het rijk betaalt;'] },
        {
          items: [
            'Het rijk twee dingen doet:',
            { text: 'betalen; of', indent: 1 },
            { text: 'luisteren;', indent: 1 },
          ],
        },
      ],
      operatives: [
        {
          items: [
            'Dat het bestuur:',
            { text: 'overlegt;', indent: 1 },
            { text: 'rapporteert; en', indent: 1 },
          ],
        },
        { heading: 'verzoekt_bestuur', items: ['de brief te sturen, luidende: “Wij zijn klaar.”'] },
      ],
    });
    expect(endings(doc)).toEqual([]);
  });

  it('wants ";" after the last item of a dictum block that another block follows', () => {
    const doc = stuk({
      operatives: [
        { items: ['Dat het blijft.'] },
        { heading: 'roept_op', items: ['de leden op te komen.'] },
      ],
    });
    expect(endings(doc)).toEqual([
      'Spreekt uit, punt 1: Een punt eindigt met een puntkomma, want de zin loopt door tot het laatste punt, en hier staat een punt.',
    ]);
  });

  it('says so when ":" introduces no sub-items', () => {
    const doc = stuk({ operatives: [{ items: ['Dat het bestuur:', 'Dat het klaar is.'] }] });
    expect(endings(doc)).toEqual([
      'Spreekt uit, punt 1: Een punt eindigt met een puntkomma, want de zin loopt door tot het laatste punt; deze eindigt met een dubbele punt, maar er volgen geen onderdelen.',
    ]);
  });

  it('leaves items proposed for deletion out: the item before one is the last', () => {
    const doc = stuk({
      operatives: [
        {
          items: [
            'Dat het blijft;',
            'Dat het klaar is.',
            { text: 'Dat het gaat;', change: 'delete' },
          ],
        },
      ],
    });
    expect(endings(doc)).toEqual([]);
  });

  it('reads past a footnote, and puts the ";" before it', () => {
    const doc = stuk({
      recitals: [
        { items: [{ text: 'Het rijk betaalt', footnote: 'Brief van 1 mei.' }, 'Het is zo.'] },
      ],
    });
    const [finding] = recitalEndingRule.check(doc, {});
    expect(finding!.message).toBe(
      'Een overweging eindigt met een puntkomma, en hier staat geen leesteken aan het eind.',
    );
    const state = EditorState.create({ doc });
    const item = state.apply(finding!.fix!.apply(state)!).doc.nodeAt(finding!.pos)!;
    expect(item.child(0).text).toBe('Het rijk betaalt;');
    expect(item.child(1).type.name).toBe('footnote');
  });

  it('reads a reference as its label, and puts the "." after it', () => {
    const doc = withReference(
      withItemId(
        stuk({ operatives: [{ items: ['Dat het blijft;', 'Zoals bedoeld in X'] }] }),
        2,
        'blijft',
      ),
      'X',
      'blijft',
    );
    // "Zoals bedoeld in punt 1X": take the X away, so the reference ends the item.
    const state0 = EditorState.create({ doc });
    let at = -1;
    doc.descendants((node, pos) => {
      if (node.isText && node.text!.endsWith('X')) at = pos + node.text!.length - 1;
      return at < 0;
    });
    const state = state0.apply(state0.tr.delete(at, at + 1));
    const [finding] = operativeEndingRule.check(state.doc, {});
    expect(finding!.message).toContain('hier staat geen leesteken aan het eind');
    const item = state.apply(finding!.fix!.apply(state)!).doc.nodeAt(finding!.pos)!;
    expect(item.lastChild!.text).toBe('.');
    expect(item.child(item.childCount - 2).type.name).toBe('reference');
  });
});
