import { describe, expect, it } from 'vitest';
import { getMetadata } from '../../shared/editor/queries/getMetadata.ts';
import { createTemplateDoc } from '../../shared/editor/template.ts';
import { createNewDocument } from './newDocument.ts';

describe('createNewDocument', () => {
  it('is the template of the kind with the assembly in the preamble', () => {
    const doc = createNewDocument('motie', '  Najaars ALV ');
    doc.check();
    expect(getMetadata(doc)).toMatchObject({ kind: 'motie', assembly: 'Najaars ALV', date: null });
    // Everything else is the template's.
    const template = createTemplateDoc('motie');
    expect(doc.childCount).toBe(template.childCount);
    expect(doc.child(2).eq(template.child(2))).toBe(true);
  });

  it('keeps the template’s assembly for an empty one', () => {
    expect(getMetadata(createNewDocument('resolutie', ' ')).assembly).toBe('ALV');
  });
});
