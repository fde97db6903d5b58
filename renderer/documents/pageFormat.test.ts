import { describe, expect, it } from 'vitest';
import { describePageCount, describePages, describePaper } from './pageFormat.ts';

describe('describePaper', () => {
  it('names A4 as PDF writers round it', () => {
    expect(describePaper(595.28, 841.89)).toBe('A4');
    expect(describePaper(595, 842)).toBe('A4');
    expect(describePaper(612, 792)).toBe('Letter');
  });

  it('says when the paper lies', () => {
    expect(describePaper(841.89, 595.28)).toBe('A4 liggend');
  });

  it('gives the size in millimetres when the paper has no name', () => {
    expect(describePaper(566.93, 850.39)).toBe('200 × 300 mm');
  });
});

describe('describePages', () => {
  it('counts pages in Dutch', () => {
    expect(describePageCount(1)).toBe('1 pagina');
    expect(describePageCount(3)).toBe("3 pagina's");
    expect(describePages(3, 595.28, 841.89)).toBe("3 pagina's · A4");
  });
});
