import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './model/resolution.ts';
import { getKindHeading } from './labels.ts';

describe('getKindHeading', () => {
  // Issue 16, point 4: "Geactualiseerde amendement" is wrong Dutch. "Amendement" is a het-word,
  // and an adjective before a het-word without an article stays uninflected.
  it('gives every kind × status combination in correct Dutch', () => {
    const table = Object.fromEntries(
      DOCUMENT_KINDS.map((kind) => [
        kind,
        Object.fromEntries(
          DOCUMENT_STATUSES.map((status) => [status, getKindHeading(kind, status)]),
        ),
      ]),
    );
    expect(table).toEqual({
      resolutie: {
        concept: 'Resolutie',
        geactualiseerd: 'Geactualiseerde resolutie',
        definitief: 'Resolutie',
        aangenomen: 'Resolutie',
        verworpen: 'Resolutie',
      },
      motie: {
        concept: 'Motie',
        geactualiseerd: 'Geactualiseerde motie',
        definitief: 'Motie',
        aangenomen: 'Motie',
        verworpen: 'Motie',
      },
      amendement: {
        concept: 'Amendement',
        geactualiseerd: 'Geactualiseerd amendement',
        definitief: 'Amendement',
        aangenomen: 'Amendement',
        verworpen: 'Amendement',
      },
    });
  });
});
