/**
 * The preamble sentence, "De leden bijeen in de {vergadering} van {datum}:", with the fixed
 * words as plain text and the assembly and date as small inline fields. The date is typed the
 * Dutch way and shown in full ("vrijdag 29 november 2024").
 */
import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { formatDutchDate, readDutchDate } from '../../../shared/dates.ts';
import { setPreamble } from '../../../shared/editor/commands/blocks.ts';
import { PREAMBLE_EMPTY_DATE } from '../../../shared/editor/nodes/preamble.ts';
import { getAssemblyName } from '../../../shared/model/assembly.ts';
import { EDITOR_LABELS } from '../labels.ts';
import { h } from './dom.ts';
import { fitWidth } from './fitWidth.ts';
import { followEditable } from './readOnly.ts';

// Numbers the views' message ids: a page may show more than one document (a comparison).
let preambleViews = 0;

export class PreambleView implements NodeView {
  dom: HTMLElement;
  private assembly: HTMLInputElement;
  private date: HTMLInputElement;
  private error: HTMLElement;
  private stopFollowing: () => void;
  // The stored date when the message about a refused entry was shown; once the date changes
  // (Gegevens, undo, a colleague) the message is about a past value and goes.
  private errorForDate: string | null | undefined = undefined;

  constructor(
    private node: Node,
    private view: EditorView,
  ) {
    this.assembly = h('input', {
      class: 'inline-field assembly-field',
      'aria-label': EDITOR_LABELS.assembly,
      spellcheck: 'false',
    });
    this.date = h('input', {
      class: 'inline-field date-field',
      'aria-label': EDITOR_LABELS.date,
      placeholder: PREAMBLE_EMPTY_DATE,
      spellcheck: 'false',
    });
    this.error = h('span', {
      class: 'field-error',
      role: 'alert',
      id: `preamble-date-error-${++preambleViews}`,
    });
    this.dom = h(
      'p',
      { class: 'preamble', contenteditable: 'false' },
      'De leden bijeen in de ',
      this.assembly,
      ' van ',
      this.date,
      ':',
      this.error,
    );
    this.assembly.addEventListener('change', () => this.commit());
    this.date.addEventListener('change', () => this.commit());
    for (const input of [this.assembly, this.date]) {
      input.addEventListener('input', () => this.size(input));
      input.addEventListener('focus', () => this.size(input));
      input.addEventListener('blur', () => this.size(input));
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          input.blur();
        }
      });
    }
    this.render();
    this.stopFollowing = followEditable(view, () => [
      { control: this.assembly },
      { control: this.date },
    ]);
  }

  private commit(): void {
    if (!this.view.editable) {
      this.render();
      return;
    }
    const assembly = getAssemblyName(this.assembly.value);
    const stored = this.node.attrs.date as string | null;
    const typed = this.date.value.trim();
    let date: string | null = null;
    if (typed !== '' && typed !== PREAMBLE_EMPTY_DATE) {
      const reading = readDutchDate(typed);
      if (reading.iso === null) {
        // Nothing of a refused date is stored, so the field shows what is (as Gegevens does)
        // and the message quotes what was typed and says what is wrong with it (issue 16,
        // point 11: the field kept the bad entry in red while Gegevens showed the stored date).
        this.showError(reading.problem, stored);
        setPreamble(assembly, stored)(this.view.state, this.view.dispatch);
        this.render();
        return;
      }
      date = reading.iso;
    }
    this.clearError();
    setPreamble(assembly, date)(this.view.state, this.view.dispatch);
    this.render();
  }

  private showError(problem: string, stored: string | null): void {
    const kept = stored === null ? null : formatDutchDate(stored);
    const outcome = kept === null ? 'De datum blijft leeg.' : `De datum blijft ${kept}.`;
    this.error.textContent = `${problem} ${outcome}`;
    this.errorForDate = stored;
    this.date.setAttribute('aria-describedby', this.error.id);
  }

  private clearError(): void {
    this.error.textContent = '';
    this.errorForDate = undefined;
    this.date.removeAttribute('aria-describedby');
  }

  private render(): void {
    this.assembly.value = this.node.attrs.assembly as string;
    const iso = this.node.attrs.date as string | null;
    this.date.value = iso ? (formatDutchDate(iso) ?? '') : '';
    this.size(this.assembly);
    this.size(this.date);
  }

  // Inline fields as wide as their text, so the sentence reads as one line. At rest the field
  // is exactly its text and its 1px paddings, so the colon after the date follows at once as
  // in the PDF ("van … :" read with a space, issue 16, point 11); while typing it keeps room
  // for the caret.
  private size(input: HTMLInputElement): void {
    const caretRoom = input === document.activeElement ? 4 : 2;
    fitWidth(input, input.value || input.placeholder || '…', caretRoom);
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    if (this.errorForDate !== undefined && node.attrs.date !== this.errorForDate) this.clearError();
    if (!this.dom.contains(document.activeElement)) this.render();
    return true;
  }

  destroy(): void {
    this.stopFollowing();
  }

  stopEvent(): boolean {
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }
}
