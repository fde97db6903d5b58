/**
 * The XML of a Word part as a small tree of elements, read with saxes (a strict, namespace
 * aware parser that expands no entities). A part holding a DOCTYPE or an ENTITY declaration is
 * refused before parsing: no Word part needs one, and they are how XML attacks (the "billion
 * laughs", external entities reading local files) arrive. Anything not well-formed is refused.
 *
 * Elements are known by namespace and local name, never by prefix: a file may bind `w:` to
 * something else, or WordprocessingML to another prefix.
 */
import { SaxesParser } from 'saxes';
import { refuse } from './docxErrors.ts';

/** WordprocessingML's main namespace. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The relationships namespace of attributes such as `r:id`. */
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An element: its namespace and local name, attributes by `{namespace}local`, children. */
export interface XmlElement {
  ns: string;
  name: string;
  attrs: Map<string, string>;
  children: (XmlElement | string)[];
}

// Elements nested deeper than this are refused: Word nests a few dozen levels at most, and a
// recursive reader of the tree must not run out of stack.
const MAX_DEPTH = 200;

/** The bytes of a part as text: UTF-8, or UTF-16 with its byte order mark. */
export function decodePart(bytes: Uint8Array, part: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse.malformedXml(part);
  }
}

/** Parses the XML of `part`; throws a DocxImportError when it is unsafe or malformed. */
export function parseXmlPart(bytes: Uint8Array, part: string): XmlElement {
  const text = decodePart(bytes, part);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw refuse.unsafeXml(part);
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XmlElement = { ns: '', name: '#document', attrs: new Map(), children: [] };
  const stack: XmlElement[] = [root];
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('doctype', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) failed = true;
    const attrs = new Map<string, string>();
    for (const attr of Object.values(tag.attributes)) {
      attrs.set(`{${attr.uri}}${attr.local}`, attr.value);
    }
    const element: XmlElement = { ns: tag.uri ?? '', name: tag.local ?? '', attrs, children: [] };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (value) => {
    if (stack.length > 1) stack[stack.length - 1]!.children.push(value);
  });
  parser.on('cdata', (value) => {
    if (stack.length > 1) stack[stack.length - 1]!.children.push(value);
  });
  try {
    parser.write(text).close();
  } catch {
    failed = true;
  }
  const top = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (failed || !top) throw refuse.malformedXml(part);
  return top;
}

/** The child elements of `element` in `ns` named `name` (any name when omitted). */
export function childElements(element: XmlElement, ns: string, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (
      typeof child !== 'string' &&
      child.ns === ns &&
      (name === undefined || child.name === name)
    ) {
      out.push(child);
    }
  }
  return out;
}

/** The first child element of `element` in `ns` named `name`, if any. */
export function childElement(
  element: XmlElement | undefined,
  ns: string,
  name: string,
): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) {
    if (typeof child !== 'string' && child.ns === ns && child.name === name) return child;
  }
  return undefined;
}

/** The attribute `name` in `ns` (`w:val` is `attr(e, W_NS, 'val')`), or undefined. */
export function attr(
  element: XmlElement | undefined,
  ns: string,
  name: string,
): string | undefined {
  return element?.attrs.get(`{${ns}}${name}`);
}

/** An attribute without namespace (as in the relationships and content types parts). */
export function plainAttr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attrs.get(`{}${name}`);
}

/** The text directly inside `element`. */
export function elementText(element: XmlElement): string {
  return element.children.filter((child): child is string => typeof child === 'string').join('');
}
