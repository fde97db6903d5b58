/**
 * What a paste from elsewhere brings that a stuk cannot hold, and what it holds at all. A web
 * page or a Word document on the clipboard carries pictures, tables, scripts and forms; the
 * schema keeps text, its structure and its marks. The paste plugin prepares the clipboard's
 * HTML here (tables become a line per row, so their text stays readable) and says afterwards
 * what was left out, so that nothing disappears without a word.
 *
 * The HTML is read with DOMParser: a document made that way runs no script and loads no
 * image, so reading it is safe whatever the clipboard holds.
 */
import type { Fragment } from 'prosemirror-model';

/** Elements whose content a stuk cannot hold, by what the user calls them (one, several). */
const LEFT_OUT: readonly { selector: string; one: string; several: string }[] = [
  { selector: 'img, picture, svg, canvas', one: 'afbeelding', several: 'afbeeldingen' },
  { selector: 'video', one: 'video', several: "video's" },
  { selector: 'audio', one: 'geluidsfragment', several: 'geluidsfragmenten' },
  { selector: 'iframe, object, embed', one: 'ingesloten object', several: 'ingesloten objecten' },
  { selector: 'script', one: 'script', several: 'scripts' },
  {
    selector: 'input, select, textarea, button',
    one: 'formulierveld',
    several: 'formuliervelden',
  },
];

const COUNT_WORDS = ['', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];

/** The clipboard's HTML made ready for the schema's parser, and what it left out. */
export interface PreparedHtml {
  html: string;
  /** What could not be pasted, in Dutch ("een afbeelding", "twee scripts"). */
  leftOut: string[];
  /** Tables turned into lines of text (one per row, cells separated by a tab). */
  tables: number;
}

/** Reads `html` from the clipboard: counts what a stuk cannot hold and flattens tables. */
export function prepareClipboardHtml(html: string): PreparedHtml {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const leftOut: string[] = [];
  for (const kind of LEFT_OUT) {
    // An image inside a picture is the same picture: count the outermost element only.
    const found = [...page.body.querySelectorAll(kind.selector)].filter(
      (element) => !element.parentElement?.closest(kind.selector),
    );
    if (found.length > 0) leftOut.push(countOf(found.length, kind.one, kind.several));
    for (const element of found) element.remove();
  }
  // Scripts and styles in the head hold no text for the stuk either.
  page.head.querySelectorAll('script').forEach((script) => script.remove());
  const tables = [...page.body.querySelectorAll('table')].filter(
    (table) => !table.parentElement?.closest('table'),
  );
  for (const table of tables) table.replaceWith(...tableAsParagraphs(page, table));
  return { html: page.body.innerHTML, leftOut, tables: tables.length };
}

/** Whether pasted content holds anything a reader would see: text or a footnote. */
export function holdsContent(content: Fragment): boolean {
  let found = false;
  content.descendants((node) => {
    if (found) return false;
    if (node.type.name === 'footnote' || (node.isText && node.text!.trim() !== '')) found = true;
    return !found;
  });
  return found;
}

/**
 * The message after a paste, or null when everything came across: what was left out, and
 * whether anything was pasted at all.
 */
export function describePaste(outcome: {
  pasted: boolean;
  leftOut: readonly string[];
  tables: number;
  /** The text was laid out as a resolution but held only block headings. */
  onlyHeadings?: boolean;
}): string | null {
  const { pasted, leftOut, tables } = outcome;
  if (!pasted) {
    const held = outcome.onlyHeadings
      ? 'de geplakte tekst bevat alleen kopjes van blokken, zonder overwegingen of punten'
      : leftOut.length > 0
        ? `het klembord bevat ${joinDutch(leftOut)} en geen tekst die in het stuk past`
        : 'het klembord bevat geen tekst die in het stuk past';
    return `Er is niets geplakt: ${held}. De tekst van het stuk is ongewijzigd.`;
  }
  const parts: string[] = [];
  if (leftOut.length > 0) parts.push(`Niet geplakt: ${joinDutch(leftOut)}.`);
  if (tables > 0) {
    parts.push(
      tables === 1
        ? 'De tabel is als tekst geplakt, een regel per rij.'
        : `De ${tables} tabellen zijn als tekst geplakt, een regel per rij.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

function tableAsParagraphs(page: Document, table: HTMLTableElement): HTMLParagraphElement[] {
  const lines: HTMLParagraphElement[] = [];
  for (const row of table.rows) {
    const cells = [...row.cells].map((cell) =>
      (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    if (cells.every((cell) => cell === '')) continue;
    const line = page.createElement('p');
    line.textContent = cells.join('\t');
    lines.push(line);
  }
  return lines;
}

function countOf(count: number, one: string, several: string): string {
  return `${COUNT_WORDS[count] ?? String(count)} ${count === 1 ? one : several}`;
}

function joinDutch(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}
