/**
 * The bookmarks of the Word export that cross-references link to: every item, block and
 * Toelichting heading that carries an element id gets one around its paragraph (the block's
 * heading paragraph for a block), named after the id, and a reference to it is a hyperlink
 * with that bookmark as its anchor (`w:hyperlink w:anchor`), which Word and LibreOffice both
 * follow. Word's bookmark names are at most 40 letters, digits and "_"; a name starting with
 * "_" is hidden from Word's list of bookmarks, as its own "_Ref" and "_Toc" ones are.
 */
import { Bookmark } from 'docx';
import type { ParagraphChild } from 'docx';
import type { Node } from 'prosemirror-model';
import { isElementId } from '../../editor/nodes/elementIds.ts';
import { getReferenceTargets } from '../../editor/queries/getReferences.ts';

/** The bookmarks of one exported document. */
export interface DocxBookmarks {
  /** The document as exported, which references are resolved in. */
  doc: Node;
  /** The bookmark of the element with id `id`; null when no element carries it. */
  nameOf: (id: string) => string | null;
  /** The bookmark of `node` standing at `pos`, when references point to it. */
  nameAt: (node: Node, pos: number) => string | null;
}

// Word's limit on a bookmark's name.
const MAX_NAME = 40;

/** The bookmarks of `doc`: one for the first element carrying each id. */
export function docxBookmarks(doc: Node): DocxBookmarks {
  const byId = new Map<string, { name: string; pos: number }>();
  let long = 0;
  for (const target of getReferenceTargets(doc)) {
    if (target.id === null || byId.has(target.id)) continue;
    // "-" is not allowed in a name and "_" is not in an id, so the names stay apart; an id
    // too long for Word's limit is numbered instead ("_RefX" never starts a name from an id).
    const fromId = `_Ref_${target.id.replace(/-/g, '_')}`;
    const name = fromId.length <= MAX_NAME ? fromId : `_RefX${++long}`;
    byId.set(target.id, { name, pos: target.pos });
  }
  return {
    doc,
    nameOf: (id) => byId.get(id)?.name ?? null,
    nameAt: (node, pos) => {
      const id = node.attrs.id as unknown;
      if (!isElementId(id)) return null;
      const found = byId.get(id);
      return found && found.pos === pos ? found.name : null;
    },
  };
}

/** `children` inside the bookmark `name`, or as they are when `name` is null. */
export function bookmarked(name: string | null, children: ParagraphChild[]): ParagraphChild[] {
  return name === null ? children : [new Bookmark({ id: name, children })];
}
