/**
 * The bundle of stukken for an assembly as one printable page: a cover, a table of contents
 * with the page on which each stuk starts, then every stuk on a new page, each printed exactly
 * as it prints alone (`renderStukBody`, the same style sheet). One page rather than PDFs glued
 * together, so that Chromium tags and outlines the whole bundle, its links included, and numbers
 * the pages straight through ("pagina 7 van 42" in every footer, as the contents say).
 *
 * A resolution's amendments (`amendments`: submitted ones, in number order, as the caller reads
 * them) follow it, each in the standard form on a new page of its own (`renderAmendment.ts`) and
 * listed in the contents under it.
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
import { ANCHOR_PREFIX } from './printAnchors.ts';
import { getStukName, hasClauseBlocks } from './stukShape.ts';
import { AMENDMENT_STYLES, amendmentName, renderAmendmentBody } from './renderAmendment.ts';
import type { PrintedAmendment } from './renderAmendment.ts';

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
   * The page (1-based, as the footer counts) on which each stuk starts, in the order they
   * print (`listBundleEntries`: each document, then its amendments); null in the first print,
   * when the contents hold placeholders instead.
   */
  startPages: readonly number[] | null;
  /** Per document, in order, the amendments that print after it (none by default). */
  amendments?: readonly (readonly PrintedAmendment[])[];
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
  /** Per stuk as printed (amendments included), in order: whether it is a concept. */
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
  const entries = listBundleEntries(docs, options.amendments);
  if (options.startPages !== null && options.startPages.length !== entries.length) {
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
  const amendmentCount = entries.length - docs.length;
  let body =
    renderCover(title, stukken, options.compiledOn, amendmentCount) +
    renderContents(stukken, entries, options.startPages);
  if (!options.frontMatterOnly) {
    entries.forEach((entry, index) => {
      const content =
        entry.amendment === null
          ? renderStukBody(
              printed[entry.doc]!,
              'hidden',
              stukken[entry.doc]?.fileName,
              undefined,
              `${stukAnchor(index)}-${ANCHOR_PREFIX}`,
            )
          : renderAmendmentBody(entry.amendment);
      const kind = entry.amendment === null ? 'resolution' : 'amendment';
      body += `<article class="stuk ${kind}" id="${stukAnchor(index)}">${content}</article>\n`;
    });
  }
  const html = renderPrintPage({
    metadata,
    fontCss: options.fontCss,
    styles: [PRINT_STYLES, BUNDLE_STYLES, ...(amendmentCount > 0 ? [AMENDMENT_STYLES] : [])],
    body: `<main class="bundle">\n${body}</main>\n`,
  });
  return {
    html,
    // No CONCEPT in the header: the header is the same on every page, and a bundle mixes
    // concepts with final stukken. The diagonal mark is stamped on the concepts' pages only.
    headerTemplate: renderHeaderTemplate(false),
    footerTemplate: renderFooterTemplate(title),
    metadata,
    concepts: entries.map((entry) =>
      entry.amendment === null ? hasWatermark(stukken[entry.doc]!.status) : entry.amendment.concept,
    ),
    outlineTitles: listOutlineTitles(html),
  };
}

/** A stuk as the bundle prints it: a document (its index), or an amendment after it. */
export interface BundleEntry {
  /** The document it is, or follows. */
  doc: number;
  amendment: PrintedAmendment | null;
}

/** What the bundle prints, in order: each document, then its amendments. */
export function listBundleEntries(
  docs: readonly unknown[],
  amendments: readonly (readonly PrintedAmendment[])[] = [],
): BundleEntry[] {
  return docs.flatMap((_doc, index) => [
    { doc: index, amendment: null },
    ...(amendments[index] ?? []).map((amendment) => ({ doc: index, amendment })),
  ]);
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

function renderCover(
  title: string,
  stukken: readonly MetadataText[],
  compiledOn: string,
  amendments: number,
): string {
  const occasion = getCommonOccasion(stukken);
  const compiled = formatDutchDate(compiledOn);
  const count =
    formatStukCount(stukken.length) +
    (amendments > 0 ? ` en ${amendments} ${amendments === 1 ? 'amendement' : 'amendementen'}` : '');
  const spec: DOMOutputSpec = [
    'section',
    { class: 'bundle-cover' },
    ...(occasion
      ? [['p', { class: 'cover-occasion' }, capitalise(occasion)] as DOMOutputSpec]
      : []),
    ['h1', {}, title],
    ['hr', { class: 'cover-rule' }],
    ['p', { class: 'cover-count' }, count],
    ...(compiled
      ? [['p', { class: 'cover-compiled' }, `Samengesteld op ${compiled}`] as DOMOutputSpec]
      : []),
  ];
  return `${renderDomSpec(spec)}\n`;
}

function renderContents(
  stukken: readonly BundleStuk[],
  entries: readonly BundleEntry[],
  startPages: readonly number[] | null,
): string {
  const pageOf = (index: number) =>
    startPages === null ? PAGE_PLACEHOLDER : String(startPages[index]);
  const line = (label: string, name: string, index: number): DOMOutputSpec => [
    'div',
    { class: 'toc-line' },
    ['span', { class: 'label' }, label],
    ' ',
    ['a', { class: 'toc-title', href: `#${stukAnchor(index)}` }, name],
    ['span', { class: 'toc-leader', 'aria-hidden': 'true' }],
    ' ',
    ['span', { class: 'toc-page' }, pageOf(index)],
  ];
  const items: DOMOutputSpec[] = [];
  entries.forEach((entry, index) => {
    if (entry.amendment !== null) return;
    const stuk = stukken[entry.doc]!;
    // Its amendments, each on a line of its own under it, numbered by their own number.
    const amendments: DOMOutputSpec[] = [];
    entries.forEach((other, otherIndex) => {
      if (other.doc !== entry.doc || other.amendment === null) return;
      amendments.push([
        'li',
        { class: 'toc-entry toc-amendment' },
        // "A1  Amendement van de gemeente Utrecht": the number in the label's column.
        line(
          other.amendment.number,
          amendmentName(other.amendment).replace(` ${other.amendment.number} `, ' '),
          otherIndex,
        ),
        ['div', { class: 'toc-detail' }, describeAmendment(other.amendment)],
      ]);
    });
    items.push([
      'li',
      { class: 'toc-entry' },
      // Each stuk by its own name: "Resolutie “…”" only for a resolution (issue 16, point
      // 12: letters were listed as "Resolutie").
      line(`${entry.doc + 1}.`, stuk.name, index),
      ['div', { class: 'toc-detail' }, describeStuk(stuk)],
      ...(amendments.length > 0
        ? [['ol', { class: 'toc toc-amendments' }, ...amendments] as DOMOutputSpec]
        : []),
    ]);
  });
  const spec: DOMOutputSpec = [
    'nav',
    { class: 'bundle-toc', 'aria-label': 'Inhoud' },
    ['h2', {}, 'Inhoud'],
    ['ol', { class: 'toc' }, ...items],
  ];
  return `${renderDomSpec(spec)}\n`;
}

// The line under an amendment in the contents: "Onderwerp · Ingediend".
function describeAmendment(amendment: PrintedAmendment): string {
  return [...(amendment.subject ? [amendment.subject] : []), amendment.status].join(' · ');
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
