/**
 * Typing "punt 3" (or "overweging 2", "onderdeel b van punt 1") where such an element exists
 * offers to make it a cross-reference: a small note under the cursor says "Verwijzing naar punt
 * 3 invoegen" with the target's text. Enter takes it (the typed words become the reference,
 * which then follows every renumbering); Escape, typing on or moving the cursor leaves the words
 * as they are. Enter is Enter again whenever no note shows, and Tab keeps indenting.
 *
 * The check runs only after a keystroke that typed a letter or digit, on the last few words of
 * the text block, so typing stays as fast as without it; the elements are looked up only when
 * those words have the shape of such a phrase.
 */
import { EditorState, Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { insertReference } from '../../shared/editor/commands/references.ts';
import { isTypingTransaction } from '../../shared/editor/queries/isTypingTransaction.ts';
import { isSuggestionForced } from '../../shared/editor/suggestions/suggestionMode.ts';
import { findTargetByLabel, findTypedPhrase } from './referenceMatch.ts';
import { insertReferenceInView } from './referenceInsert.ts';
import { REFERENCE_LABELS, shortenText } from './referenceText.ts';
import { isRemoteTransaction } from './yjsBinding.ts';

/** An offered reference: the typed words at `from`–`to`, naming the element labelled `label`. */
export interface ReferenceOffer {
  from: number;
  to: number;
  /** The words as typed. */
  text: string;
  /** The label as typed ("punt 3"), looked up again when the offer is taken. */
  typed: string;
  /** The target's full label ("punt 3 onder 'Spreekt uit'") and text, for the note. */
  label: string;
  targetText: string;
}

export const referenceSuggestionKey = new PluginKey<ReferenceOffer | null>('referenceSuggestion');

/** How many characters before the cursor can hold a phrase ("onderdeel b van overweging 123"). */
const LOOK_BACK = 40;

/** Whether `tr` typed a letter or digit just before where the cursor now is. */
function typedWordCharacter(tr: Transaction): boolean {
  const { selection } = tr;
  if (!selection.empty || !isTypingTransaction(tr)) return false;
  const $cursor = selection.$from;
  const before = $cursor.parent.textBetween(
    Math.max(0, $cursor.parentOffset - 1),
    $cursor.parentOffset,
    undefined,
    '\ufffc',
  );
  return /[\p{L}\p{N}]/u.test(before);
}

/** The offer the text before the cursor in `state` makes, or null. */
export function findReferenceOffer(state: EditorState): ReferenceOffer | null {
  const { $from, empty } = state.selection;
  if (!empty || !$from.parent.isTextblock) return null;
  const start = Math.max(0, $from.parentOffset - LOOK_BACK);
  const before = $from.parent.textBetween(start, $from.parentOffset, undefined, '\ufffc');
  const phrase = findTypedPhrase(before);
  if (!phrase) return null;
  const target = findTargetByLabel(state.doc, phrase.label, $from.pos);
  if (!target) return null;
  const from = $from.pos - phrase.text.length;
  // Only where a reference may stand (not in the title), checked as the command checks it: on a
  // bare state, since this runs while the plugins' new state is being made.
  const selection = TextSelection.create(state.doc, from, $from.pos);
  const selected = EditorState.create({ doc: state.doc, selection });
  if (!insertReference(target.pos)(selected)) return null;
  return {
    from,
    to: $from.pos,
    text: phrase.text,
    typed: phrase.label,
    label: target.label,
    targetText: target.text,
  };
}

function apply(
  tr: Transaction,
  offer: ReferenceOffer | null,
  old: EditorState,
  state: EditorState,
): ReferenceOffer | null {
  const meta = tr.getMeta(referenceSuggestionKey) as 'dismiss' | undefined;
  if (meta === 'dismiss') return null;
  if (tr.docChanged && !isRemoteTransaction(tr)) {
    // A voorsteller cannot propose a reference (NOT_PROPOSED_NODES): nothing to offer. (Asked
    // of the state before: the suggestion mode's own field comes after this one in the new.)
    if (isSuggestionForced(old)) return null;
    return typedWordCharacter(tr) ? findReferenceOffer(state) : null;
  }
  if (!offer) return null;
  // A colleague's edit moves the words; the offer stays while they and the cursor do.
  const from = tr.mapping.map(offer.from, 1);
  const to = tr.mapping.map(offer.to, -1);
  const { selection } = state;
  if (!selection.empty || selection.from !== to) return null;
  if (state.doc.textBetween(from, to, undefined, '\ufffc') !== offer.text) return null;
  return from === offer.from && to === offer.to ? offer : { ...offer, from, to };
}

/** Takes the offer: the typed words become a reference to the element they name. */
export function acceptReferenceOffer(view: EditorView): boolean {
  const offer = referenceSuggestionKey.getState(view.state);
  if (!offer) return false;
  const target = findTargetByLabel(view.state.doc, offer.typed, offer.to);
  if (!target) {
    view.dispatch(view.state.tr.setMeta(referenceSuggestionKey, 'dismiss'));
    return false;
  }
  const select = view.state.tr
    .setSelection(TextSelection.create(view.state.doc, offer.from, offer.to))
    .setMeta(referenceSuggestionKey, 'dismiss');
  view.dispatch(select);
  return insertReferenceInView(view, target.pos);
}

/** The note under the cursor, kept in the page while the editor lives (see the header). */
class OfferNote {
  private readonly note: HTMLElement;
  private shown: ReferenceOffer | null = null;
  private readonly reposition = () => this.place();
  private readonly view: EditorView;

  constructor(view: EditorView) {
    this.view = view;
    this.note = document.createElement('div');
    this.note.className = 'reference-suggestion is-idle';
    // Announced to screen readers as it appears; the editor keeps the focus.
    this.note.setAttribute('role', 'status');
    this.note.setAttribute('aria-live', 'polite');
    // A click takes the offer; mousedown must not take the focus from the editor.
    this.note.addEventListener('mousedown', (event) => {
      event.preventDefault();
      acceptReferenceOffer(this.view);
    });
    document.body.append(this.note);
    window.addEventListener('scroll', this.reposition, true);
    window.addEventListener('resize', this.reposition);
    this.update();
  }

  update(): void {
    const offer = referenceSuggestionKey.getState(this.view.state) ?? null;
    if (offer === this.shown) {
      if (offer) this.place();
      return;
    }
    this.shown = offer;
    this.note.replaceChildren();
    if (!offer) {
      this.note.classList.add('is-idle');
      return;
    }
    const title = document.createElement('span');
    title.className = 'reference-suggestion-title';
    title.textContent = REFERENCE_LABELS.suggestion(offer.label);
    const keys = document.createElement('span');
    keys.className = 'reference-suggestion-keys';
    keys.textContent = REFERENCE_LABELS.suggestionKeys;
    this.note.append(title, keys);
    if (offer.targetText) {
      const text = document.createElement('span');
      text.className = 'reference-suggestion-text';
      text.textContent = shortenText(offer.targetText, 70);
      this.note.append(text);
    }
    this.note.classList.remove('is-idle');
    this.place();
  }

  // Under the line with the cursor, within the window.
  private place(): void {
    if (!this.shown || this.view.isDestroyed) return;
    let coords: { left: number; bottom: number };
    try {
      coords = this.view.coordsAtPos(this.shown.from);
    } catch {
      return;
    }
    const width = this.note.offsetWidth;
    const left = Math.max(8, Math.min(coords.left, window.innerWidth - width - 8));
    this.note.style.left = `${left}px`;
    this.note.style.top = `${coords.bottom + 6}px`;
  }

  destroy(): void {
    window.removeEventListener('scroll', this.reposition, true);
    window.removeEventListener('resize', this.reposition);
    this.note.remove();
  }
}

/**
 * The typing suggestion's plugin. It must come before the keymaps: its Enter takes the offer
 * before Enter splits the item.
 */
export function referenceSuggestionPlugin(): Plugin<ReferenceOffer | null> {
  return new Plugin<ReferenceOffer | null>({
    key: referenceSuggestionKey,
    state: { init: () => null, apply },
    props: {
      handleKeyDown(view, event) {
        if (!referenceSuggestionKey.getState(view.state)) return false;
        const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
        if (event.key === 'Enter' && plain) return acceptReferenceOffer(view);
        if (event.key === 'Escape') {
          view.dispatch(view.state.tr.setMeta(referenceSuggestionKey, 'dismiss'));
          return true;
        }
        return false;
      },
    },
    view: (view) => new OfferNote(view),
  });
}
