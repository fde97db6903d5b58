import { describe, expect, it } from 'vitest';
import { buildDoc, findText, itemStart, run, stateAt } from '../testing/buildDoc.ts';
import {
  isInExplanation,
  liftOut,
  setHeading,
  setParagraph,
  wrapInBulletList,
  wrapInOrderedList,
  wrapInQuote,
} from './explanationBlocks.ts';

const explanationTypes = (doc: ReturnType<typeof buildDoc>) => {
  const out: string[] = [];
  doc.lastChild!.forEach((child) => out.push(child.type.name));
  return out;
};

describe('Toelichting block commands', () => {
  const doc = buildDoc({ recitals: [['een']], explanation: ['Kop hier', 'Tekst.'] });

  it('apply only inside the Toelichting', () => {
    const inItem = stateAt(doc, itemStart(doc, 0));
    expect(isInExplanation(inItem)).toBe(false);
    for (const command of [setHeading(1), wrapInBulletList, wrapInOrderedList, wrapInQuote]) {
      expect(run(inItem, command)).toBeNull();
    }
  });

  it('turn a paragraph into a heading and back', () => {
    const heading = run(stateAt(doc, findText(doc, 'Kop')), setHeading(2))!;
    expect(explanationTypes(heading.doc)).toEqual(['heading', 'paragraph']);
    expect(heading.doc.lastChild!.firstChild!.attrs.level).toBe(2);
    const back = run(heading, setParagraph)!;
    expect(explanationTypes(back.doc)).toEqual(['paragraph', 'paragraph']);
  });

  it('wrap paragraphs in lists and quotes, and lift them out again', () => {
    const state = stateAt(doc, findText(doc, 'Tekst'));
    const bullets = run(state, wrapInBulletList)!;
    expect(explanationTypes(bullets.doc)).toEqual(['paragraph', 'bullet_list']);
    const lifted = run(bullets, liftOut)!;
    expect(explanationTypes(lifted.doc)).toEqual(['paragraph', 'paragraph']);
    expect(explanationTypes(run(state, wrapInOrderedList)!.doc)).toEqual([
      'paragraph',
      'ordered_list',
    ]);
    const quoted = run(state, wrapInQuote)!;
    expect(explanationTypes(quoted.doc)).toEqual(['paragraph', 'blockquote']);
    quoted.doc.check();
  });
});
