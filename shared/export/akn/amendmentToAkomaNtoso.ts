/**
 * An amendment as an Akoma Ntoso 3.0 `amendment` (`resolutie export STUK --akn OUT.xml
 * --amendement A1`): the FRBR identification of the amendment itself, a preface naming its
 * number, its indiener and co-indieners and the resolution it amends (an `affectedDocument`
 * pointing to that resolution's work URI, the one its own export carries), the body with
 * the decision formula and one `mod` per instruction in the standard form, the Toelichting as
 * justification, and the bestuur's preadvies and the ALV's besluit as conclusions. Pure: the
 * caller reads the amendment from the procedure (see main/cli/procedureCommands.ts) and hands
 * it over as plain data, as the print does.
 *
 * A `mod` whose instruction comes with its parts (`instructionParts`) marks them up: each place
 * of the resolution as a `ref` to its element (`<work URI>/~<eId>`, the naming convention's
 * form for a part of another work, the eId as the resolution's own export gives it), and the
 * words it quotes as `quotedText` with their quotes (no quote attributes: the quotes stay in the
 * text), class `oud`, `nieuw` or `plaats`. Stripped of the markup it reads as the instruction.
 */
import { formatDutchDate } from '../../dates.ts';
import {
  gemeenteName,
  type AmendmentForm,
  type InstructionPart,
} from '../../model/amendmentForm.ts';
import { endSentence, joinAnd } from '../../sentences.ts';
import { AKN_NAMESPACE } from './toAkomaNtoso.ts';
import { metaXml, type AknIdentity } from './aknMeta.ts';
import { element, escapeText } from './xmlText.ts';

/** What the export reads of an amendment: its standard form (whether it is a concept aside). */
export type AknAmendment = Omit<AmendmentForm, 'concept'>;

/** Options of the export. */
export interface AknAmendmentOptions {
  /** The work URI of the stuk it amends, as its own export names it (see `aknWorkUriOf`). */
  resolutionUri: string;
  /** The moment of the export; now when left out. */
  now?: Date;
}

/** The amendment as an Akoma Ntoso 3.0 document (UTF-8 XML text, ending in a newline). */
export function amendmentToAkomaNtoso(
  amendment: AknAmendment,
  options: AknAmendmentOptions,
): string {
  const now = options.now ?? new Date();
  const identity: AknIdentity = {
    docType: 'amendment',
    name: 'amendement',
    title: amendment.resolution,
    date: amendment.date,
    submitter: `gemeente ${gemeenteName(amendment.indiener)}`,
    coSubmitters: amendment.coIndieners.map((name) => `gemeente ${gemeenteName(name)}`),
    suffix: amendment.number,
    now,
  };
  const resolutionName =
    amendment.resolution === null ? 'de resolutie' : `de resolutie ‘${amendment.resolution}’`;
  const coLine =
    amendment.coIndieners.length === 0
      ? ''
      : element(
          'p',
          {},
          `mede ingediend door ${amendment.coIndieners.length === 1 ? 'de gemeente' : 'de gemeenten'} ` +
            joinAnd(
              amendment.coIndieners.map((name, index) =>
                element(
                  'docProponent',
                  { refersTo: `#medeindiener_${index + 1}` },
                  escapeText(gemeenteName(name)),
                ),
              ),
            ),
        );
  const preface = element(
    'preface',
    {},
    element(
      'p',
      { class: 'title' },
      element('docTitle', {}, escapeText(`Amendement ${amendment.number}`)),
    ) +
      element(
        'p',
        {},
        'van de gemeente ' +
          element(
            'docProponent',
            { refersTo: '#indiener' },
            escapeText(gemeenteName(amendment.indiener)),
          ),
      ) +
      coLine +
      element(
        'p',
        {},
        'op ' +
          element('affectedDocument', { href: options.resolutionUri }, escapeText(resolutionName)),
      ) +
      (amendment.subject === ''
        ? ''
        : element('p', { class: 'onderwerp' }, escapeText(`Onderwerp: ${amendment.subject}`))) +
      element('p', {}, element('docStatus', {}, escapeText(amendment.status))),
  );
  const dateText = amendment.date ? formatDutchDate(amendment.date) : null;
  const gathered = dateText ? `in vergadering bijeen op ${dateText}` : 'in vergadering bijeen';
  const content = element(
    'amendmentContent',
    {},
    element('p', {}, escapeText(`De Algemene Ledenvergadering, ${gathered},`)) +
      element('p', {}, escapeText(`besluit ${resolutionName} als volgt te wijzigen:`)) +
      instructionsXml(amendment, options.resolutionUri),
  );
  const justification = paragraphs(amendment.motivation);
  const body = element(
    'amendmentBody',
    {},
    content + (justification === '' ? '' : element('amendmentJustification', {}, justification)),
  );
  const conclusions = conclusionsXml(amendment);
  const document = element(
    'amendment',
    { name: 'amendement' },
    metaXml(identity) + preface + body + conclusions,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('akomaNtoso', { xmlns: AKN_NAMESPACE }, document)}\n`;
}

// The instructions, each a `mod`: one as a sentence, several as a numbered list, as printed.
function instructionsXml(amendment: AknAmendment, resolutionUri: string): string {
  const { instructions } = amendment;
  if (instructions.length === 0) {
    const note = amendment.instructionsNote || 'Dit amendement stelt geen wijziging voor.';
    return element('p', { class: 'opmerking' }, escapeText(note));
  }
  const mod = (index: number, mark: string) => {
    const instruction = instructions[index]!;
    const ended = endSentence(instruction, mark);
    const parts = amendment.instructionParts?.[index];
    // The parts only where they read as the instruction: the sentence is what counts.
    const marked =
      parts && parts.map((part) => part.text).join('') === instruction
        ? parts.map((part) => partXml(part, resolutionUri)).join('') +
          escapeText(ended.slice(instruction.length))
        : escapeText(ended);
    return element('mod', { eId: `mod_${index + 1}` }, marked);
  };
  if (instructions.length === 1) return element('p', {}, mod(0, '.'));
  const items = instructions.map((_instruction, index) => {
    const last = index === instructions.length - 1;
    return element(
      'item',
      { eId: `list_1__item_${index + 1}` },
      element('num', {}, `${index + 1}.`) + element('p', {}, mod(index, last ? '.' : ';')),
    );
  });
  return element('blockList', { eId: 'list_1' }, items.join(''));
}

const QUOTE_CLASS = { old: 'oud', new: 'nieuw', context: 'plaats' } as const;

// A part of an instruction: a place as a `ref` to its element where it has an eId, quoted words
// as `quotedText` (their quotes inside), plain words as text.
function partXml(part: InstructionPart, resolutionUri: string): string {
  const text = escapeText(part.text);
  switch (part.kind) {
    case 'place':
      return part.eId ? element('ref', { href: `${resolutionUri}/~${part.eId}` }, text) : text;
    case 'old':
    case 'new':
    case 'context':
      return element('quotedText', { class: QUOTE_CLASS[part.kind] }, text);
    default:
      return text;
  }
}

// The preadvies and the besluit, each a container of its own; nothing when neither is there.
function conclusionsXml(amendment: AknAmendment): string {
  let inner = '';
  if (amendment.advice) {
    inner += element(
      'container',
      { name: 'preadvies' },
      element('p', {}, element('b', {}, escapeText(amendment.advice.label))) +
        paragraphs(amendment.advice.reasoning),
    );
  }
  if (amendment.decision) {
    const { label, vote } = amendment.decision;
    inner += element(
      'container',
      { name: 'besluit' },
      element('p', {}, escapeText(vote ? `${label}, ${vote}.` : `${label}.`)),
    );
  }
  return inner === '' ? '' : element('conclusions', {}, inner);
}

// Plain text as `p`s: an empty line between paragraphs, a line break as `eol`.
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => element('p', {}, paragraph.split('\n').map(escapeText).join('<eol/>')))
    .join('');
}
