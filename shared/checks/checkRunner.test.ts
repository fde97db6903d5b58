import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import {
  ignoreFinding,
  isIgnored,
  nameCheckPlace,
  runChecks,
  unignoreFinding,
} from './checkRunner.ts';
import { CHECK_RULES } from './rules.ts';
import { stuk } from './testing/checkDocs.ts';

// Three findings in three places: the preamble, a recital, the last operative item.
const flawed = () =>
  stuk({
    preamble: { assembly: 'ALV', date: null },
    recitals: [{ items: ['Gemeenten een stap zetten,', 'Het rijk betaalt.'] }],
    operatives: [{ items: ['Dat het uitgangspunt blijft;', 'Dat er een Extra ALV komt;'] }],
  });

describe('runChecks', () => {
  it('finds nothing in a well-drafted stuk', () => {
    expect(runChecks(stuk())).toEqual({ findings: [], ignored: [] });
  });

  it('lists the findings of all rules in document order, each with its place', () => {
    const { findings, ignored } = runChecks(flawed());
    expect(findings.map((f) => [f.rule, f.place])).toEqual([
      ['aanhef-onvolledig', 'Aanhef'],
      ['overweging-einde', 'Overwegende dat, overweging 1'],
      ['punt-einde', 'Spreekt uit, punt 2'],
    ]);
    expect(ignored).toEqual([]);
  });

  it('runs only the rules it is given', () => {
    const only = CHECK_RULES.filter((rule) => rule.id === 'punt-einde');
    expect(runChecks(flawed(), {}, only).findings.map((f) => f.rule)).toEqual(['punt-einde']);
  });

  it('keeps "Negeren" on the element: ignored findings move aside, and come back on unignore', () => {
    const state = EditorState.create({ doc: flawed() });
    const recital = runChecks(state.doc).findings[1]!;
    const ignoredState = state.apply(ignoreFinding(state, recital));
    const item = ignoredState.doc.nodeAt(recital.pos)!;
    expect(item.attrs.ignoredChecks).toBe('overweging-einde');
    // Its other attributes are kept.
    expect(item.attrs.indent).toBe(0);
    const after = runChecks(ignoredState.doc);
    expect(after.findings.map((f) => f.rule)).toEqual(['aanhef-onvolledig', 'punt-einde']);
    expect(after.ignored.map((f) => [f.rule, f.place])).toEqual([
      ['overweging-einde', 'Overwegende dat, overweging 1'],
    ]);
    expect(isIgnored(ignoredState.doc, after.ignored[0]!)).toBe(true);

    const shown = ignoredState.apply(unignoreFinding(ignoredState, after.ignored[0]!));
    expect(shown.doc.nodeAt(recital.pos)!.attrs.ignoredChecks).toBe('');
    const summary = (doc: typeof state.doc) =>
      runChecks(doc).findings.map((f) => [f.rule, f.pos, f.message]);
    expect(summary(shown.doc)).toEqual(summary(state.doc));
  });

  it('ignores a rule on one element only, beside the checks it already ignores', () => {
    let state = EditorState.create({
      doc: stuk({ operatives: [{ items: ['Dat het blijft,', 'Dat het gaat,', 'Klaar.'] }] }),
    });
    const [first, second] = runChecks(state.doc).findings;
    state = state.apply(ignoreFinding(state, first!));
    expect(runChecks(state.doc).findings).toEqual([expect.objectContaining({ pos: second!.pos })]);
    // The preamble keeps its ignored checks as a list.
    const preamble = { ...first!, rule: 'aanhef-onvolledig', pos: state.doc.child(0).nodeSize };
    const atPreamble = state.doc.nodeAt(preamble.pos);
    expect(atPreamble?.type.name).toBe('preamble');
    state = state.apply(ignoreFinding(state, preamble));
    state = state.apply(ignoreFinding(state, { ...preamble, rule: 'aanhef-datum' }));
    expect(state.doc.nodeAt(preamble.pos)!.attrs.ignoredChecks).toBe(
      'aanhef-onvolledig aanhef-datum',
    );
  });

  it('refuses to ignore a finding whose place is no element of the document', () => {
    const state = EditorState.create({ doc: flawed() });
    const finding = runChecks(state.doc).findings[1]!;
    expect(() => ignoreFinding(state, { ...finding, pos: finding.pos + 1 })).toThrow(RangeError);
  });

  it('gives a fix nothing to do once the document no longer has the problem there', () => {
    const state = EditorState.create({ doc: flawed() });
    const finding = runChecks(state.doc).findings[2]!;
    const fixed = state.apply(finding.fix!.apply(state)!);
    expect(finding.fix!.apply(fixed)).toBeNull();
  });
});

describe('nameCheckPlace', () => {
  it('names items with their block, sub-items as amendments do, and the Toelichting by its heading', () => {
    const doc = stuk({
      recitals: [{ items: ['Het rijk twee dingen doet:', { text: 'betalen.', indent: 1 }] }],
      explanation: ['Inleiding.', '# Overhedenoverleg', 'Er is overlegd.'],
    });
    const places: string[] = [];
    doc.descendants((node, pos) => {
      if ('ignoredChecks' in node.attrs) places.push(nameCheckPlace(doc, pos));
      return true;
    });
    expect(places).toEqual([
      'Titel',
      'Aanhef',
      'Overwegende dat',
      'Overwegende dat, overweging 1',
      'Overwegende dat, onderdeel a van overweging 1',
      'Spreekt uit',
      'Spreekt uit, punt 1',
      'Spreekt uit, punt 2',
      'Toelichting',
      'Toelichting, kop ‘Overhedenoverleg’',
      'Toelichting, onder ‘Overhedenoverleg’',
    ]);
  });
});
