/**
 * The title line, which also carries the document's own metadata as attributes: the kind of
 * stuk, its status, the indiener (submitter) and a version label. The title itself is text.
 */
import { oneOf, satisfies } from './attrValidators.ts';
import { ignoredChecksAttr } from './elementIds.ts';
import type { NodeSpec } from 'prosemirror-model';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../model/resolution.ts';
import type { DocumentKind, DocumentStatus } from '../../model/resolution.ts';
import { getKindHeading } from '../../labels.ts';

export const title: NodeSpec = {
  attrs: {
    kind: { default: 'resolutie', validate: oneOf(DOCUMENT_KINDS) },
    status: { default: 'concept', validate: oneOf(DOCUMENT_STATUSES) },
    /** The indiener: "bestuur" or a gemeente's name; null until someone fills it in. */
    submitter: { default: null, validate: satisfies(isShortTextOrNull, 'tekst of leeg') },
    /** A label for this version, e.g. "Concept 12 november"; null when none. */
    versionLabel: { default: null, validate: satisfies(isShortTextOrNull, 'tekst of leeg') },
    /** Checks of the whole document a user chose to ignore (see elementIds.ts). */
    ignoredChecks: ignoredChecksAttr,
  },
  content: 'text*',
  // No formatting in the title line; changes to it can be tracked.
  marks: 'insertion deletion',
  defining: true,
  // Isolating: Backspace and Delete at its edges never join it with the preamble.
  isolating: true,
  parseDOM: [
    {
      tag: 'h1[data-kind]',
      getAttrs: (dom) => ({
        kind: readEnum(dom.getAttribute('data-kind'), DOCUMENT_KINDS, 'resolutie'),
        status: readEnum(dom.getAttribute('data-status'), DOCUMENT_STATUSES, 'concept'),
      }),
      contentElement: '.title-text',
    },
  ],
  toDOM: (node) => {
    const kind = node.attrs.kind as DocumentKind;
    const status = node.attrs.status as DocumentStatus;
    return [
      'h1',
      { class: 'doc-title', 'data-kind': kind, 'data-status': status },
      ['span', { class: 'title-kind' }, getKindHeading(kind, status)],
      ' ',
      ['span', { class: 'title-text' }, 0],
    ];
  },
};

/** Metadata text: a string of at most 200 characters, or null. */
export function isShortTextOrNull(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.length <= 200);
}

function readEnum<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
