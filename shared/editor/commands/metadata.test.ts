import { describe, expect, it } from 'vitest';
import { createTemplateDoc } from '../template.ts';
import { run, stateAt, itemStart } from '../testing/buildDoc.ts';
import { structureGuardPlugin } from '../plugins/structureGuard.ts';
import { formatPreamble } from '../nodes/preamble.ts';
import { getMetadata } from '../queries/getMetadata.ts';
import { setMetadata } from './metadata.ts';

describe('document metadata', () => {
  const doc = createTemplateDoc();
  const state = stateAt(doc, itemStart(doc, 0), itemStart(doc, 0), [
    structureGuardPlugin(() => false),
  ]);

  it('reads the template defaults', () => {
    expect(getMetadata(doc)).toEqual({
      kind: 'resolutie',
      status: 'concept',
      title: '',
      assembly: 'ALV',
      date: null,
      submitter: null,
      versionLabel: null,
    });
  });

  it('sets every field, and the preamble follows assembly and date', () => {
    const next = run(
      state,
      setMetadata({
        kind: 'motie',
        status: 'geactualiseerd',
        assembly: 'Najaars ALV',
        date: '2024-11-29',
        submitter: 'Gemeente Oudewater',
        versionLabel: 'Geactualiseerd na Overhedenoverleg',
      }),
    )!;
    const meta = getMetadata(next.doc);
    expect(meta).toMatchObject({
      kind: 'motie',
      status: 'geactualiseerd',
      submitter: 'Gemeente Oudewater',
    });
    expect(formatPreamble(meta.assembly, meta.date)).toBe(
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
    );
    const cleared = run(next, setMetadata({ submitter: '  ', versionLabel: null }))!;
    expect(getMetadata(cleared.doc)).toMatchObject({
      submitter: null,
      versionLabel: null,
      kind: 'motie',
    });
  });

  it('refuses invalid values and reports no change as not applicable', () => {
    expect(run(state, setMetadata({ date: '2024-02-30' }))).toBeNull();
    expect(run(state, setMetadata({ kind: 'wet' as never }))).toBeNull();
    expect(run(state, setMetadata({ kind: 'resolutie' }))).toBeNull();
  });
});
