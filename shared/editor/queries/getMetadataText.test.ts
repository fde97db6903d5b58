import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDoc } from '../testing/buildDoc.ts';
import { createTemplateDoc } from '../template.ts';
import { getMetadata } from './getMetadata.ts';
import { formatTitleLine, getMetadataText } from './getMetadataText.ts';
import { getTopLevelNode } from './getTopLevelNode.ts';

/** `doc` with the title's and the preamble's attributes changed. */
function withAttrs(doc: Node, title: object, preamble: object): Node {
  const tr = new Transform(doc);
  tr.setNodeMarkup(0, undefined, { ...doc.firstChild!.attrs, ...title });
  const preambleNode = getTopLevelNode(doc, 'preamble');
  tr.setNodeMarkup(doc.firstChild!.nodeSize, undefined, { ...preambleNode.attrs, ...preamble });
  tr.doc.check();
  return tr.doc;
}

describe('getMetadataText', () => {
  it('reads a new stuk: the kind alone, the default assembly, no date', () => {
    expect(getMetadataText(createTemplateDoc('motie'))).toStrictEqual({
      kind: 'motie',
      kindLabel: 'Motie',
      status: 'concept',
      title: null,
      assembly: 'ALV',
      date: null,
      dateText: null,
      preamble: 'De leden bijeen in de ALV van …:',
      submitter: null,
      versionLabel: null,
    });
  });

  it('reads a filled-in stuk as it prints, in the JSON export’s field order', () => {
    const doc = withAttrs(
      buildDoc({ title: '  Inzet richting het kabinet ' }),
      { status: 'geactualiseerd', submitter: ' Gemeente Oudewater ', versionLabel: 'versie 2' },
      { assembly: ' Najaars ALV ', date: '2024-11-29' },
    );
    const text = getMetadataText(doc);
    expect(Object.keys(text)).toEqual([
      'kind',
      'kindLabel',
      'status',
      'title',
      'assembly',
      'date',
      'dateText',
      'preamble',
      'submitter',
      'versionLabel',
    ]);
    expect(text).toMatchObject({
      kindLabel: 'Geactualiseerde resolutie',
      title: 'Inzet richting het kabinet',
      assembly: 'Najaars ALV',
      date: '2024-11-29',
      dateText: 'vrijdag 29 november 2024',
      preamble: 'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
      submitter: 'Gemeente Oudewater',
      versionLabel: 'versie 2',
    });
    // The stored record keeps what was typed; only the reading trims.
    expect(getMetadata(doc)).toMatchObject({
      title: '  Inzet richting het kabinet ',
      assembly: ' Najaars ALV ',
      submitter: ' Gemeente Oudewater ',
    });
  });

  it('reads a blank title, assembly, indiener and version label as not given', () => {
    const doc = withAttrs(
      buildDoc({ title: '   ' }),
      { submitter: '  ', versionLabel: '' },
      { assembly: '  ' },
    );
    expect(getMetadataText(doc)).toMatchObject({
      title: null,
      assembly: 'ALV',
      preamble: 'De leden bijeen in de ALV van …:',
      submitter: null,
      versionLabel: null,
    });
  });
});

describe('formatTitleLine', () => {
  it('puts the title between quotes after the kind, or gives the kind alone', () => {
    const titled = getMetadataText(buildDoc({ title: 'Jeugdzorg' }));
    expect(formatTitleLine(titled)).toBe('Resolutie “Jeugdzorg”');
    expect(formatTitleLine({ ...titled, title: null })).toBe('Resolutie');
  });
});

describe('getTopLevelNode', () => {
  it('finds each fixed part, and refuses a node that is no document of ours', () => {
    const doc = createTemplateDoc();
    expect(getTopLevelNode(doc, 'explanation')).toBe(doc.lastChild);
    expect(() => getTopLevelNode(doc.child(2), 'title')).toThrow('mist het onderdeel title');
  });
});
