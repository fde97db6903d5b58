/**
 * The id an element gets when it is first referred to, named after its identity in the shared
 * Yjs document. Two people who refer to the same item at the same moment each give it an id in
 * their own edit; Yjs keeps one of the two values, and a reference holding the other would be
 * left pointing nowhere. The Yjs element that holds the item has one identity on every replica
 * (the client and clock of the Yjs item that made it), so both write the same id and both
 * references resolve after the merge. Yjs itself is not imported: the binding's mapping gives
 * the Yjs type of each node, and its `_item.id` is read as plain data.
 */
import type { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { ElementIdSource } from '../../shared/editor/commands/references.ts';
import { isElementId } from '../../shared/editor/nodes/elementIds.ts';
import { getBindingMapping } from './yjsBinding.ts';

/** The id of the Yjs item `client`/`clock` as an element id: "y" + both in base 36. */
export function elementIdOfYItem(client: number, clock: number): string {
  return `y${client.toString(36)}-${clock.toString(36)}`;
}

/**
 * The binding's map from Yjs types to nodes, as far as it is read here: each type's Yjs item
 * (null for the root fragment) and its id.
 */
export type YTypeMapping = ReadonlyMap<
  { _item: { id: { client: number; clock: number } } | null },
  unknown
>;

/**
 * An id source reading `mapping` (Yjs type → node): the id of the Yjs element that holds the
 * node, or null when the node is not in the mapping (the source then falls back to a random id,
 * insertReference's freshId).
 */
export function elementIdsFromMapping(mapping: YTypeMapping): ElementIdSource {
  return (node: Node) => {
    for (const [type, mapped] of mapping) {
      if (mapped !== node) continue;
      const id = type._item?.id;
      if (!id) return null;
      const elementId = elementIdOfYItem(id.client, id.clock);
      return isElementId(elementId) ? elementId : null;
    }
    return null;
  };
}

/**
 * The id source of an editor state: ids from the Yjs binding when the state has one, none (a
 * random id) otherwise. The mapping holds the nodes of the state the sync plugin last wrote,
 * which is the view's state whenever the user can act.
 */
export function getElementIdSource(state: EditorState): ElementIdSource | undefined {
  const mapping = getBindingMapping(state);
  return mapping ? elementIdsFromMapping(mapping) : undefined;
}
