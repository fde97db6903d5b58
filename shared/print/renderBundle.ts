/**
 * The bundle of stukken for an assembly as one printable page: a cover, a table of contents
 * with the page on which each stuk starts, then every stuk on a new page, each printed exactly
 * as it prints alone (`renderStukBody`, the same style sheet). One page rather than PDFs glued
 * together, so that Chromium tags and outlines the whole bundle, its links included, and numbers
 * the pages straight through ("pagina 7 van 42" in every footer, as the contents say).
 *
 * The page numbers of the contents are only known after printing; the printer prints with
 * placeholders first (`startPages: null`), reads where each stuk begins, and prints again.
 * The placeholders take the room of the numbers, so the two prints break the same way.
 */
import type { DOMOutputSpec, Node } from 'prosemirror-model';
import { formatDutchDate } from '../dates.ts';
import { KIND_LABELS, STATUS_LABELS } from '../labels.ts';
import { getMetadataText } from '../editor/queries/getMetadataText.ts';
import type { MetadataText } from '../editor/queries/getMetadataText.ts';
import { BUNDLE_STYLES } from './bundleStyles.ts';
import { renderFooterTemplate, renderHeaderTemplate } from './headerFooter.ts';
import { DEFAULT_AUTHOR, hasWatermark } from './printMetadata.ts';
import type { PrintMetadata } from './printMetadata.ts';
import { renderPrintPage } from './printPage.ts';
import { listOutlineTitles } from './outlineTitles.ts';
import { PRINT_STYLES } from './printStyles.ts';
import { renderDomSpec } from './renderDomSpec.ts';
import { getPrintedDoc } from './printChanges.ts';
import { renderStukBody } from './renderPrintDocument.ts';
import { getStukName, hasClauseBlocks } from './stukShape.ts';

/** The longest bundle title: it must fit the cover and the footer's line. */
export const MAX_BUNDLE_TITLE_LENGTH = 200;

/** What the bundle is printed with. */
export interface BundleOptions {
  /** The bundle's title: the cover, the footer, the PDF's title. */
  title: string;
  /** `@font-face` CSS with `data:` URLs (see `PrintOptions.fontCss`). */
  fontCss: string;
  /** The day the bundle is compiled, yyyy-mm-dd, printed on the cover. */
  compiledOn: string;
  /**
   * The page (1-based, as the footer counts) on which each stuk starts, in the order of the
   * documents; null in the first print, when the contents hold placeholders instead.
   */
  startPages: readonly number[] | null;
  /** Only the cover and the contents, without the stukken. */
  frontMatterOnly?: boolean;
  /**
   * Per document, in order, the name of its file (without `.resolutie`): what names a stuk
   * that is no resolution and has no title (`stukShape.ts`).
   */
  fileNames?: readonly string[];
}

/** The bundle's page and what the printer needs beside it. */
export interface PrintBundle {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  metadata: PrintMetadata;
  /** Per stuk, in order: whether it is a concept, whose pages get the CONCEPT mark. */
  concepts: boolean[];
  /** The outline's titles: every heading's text, in order (see `outlineTitles.ts`). */
  outlineTitles: string[];
}

/** A placeholder for a page number not yet known, as wide as a three-digit number. */
const PAGE_PLACEHOLDER = '000';

/** Renders the bundle of `docs` (documents of our schema, at least one). */
export function renderPrintBundle(docs: readonly Node[], options: BundleOptions): PrintBundle {
  const title = options.title.trim();
  if (title.length === 0) throw new RangeError('de bundel heeft een titel nodig');
  if (docs.length === 0) throw new RangeError('een bundel heeft minstens één stuk');
  if (options.startPages !== null && options.startPages.length !== docs.length) {
    throw new RangeError('er is een beginpagina nodig voor elk stuk');
  }
  // A bundle goes out: every stuk as it reads with its pending changes accepted, its title in
  // the contents too (as `renderPrintDocument` prints it alone, to count its pages).
  const printed = docs.map((doc) => getPrintedDoc(doc, 'hidden'));
  const stukken = printed.map((doc, index): BundleStuk => {
    const metadata = getMetadataText(doc);
    const fileName = options.fileNames?.[index];
    return {
      ...metadata,
      ofKind: hasClauseBlocks(doc),
      name: getStukName(doc, metadata, fileName),
      fileName,
    };
  });
  const metadata = getBundleMetadata(title, stukken);
  let body =
    renderCover(title, stukken, options.compiledOn) + renderContents(stukken, options.startPages);
  if (!options.frontMatterOnly) {
    printed.forEach((doc, index) => {
      const stuk = renderStukBody(doc, 'hidden', stukken[index]?.fileName);
      body += `<article class="stuk resolution" id="${stukAnchor(index)}">${stuk}</article>\n`;
    });
  }
  const html = renderPrintPage({
    metadata,
    fontCss: options.fontCss,
    styles: [PRINT_STYLES, BUNDLE_STYLES],
    body: `<main class="bundle">\n${body}</main>\n`,
  });
  return {
    html,
    // No CONCEPT in the header: the header is the same on every page, and a bundle mixes
    // concepts with final stukken. The diagonal mark is stamped on the concepts' pages only.
    headerTemplate: renderHeaderTemplate(false),
    footerTemplate: renderFooterTemplate(title),
    metadata,
    concepts: stukken.map((stuk) => hasWatermark(stuk.status)),
    outlineTitles: listOutlineTitles(html),
  };
}

/**
 * A stuk of the bundle: its metadata, whether it is a resolution, motie or amendement (has
 * blocks), and the name it goes by in the contents (`getStukName`).
 */
export interface BundleStuk extends MetadataText {
  ofKind: boolean;
  name: string;
  fileName: string | undefined;
}

/**
 * The bundle's document properties: its title, the indieners of its stukken, a subject that
 * says what it holds, and the kinds and assemblies as keywords.
 */
export function getBundleMetadata(title: string, stukken: readonly BundleStuk[]): PrintMetadata {
  const unique = (values: string[]) => [...new Set(values)];
  const authors = unique(
    stukken.flatMap((stuk) => stuk.submitter ?? (stuk.ofKind ? DEFAULT_AUTHOR : [])),
  );
  const occasion = getCommonOccasion(stukken);
  return {
    title,
    author: authors.join(', '),
    subject: `${formatStukCount(stukken.length)}${occasion ? ` voor de ${occasion}` : ''}`,
    language: 'nl-NL',
    keywords: unique([
      'Bundel',
      ...stukken.flatMap((stuk) => (stuk.ofKind ? KIND_LABELS[stuk.kind] : [])),
      ...stukken.map((stuk) => stuk.assembly),
    ]),
  };
}

/** "1 stuk", "6 stukken". */
export function formatStukCount(count: number): string {
  return `${count} ${count === 1 ? 'stuk' : 'stukken'}`;
}

/** The anchor of the n-th stuk (from 0), which the contents link to. */
function stukAnchor(index: number): string {
  return `stuk-${index + 1}`;
}

// "Najaars ALV, vrijdag 29 november 2024" when every stuk is for the same assembly on the same
// day; the assembly alone when the days differ or are unknown; null for different assemblies.
function getCommonOccasion(stukken: readonly MetadataText[]): string | null {
  const [first] = stukken;
  if (!first || stukken.some((stuk) => stuk.assembly !== first.assembly)) return null;
  const sameDay = first.dateText !== null && stukken.every((stuk) => stuk.date === first.date);
  return sameDay ? `${first.assembly} van ${first.dateText}` : first.assembly;
}

function renderCover(title: string, stukken: readonly MetadataText[], compiledOn: string): string {
  const occasion = getCommonOccasion(stukken);
  const compiled = formatDutchDate(compiledOn);
  const spec: DOMOutputSpec = [
    'section',
    { class: 'bundle-cover' },
    ...(occasion
      ? [['p', { class: 'cover-occasion' }, capitalise(occasion)] as DOMOutputSpec]
      : []),
    ['h1', {}, title],
    ['hr', { class: 'cover-rule' }],
    ['p', { class: 'cover-count' }, formatStukCount(stukken.length)],
    ...(compiled
      ? [['p', { class: 'cover-compiled' }, `Samengesteld op ${compiled}`] as DOMOutputSpec]
      : []),
  ];
  return `${renderDomSpec(spec)}\n`;
}

function renderContents(
  stukken: readonly BundleStuk[],
  startPages: readonly number[] | null,
): string {
  const entries = stukken.map((stuk, index): DOMOutputSpec => {
    const page = startPages === null ? PAGE_PLACEHOLDER : String(startPages[index]);
    return [
      'li',
      { class: 'toc-entry' },
      [
        'div',
        { class: 'toc-line' },
        ['span', { class: 'label' }, `${index + 1}.`],
        ' ',
        // Each stuk by its own name: "Resolutie “…”" only for a resolution (issue 16, point
        // 12: letters were listed as "Resolutie").
        ['a', { class: 'toc-title', href: `#${stukAnchor(index)}` }, stuk.name],
        ['span', { class: 'toc-leader', 'aria-hidden': 'true' }],
        ' ',
        ['span', { class: 'toc-page' }, page],
      ],
      ['div', { class: 'toc-detail' }, describeStuk(stuk)],
    ];
  });
  const spec: DOMOutputSpec = [
    'nav',
    { class: 'bundle-toc', 'aria-label': 'Inhoud' },
    ['h2', {}, 'Inhoud'],
    ['ol', { class: 'toc' }, ...entries],
  ];
  return `${renderDomSpec(spec)}\n`;
}

// The line under a stuk's title in the contents: "Concept · Indiener: bestuur · Versie 2". A
// letter is by the bestuur only when it says so.
function describeStuk(stuk: BundleStuk): string {
  const submitter = stuk.submitter ?? (stuk.ofKind ? DEFAULT_AUTHOR : null);
  return [
    STATUS_LABELS[stuk.status],
    ...(submitter ? [`Indiener: ${submitter}`] : []),
    ...(stuk.versionLabel ? [stuk.versionLabel] : []),
  ].join(' · ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
