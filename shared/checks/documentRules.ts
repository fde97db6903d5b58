/**
 * The stuk against its links and its procedure: references that no longer point anywhere, a
 * stuk marked definitief while proposals still wait for a decision, and amendments whose text
 * changed since they were made (the caller works that out from the procedure; see
 * CheckContext.changedAmendments).
 */
import type { Node } from 'prosemirror-model';
import type { CheckRule } from './checkTypes.ts';
import { defineRule } from './ruleFixes.ts';
import type { Detected } from './ruleFixes.ts';
import { getReferences } from '../editor/queries/getReferences.ts';
import { getTrackedChanges } from '../editor/suggestions/trackedChanges.ts';
import { WHOLE_DOCUMENT_PLACE } from './checkPlaces.ts';

/** The text block a position stands in (the position before it), or 0 (the title). */
function textBlockAround(doc: Node, pos: number): number {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    if ('ignoredChecks' in $pos.node(depth).attrs) return $pos.before(depth);
  }
  return 0;
}

export const brokenReferenceRule: CheckRule = defineRule({
  id: 'verwijzing-vervallen',
  title: 'Verwijzing die nergens heen wijst',
  description:
    'Een verwijzing ("zoals bedoeld in punt 3") wijst naar een punt, blok of kop van het stuk. ' +
    'Is dat verwijderd, of wordt voorgesteld het te schrappen, dan wijst de verwijzing nergens ' +
    '(meer) heen. Pas de verwijzing aan of haal hem weg.',
  detect(doc) {
    const found: Detected[] = [];
    for (const reference of getReferences(doc)) {
      if (reference.state === 'ok') continue;
      found.push({
        pos: textBlockAround(doc, reference.pos),
        message:
          reference.state === 'missing'
            ? 'Deze verwijzing wijst naar een onderdeel dat niet meer in het stuk staat.'
            : `Deze verwijzing wijst naar ${reference.label ?? 'een onderdeel'}, en dat wordt voorgesteld te schrappen.`,
        from: reference.pos,
        to: reference.pos + 1,
      });
    }
    return found;
  },
});

export const definitiveWithProposalsRule: CheckRule = defineRule({
  id: 'definitief-met-voorstellen',
  title: 'Definitief met open voorstellen',
  description:
    'Een stuk met de status definitief is af. Staan er nog voorstellen (bijgehouden ' +
    'wijzigingen) open, neem ze dan aan of wijs ze af, of zet de status terug.',
  detect(doc, context) {
    if (doc.child(0).attrs.status !== 'definitief') return [];
    const pending = context.pendingProposals ?? getTrackedChanges(doc).length;
    if (pending === 0) return [];
    return [
      {
        pos: 0,
        place: WHOLE_DOCUMENT_PLACE,
        message:
          pending === 1
            ? 'De status is definitief, maar er staat nog 1 voorstel open.'
            : `De status is definitief, maar er staan nog ${pending} voorstellen open.`,
      },
    ];
  },
});

export const changedAmendmentRule: CheckRule = defineRule({
  id: 'amendement-tekst-gewijzigd',
  title: 'Tekst van een amendement gewijzigd',
  description:
    'Een amendement is gemaakt op de tekst zoals die toen luidde. Is die tekst sindsdien ' +
    'gewijzigd of verdwenen, dan past het amendement er misschien niet meer op: overleg met de ' +
    'indiener.',
  detect(_doc, context) {
    return (context.changedAmendments ?? []).map((amendment) => ({
      pos: 0,
      place: `Amendement ${amendment.number}`,
      message: amendment.gone
        ? `De tekst waarop amendement ${amendment.number} is gemaakt (${amendment.place}) staat niet meer in het stuk.`
        : `De tekst waarop amendement ${amendment.number} is gemaakt (${amendment.place}) is sindsdien gewijzigd.`,
    }));
  },
});
