/**
 * Dutch labels for everything a user reads that the document model names: block headings,
 * kinds and statuses of stukken. UI-only strings live with the renderer's components.
 */
import type {
  DocumentKind,
  DocumentStatus,
  OperativeHeading,
  RecitalHeading,
} from './model/resolution.ts';

/** The printed heading of each recital block, colon included. */
export const RECITAL_HEADING_LABELS: Record<RecitalHeading, string> = {
  overwegende: 'Overwegende dat:',
  constaterende: 'Constaterende dat:',
  gelet_op: 'Gelet op:',
};

/** The printed heading of each operative block, colon included. */
export const OPERATIVE_HEADING_LABELS: Record<OperativeHeading, string> = {
  spreekt_uit: 'Spreekt uit:',
  roept_op: 'Roept op:',
  verzoekt_bestuur: 'Verzoekt het bestuur:',
  besluit: 'Besluit:',
};

/** What one item of a block is called, for counts ("6 overwegingen") and screen readers. */
export const BLOCK_ITEM_NOUNS = {
  recital: { one: 'overweging', many: 'overwegingen' },
  operative: { one: 'punt', many: 'punten' },
} as const;

/** The kind of stuk as it opens its title ("Resolutie", "Motie", "Amendement"). */
export const KIND_LABELS: Record<DocumentKind, string> = {
  resolutie: 'Resolutie',
  motie: 'Motie',
  amendement: 'Amendement',
};

/** Statuses as a user reads them in menus. */
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  concept: 'Concept',
  geactualiseerd: 'Geactualiseerd',
  definitief: 'Definitief',
  aangenomen: 'Aangenomen',
  verworpen: 'Verworpen',
};

/**
 * Whether a kind is a het-word ("het amendement") or a de-word ("de resolutie", "de motie").
 * An adjective before a het-word without an article stays uninflected: "Geactualiseerd
 * amendement", but "Geactualiseerde resolutie" (issue 16, point 4).
 */
const KIND_IS_HET_WORD: Record<DocumentKind, boolean> = {
  resolutie: false,
  motie: false,
  amendement: true,
};

/**
 * The title's opening words: the kind alone ("Resolutie"), or "Geactualiseerde resolutie",
 * "Geactualiseerde motie", "Geactualiseerd amendement" once the stuk is updated. The other
 * statuses do not show in the title (the watermark and Gegevens say them).
 */
export function getKindHeading(kind: DocumentKind, status: DocumentStatus): string {
  if (status !== 'geactualiseerd') return KIND_LABELS[kind];
  const adjective = KIND_IS_HET_WORD[kind] ? 'Geactualiseerd' : 'Geactualiseerde';
  return `${adjective} ${KIND_LABELS[kind].toLowerCase()}`;
}

/** The fixed heading of the explanatory part. */
export const EXPLANATION_HEADING = 'Toelichting';

/** Count with the right noun: "1 overweging", "6 overwegingen". */
export function formatItemCount(kind: 'recital' | 'operative', count: number): string {
  const noun = BLOCK_ITEM_NOUNS[kind];
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}
