import { describe, expect, it } from 'vitest';
import { buildDoc, findText, stateAt } from '../testing/buildDoc.ts';
import { isTypingTransaction } from './isTypingTransaction.ts';
import { splitItem } from '../commands/itemKeys.ts';
import type { Transaction } from 'prosemirror-state';

describe('isTypingTransaction', () => {
  const doc = buildDoc({ recitals: [['een', 'twee']] });
  const state = stateAt(doc, findText(doc, 'een'));

  it('is true for inserting and deleting characters in one text block', () => {
    expect(isTypingTransaction(state.tr.insertText('x'))).toBe(true);
    expect(isTypingTransaction(state.tr.delete(findText(doc, 'e', true), findText(doc, 'e')))).toBe(
      true,
    );
  });

  it('counts marking characters as deleted (suggestion mode) as typing, but not bold', () => {
    const from = findText(doc, 'e', true);
    const deletion = doc.type.schema.marks.deletion!.create({
      id: 'c1',
      name: 'Auteur',
      colour: '#b3261e',
      time: 1,
    });
    expect(isTypingTransaction(state.tr.addMark(from, from + 1, deletion))).toBe(true);
    const bold = doc.type.schema.marks.bold!.create();
    expect(isTypingTransaction(state.tr.addMark(from, from + 1, bold))).toBe(false);
    const across = findText(doc, 'twee', true) + 1;
    expect(isTypingTransaction(state.tr.addMark(from, across, deletion))).toBe(false);
  });

  it('is false for splitting items, joining them, attribute changes and no change', () => {
    let split: Transaction | null = null;
    splitItem(state, (tr) => (split = tr));
    expect(isTypingTransaction(split!)).toBe(false);
    expect(isTypingTransaction(state.tr.join(findText(doc, 'twee', true) - 1))).toBe(false);
    expect(
      isTypingTransaction(
        state.tr.setNodeMarkup(findText(doc, 'een', true) - 1, undefined, {
          indent: 1,
          marker: 'letter',
        }),
      ),
    ).toBe(false);
    expect(isTypingTransaction(state.tr)).toBe(false);
  });
});
