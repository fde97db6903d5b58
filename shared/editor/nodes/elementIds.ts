/**
 * Attributes that give an element of the document an identity apart from its place: a stable
 * id that cross-references point to (items, blocks, Toelichting headings), and the checks a
 * user chose to ignore on that element ("Negeren" in the Controle panel). Both are data of the
 * shared document, so they travel with the file, through a session and through a merge.
 */
import { satisfies } from './attrValidators.ts';
import type { AttributeSpec } from 'prosemirror-model';

const ELEMENT_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const CHECK_ID = /^[a-z][a-z0-9-]{0,39}$/;
const MAX_IGNORED = 32;

/** Whether `value` has the shape of an element id: lower-case letters, digits and "-". */
export function isElementId(value: unknown): value is string {
  return typeof value === 'string' && ELEMENT_ID.test(value);
}

/** Whether `value` has the shape of a check's id ("punt-einde"). */
export function isCheckId(value: unknown): value is string {
  return typeof value === 'string' && CHECK_ID.test(value);
}

/**
 * An element's id: null until something refers to it (a reference gives its target an id when
 * it is made), so a document without references carries none.
 */
export const elementIdAttr: AttributeSpec = {
  default: null,
  validate: satisfies((v) => v === null || isElementId(v), 'een id of leeg'),
};

/** The checks ignored on an element: their ids separated by a space, or "". */
export const ignoredChecksAttr: AttributeSpec = {
  default: '',
  validate: satisfies(isIgnoredChecks, 'namen van controles of leeg'),
};

function isIgnoredChecks(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === '') return true;
  const ids = value.split(' ');
  return ids.length <= MAX_IGNORED && ids.every((id) => CHECK_ID.test(id));
}

/** The checks ignored on `attrs`' element, as a list. */
export function readIgnoredChecks(attrs: Record<string, unknown>): string[] {
  const value = attrs.ignoredChecks;
  return typeof value === 'string' && value !== '' ? value.split(' ') : [];
}

/** The attribute value that ignores `check` as well as those `attrs` already ignores. */
export function withIgnoredCheck(attrs: Record<string, unknown>, check: string): string {
  const ids = readIgnoredChecks(attrs);
  if (!ids.includes(check)) ids.push(check);
  return ids.slice(-MAX_IGNORED).join(' ');
}

/** The attribute value without `check`. */
export function withoutIgnoredCheck(attrs: Record<string, unknown>, check: string): string {
  return readIgnoredChecks(attrs)
    .filter((id) => id !== check)
    .join(' ');
}

/** An element's id as the DOM carries it (`data-id`), for copies within the editor. */
export function readElementIdFromDom(dom: {
  getAttribute(name: string): string | null;
}): string | null {
  const id = dom.getAttribute('data-id');
  return isElementId(id) ? id : null;
}

/** `data-id` for an element's DOM when it has an id. */
export function elementIdDomAttrs(id: unknown): Record<string, string> {
  return isElementId(id) ? { 'data-id': id } : {};
}
