/**
 * The preamble sentence, "De leden bijeen in de {vergadering} van {datum}:", with the fixed
 * words as plain text and the assembly and date as small inline fields. The date is typed the
 * Dutch way and shown in full ("vrijdag 29 november 2024").
 */
import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { formatDutchDate, parseDutchDate } from '../../../shared/dates.ts';
import { setPreamble } from '../../../shared/editor/commands/blocks.ts';
import { PREAMBLE_EMPTY_DATE } from '../../../shared/editor/nodes/preamble.ts';
import { getAssemblyName } from '../../../shared/model/assembly.ts';
import { EDITOR_LABELS } from '../labels.ts';
import { h } from './dom.ts';
import { fitWidth } from './fitWidth.ts';

export class PreambleView implements NodeView {
  dom: HTMLElement;
  private assembly: HTMLInputElement;
  private date: HTMLInputElement;
  private error: HTMLElement;

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
    this.error = h('span', { class: 'field-error', role: 'alert' });
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
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          input.blur();
        }
      });
    }
    this.render();
  }

  private commit(): void {
    const assembly = getAssemblyName(this.assembly.value);
    const typed = this.date.value.trim();
    const date = typed === '' || typed === PREAMBLE_EMPTY_DATE ? null : parseDutchDate(typed);
    if (typed !== '' && typed !== PREAMBLE_EMPTY_DATE && date === null) {
      this.error.textContent = EDITOR_LABELS.invalidDate;
      this.date.setAttribute('aria-invalid', 'true');
      return;
    }
    this.error.textContent = '';
    this.date.removeAttribute('aria-invalid');
    setPreamble(assembly, date)(this.view.state, this.view.dispatch);
    this.render();
  }

  private render(): void {
    this.assembly.value = this.node.attrs.assembly as string;
    const iso = this.node.attrs.date as string | null;
    this.date.value = iso ? (formatDutchDate(iso) ?? '') : '';
    this.size(this.assembly);
    this.size(this.date);
  }

  // Inline fields as wide as their text, so the sentence reads as one line.
  private size(input: HTMLInputElement): void {
    fitWidth(input, input.value || input.placeholder || '…');
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    if (!this.dom.contains(document.activeElement)) this.render();
    return true;
  }

  stopEvent(): boolean {
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }
}
