/**
 * The page the stuk is printed on: A4 with its margins. The style sheet's `@page` rule and the
 * footer template both read them here, so the footer lines up with the text above it.
 */

/** Page margins in millimetres (top, right, bottom, left). The footer lives in the bottom one. */
export const PAGE_MARGINS_MM = { top: 25, right: 22, bottom: 28, left: 25 } as const;

/** The margins as a CSS `margin` value: "25mm 22mm 28mm 25mm". */
export function pageMarginsCss(): string {
  const { top, right, bottom, left } = PAGE_MARGINS_MM;
  return `${top}mm ${right}mm ${bottom}mm ${left}mm`;
}

/** The text's font stack, in the page and in the footer. */
export const FONT_STACK = "'Source Serif 4', Georgia, serif";

/** The colour of secondary text: the metadata line and the footer. */
export const MUTED_COLOUR = '#595959';
