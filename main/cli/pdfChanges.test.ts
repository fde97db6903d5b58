/**
 * `resolutie export --pdf --changes shown|hidden` as a user runs it, on a stuk with proposals
 * of two colleagues made in suggestion mode and saved as a .resolutie file: shown, the PDF
 * holds the deleted and the inserted words (struck through and underlined) and the legend;
 * hidden, it reads as the stuk with every change accepted, without a legend. The shown page is
 * rendered to test/artifacts/pdf-changes-shown.png to look at. Needs a Chromium and
 * poppler-utils, like pdfExport.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { suggestTransaction } from '../../shared/editor/suggestions/suggestChanges.ts';
import type { ChangeAuthor } from '../../shared/editor/suggestions/changeMarks.ts';
import { createYDoc } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import {
  readOutlineTitles,
  readPdfInfo,
  readPdfText,
} from '../services/pdf/testing/pdfInspection.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

// Two prints by a real Chromium; a limit against hanging, not a speed test.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const AUTEUR: ChangeAuthor = { name: 'Auteur van Veenendaal', colour: '#b3261e' };
const BEWERKER: ChangeAuthor = { name: 'Bewerker Joure', colour: '#3d4fb8' };
const writer = { app: 'Resolutie-editor', version: 'test' };
const ARTIFACT = new URL('../../test/artifacts/pdf-changes-shown.png', import.meta.url).pathname;

/**
 * The stuk: Auteur replaces "kosten" by "uitgaven", adds words and drops one; Bewerker proposes
 * to delete the second recital whole and adds to the title and a decision.
 */
function proposedStuk(): Node {
  let state = EditorState.create({
    doc: buildDoc({
      title: 'Financiële ruimte voor gemeenten',
      recitals: [
        [
          'De kosten van de jeugdzorg al jaren sneller stijgen dan de bijdrage van het Rijk;',
          'Gemeenten de opschalingskorting niet kunnen opvangen zonder te snijden in voorzieningen;',
          'De ledenpeiling een duidelijk mandaat geeft voor deze inzet;',
        ],
      ],
      operatives: [
        [
          'Dat het Rijk de opschalingskorting definitief schrapt.',
          'Dat de VNG hierover het gesprek aangaat met het nieuwe kabinet.',
        ],
      ],
      explanation: [
        'De financiële positie van gemeenten staat onder druk. Deze resolutie vraagt om ruimte.',
      ],
    }),
  });
  let next = 0;
  const propose = (author: ChangeAuthor, at: string, length: number, text: string) => {
    const from = findText(state.doc, at, true);
    const tr = text
      ? state.tr.insertText(text, from, from + length)
      : state.tr.delete(from, from + length);
    const proposal = suggestTransaction(state, tr, {
      author,
      now: Date.UTC(2024, 10, 20, 10, next),
      newId: () => `c${(next += 1)}`,
    });
    if (!proposal) throw new Error(`no proposal at ${at}`);
    state = state.apply(proposal);
  };
  const gone =
    'Gemeenten de opschalingskorting niet kunnen opvangen zonder te snijden in voorzieningen;';
  propose(AUTEUR, 'kosten', 'kosten'.length, 'uitgaven');
  propose(BEWERKER, gone, gone.length, '');
  propose(AUTEUR, 'duidelijk mandaat', 0, 'breed gedragen en ');
  propose(BEWERKER, 'gemeenten', 'gemeenten'.length, 'gemeenten en provincies');
  propose(
    BEWERKER,
    'definitief schrapt.',
    'definitief schrapt'.length,
    'per 2026 definitief schrapt',
  );
  propose(AUTEUR, 'hierover ', 'hierover '.length, '');
  propose(AUTEUR, 'Deze resolutie', 0, 'Structurele ');
  return state.doc;
}

let dir: string;
let shown: string;
let hidden: string;
let shownText: string;
let hiddenText: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-changes-'));
  writeFileSync(
    path.join(dir, 'voorstel.resolutie'),
    writeDocumentFile(createYDoc(proposedStuk()), writer),
  );
  for (const changes of ['shown', 'hidden']) {
    const result = runResolutie(
      dir,
      'export',
      'voorstel.resolutie',
      '--pdf',
      `${changes}.pdf`,
      '--changes',
      changes,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toBe(`PDF gemaakt: ${changes}.pdf.\n`);
  }
  shown = path.join(dir, 'shown.pdf');
  hidden = path.join(dir, 'hidden.pdf');
  shownText = readPdfText(shown).replace(/\s+/g, ' ');
  hiddenText = readPdfText(hidden).replace(/\s+/g, ' ');
  mkdirSync(path.dirname(ARTIFACT), { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '90',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    shown,
    ARTIFACT.replace(/\.png$/, ''),
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export --pdf --changes shown', () => {
  it('holds the deleted and the inserted words, in reading order', () => {
    expect(shownText).toContain('1. De kosten uitgaven van de jeugdzorg');
    expect(shownText).toContain(
      '2. Gemeenten de opschalingskorting niet kunnen opvangen zonder te snijden in voorzieningen;',
    );
    expect(shownText).toContain('3. De ledenpeiling een breed gedragen en duidelijk mandaat');
    expect(shownText).toContain('Dat de VNG hierover het gesprek aangaat');
  });

  it('says what the markup means under the title, with the authors and their changes', () => {
    expect(shownText).toContain(
      'Wijzigingen: dubbel onderstreept = toegevoegd, doorgehaald = geschrapt',
    );
    expect(shownText).toContain('AV Auteur van Veenendaal: 4 wijzigingen');
    expect(shownText).toContain('BJ Bewerker Joure: 3 wijzigingen');
    // Before the blocks (the stuk's preamble names nothing, so it prints nothing).
    expect(shownText.indexOf('Wijzigingen:')).toBeLessThan(shownText.indexOf('Overwegende dat:'));
    expect(shownText).not.toContain('De leden bijeen');
  });

  it('names the stuk as proposed in its properties and bookmarks', async () => {
    expect(readPdfInfo(shown).Title).toBe(
      'Resolutie “Financiële ruimte voor gemeenten en provincies”',
    );
    const titles = await readOutlineTitles(shown);
    expect(titles[0]).toBe('Resolutie “Financiële ruimte voor gemeenten en provincies”');
  });
});

describe('export --pdf --changes hidden', () => {
  it('reads as the stuk with every change accepted', () => {
    expect(hiddenText).not.toContain('kosten');
    expect(hiddenText).not.toContain('hierover');
    expect(hiddenText).not.toContain('opvangen');
    expect(hiddenText).toContain('1. De uitgaven van de jeugdzorg');
    // The item whose whole text was proposed for deletion is gone, and the numbers close up.
    expect(hiddenText).toContain('2. De ledenpeiling een breed gedragen en duidelijk mandaat');
    expect(hiddenText).toContain('Dat de VNG het gesprek aangaat');
    expect(hiddenText).toContain('Structurele ');
  });

  it('has no legend', () => {
    expect(hiddenText).not.toContain('Wijzigingen');
    expect(hiddenText).not.toContain('Auteur');
  });

  it('is what export prints without --changes', () => {
    const result = runResolutie(dir, 'export', 'voorstel.resolutie', '--pdf', 'standaard.pdf');
    expect(result.code).toBe(0);
    expect(readPdfText(path.join(dir, 'standaard.pdf'))).toBe(readPdfText(hidden));
  });
});

describe('export --changes with a wrong value', () => {
  it('says so in one Dutch line, exit code 2, and writes nothing', () => {
    const result = runResolutie(
      dir,
      'export',
      'voorstel.resolutie',
      '--pdf',
      'fout.pdf',
      '--changes',
      'zichtbaar',
    );
    expectOneLineError(result, 2, '--changes moet shown of hidden zijn, niet "zichtbaar"');
  });

  it('refuses --changes without a PDF, and for a bundle', () => {
    expectOneLineError(
      runResolutie(dir, 'export', 'voorstel.resolutie', '--json', 'v.json', '--changes', 'shown'),
      2,
      'export: --changes hoort bij --pdf UIT.pdf',
    );
    expectOneLineError(
      runResolutie(dir, 'bundle', 'voorstel.resolutie', '--pdf', 'b.pdf', '--changes', 'shown'),
      2,
      'bundle: --changes hoort bij export',
    );
    expect(existsSync(path.join(dir, 'v.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'fout.pdf'))).toBe(false);
  });
});
