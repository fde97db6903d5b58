import { describe, expect, it } from 'vitest';
import { createTemplateDoc } from '../template.ts';
import { buildDoc, describeItems, findText, itemStart, run, stateAt } from '../testing/buildDoc.ts';
import { insertItems, insertParsedResolution } from './insertParsed.ts';
import type { ParsedResolution } from '../../model/resolution.ts';

const text = (t: string) => [{ type: 'text' as const, text: t }];
const model: ParsedResolution = {
  kind: 'resolutie',
  status: 'geactualiseerd',
  title: 'Inzet',
  preamble: { assembly: 'Najaars ALV', date: '2024-11-29' },
  blocks: [
    {
      type: 'recital',
      heading: 'overwegende',
      items: [{ indent: 0, marker: 'letter', content: text('r1;') }],
    },
    {
      type: 'operative',
      heading: 'spreekt_uit',
      items: [{ indent: 0, marker: 'letter', content: text('o1.') }],
    },
  ],
  explanation: [
    { type: 'heading', level: 1, content: text('Kop') },
    { type: 'paragraph', content: text('Alinea.') },
  ],
};

describe('pasting a parsed resolution', () => {
  it('fills an untouched template', () => {
    const doc = createTemplateDoc();
    const next = run(stateAt(doc, itemStart(doc, 0)), insertParsedResolution(model))!;
    next.doc.check();
    expect(next.doc.firstChild!.textContent).toBe('Inzet');
    expect(next.doc.firstChild!.attrs.status).toBe('geactualiseerd');
    expect(next.doc.child(1).attrs).toEqual({
      assembly: 'Najaars ALV',
      date: '2024-11-29',
      ignoredChecks: '',
    });
    expect(describeItems(next.doc)).toEqual([['r1;'], ['o1.']]);
    expect(next.doc.lastChild!.childCount).toBe(2);
    expect(next.doc.lastChild!.firstChild!.type.name).toBe('heading');
  });

  it('adds to a document that holds text, overwriting nothing', () => {
    const doc = buildDoc({
      title: 'Eigen titel',
      recitals: [['eigen']],
      operatives: [['dictum']],
      explanation: ['mijn uitleg'],
    });
    const next = run(stateAt(doc, findText(doc, 'eigen')), insertParsedResolution(model))!;
    next.doc.check();
    expect(next.doc.firstChild!.textContent).toBe('Eigen titel');
    expect(describeItems(next.doc)).toEqual([['eigen'], ['r1;'], ['dictum'], ['o1.']]);
    expect(next.doc.lastChild!.textContent).toBe('mijn uitlegKopAlinea.');
  });

  it('pastes numbered lines into an item as items', () => {
    const doc = buildDoc({ recitals: [['een', '']] });
    const items = [
      { indent: 0 as const, marker: 'letter' as const, content: text('twee') },
      { indent: 1 as const, marker: 'letter' as const, content: text('sub') },
    ];
    const next = run(stateAt(doc, itemStart(doc, 1)), insertItems(items))!;
    expect(describeItems(next.doc)[0]).toEqual(['een', 'twee', '  sub']);
  });
});
