/**
 * The print preview's summary line, "3 pagina's · A4": the number of pages and the paper
 * they are printed on, named from a page's size in PDF points (1/72 inch) as a person would
 * name it. The print template prints A4; naming what the PDF says instead of assuming it
 * keeps the line true if that ever changes.
 */

const MM_PER_POINT = 25.4 / 72;

/** Paper sizes by name, portrait, in millimetres. */
const PAPER_SIZES: readonly { name: string; width: number; height: number }[] = [
  { name: 'A4', width: 210, height: 297 },
  { name: 'A3', width: 297, height: 420 },
  { name: 'A5', width: 148, height: 210 },
  { name: 'Letter', width: 215.9, height: 279.4 },
  { name: 'Legal', width: 215.9, height: 355.6 },
];

// PDF sizes are rounded (A4 is 595.28 × 841.89 pt, Chromium may write 595 × 842).
const TOLERANCE_MM = 1.5;

/** "1 pagina", "3 pagina's". */
export function describePageCount(count: number): string {
  return count === 1 ? '1 pagina' : `${count} pagina's`;
}

/** "A4", "A4 liggend", or "200 × 300 mm" for a size without a name. */
export function describePaper(widthPt: number, heightPt: number): string {
  const width = widthPt * MM_PER_POINT;
  const height = heightPt * MM_PER_POINT;
  const landscape = width > height;
  const [short, long] = landscape ? [height, width] : [width, height];
  const paper = PAPER_SIZES.find(
    (size) =>
      Math.abs(size.width - short) <= TOLERANCE_MM && Math.abs(size.height - long) <= TOLERANCE_MM,
  );
  if (paper) return landscape ? `${paper.name} liggend` : paper.name;
  return `${Math.round(width)} × ${Math.round(height)} mm`;
}

/** "3 pagina's · A4". */
export function describePages(count: number, widthPt: number, heightPt: number): string {
  return `${describePageCount(count)} · ${describePaper(widthPt, heightPt)}`;
}
