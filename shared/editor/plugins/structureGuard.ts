/**
 * Guards the fixed parts of a resolution against incidental edits: a local transaction that
 * would remove, add or retitle a block, or change the title's kind or the preamble, is refused
 * unless a command marked it as a deliberate structural change. Typing over a selection that
 * spans blocks is handled before it gets here (see deleteSelectionKeepingStructure), so
 * what this refuses is the rest: drags, cuts and other paths that would tear blocks apart.
 *
 * Remote and sync transactions always pass: refusing them would fork this replica from the
 * shared document. The caller says which ones those are, so that this module stays free of
 * the collaboration library.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { STRUCTURAL_CHANGE } from './structureMeta.ts';

export const structureGuardKey = new PluginKey('structureGuard');

/** A compact fingerprint of what the guard protects. */
export function getStructureSignature(doc: Node): string {
  const parts: string[] = [];
  doc.forEach((section) => {
    const name = section.type.name;
    if (name === 'title') parts.push(`title:${section.attrs.kind as string}`);
    else if (name === 'preamble') {
      parts.push(`preamble:${section.attrs.assembly as string}|${section.attrs.date as string}`);
    } else if (name === 'recitals' || name === 'operatives') {
      const headings: string[] = [];
      section.forEach((block) => headings.push(block.attrs.heading as string));
      parts.push(`${name}:${headings.join(',')}`);
    } else parts.push(name);
  });
  return parts.join('\n');
}

/** The guard plugin; `isRemote` tells transactions that come from other replicas. */
export function structureGuardPlugin(isRemote: (tr: Transaction) => boolean): Plugin {
  return new Plugin({
    key: structureGuardKey,
    filterTransaction: (tr, state) => {
      if (!tr.docChanged || tr.getMeta(STRUCTURAL_CHANGE) || isRemote(tr)) return true;
      return getStructureSignature(tr.doc) === getStructureSignature(state.doc);
    },
  });
}
