/**
 * The Word import on files it did not write: LibreOffice is the independent writer. A motie
 * with its review written in LibreOffice (test/fixtures/docx/wijzigingen.fodt), and the round
 * trip of the issue: our Word export of every seed and of a document with proposals, saved
 * again as .docx by LibreOffice, imports back to the same structure and the same proposals.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Node } from 'prosemirror-model';
import {
  convertManyWithLibreOffice,
  convertWithLibreOffice,
} from '../services/testing/libreOffice.ts';
import { createTempDir, removeTempDir } from '../services/testing/tempDir.ts';
import { importDocx } from '../../shared/import/docx/importDocx.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { toDocx } from '../../shared/export/docx/toDocx.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import type { ParsedResolution } from '../../shared/model/resolution.ts';

// LibreOffice takes seconds to start: two runs side by side, one of them for all exports.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const FIXTURE = new URL('../../test/fixtures/docx/wijzigingen.fodt', import.meta.url).pathname;
const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url).pathname;
const WORD = 'docx:MS Word 2007 XML';
// The model holds where comments start and end as markers (shared/import/docx/commentMarkers.ts).
const COMMENT_MARKER = /[\ufdd0\ufdd1][\ue000-\uf8ff]/g;

const BEWERKER = { name: 'Bewerker', colour: '#1b6e3a', time: Date.UTC(2024, 10, 20, 10) };
const JURIST = { name: 'Jurist', colour: '#7a3e9d', time: Date.UTC(2024, 10, 21, 9, 30) };

// A thread on the proposals document, with a reply.
const THREADS = [
  {
    text: 'betaalt',
    textGone: false,
    resolved: false,
    comments: [
      { author: 'Jurist', time: Date.UTC(2024, 10, 22, 8), text: 'Klopt dit?', deleted: false },
      { author: 'Bewerker', time: Date.UTC(2024, 10, 22, 9), text: 'Ja.', deleted: false },
    ],
  },
];

// A document with proposals of two people: a word replaced, an item added, an item deleted.
function proposalsModel(): ParsedResolution {
  return {
    kind: 'resolutie',
    status: 'concept',
    title: 'Grip op de begroting',
    preamble: { assembly: 'Najaars ALV', date: '2024-11-29' },
    blocks: [
      {
        type: 'operative',
        heading: 'spreekt_uit',
        items: [
          {
            indent: 0,
            marker: 'letter',
            content: [
              { type: 'text', text: 'Dat het ' },
              {
                type: 'text',
                text: 'kabinet',
                changes: [{ type: 'delete', id: 'c1', ...BEWERKER }],
              },
              { type: 'text', text: 'Rijk', changes: [{ type: 'insert', id: 'c1', ...BEWERKER }] },
              { type: 'text', text: ' betaalt.' },
            ],
          },
          {
            indent: 0,
            marker: 'letter',
            content: [
              {
                type: 'text',
                text: 'Dat er een nieuw punt komt.',
                changes: [{ type: 'insert', id: 'c2', ...JURIST }],
              },
            ],
            change: { type: 'insert', id: 'c2', ...JURIST },
          },
          {
            indent: 0,
            marker: 'letter',
            content: [
              {
                type: 'text',
                text: 'Dat dit punt vervalt.',
                changes: [{ type: 'delete', id: 'c3', ...BEWERKER }],
              },
            ],
            change: { type: 'delete', id: 'c3', ...BEWERKER },
          },
          { indent: 1, marker: 'letter', content: [{ type: 'text', text: 'met een subpunt.' }] },
        ],
      },
    ],
    explanation: [{ type: 'paragraph', content: [{ type: 'text', text: 'Een toelichting.' }] }],
  };
}

/** The document's structure: every block-level node with its depth, attributes and text. */
function skeleton(doc: Node): unknown[] {
  const out: unknown[] = [];
  doc.descendants((node, pos) => {
    if (node.isInline) return false;
    out.push(doc.resolve(pos).depth);
    const { heading, indent, marker, level, kind, status, assembly, date, submitter } =
      node.attrs as Record<string, unknown>;
    out.push([
      node.type.name,
      { heading, indent, marker, level, kind, status, assembly, date, submitter },
      node.isTextblock ? node.textContent : null,
    ]);
    return true;
  });
  return out;
}

function proposals(doc: Node) {
  return getTrackedChanges(doc).map((c) => ({
    name: c.name,
    time: c.time,
    inserted: c.inserted,
    deleted: c.deleted,
    item: c.item ?? null,
  }));
}

let dir: string;
let fixture: ReturnType<typeof importDocx>;
const seeds = new Map<string, { doc: Node; imported: ReturnType<typeof importDocx> }>();
let proposalsDoc: Node;
let withProposals: ReturnType<typeof importDocx>;
/** The export with proposals, read as we wrote it (without LibreOffice). */
let direct: ReturnType<typeof importDocx>;

beforeAll(async () => {
  dir = await createTempDir('resolutie-docx-import-');
  const names = (await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).sort();
  const docs = new Map<string, Node>();
  const exported: string[] = [];
  for (const name of names) {
    const doc = docFromModel(parseResolutionText(await readFile(path.join(SEEDS, name), 'utf8')));
    docs.set(name, doc);
    exported.push(path.join(dir, name.replace(/\.txt$/, '.docx')));
    await writeFile(exported[exported.length - 1]!, await toDocx(doc));
  }
  proposalsDoc = docFromModel(proposalsModel());
  exported.push(path.join(dir, 'voorstellen.docx'));
  await writeFile(
    exported[exported.length - 1]!,
    await toDocx(proposalsDoc, { changes: 'shown', comments: THREADS }),
  );
  const [fromFixture, saved] = await Promise.all([
    convertWithLibreOffice(FIXTURE, WORD, dir),
    convertManyWithLibreOffice(exported, WORD, path.join(dir, 'opnieuw')),
  ]);
  const read = async (file: string) => importDocx(new Uint8Array(await readFile(file)), 0);
  fixture = await read(fromFixture);
  for (const [index, name] of names.entries()) {
    seeds.set(name, { doc: docs.get(name)!, imported: await read(saved[index]!) });
  }
  withProposals = await read(saved[saved.length - 1]!);
  direct = await read(exported[exported.length - 1]!);
});

afterAll(async () => {
  await removeTempDir(dir);
});

describe('a motie with its review, written in LibreOffice', () => {
  it("becomes blocks and items by Word's numbering, with its footnote and Toelichting", () => {
    const { model } = fixture;
    expect(model.kind).toBe('motie');
    expect(model.title).toBe('Lokale lasten');
    expect(model.preamble).toEqual({ assembly: 'Najaars ALV', date: '2024-11-29' });
    const items = model.blocks.map((block) => [
      block.heading,
      block.items.map((item) => [
        item.indent,
        item.content
          .map((run) =>
            run.type === 'text' ? run.text : run.type === 'footnote' ? `[${run.text}]` : '',
          )
          .join('')
          .replace(COMMENT_MARKER, ''),
      ]),
    ]);
    expect(items).toEqual([
      [
        'overwegende',
        [
          [0, 'de lokale lasten stijgen;'],
          [0, 'gemeenten de rekening krijgen[Zie de brief van het bestuur.];'],
        ],
      ],
      [
        'spreekt_uit',
        [
          [0, 'Dat het kabinetRijk de kosten draagt;'],
          [1, 'voor de jeugdzorg;'],
          [1, 'voor de Wmo.'],
          [0, 'Dat de VNG dit bespreekt.'],
          [0, 'Dat er een nieuw punt komt.'],
          [0, 'Dat dit punt vervalt.'],
        ],
      ],
    ]);
    expect(model.explanation.map((flow) => flow.type)).toEqual(['heading', 'paragraph']);
  });

  it('brings the tracked changes as proposals with their authors and dates, and the comment', () => {
    expect(proposals(fixture.doc)).toEqual([
      {
        name: 'Bewerker',
        time: Date.parse('2024-11-20T10:00:00Z'),
        inserted: 'Rijk',
        deleted: 'kabinet',
        item: null,
      },
      {
        name: 'Jurist',
        time: Date.parse('2024-11-21T09:30:00Z'),
        inserted: 'Dat er een nieuw punt komt.',
        deleted: '',
        item: 'insert',
      },
      {
        name: 'Bewerker',
        time: Date.parse('2024-11-23T11:00:00Z'),
        inserted: '',
        deleted: 'Dat dit punt vervalt.',
        item: 'delete',
      },
      {
        name: 'Auteur',
        time: Date.parse('2024-11-22T14:00:00Z'),
        inserted: 'al jaren ',
        deleted: '',
        item: null,
      },
    ]);
    const { comments, doc } = fixture;
    expect(comments.map((c) => [c.author, c.time, c.text, doc.textBetween(c.from, c.to)])).toEqual([
      ['Jurist', Date.parse('2024-11-22T08:00:00Z'), 'Klopt dit bedrag?', 'kosten draagt'],
    ]);
  });
});

describe('the round trip: our Word export, saved again by LibreOffice, imported', () => {
  it('gives every seed back with the same structure and text', () => {
    expect(seeds.size).toBeGreaterThanOrEqual(5);
    for (const [name, { doc, imported }] of seeds) {
      expect(skeleton(imported.doc), name).toEqual(skeleton(doc));
      expect(toPlainText(imported.doc), name).toBe(toPlainText(doc));
    }
  });

  it('gives a document with proposals back with the same proposals', () => {
    expect(skeleton(withProposals.doc)).toEqual(skeleton(proposalsDoc));
    expect(proposals(withProposals.doc)).toEqual(proposals(proposalsDoc));
    expect(withProposals.proposals).toBe(3);
  });

  it("reads our own export's answers as answers", () => {
    expect(direct.comments.map((c) => [c.author, c.text, c.replyTo])).toEqual([
      ['Jurist', 'Klopt dit?', null],
      ['Bewerker', 'Ja.', 0],
    ]);
  });

  it('gives its comments back on their text; LibreOffice keeps no answers, so a reply comes back as a comment of its own', () => {
    const { comments, doc } = withProposals;
    expect(comments.map((c) => [c.author, c.time, c.text, doc.textBetween(c.from, c.to)])).toEqual([
      ['Jurist', Date.UTC(2024, 10, 22, 8), 'Klopt dit?', 'betaalt'],
      ['Bewerker', Date.UTC(2024, 10, 22, 9), 'Ja.', 'betaalt'],
    ]);
  });
});
