/**
 * The CONCEPT marks for stukken that are not final (see `hasWatermark`): the word CONCEPT in
 * the page header, and a large diagonal mark across every page.
 *
 * The diagonal mark is drawn with lines, not set in type, and stamped onto each page of the
 * finished PDF (main/services/pdf/pdfFinishing.ts) rather than laid out in the page: Chromium
 * does not repeat a fixed element on every printed page reliably, cannot mark text as an
 * artifact, and diagonal text lands among the stuk's own text for every tool that extracts it
 * (poppler cuts it into "CO", "NC", … between the lines). As strokes it is only a picture. The
 * header's "CONCEPT" is the one that reads as text: first on each page, like a running head.
 */

/** The word the header carries on every page of a concept. */
export const WATERMARK_TEXT = 'CONCEPT';

/** Each letter as strokes (SVG path data) in a 100 × 140 box: plain geometric capitals. */
export const WATERMARK_STROKES: Record<string, string> = {
  C: 'M88 28 A46 62 0 1 0 88 112',
  O: 'M50 8 A42 62 0 1 1 49.9 8 Z',
  N: 'M12 132 L12 8 L88 132 L88 8',
  E: 'M88 8 L12 8 L12 132 L88 132 M12 70 L74 70',
  P: 'M12 132 L12 8 L58 8 A32 32 0 0 1 58 72 L12 72',
  T: 'M6 8 L94 8 M50 8 L50 132',
};

/** The mark's geometry, in the strokes' units: letter advance, box, stroke, angle. */
export const WATERMARK_LAYOUT = {
  advance: 124,
  letterWidth: 100,
  letterHeight: 140,
  strokeWidth: 15,
  /** Degrees the mark rises from the horizontal. */
  angle: 50,
  /** Width of the whole word on the page, in millimetres. */
  widthMm: 130,
  /** Grey level of the strokes (0 black, 1 white) and their opacity. */
  grey: 0,
  opacity: 0.11,
} as const;

/** The letters of the mark with their horizontal offsets, and the word's total width. */
export function getWatermarkLetters(): { path: string; offset: number }[] {
  return [...WATERMARK_TEXT].map((letter, index) => ({
    path: WATERMARK_STROKES[letter]!,
    offset: index * WATERMARK_LAYOUT.advance,
  }));
}

/** The word's width in stroke units. */
export function getWatermarkWidth(): number {
  const { advance, letterWidth } = WATERMARK_LAYOUT;
  return (WATERMARK_TEXT.length - 1) * advance + letterWidth;
}
