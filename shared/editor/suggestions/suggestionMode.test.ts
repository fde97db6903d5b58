/**
 * Suggestion mode as a voorsteller has it: on for good, and every change a proposal or
 * nothing. What suggestion mode would let pass as it is (attributes, a moved block, a decision
 * on changes) is 'direct', which the editor does not make: the server would refuse it and end
 * the voorsteller's connection. The toolbar's commands are run as the editor runs them.
 *
 * Fault guarded: "A voorsteller presses Tab (or picks 'a, b' for the sub-items, or moves a
 * block, or presses Enter in a list of the Toelichting) and is disconnected with 4422, because
 * the change went out as something the server does not take as their proposal."
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { buildDoc, findText } from '../testing/buildDoc.ts';
import { addBlock, moveBlock } from '../commands/blocks.ts';
import { insertItemAfter } from '../commands/itemKeys.ts';
import { indentItem, outdentItem, setSubitemMarker } from '../commands/indentItems.ts';
import {
  insertFootnote,
  setLink,
  toggleBold,
  toggleItalic,
  toggleUnderline,
} from '../commands/inlineContent.ts';
import {
  setHeading,
  wrapInBulletList,
  wrapInOrderedList,
  wrapInQuote,
} from '../commands/explanationBlocks.ts';
import { setMetadata } from '../commands/metadata.ts';
import { splitBlock } from 'prosemirror-commands';
import { splitListItem } from 'prosemirror-schema-list';
import { schema } from '../schema.ts';
import { getTrackedChanges, acceptChanges } from './trackedChanges.ts';
import { suggestTransaction } from './suggestChanges.ts';
import {
  getSuggestionAuthor,
  isSuggestionForced,
  proposeOnly,
  setSuggestionAuthor,
  suggestionModePlugin,
} from './suggestionMode.ts';

const VOORSTELLER = { name: 'Voorsteller', colour: '#1b6e3a' };
let ids = 0;
const context = { author: VOORSTELLER, now: 1_000, newId: () => `c${(ids += 1)}` };

const doc = buildDoc({
  recitals: [
    ['Eerste overweging;', 'Tweede overweging;', { text: 'Een subpunt;', indent: 1 }],
    ['Tweede blok;'],
  ],
  operatives: [['Verzoekt het bestuur.']],
  explanation: ['Een alinea van de toelichting.'],
});

/** `doc` with the text `text` selected (or the cursor at its end when `select` is false). */
function at(text: string, select = true): EditorState {
  const end = findText(doc, text);
  const from = select ? end - text.length : end;
  return EditorState.create({ doc, selection: TextSelection.create(doc, from, end) });
}

/** What `command` becomes for a voorsteller on `state`: its proposal's state, or 'direct'. */
function asProposer(state: EditorState, command: Command): EditorState | null | 'direct' {
  let made: Transaction | null = null;
  expect(command(state, (tr) => (made = tr))).toBe(true);
  expect(made).not.toBeNull();
  const proposal = proposeOnly(state, made!, context);
  return proposal === 'direct' || proposal === null ? proposal : state.apply(proposal);
}

/** Whether `next` holds pending proposals, all of them the voorsteller's. */
function onlyOwnProposals(next: EditorState): boolean {
  const changes = getTrackedChanges(next.doc);
  return changes.length > 0 && changes.every((change) => change.name === VOORSTELLER.name);
}

describe('suggestion mode for a voorsteller', () => {
  it('is kept per editor: forced only with an author', () => {
    let state = EditorState.create({ doc, plugins: [suggestionModePlugin()] });
    expect(getSuggestionAuthor(state)).toBeNull();
    state = state.apply(setSuggestionAuthor(state.tr, VOORSTELLER, true));
    expect(getSuggestionAuthor(state)).toEqual(VOORSTELLER);
    expect(isSuggestionForced(state)).toBe(true);
    state = state.apply(setSuggestionAuthor(state.tr, VOORSTELLER));
    expect(isSuggestionForced(state)).toBe(false);
    state = state.apply(setSuggestionAuthor(state.tr, null, true));
    expect(getSuggestionAuthor(state)).toBeNull();
    expect(isSuggestionForced(state)).toBe(false);
  });

  it('makes typing, deleting and the toolbar’s text commands proposals of their own', () => {
    const typing = at('Eerste overweging;', false);
    const typed = proposeOnly(typing, typing.tr.insertText(' extra'), context);
    expect(typed).not.toBe('direct');
    expect(onlyOwnProposals(typing.apply(typed as Transaction))).toBe(true);
    const deleting = at('Eerste');
    const deleted = proposeOnly(deleting, deleting.tr.deleteSelection(), context);
    expect(onlyOwnProposals(deleting.apply(deleted as Transaction))).toBe(true);

    const proposals: [string, EditorState, Command][] = [
      ['Vet', at('Eerste'), toggleBold],
      ['Cursief', at('Eerste'), toggleItalic],
      ['Onderstrepen', at('Eerste'), toggleUnderline],
      ['Link', at('Eerste'), setLink('https://example.org/')],
      ['Punt toevoegen', at('Eerste overweging;', false), insertItemAfter],
      ['Blok overwegingen', at('Eerste overweging;', false), addBlock('recital')],
      ['Blok dictum', at('Verzoekt', false), addBlock('operative')],
      ['Vet in de toelichting', at('Een alinea'), toggleBold],
    ];
    for (const [label, state, command] of proposals) {
      const next = asProposer(state, command);
      expect(next, label).not.toBe('direct');
      expect(next, label).not.toBeNull();
      expect(onlyOwnProposals(next as EditorState), label).toBe(true);
    }
    // Enter in the Toelichting: a new paragraph, whose text is the voorsteller's proposal.
    const paragraph = at('Een alinea van de toelichting.', false);
    const split = asProposer(paragraph, splitBlock);
    expect(split).toBeInstanceOf(EditorState);
    const after = split as EditorState;
    const typedAfter = proposeOnly(after, after.tr.insertText('Nieuw.'), context);
    expect(onlyOwnProposals(after.apply(typedAfter as Transaction))).toBe(true);
  });

  it('says "direct" for what the server does not take as a proposal', () => {
    const direct: [string, EditorState, Command][] = [
      ['Subpunt maken', at('Tweede overweging;', false), indentItem],
      ['Subpunt opheffen', at('Een subpunt;', false), outdentItem],
      ['Subpunten als opsomming', at('Een subpunt;', false), setSubitemMarker('bullet')],
      ['Blok omlaag', at('Eerste overweging;', false), moveBlock(blockPos(), 1)],
      ['Status', at('Eerste', false), setMetadata({ status: 'definitief' })],
      // Taken back, these leave their node: the server refuses them (NOT_PROPOSED_NODES).
      ['Voetnoot', at('Eerste overweging;', false), insertFootnote('Bron')],
      ['Shift+Enter', at('Eerste overweging;', false), lineBreak],
      ['Kop', at('Een alinea', false), setHeading(1)],
      ['Opsomming', at('Een alinea', false), wrapInBulletList],
      ['Genummerde lijst', at('Een alinea', false), wrapInOrderedList],
      ['Citaat', at('Een alinea', false), wrapInQuote],
    ];
    for (const [label, state, command] of direct) {
      expect(asProposer(state, command), label).toBe('direct');
    }
    // Accepting a colleague's proposal is a redacteur's decision.
    const start = at('Eerste overweging;', false);
    const colleague = { ...context, author: { name: 'Redacteur', colour: '#7a3e9d' } };
    const proposed = start.apply(suggestTransaction(start, start.tr.insertText(' x'), colleague)!);
    expect(
      asProposer(
        proposed,
        acceptChanges(() => true),
      ),
    ).toBe('direct');
  });

  it('lets a voorsteller type in a colleague’s list, but not add an item to it', () => {
    let state = at('Een alinea van de toelichting.', false);
    expect(wrapInBulletList(state, (tr) => (state = state.apply(tr)))).toBe(true);
    const typed = proposeOnly(state, state.tr.insertText(' Meer.'), context);
    expect(typed).not.toBe('direct');
    expect(onlyOwnProposals(state.apply(typed as Transaction))).toBe(true);
    expect(asProposer(state, splitListItem(schema.nodes.list_item!))).toBe('direct');
  });

  it('proposes nothing for Backspace at the start of an item', () => {
    const state = at('Tweede overweging;');
    const joined = state.tr.join(state.selection.from - 1);
    expect(proposeOnly(state, joined, context)).toBeNull();
  });
});

/** Shift+Enter: a line break at the cursor, as the keymap inserts it. */
const lineBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break!.create()));
  return true;
};

/** The position of the first recital block. */
function blockPos(): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === 'recital_block') found = pos;
    return true;
  });
  return found;
}
