/**
 * A corpus of hostile `.resolutie` files, as they might come by e-mail: each is refused with a
 * Dutch message (a FileFormatError), or opens as a valid resolution; none crashes the reader,
 * hangs it, or makes it allocate what the file only claims. Built here rather than checked in,
 * so each case says what it is. (Rendering and printing hostile text: test/e2e/hostile.spec.ts.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { readDocumentFile, writeDocumentFile } from './documentFile.ts';
import { createYDoc, getDocumentFragment } from './yDocument.ts';
import { FileFormatError } from '../format/formatErrors.ts';
import { encodeResolutieFile } from '../format/resolutieFile.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { toPlainText } from '../export/toPlainText.ts';

const WRITER = { app: 'Resolutie-editor', version: 'test' };
const validState = () => Y.encodeStateAsUpdate(createYDoc(buildDoc({ title: 'Motie' })));

/** A file whose envelope is valid and whose Yjs state is `state`. */
function fileWithState(state: Uint8Array, extra: Record<string, unknown> = {}): Uint8Array {
  return encodeResolutieFile({
    savedAt: '2026-11-23T10:00:00.000Z',
    savedBy: WRITER,
    metadata: { kind: 'resolutie', title: 'x' },
    text: '',
    document: { type: 'doc' },
    yjsState: state,
    ...extra,
  } as Parameters<typeof encodeResolutieFile>[0]);
}

/** Bytes of a Yjs update that starts with the given unsigned varints. */
function varints(...values: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const value of values) encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

/** A resolution with quotes nested `depth` deep in its Toelichting, built level by level. */
function nestedDoc(depth: number): Y.Doc {
  const ydoc = createYDoc(buildDoc({ title: 'Diep' }));
  const fragment = getDocumentFragment(ydoc);
  fragment.insert(fragment.length, [new Y.XmlElement('blockquote')]);
  let parent = fragment.get(fragment.length - 1) as Y.XmlElement;
  for (let level = 0; level < depth; level += 1) {
    parent.insert(0, [new Y.XmlElement('blockquote')]);
    parent = parent.get(0) as Y.XmlElement;
  }
  return ydoc;
}

function expectRefused(bytes: Uint8Array, what: string): FileFormatError {
  let caught: unknown = null;
  try {
    readDocumentFile(bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught, what).toBeInstanceOf(FileFormatError);
  const message = (caught as FileFormatError).message;
  expect(message, what).toMatch(/^[A-Z]/);
  expect(message, what).not.toMatch(/undefined|TypeError|RangeError|at \w+ \(/);
  return caught as FileFormatError;
}

describe('hostile .resolutie files', () => {
  it('refuses a Yjs state that claims more than it holds, without allocating it', () => {
    const claims: [string, Uint8Array][] = [
      ['2^31 structs from one client', varints(1, 2 ** 31, 1, 0)],
      ['2^31 clients', varints(2 ** 31)],
      ['a string of 2^31 bytes', Uint8Array.of(...varints(1, 1, 7, 0), 4, ...varints(2 ** 31))],
      ['a delete set of 2^31 ranges', varints(0, 1, 7, 2 ** 31)],
      ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
    ];
    for (const [what, state] of claims) expectRefused(fileWithState(state), what);
  });

  it('refuses deep nesting in the Yjs state, also where it overflows the stack', () => {
    const file = fileWithState(Y.encodeStateAsUpdate(nestedDoc(3_000)));
    expectRefused(file, 'nested elements');
    // Deeper than the stack reaches: shown here with a small stack, as building a state deep
    // enough for the default one takes Yjs minutes. The reader says so in Dutch; no crash.
    const dir = mkdtempSync(path.join(tmpdir(), 'diep-'));
    try {
      const filePath = path.join(dir, 'diep.resolutie');
      writeFileSync(filePath, file);
      const reader = new URL('../../main/services/testing/readFileMessage.ts', import.meta.url)
        .pathname;
      const message = execFileSync(process.execPath, ['--stack-size=120', reader, filePath], {
        encoding: 'utf8',
      });
      expect(message.trim()).toBe(
        'Het bestand kan niet worden geopend. De inhoud is veel dieper genest dan een resolutie kan zijn.',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ignores deep nesting and junk in the readable copies: only the Yjs state counts', () => {
    // Written by hand: no serializer of ours would nest this deep.
    const marker = '"MARKER"';
    const base = new TextDecoder().decode(
      fileWithState(validState(), {
        document: 'MARKER',
        metadata: JSON.parse('{"title": {"$ne": 1}, "__proto__": {"polluted": true}}') as object,
        text: '<script>alert(1)</script>',
      }),
    );
    const bytes = new TextEncoder().encode(
      base.replace(marker, '['.repeat(100_000) + ']'.repeat(100_000)),
    );
    const opened = readDocumentFile(bytes);
    expect(opened.doc.firstChild!.textContent).toBe('Motie');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('opens markup, script and paths in text fields as the text they are', () => {
    const hostile = '<img src=x onerror=alert(1)> ../../etc/passwd \u202Eexe.pdf {{constructor}}';
    const doc = buildDoc({ title: hostile, recitals: [[hostile]], explanation: [hostile] });
    const file = writeDocumentFile(createYDoc(doc), WRITER);
    const opened = readDocumentFile(file);
    expect(opened.doc.eq(doc)).toBe(true);
    expect(toPlainText(opened.doc)).toContain(hostile);
  });

  it('refuses comments that are not plain, well-formed and within bounds', () => {
    const withComment = (value: unknown) => {
      const ydoc = createYDoc(buildDoc({ title: 'Motie' }));
      ydoc.getMap('opmerkingen').set('t1', value);
      return fileWithState(Y.encodeStateAsUpdate(ydoc));
    };
    const comment = {
      thread: 't1',
      author: 'Redacteur',
      colour: '#1f77b4',
      time: 1,
      edited: null,
      text: 'Klopt dit?',
      deleted: false,
      anchor: { start: 'AQID', end: 'BAUG', quote: 'Motie', change: null },
    };
    // The well-formed one opens.
    expect(readDocumentFile(withComment(comment)).doc.firstChild!.textContent).toBe('Motie');
    const refused: [string, unknown][] = [
      ['a script field', { ...comment, html: '<script>alert(1)</script>' }],
      ['a name that reorders text', { ...comment, author: 'Redacteur\u202e' }],
      ['a megabyte of text', { ...comment, text: 'x'.repeat(1_000_000) }],
      ['an anchor that is no position', { ...comment, anchor: { ...comment.anchor, end: 42 } }],
    ];
    for (const [what, value] of refused) {
      expect(expectRefused(withComment(value), what).message).toContain('Opmerking "t1"');
    }
  });

  it('refuses a procedure entry that is not exactly what the app writes, naming it', () => {
    const withEntry = (key: string, value: unknown) => {
      const ydoc = createYDoc(buildDoc({ title: 'Motie' }));
      ydoc.getMap('procedure').set(key, value);
      return fileWithState(Y.encodeStateAsUpdate(ydoc));
    };
    const decision = {
      outcome: 'aangenomen',
      vote: { voor: 28, tegen: 3, onthouding: 1 },
      name: 'Redacteur',
      time: 1,
      instructions: [],
    };
    const amendment = {
      kind: 'amendement',
      number: 'A1',
      indiener: 'Utrecht',
      coIndieners: [],
      title: 'Investeringen',
      motivation: 'Onverkort is te stellig.',
      author: 'Voorsteller',
      colour: '#1b6e3a',
      created: 1,
      submitted: 2,
      withdrawn: null,
      base: { version: null, resolution: 'Motie “Motie”', stateVector: 'AQID' },
      changes: [],
      targets: [],
    };
    expect(readDocumentFile(withEntry('stuk:a1', amendment)).doc.firstChild!.textContent).toBe(
      'Motie',
    );
    // The well-formed one opens (a besluit may come before its amendment).
    expect(readDocumentFile(withEntry('besluit:a1', decision)).doc.firstChild!.textContent).toBe(
      'Motie',
    );
    const refused: [string, string, unknown][] = [
      ['a script field', 'besluit:a1', { ...decision, html: '<script>alert(1)</script>' }],
      [
        'a negative vote',
        'besluit:a1',
        { ...decision, vote: { voor: -5, tegen: 0, onthouding: 0 } },
      ],
      ['a name that reorders text', 'besluit:a1', { ...decision, name: 'Redacteur\u202e' }],
      ['a shared type', 'besluit:a1', new Y.Map(Object.entries(decision))],
      ['a key of no kind', 'notulen:a1', decision],
      ['a motivation of a megabyte', 'stuk:a1', { ...amendment, motivation: 'x'.repeat(1e6) }],
      ['an amendment numbered as a motie', 'stuk:a1', { ...amendment, number: 'M1' }],
    ];
    for (const [what, key, value] of refused) {
      expect(expectRefused(withEntry(key, value), what).message, what).toContain(
        `Procedure-gegevens "${key}" zijn beschadigd`,
      );
    }
  });

  it('refuses a state with an attribute or a mark the schema does not know', () => {
    // Before, the reader dropped them from the document it showed, but the Yjs state (what is
    // stored, sent and merged) kept them.
    const firstItemText = (f: Y.XmlFragment) => {
      const item = ((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
      const text = new Y.XmlText();
      item.insert(0, [text]);
      return text;
    };
    const cases: [string, (fragment: Y.XmlFragment) => void][] = [
      ['onerror on the title', (f) => (f.get(0) as Y.XmlElement).setAttribute('onerror', 'x')],
      [
        'href on an item',
        (f) => ((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute('href', 'x'),
      ],
      ['an unknown mark', (f) => firstItemText(f).insert(0, 'x', { blink: {} })],
      [
        'a mark named like a prototype key',
        (f) => firstItemText(f).insert(0, 'x', JSON.parse('{"constructor": {}}') as object),
      ],
      [
        'a link with an extra attribute',
        (f) =>
          firstItemText(f).insert(0, 'x', { link: { href: 'https://vng.nl', target: '_top' } }),
      ],
      [
        'a mark whose attributes are no object',
        (f) => firstItemText(f).insert(0, 'x', { bold: true }),
      ],
    ];
    for (const [what, change] of cases) {
      const ydoc = createYDoc(buildDoc({ title: 'x', recitals: [['Punt.']] }));
      change(getDocumentFragment(ydoc));
      expect(expectRefused(fileWithState(Y.encodeStateAsUpdate(ydoc)), what).message).toContain(
        'past niet in de opbouw',
      );
    }
  });

  it('refuses a state that is not whole: changes waiting for changes it does not hold', () => {
    const base = createYDoc(buildDoc({ title: 'x', recitals: [['Punt.']] }));
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(later);
    (getDocumentFragment(later).get(0) as Y.XmlElement).insert(0, [new Y.XmlText('a')]);
    const middle = Y.encodeStateVector(later);
    (getDocumentFragment(later).get(0) as Y.XmlElement).insert(0, [new Y.XmlText('b')]);
    // The base and the last change, without the one in between it builds on.
    const gap = Y.mergeUpdates([Y.encodeStateAsUpdate(base), Y.encodeStateAsUpdate(later, middle)]);
    expect(Y.encodeStateAsUpdate(later, before).length).toBeGreaterThan(0);
    const deletes = Y.mergeUpdates([
      Y.encodeStateAsUpdate(base),
      // A deletion of 5 characters of a client that wrote nothing here.
      Uint8Array.of(0, 1, 99, 1, 0, 5),
    ]);
    for (const [what, state] of [
      ['pending structs', gap],
      ['a pending deletion', deletes],
    ] as const) {
      expect(expectRefused(fileWithState(state), what).message).toContain('onvolledig');
    }
  });

  it('refuses a state holding a script element or a javascript: link', () => {
    const cases: [string, (fragment: Y.XmlFragment) => void][] = [
      ['script element', (f) => f.insert(f.length, [new Y.XmlElement('script')])],
      [
        'javascript: link',
        (f) => {
          const item = ((f.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
          const text = new Y.XmlText();
          item.insert(0, [text]);
          text.insert(0, 'klik', { link: { href: 'javascript:alert(1)' } });
        },
      ],
    ];
    for (const [what, change] of cases) {
      const ydoc = createYDoc(buildDoc({ title: 'x', recitals: [['Punt.']] }));
      change(getDocumentFragment(ydoc));
      expectRefused(fileWithState(Y.encodeStateAsUpdate(ydoc)), what);
    }
  });
});
