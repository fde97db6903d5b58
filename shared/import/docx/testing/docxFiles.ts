/**
 * Word files for the import's tests, made by hand: a minimal package around a body of
 * WordprocessingML, and the hostile variants (lying sizes, the encryption flag, macros). Real
 * documents come from LibreOffice (see the tests that convert with it); these exist to hold
 * one thing at a time to the import.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="MAIN"/>
</Types>`;

const MAIN_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MACRO_TYPE = 'application/vnd.ms-word.document.macroEnabled.main+xml';

/** A document.xml around `body` (paragraphs as WordprocessingML). */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`;
}

/** A paragraph: `runs` (WordprocessingML), with a style and Word numbering when given. */
export function p(
  runs: string,
  options: { style?: string; numId?: number; ilvl?: number; mark?: string } = {},
): string {
  const props = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : '',
    options.numId !== undefined
      ? `<w:numPr><w:ilvl w:val="${options.ilvl ?? 0}"/><w:numId w:val="${options.numId}"/></w:numPr>`
      : '',
    options.mark ? `<w:rPr>${options.mark}</w:rPr>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A run of text. */
export function r(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

/** A run of deleted text. */
export function delRun(text: string): string {
  return `<w:r><w:delText xml:space="preserve">${escape(text)}</w:delText></w:r>`;
}

/** A tracked change of `kind` by `author` at `date` around `content`. */
export function change(
  kind: 'ins' | 'del',
  id: number,
  author: string,
  date: string | null,
  content: string,
): string {
  return `<w:${kind} w:id="${id}" w:author="${escape(author)}"${date ? ` w:date="${date}"` : ''}>${content}</w:${kind}>`;
}

/** numbering.xml with one abstract list (levels by format) and instances `numIds` of it. */
export function numberingXml(formats: string[], numIds: number[]): string {
  const levels = formats
    .map(
      (format, ilvl) =>
        `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%${ilvl + 1}."/></w:lvl>`,
    )
    .join('');
  const nums = numIds
    .map((id) => `<w:num w:numId="${id}"><w:abstractNumId w:val="1"/></w:num>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="1">${levels}</w:abstractNum>${nums}</w:numbering>`;
}

/** A package: document.xml from `body`, and `parts` beside it (name → XML or bytes). */
export function makeDocx(
  body: string,
  parts: Record<string, string | Uint8Array> = {},
  options: { macro?: boolean; level?: number } = {},
): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      CONTENT_TYPES.replace('MAIN', options.macro ? MACRO_TYPE : MAIN_TYPE),
    ),
    'word/document.xml': strToU8(documentXml(body)),
  };
  for (const [name, content] of Object.entries(parts)) {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files, { level: (options.level ?? 6) as 6 });
}

/** The offset of each central directory entry of `zip`, by name. */
export function centralEntries(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    out.set(name, at);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** `zip` with the central directory saying part `name` is `size` bytes uncompressed: a lie. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const at = centralEntries(copy).get(name)!;
  new DataView(copy.buffer).setUint32(at + 24, size, true);
  const local = new DataView(copy.buffer).getUint32(at + 42, true);
  new DataView(copy.buffer).setUint32(local + 22, size, true);
  return copy;
}

/** `zip` with part `name` flagged as encrypted, in the directory and its local header. */
export function withEncryptionFlag(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const at = centralEntries(copy).get(name)!;
  view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
  const local = view.getUint32(at + 42, true);
  view.setUint16(local + 6, view.getUint16(local + 6, true) | 1, true);
  return copy;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
