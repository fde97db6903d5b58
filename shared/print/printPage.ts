/**
 * The frame of every printed page: `<!doctype html>`, the language, a Content-Security-Policy
 * that lets nothing run or load, the `<title>` and `<meta>` lines of the document properties,
 * the caller's fonts and the style sheets. The single stuk and the bundle of stukken both print
 * through it, so both are as closed as each other.
 */
import { escapeHtmlAttribute, escapeHtmlText } from './escapeHtml.ts';
import type { PrintMetadata } from './printMetadata.ts';

// The page holds no script and loads nothing but inline styles and data: fonts and images. If
// an escaping mistake ever let markup through, it still could not run or fetch anything.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; " +
  "base-uri 'none'; form-action 'none'";

/** What goes into the page. */
export interface PrintPageParts {
  metadata: PrintMetadata;
  /** `@font-face` CSS with `data:` URLs (see `PrintOptions.fontCss`); may be ''. */
  fontCss: string;
  /** The style sheets, in order. */
  styles: readonly string[];
  /** The content of `<body>`. */
  body: string;
}

/** The complete HTML page. */
export function renderPrintPage(parts: PrintPageParts): string {
  // The font CSS comes from our own code, but it is pasted into a <style> element: anything
  // that would end that element early is refused rather than printed as markup.
  if (/<\/style/i.test(parts.fontCss)) {
    throw new RangeError('fontCss mag geen </style> bevatten');
  }
  const { metadata } = parts;
  const meta = (name: string, content: string) =>
    `<meta name="${name}" content="${escapeHtmlAttribute(content)}">\n`;
  return (
    '<!doctype html>\n' +
    `<html lang="${metadata.language}">\n` +
    '<head>\n' +
    '<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    `<title>${escapeHtmlText(metadata.title)}</title>\n` +
    meta('author', metadata.author) +
    meta('description', metadata.subject) +
    meta('keywords', metadata.keywords.join(', ')) +
    (parts.fontCss ? `<style>\n${parts.fontCss}\n</style>\n` : '') +
    parts.styles.map((css) => `<style>${css}</style>\n`).join('') +
    '</head>\n' +
    '<body>\n' +
    parts.body +
    '</body>\n' +
    '</html>\n'
  );
}
