/**
 * Escaping for the Akoma Ntoso export: every piece of document text and every attribute value
 * passes through here, so no markup typed into a stuk ever reaches the XML as markup. Characters
 * XML 1.0 cannot hold are dropped; bidi controls are written as character references so the XML
 * source cannot be made to read differently from what it holds.
 */

// Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE/FFFF; lone surrogates).
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// The Unicode bidi controls (embeddings, overrides, isolates and marks).
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text as XML character data: `&`, `<`, `>` escaped, forbidden characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BIDI, (char) => `&#x${char.codePointAt(0)?.toString(16).toUpperCase() ?? ''};`);
}

/** A value for a double-quoted attribute: as text, with quotes and line ends escaped too. */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** An element: `<name a="…">children</name>`, or `<name a="…"/>` without children. */
export function element(
  name: string,
  attributes: Readonly<Record<string, string | undefined>>,
  children: string = '',
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return children === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}
