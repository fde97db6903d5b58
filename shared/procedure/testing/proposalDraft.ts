/**
 * Amendments for tests, made the way a member makes them: proposals typed in suggestion mode
 * through the editor's own commands (suggestTransaction, splitItem, addBlock …), written into
 * the resolution's Yjs document as the editor's binding writes them, then drafted and
 * submitted with the procedure's own functions.
 */
import type * as Y from 'yjs';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../../editor/schema.ts';
import { KEEP_AS_IS, suggestTransaction } from '../../editor/suggestions/suggestChanges.ts';
import type { SuggestionContext } from '../../editor/suggestions/suggestChanges.ts';
import { getTrackedChanges } from '../../editor/suggestions/trackedChanges.ts';
import { addBlock, removeBlock } from '../../editor/commands/blocks.ts';
import type { BlockKind } from '../../editor/commands/blocks.ts';
import { splitItem } from '../../editor/commands/itemKeys.ts';
import type { OperativeHeading, RecitalHeading } from '../../model/resolution.ts';
import { isClauseBlock } from '../../editor/queries/findItemContext.ts';
import { getDocumentFragment, readYDoc } from '../../ydoc/yDocument.ts';
import { createSubmission, submitSubmission } from '../procedureStore.ts';
import type { ProcedureWriter, SubmissionFields } from '../procedureStore.ts';

/** Where `text` starts (or ends) in `doc`, the `nth` time it stands there (from 0). */
export function findIn(doc: Node, text: string, end = false, nth = 0): number {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) {
      for (let at = node.text!.indexOf(text); at >= 0; at = node.text!.indexOf(text, at + 1)) {
        found.push(pos + at + (end ? text.length : 0));
      }
    }
    return true;
  });
  const pos = found[nth];
  if (pos === undefined) throw new Error(`text not found: ${text}`);
  return pos;
}

// Change ids are unique across drafts, as the editor's random ones are.
let changeCount = 0;

/** A member's editor in suggestion mode: every edit becomes a proposal under their name. */
export class ProposalDraft {
  state: EditorState;
  private readonly context: SuggestionContext;

  constructor(doc: Node, author: ProcedureWriter, now = 1_000) {
    this.state = EditorState.create({ doc });
    const prefix = author.name.replace(/[^A-Za-z0-9]/g, '') || 'c';
    this.context = { author, now, newId: () => `${prefix}-${(changeCount += 1)}` };
  }

  get doc(): Node {
    return this.state.doc;
  }

  /** Runs `command` with `from`–`to` selected, as the editor's dispatch in suggestion mode. */
  run(command: Command, from: number, to = from): this {
    const placed = this.state.apply(
      this.state.tr.setSelection(TextSelection.create(this.state.doc, from, to)),
    );
    let next = placed;
    const applied = command(placed, (tr) => {
      const proposal = tr.getMeta(KEEP_AS_IS) ? tr : suggestTransaction(placed, tr, this.context);
      if (proposal) next = placed.apply(proposal);
    });
    if (!applied) throw new Error('the command did not apply');
    this.state = next;
    return this;
  }

  /** Selects `text` and types `by` over it. */
  replace(text: string, by: string, nth = 0): this {
    const from = findIn(this.doc, text, false, nth);
    return this.run(
      (state, dispatch) => {
        dispatch?.(state.tr.insertText(by));
        return true;
      },
      from,
      from + text.length,
    );
  }

  /** Selects `text` and deletes it. */
  remove(text: string, nth = 0): this {
    const from = findIn(this.doc, text, false, nth);
    return this.run(
      (state, dispatch) => {
        dispatch?.(state.tr.deleteSelection());
        return true;
      },
      from,
      from + text.length,
    );
  }

  /** Types `text` right after `anchor` (or before it, with `before`). */
  insertAt(anchor: string, text: string, before = false): this {
    const at = findIn(this.doc, anchor, !before);
    return this.run((state, dispatch) => {
      dispatch?.(state.tr.insertText(text));
      return true;
    }, at);
  }

  /** Enter at the end of the item holding `anchor`, then types `text` in the new item. */
  newItemAfter(anchor: string, text: string): this {
    const $at = this.doc.resolve(findIn(this.doc, anchor));
    const end = $at.end();
    this.run(splitItem, end);
    return this.type(text);
  }

  /** Types `text` where the cursor is. */
  type(text: string): this {
    const head = this.state.selection.head;
    return this.run((state, dispatch) => {
      dispatch?.(state.tr.insertText(text));
      return true;
    }, head);
  }

  /** Deletes the items from the one holding `first` to the one holding `last`, whole. */
  deleteItems(first: string, last = first): this {
    const $from = this.doc.resolve(findIn(this.doc, first));
    const $to = this.doc.resolve(findIn(this.doc, last));
    const from = $from.before($from.depth);
    const to = $to.after($to.depth);
    return this.run((state, dispatch) => {
      dispatch?.(state.tr.delete(from, to));
      return true;
    }, from + 1);
  }

  /**
   * Adds a block of `kind` with `heading` after the block holding `anchor`, with `items` (each
   * typed in, Enter between them).
   */
  addBlock(
    kind: BlockKind,
    heading: RecitalHeading | OperativeHeading,
    anchor: string,
    items: readonly string[],
  ): this {
    this.run(addBlock(kind, heading), findIn(this.doc, anchor));
    items.forEach((text, index) => {
      if (index > 0) this.run(splitItem, this.state.selection.head);
      this.type(text);
    });
    return this;
  }

  /** Removes the block holding `anchor`. */
  removeBlock(anchor: string): this {
    const $at = this.doc.resolve(findIn(this.doc, anchor));
    for (let depth = $at.depth; depth > 0; depth -= 1) {
      if (isClauseBlock($at.node(depth))) return this.run(removeBlock($at.before(depth)), $at.pos);
    }
    throw new Error(`no block around ${anchor}`);
  }
}

/** Writes `doc` into the document fragment of `ydoc`, as the editor's binding does. */
export function writeDocToYDoc(ydoc: Y.Doc, doc: Node): void {
  const fragment = getDocumentFragment(ydoc);
  ydoc.transact(() => {
    const { meta } = initProseMirrorDoc(fragment, schema);
    updateYFragment(ydoc, fragment, doc, meta);
  });
}

/**
 * Drafts and submits an amendment of `writer` on the resolution in `ydoc`: made on the text as
 * it is, its proposals typed by `edit`, then submitted. Returns its id.
 */
export function submitAmendment(
  ydoc: Y.Doc,
  writer: ProcedureWriter,
  fields: Partial<SubmissionFields> & { indiener: string },
  edit: (draft: ProposalDraft) => void,
  now = 1_000,
): string {
  const doc = readYDoc(ydoc);
  const id = createSubmission(
    ydoc,
    doc,
    'amendement',
    { coIndieners: [], title: '', motivation: 'Zo is het beter.', ...fields },
    writer,
    now,
  );
  const draft = new ProposalDraft(doc, writer, now);
  edit(draft);
  writeDocToYDoc(ydoc, draft.doc);
  const written = readYDoc(ydoc);
  submitSubmission(ydoc, written, getTrackedChanges(written), id, writer, now + 1);
  return id;
}
