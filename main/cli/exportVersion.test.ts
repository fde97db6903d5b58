/**
 * `resolutie export --version NAAM`: a named version of the document instead of its current
 * text, as JSON (and so as PDF, through the same reading); an unknown name lists the versions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { recordVersion } from '../../shared/ydoc/versions.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

vi.setConfig({ testTimeout: 30_000 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-version-'));
  const ydoc = createYDoc(buildDoc({ title: 'Jeugdzorg', recitals: [['De uitgaven stijgen;']] }));
  recordVersion(ydoc, {
    id: 'v1',
    name: 'Concept 12 november',
    author: 'Auteur',
    createdAt: '2024-11-12T10:00:00.000Z',
    doc: buildDoc({ title: 'Jeugdzorg', recitals: [['De kosten stijgen;']] }),
  });
  writeFileSync(
    path.join(dir, 'stuk.resolutie'),
    writeDocumentFile(ydoc, { app: 'Resolutie-editor', version: 'test' }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const resolutie = (...args: string[]) => runResolutie(dir, ...args);
const firstRecital = (file: string) => {
  const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    blocks: { items: { text: string }[] }[];
  };
  return json.blocks[0]!.items[0]!.text;
};

describe('resolutie export --version', () => {
  it('exports the named version, and the current text without it', () => {
    expect(resolutie('export', 'stuk.resolutie', '--json', 'nu.json').code).toBe(0);
    expect(firstRecital('nu.json')).toBe('De uitgaven stijgen;');
    const run = resolutie(
      'export',
      'stuk.resolutie',
      '--json',
      'toen.json',
      '--version',
      'concept 12 november',
    );
    expect(run.err).toBe('');
    expect(firstRecital('toen.json')).toBe('De kosten stijgen;');
  });

  it('names the versions there are when the name is unknown, and writes nothing', () => {
    expectOneLineError(
      resolutie('export', 'stuk.resolutie', '--json', 'x.json', '--version', 'Definitief'),
      1,
      'geen versie "Definitief"; wel "Concept 12 november"',
    );
    expectOneLineError(
      resolutie('export', 'stuk.resolutie', '--json', 'x.json', '--version', ' '),
      2,
      '--version',
    );
  });
});

describe('show and export --json with pending changes', () => {
  it('read as the stuk with the changes accepted, as the PDF prints by default', () => {
    const schemaMarks = buildDoc({}).type.schema.marks;
    const doc = buildDoc({ title: 'Fonds', recitals: [['De kosten uitgaven stijgen;']] });
    const attrs = { id: 'c1', name: 'Auteur', colour: '#b3261e', time: 1 };
    const from = findText(doc, 'kosten ', true);
    const to = findText(doc, 'uitgaven ');
    const marked = EditorState.create({ doc })
      .tr.addMark(from, from + 'kosten '.length, schemaMarks.deletion!.create(attrs))
      .addMark(from + 'kosten '.length, to, schemaMarks.insertion!.create(attrs)).doc;
    writeFileSync(
      path.join(dir, 'voorstel.resolutie'),
      writeDocumentFile(createYDoc(marked), { app: 'Resolutie-editor', version: 'test' }),
    );
    expect(resolutie('show', 'voorstel.resolutie').out).toMatch(/1\.\s+De uitgaven stijgen;/);
    expect(resolutie('export', 'voorstel.resolutie', '--json', 'voorstel.json').code).toBe(0);
    expect(firstRecital('voorstel.json')).toBe('De uitgaven stijgen;');
  });
});
