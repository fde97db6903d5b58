/**
 * The comments of a stuk from the command line, as a user runs it on a saved .resolutie file:
 * `resolutie show --comments` lists every thread with the place and text it is on, and
 * `resolutie export --pdf --comments` adds the appendix "Opmerkingen" (rendered to
 * test/artifacts/pdf-comments.png to look at). A thread whose text was deleted says so and
 * shows the text it was made on; comment text that looks like markup prints as text. Without
 * --comments nothing of the comments is printed. Needs a Chromium and poppler-utils, like
 * pdfExport.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc } from 'y-prosemirror';
import { buildDoc, findText } from '../../shared/editor/testing/buildDoc.ts';
import { createYDoc, getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { schema } from '../../shared/editor/schema.ts';
import { createAnchor } from '../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';
import {
  addReply,
  addThread,
  deleteComment,
  setThreadResolved,
} from '../../shared/comments/commentStore.ts';
import { readPdfText } from '../services/pdf/testing/pdfInspection.ts';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const writer = { app: 'Resolutie-editor', version: 'test' };
const ARTIFACT = new URL('../../test/artifacts/pdf-comments.png', import.meta.url).pathname;
const REDACTEUR = { name: 'Redacteur', colour: '#1f77b4' };
const VOORSTELLER = { name: 'Voorsteller', colour: '#d62728' };
const at = (minute: number) => Date.UTC(2026, 10, 20, 9, minute);

/** A stuk with three threads: one open with a reply, one resolved, one on text since deleted. */
function commentedStuk(): Y.Doc {
  const ydoc = createYDoc(
    buildDoc({
      title: 'Ruimte voor woningbouw',
      recitals: [['de woningnood in veel gemeenten groot is;', 'bouwgrond schaars is;']],
      operatives: [['het Rijk te vragen de middelen structureel te maken.']],
    }),
  );
  const fragment = getDocumentFragment(ydoc);
  const anchorOn = (text: string) => {
    const { doc, mapping } = initProseMirrorDoc(fragment, schema);
    const to = findText(doc, text);
    return createAnchor(doc, fragment, mapping as YMapping, to - text.length, to, null);
  };
  const open = addThread(
    ydoc,
    VOORSTELLER,
    'Kunnen we hier een bron bij noemen? Zie <script>alert(1)</script> https://example.org',
    anchorOn('woningnood in veel gemeenten'),
    at(1),
  );
  addReply(ydoc, open, REDACTEUR, 'Ja, de cijfers van het CBS.\nVolgt in de Toelichting.', at(5));
  const resolved = addThread(
    ydoc,
    REDACTEUR,
    'Structureel of incidenteel?',
    anchorOn('structureel'),
    at(7),
  );
  setThreadResolved(ydoc, resolved, true, REDACTEUR.name, at(9));
  const gone = addThread(
    ydoc,
    VOORSTELLER,
    'Is dit nog nodig?',
    anchorOn('bouwgrond schaars is;'),
    at(11),
  );
  const withdrawn = addReply(ydoc, gone, VOORSTELLER, 'Laat maar.', at(12));
  deleteComment(ydoc, withdrawn, VOORSTELLER.name, at(13));
  // The recital the last thread is on is deleted afterwards.
  deleteItem(fragment, 'bouwgrond schaars');
  return ydoc;
}

/** Deletes the item whose text holds `text`, as a colleague's edit would. */
function deleteItem(type: Y.XmlFragment | Y.XmlElement, text: string): boolean {
  const children = type.toArray();
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'item' && child.toString().includes(text)) {
      type.delete(index, 1);
      return true;
    }
    if (deleteItem(child, text)) return true;
  }
  return false;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-comments-'));
  writeFileSync(path.join(dir, 'stuk.resolutie'), writeDocumentFile(commentedStuk(), writer));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolutie show --comments', () => {
  it('lists every thread with its place, its text and its comments', () => {
    const result = runResolutie(dir, 'show', 'stuk.resolutie', '--comments');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).toContain('Opmerkingen (3)');
    expect(out).toContain('1. Overwegende dat: overweging 1: “woningnood in veel gemeenten”');
    expect(out).toContain('Kunnen we hier een bron bij noemen? Zie <script>alert(1)</script>');
    expect(out).toContain('– Redacteur, 20 november 2026 om');
    expect(out).toContain('Ja, de cijfers van het CBS.\n     Volgt in de Toelichting.');
    expect(out).toContain('2. Spreekt uit: punt 1, opgelost: “structureel”');
    expect(out).toContain('3. tekst verwijderd: “bouwgrond schaars is;”');
    expect(out).toContain('(opmerking verwijderd)');
    expect(out).not.toContain('Laat maar.');
    // The text itself comes first, as without --comments.
    expect(out.indexOf('Ruimte voor woningbouw')).toBeLessThan(out.indexOf('Opmerkingen (3)'));
  });

  it('shows no comments without --comments', () => {
    const result = runResolutie(dir, 'show', 'stuk.resolutie');
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('Opmerkingen');
    expect(result.out).not.toContain('bron');
  });
});

describe('resolutie export --pdf --comments', () => {
  it('adds the appendix "Opmerkingen" after the stuk, on a page of its own', () => {
    const result = runResolutie(dir, 'export', 'stuk.resolutie', '--pdf', 'met.pdf', '--comments');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const file = path.join(dir, 'met.pdf');
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(/Pages:\s+2/.test(pages)).toBe(true);
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '90',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      file,
      ARTIFACT.replace(/\.png$/, ''),
    ]);
    const first = readPdfText(file, 1).replace(/\s+/g, ' ');
    expect(first).toContain('woningnood in veel gemeenten');
    expect(first).not.toContain('Kunnen we hier een bron');
    const text = readPdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Opmerkingen');
    expect(text).toContain('Overwegende dat: overweging 1');
    expect(text).toContain('Kunnen we hier een bron bij noemen? Zie <script>alert(1)</script>');
    expect(text).toContain('https://example.org');
    expect(text).toContain('Spreekt uit: punt 1 opgelost');
    expect(text).toContain('Tekst verwijderd');
    expect(text).toContain('bouwgrond schaars is;');
    expect(text).toContain('Opmerking verwijderd');
  });

  it('prints no comments without --comments', () => {
    const result = runResolutie(dir, 'export', 'stuk.resolutie', '--pdf', 'zonder.pdf');
    expect(result.code).toBe(0);
    const text = readPdfText(path.join(dir, 'zonder.pdf'));
    expect(text).not.toContain('Opmerkingen');
    expect(text).not.toContain('bron');
  });

  it('says in one line what is wrong with --comments', () => {
    expectOneLineError(
      runResolutie(dir, 'export', 'stuk.resolutie', '--json', 'uit.json', '--comments'),
      2,
      '--comments hoort bij --pdf',
    );
    expectOneLineError(
      runResolutie(
        dir,
        'export',
        'stuk.resolutie',
        '--pdf',
        'v.pdf',
        '--comments',
        '--version',
        'Eerste',
      ),
      2,
      'opmerkingen horen bij de huidige tekst',
    );
  });
});
