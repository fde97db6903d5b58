/**
 * `resolutie export --akn UIT.xml` as a user runs it, on a real .resolutie file with a pending
 * proposal: the Akoma Ntoso file reads with the proposal accepted, like the JSON and the PDF;
 * wrong combinations are refused with one Dutch line and nothing written. A stuk with
 * cross-references reads them by their label in `show`, the JSON and the AKN.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';
import { BROKEN_REFERENCE_TEXT } from '../../shared/editor/queries/getReferences.ts';
import {
  REFERENCE_IDS,
  REFERENCE_LABELS,
  referenceDoc,
} from '../../shared/export/testing/referenceDoc.ts';

vi.setConfig({ testTimeout: 30_000 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-akn-'));
  let state = EditorState.create({
    doc: buildDoc({
      title: 'Jeugdzorg <nu> & later',
      recitals: [['De kosten stijgen;']],
      operatives: [['Dat het Rijk bijdraagt.', { text: 'structureel', indent: 1 }]],
      explanation: ['Waarom dit nodig is.'],
    }),
  });
  const from = findText(state.doc, 'kosten', true);
  const proposal = suggestTransaction(state, state.tr.insertText('uitgaven', from, from + 6), {
    author: { name: 'Redacteur', colour: '#b3261e' },
    now: Date.UTC(2024, 10, 20, 10, 0),
    newId: () => 'c1',
  });
  if (!proposal) throw new Error('no proposal');
  state = state.apply(proposal);
  writeFileSync(
    path.join(dir, 'stuk.resolutie'),
    writeDocumentFile(createYDoc(state.doc), { app: 'Resolutie-editor', version: 'test' }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const resolutie = (...args: string[]) => runResolutie(dir, ...args);

describe('resolutie export --akn', () => {
  it('writes Akoma Ntoso with the proposals accepted', () => {
    const run = resolutie('export', 'stuk.resolutie', '--akn', 'stuk.xml');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('stuk.xml');
    const xml = readFileSync(path.join(dir, 'stuk.xml'), 'utf8');
    expect(xml).toContain('<statement name="resolutie">');
    expect(xml).toContain('De uitgaven stijgen;');
    expect(xml).not.toContain('kosten');
    expect(xml).toContain('Jeugdzorg &lt;nu&gt; &amp; later');
    expect(xml).toContain('<point eId="hcontainer_1__para_1__list_1__point_a">');
    expect(xml).toContain('<doc name="toelichting">');
  });

  it('writes it beside the JSON in one run', () => {
    const run = resolutie('export', 'stuk.resolutie', '--akn', 'samen.xml', '--json', 'samen.json');
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'samen.xml'))).toBe(true);
    expect(existsSync(path.join(dir, 'samen.json'))).toBe(true);
  });

  it('refuses one file for two outputs, and writes nothing', () => {
    const run = resolutie(
      'export',
      'stuk.resolutie',
      '--akn',
      'dubbel.xml',
      '--json',
      'dubbel.xml',
    );
    expectOneLineError(run, 2, 'ander bestand');
    expect(existsSync(path.join(dir, 'dubbel.xml'))).toBe(false);
  });

  it('refuses --changes without a PDF, and an empty name', () => {
    expectOneLineError(
      resolutie('export', 'stuk.resolutie', '--akn', 'x.xml', '--changes', 'shown'),
      2,
      '--changes hoort bij --pdf',
    );
    expectOneLineError(resolutie('export', 'stuk.resolutie', '--akn', ''), 2, '--akn mist');
    expect(existsSync(path.join(dir, 'x.xml'))).toBe(false);
  });

  it('refuses to overwrite the stuk itself', () => {
    const run = resolutie('export', 'stuk.resolutie', '--akn', 'stuk.resolutie');
    expect(run.code).not.toBe(0);
    expect(run.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('cross-references from a .resolutie file, in every text output of the command line', () => {
  beforeAll(() => {
    writeFileSync(
      path.join(dir, 'verwijzingen.resolutie'),
      writeDocumentFile(createYDoc(referenceDoc()), { app: 'Resolutie-editor', version: 'test' }),
    );
  });
  const sentence = `dat zie ${REFERENCE_LABELS.item}, ${REFERENCE_LABELS.subItem}, ${REFERENCE_LABELS.block}, ${REFERENCE_LABELS.heading} en ${BROKEN_REFERENCE_TEXT} aandacht krijgen.`;

  it('shows each reference as its label', () => {
    const run = resolutie('show', 'verwijzingen.resolutie');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out.replace(/\s+/g, ' ')).toContain(`3. ${sentence}`);
  });

  it('exports references as refs to eIds, the targets with their wId, and in the JSON', () => {
    expect(resolutie('export', 'verwijzingen.resolutie', '--akn', 'verwijzingen.xml').code).toBe(0);
    const xml = readFileSync(path.join(dir, 'verwijzingen.xml'), 'utf8');
    expect(xml).toContain(`<paragraph eId="hcontainer_1__para_1" wId="${REFERENCE_IDS.item}">`);
    expect(xml).toContain(`<ref href="#hcontainer_1__para_1">${REFERENCE_LABELS.item}</ref>`);
    expect(resolutie('export', 'verwijzingen.resolutie', '--json', 'verwijzingen.json').code).toBe(
      0,
    );
    const json = JSON.parse(readFileSync(path.join(dir, 'verwijzingen.json'), 'utf8')) as {
      blocks: { items: { id?: string; text: string; references?: { target: string }[] }[] }[];
    };
    const items = json.blocks[1]!.items;
    expect(items[0]!.id).toBe(REFERENCE_IDS.item);
    expect(items[2]!.text).toBe(sentence);
    expect(items[2]!.references?.map((reference) => reference.target)).toEqual([
      REFERENCE_IDS.item,
      REFERENCE_IDS.subItem,
      REFERENCE_IDS.block,
      REFERENCE_IDS.heading,
      REFERENCE_IDS.missing,
    ]);
  });
});
