/**
 * What every cross-reference in the editor reads now. A reference node holds only its target's
 * id; its label ("punt 3") depends on where the target stands, which any edit elsewhere can
 * change: an item inserted above it, a colleague's edit arriving through Yjs, the target
 * deleted. ProseMirror redraws a node view only when the node or its decorations change, so
 * this plugin gives each reference a node decoration carrying its label, state and target text
 * (plain strings, which ProseMirror compares): when one changes, the view's `update` runs with
 * it (nodeviews/ReferenceView.ts), and an unchanged label redraws nothing.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import {
  BROKEN_REFERENCE_TEXT,
  findReferenceTarget,
  getReferences,
} from '../../shared/editor/queries/getReferences.ts';
import type { ReferenceState } from '../../shared/editor/queries/getReferences.ts';
import { onlyMovesDecorations } from './decorationsPlugin.ts';

/** What a reference shows, as its decoration's spec carries it. */
export interface ReferenceDisplay {
  referenceLabel: string;
  referenceState: ReferenceState;
  /** The target's own text (an item's, a heading's), '' when it is gone. */
  referenceTargetText: string;
}

interface LabelsState {
  set: DecorationSet;
  /** How many references the document holds: none, and typing cannot add one. */
  count: number;
}

export const referenceLabelsKey = new PluginKey<LabelsState>('referenceLabels');

/** What the reference to `target` shows in `doc`. */
export function getReferenceDisplay(doc: Node, target: string): ReferenceDisplay {
  const found = findReferenceTarget(doc, target);
  if (!found) {
    return {
      referenceLabel: BROKEN_REFERENCE_TEXT,
      referenceState: 'missing',
      referenceTargetText: '',
    };
  }
  return {
    referenceLabel: found.label,
    referenceState: found.proposedForDeletion ? 'proposed-deletion' : 'ok',
    referenceTargetText: found.text,
  };
}

function build(doc: Node): LabelsState {
  const references = getReferences(doc);
  const decorations = references.map(({ pos, target }) => {
    const display: ReferenceDisplay = getReferenceDisplay(doc, target);
    return Decoration.node(pos, pos + 1, {}, display);
  });
  return { set: DecorationSet.create(doc, decorations), count: references.length };
}

function apply(tr: Transaction, value: LabelsState): LabelsState {
  if (!tr.docChanged) return value;
  if (onlyMovesDecorations(tr)) {
    // Plain typing adds no reference and moves no element: in a document without references
    // nothing changes, and typing in a text no reference points to (it has no id) changes no
    // label or target text either, so the labels only move with the text.
    if (value.count === 0) return value;
    if (!typesInTarget(tr)) return { set: value.set.map(tr.mapping, tr.doc), count: value.count };
  }
  return build(tr.doc);
}

// Whether one of `tr`'s steps types in an element with an id: one that references may point
// to, whose text (a heading's: its label too) they show.
function typesInTarget(tr: Transaction): boolean {
  return tr.steps.some((step, index) => {
    const { from } = step as unknown as { from: number };
    return tr.docs[index]!.resolve(from).parent.attrs.id != null;
  });
}

/** The plugin that keeps every reference's label current (see the file's header). */
export function referenceLabelsPlugin(): Plugin<LabelsState> {
  return new Plugin<LabelsState>({
    key: referenceLabelsKey,
    state: {
      init: (_config, state) => build(state.doc),
      apply,
    },
    props: {
      decorations: (state) => referenceLabelsKey.getState(state)?.set,
    },
  });
}

/** The display a reference's decorations carry, or null when none does (no plugin). */
export function findReferenceDisplay(decorations: readonly Decoration[]): ReferenceDisplay | null {
  for (const decoration of decorations) {
    const spec = decoration.spec as Partial<ReferenceDisplay>;
    if (typeof spec.referenceLabel === 'string') return spec as ReferenceDisplay;
  }
  return null;
}
