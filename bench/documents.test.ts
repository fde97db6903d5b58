import { describe, expect, it } from 'vitest';
import { DOCUMENT_SIZES, countItems, generateDoc, generateResolution } from './documents.ts';

describe('the benchmark documents', () => {
  it('have the asked number of items, in blocks of both kinds, and a Toelichting', () => {
    for (const items of DOCUMENT_SIZES) {
      const doc = generateDoc(items);
      expect(countItems(doc)).toBe(items);
      const model = generateResolution(items);
      expect(model.blocks.some((b) => b.type === 'recital')).toBe(true);
      expect(model.blocks.some((b) => b.type === 'operative')).toBe(true);
      expect(model.explanation.length).toBeGreaterThan(0);
    }
  });

  it('are the same for the same seed, and differ for another', () => {
    expect(generateDoc(100).toJSON()).toEqual(generateDoc(100).toJSON());
    expect(generateDoc(100, 1).toJSON()).not.toEqual(generateDoc(100).toJSON());
  });
});
