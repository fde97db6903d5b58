/**
 * A string renderer for ProseMirror's `DOMOutputSpec`: the array form every node and mark of
 * our schema returns from `toDOM` (`[tag, attrs?, ...children]`, strings as text, `0` as the
 * hole where the node's content goes). The print template renders the schema's own specs with
 * it, without a DOM, so it runs in `shared/` (the command line prints from Node).
 */
import type { DOMOutputSpec } from 'prosemirror-model';
import { escapeHtmlAttribute, escapeHtmlText } from './escapeHtml.ts';

/** Elements without content or end tag: `<br>`, never `<br></br>`. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

// Elements whose content HTML does not read as markup (scripts, style sheets, plain-text
// containers): escaping protects nothing inside them, so no spec may produce one.
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'xmp',
]);

const TAG_NAME = /^[a-z][a-z0-9-]*$/i;
const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_.:-]*$/i;

/** A rendered spec cut at its content hole: the markup before the hole and after it. */
export interface SplitDomSpec {
  before: string;
  after: string;
  /** False for a spec without `0` (a leaf such as `["br"]`): everything is in `before`. */
  hasHole: boolean;
}

/**
 * Renders a spec to HTML, with `content` (already HTML) in its hole. Text and attribute
 * values are escaped; attributes whose value is null or undefined are left out, as ProseMirror
 * does. Throws on what a string cannot represent safely: DOM nodes, namespaced tags or
 * attributes, event handlers, script-like elements, a hole that is not its parent's only child, content for a
 * spec without a hole, children of a void element.
 */
export function renderDomSpec(spec: DOMOutputSpec, content = ''): string {
  const { before, after, hasHole } = splitDomSpec(spec);
  if (!hasHole && content !== '') {
    throw new RangeError('dit onderdeel heeft geen plaats voor inhoud (geen 0 in de spec)');
  }
  return before + content + after;
}

/** Renders a spec and cuts the result at its hole, for wrapping content rendered elsewhere. */
export function splitDomSpec(spec: DOMOutputSpec): SplitDomSpec {
  const output: SpecOutput = { before: '', after: '', hasHole: false };
  renderSpec(spec as unknown, output);
  return output;
}

interface SpecOutput {
  before: string;
  after: string;
  hasHole: boolean;
}

// Everything before the hole goes to `before`, everything after it to `after`.
function emit(output: SpecOutput, html: string): void {
  if (output.hasHole) output.after += html;
  else output.before += html;
}

function renderSpec(spec: unknown, output: SpecOutput): void {
  if (typeof spec === 'string') {
    emit(output, escapeHtmlText(spec));
    return;
  }
  if (!Array.isArray(spec)) {
    // A DOM node or `{ dom, contentDOM }`: only a browser can build those.
    throw new TypeError('alleen tekst en [tag, attributen?, ...inhoud] kunnen worden afgedrukt');
  }
  const [tag, ...rest] = spec as unknown[];
  if (typeof tag !== 'string' || !TAG_NAME.test(tag)) {
    throw new RangeError(`ongeldige elementnaam ${JSON.stringify(tag)}`);
  }
  const name = tag.toLowerCase();
  if (RAW_TEXT_ELEMENTS.has(name)) throw new RangeError(`<${name}> wordt niet afgedrukt`);
  const hasAttributes = isAttributes(rest[0]);
  const attributes = hasAttributes ? (rest[0] as Record<string, unknown>) : {};
  const children = hasAttributes ? rest.slice(1) : rest;

  emit(output, `<${name}${renderAttributes(attributes)}>`);
  if (VOID_ELEMENTS.has(name)) {
    if (children.length > 0) throw new RangeError(`<${name}> kan geen inhoud hebben`);
    return;
  }
  for (const child of children) {
    if (child === 0) {
      // ProseMirror's own rule: the hole is the only child of its parent, and there is one.
      if (children.length !== 1) {
        throw new RangeError('de plaats voor inhoud (0) moet het enige kind van zijn element zijn');
      }
      if (output.hasHole) throw new RangeError('een spec heeft hoogstens één plaats voor inhoud');
      output.hasHole = true;
    } else {
      renderSpec(child, output);
    }
  }
  emit(output, `</${name}>`);
}

// The second element of a spec is its attributes when it is a plain object (not a child
// spec, which is an array or a string, nor the hole).
function isAttributes(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function renderAttributes(attributes: Record<string, unknown>): string {
  let html = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    // Event handlers ("onerror") could only come from a broken spec; refuse them outright.
    if (!ATTRIBUTE_NAME.test(name) || /^on/i.test(name)) {
      throw new RangeError(`ongeldige attribuutnaam ${JSON.stringify(name)}`);
    }
    html += ` ${name}="${escapeHtmlAttribute(String(value))}"`;
  }
  return html;
}
