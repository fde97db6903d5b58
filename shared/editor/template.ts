/**
 * The document a new stuk starts from: an empty title of the chosen kind, the preamble
 * skeleton, one "Overwegende dat:" block and one "Spreekt uit:" block with one empty item
 * each, and a Toelichting with one empty paragraph.
 */
import type { Node } from 'prosemirror-model';
import { DEFAULT_ASSEMBLY } from '../model/assembly.ts';
import type { DocumentKind } from '../model/resolution.ts';
import { schema } from './schema.ts';

/** A fresh document of the given kind. */
export function createTemplateDoc(kind: DocumentKind = 'resolutie'): Node {
  const { nodes } = schema;
  return nodes.doc.create(null, [
    nodes.title.create({ kind, status: 'concept' }),
    nodes.preamble.create({ assembly: DEFAULT_ASSEMBLY, date: null }),
    nodes.recitals.create(null, [
      nodes.recital_block.create({ heading: 'overwegende' }, [nodes.item.create()]),
    ]),
    nodes.operatives.create(null, [
      nodes.operative_block.create({ heading: 'spreekt_uit' }, [nodes.item.create()]),
    ]),
    nodes.explanation.create(null, [nodes.paragraph.create()]),
  ]);
}
