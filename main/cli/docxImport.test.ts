/**
 * `resolutie import STUK.docx` as a user runs it: a real process on real files. A Word file
 * with a tracked change and a comment becomes a document with a proposal and a thread; every
 * hostile file is one Dutch line, exit code 1, and no output file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strToU8 } from 'fflate';
import { expectOneLineError, runResolutie } from './testing/cliProcess.ts';
import {
  W,
  change,
  makeDocx,
  numberingXml,
  p,
  r,
  withDeclaredSize,
  withEncryptionFlag,
} from '../../shared/import/docx/testing/docxFiles.ts';

// Each test starts the command several times as a real process. (A limit against hanging.)
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'resolutie-docx-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const resolutie = (...args: string[]) => runResolutie(dir, ...args);
const NUMBERING = numberingXml(['decimal', 'lowerLetter'], [1]);
const COMMENTS = `<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Jurist" w:date="2024-11-22T08:00:00Z"><w:p><w:r><w:t>Klopt dit?</w:t></w:r></w:p></w:comment></w:comments>`;

describe('resolutie import STUK.docx', () => {
  it('imports a Word file with its proposal and comment, and says how many', () => {
    const body = [
      p(r('Resolutie “Grip op de begroting”')),
      p(r('Spreekt uit:')),
      p(
        r('Dat het ') +
          change('ins', 1, 'Bewerker', '2024-11-20T10:00:00Z', r('Rijk ')) +
          '<w:commentRangeStart w:id="0"/>' +
          r('betaalt') +
          '<w:commentRangeEnd w:id="0"/>' +
          r('.'),
        { numId: 1 },
      ),
    ].join('');
    writeFileSync(
      path.join(dir, 'stuk.docx'),
      makeDocx(body, { 'word/numbering.xml': NUMBERING, 'word/comments.xml': COMMENTS }),
    );
    const imported = resolutie('import', 'stuk.docx', '-o', 'stuk.resolutie');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(
      'Geïmporteerd naar stuk.resolutie: 0 overwegingen, 1 punt, Toelichting met 0 koppen, 1 voorstel, 1 opmerking.\n',
    );
    const shown = resolutie('show', 'stuk.resolutie', '--comments');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Resolutie “Grip op de begroting”');
    expect(shown.out).toMatch(/1\.\s+Dat het Rijk betaalt\./);
    expect(shown.out).toContain('Klopt dit?');
    expect(shown.out).toContain('Jurist');
  });

  it('refuses every hostile file in one Dutch line, exit code 1, writing nothing', () => {
    const laughs = `<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const simple = makeDocx(p(r('Spreekt uit:')) + p(r('Dat het werkt.')));
    const cases: [string, Uint8Array, string][] = [
      [
        'tekst.docx',
        strToU8('Spreekt uit:\n1. Dat dit tekst is.\n'),
        'Dit is geen Word-bestand (.docx)',
      ],
      ['afgebroken.docx', simple.subarray(0, 60), 'beschadigd of onvolledig'],
      [
        'bom.docx',
        withDeclaredSize(makeDocx(p(r('a'.repeat(4_000_000)))), 'word/document.xml', 500),
        'zip-bom',
      ],
      [
        'lachen.docx',
        makeDocx('', { 'word/document.xml': laughs }),
        'DOCTYPE- of ENTITY-declaratie',
      ],
      ['macro.docm', makeDocx(p(r('Tekst')), {}, { macro: true }), "bevat macro's"],
      ['versleuteld.docx', withEncryptionFlag(simple, 'word/document.xml'), 'versleuteld'],
      ['beveiligd.docx', ole, 'oude formaat (.doc)'],
      // A Word file under a text file's name is still read as Word, and refused as Word.
      ['vermomd.txt', makeDocx(p(r('Tekst')), {}, { macro: true }), "bevat macro's"],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(path.join(dir, name), bytes);
      const result = resolutie('import', name, '-o', `${name}.resolutie`);
      expectOneLineError(result, 1, message);
      expect(existsSync(path.join(dir, `${name}.resolutie`))).toBe(false);
    }
  });

  it('leaves an existing document alone when the Word file is refused', () => {
    writeFileSync(path.join(dir, 'bestaand.resolutie'), 'oud');
    writeFileSync(path.join(dir, 'tekst.docx'), 'geen zip');
    expectOneLineError(
      resolutie('import', 'tekst.docx', '-o', 'bestaand.resolutie', '--force'),
      1,
      'Dit is geen Word-bestand',
    );
    expect(readFileSync(path.join(dir, 'bestaand.resolutie'), 'utf8')).toBe('oud');
  });
});
