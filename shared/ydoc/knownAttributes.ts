/**
 * Attributes and marks that the schema does not know. ProseMirror's `nodeFromJSON` ignores an
 * attribute its node type does not declare, so a document read from Yjs would look valid while
 * the Yjs state (which is what is stored, sent and merged) still carries it: an `onclick` on a
 * paragraph, an `href` on the title. Reading strictly means refusing those, before the JSON
 * becomes nodes.
 *
 * The JSON is y-prosemirror's reading of the fragment (`yXmlFragmentToProsemirrorJSON`): element
 * attributes as `attrs`, text formatting as `marks` with the formatting value as `attrs`.
 */
import type { Schema } from 'prosemirror-model';

/** Where an unknown attribute or mark sits, for the message; null when there is none. */
export function findUnknownAttribute(json: unknown, schema: Schema): string | null {
  // An explicit stack: documents can be deep, and a hostile one deeper than the call stack.
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRecord(node)) continue;
    const type = typeof node.type === 'string' ? node.type : '';
    if (type !== 'text') {
      const spec = Object.hasOwn(schema.nodes, type) ? schema.nodes[type]!.spec : undefined;
      const problem = checkAttrs(node.attrs, spec?.attrs, `element ${type}`);
      if (problem) return problem;
    }
    if (Array.isArray(node.marks)) {
      for (const mark of node.marks) {
        const name = isRecord(mark) && typeof mark.type === 'string' ? mark.type : '';
        const spec = Object.hasOwn(schema.marks, name) ? schema.marks[name]!.spec : undefined;
        if (!spec) return `onbekende opmaak ${JSON.stringify(name.slice(0, 40))}`;
        const problem = checkAttrs(mark.attrs ?? {}, spec.attrs, `opmaak ${name}`, true);
        if (problem) return problem;
      }
    }
    if (Array.isArray(node.content)) {
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
    }
  }
  return null;
}

function checkAttrs(
  attrs: unknown,
  declared: Record<string, unknown> | undefined,
  where: string,
  required = false,
): string | null {
  if (attrs === undefined && !required) return null;
  if (!isRecord(attrs)) return `${where} met attributen die geen object zijn`;
  for (const key of Object.keys(attrs)) {
    if (!declared || !Object.hasOwn(declared, key)) {
      return `${where} met onbekend attribuut ${JSON.stringify(key.slice(0, 40))}`;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
