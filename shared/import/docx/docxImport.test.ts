// What a Word file becomes: Word's numbering and styles as structure, tracked changes as
// proposals the editor can decide on, comments as threads on their text.
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { importDocx } from './importDocx.ts';
import { change, delRun, makeDocx, numberingXml, p, r, W } from './testing/docxFiles.ts';
import { acceptChanges, getTrackedChanges } from '../../editor/suggestions/trackedChanges.ts';
import { toPlainText } from '../../export/toPlainText.ts';
import { createYDoc } from '../../ydoc/yDocument.ts';
import { addImportedComments } from '../../comments/importedComments.ts';
import { getCommentReport } from '../../comments/commentReport.ts';

const NUMBERING = numberingXml(['decimal', 'lowerLetter'], [1, 2, 3]);
// Lists 1 to 3 count (1., a.); list 9 is bulleted.
const WITH_BULLETS = NUMBERING.replace(
  '<w:num ',
  '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num><w:num ',
);
const BULLETS = `<?xml version="1.0"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num></w:numbering>`;
const STYLES = `<?xml version="1.0"?><w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Kop1"/></w:style>
<w:style w:type="paragraph" w:styleId="Blokkop"><w:name w:val="Blokkop"/></w:style>
<w:style w:type="paragraph" w:styleId="Punt"><w:name w:val="Punt"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
</w:styles>`;
const FOOTNOTES = `<?xml version="1.0"?><w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Zie de brief van het bestuur.</w:t></w:r></w:p></w:footnote></w:footnotes>`;

function text(runs: readonly { type: string; text?: string }[]): string {
  return runs.map((run) => (run.type === 'text' ? run.text : '')).join('');
}

describe('structure from Word', () => {
  it('reads title, preamble, blocks with Word-numbered items and sub-items, footnotes and the Toelichting', () => {
    const body = [
      p(r('Resolutie “Grip op de begroting”'), { style: 'Titel' }),
      p(r('De leden bijeen in de Najaars ALV van 29 november 2024:')),
      p(r('Overwegende dat:'), { style: 'Blokkop' }),
      p(r('de begroting krap is;'), { numId: 1 }),
      p(r('gemeenten meer taken krijgen'), { numId: 1 }),
      p(r('in het sociaal domein;'), { numId: 1, ilvl: 1 }),
      p(r('Spreekt uit:'), { style: 'Blokkop' }),
      // The list restarts in every block: another instance of the same list.
      p(r('Dat het kabinet '), { numId: 2 }).replace(
        '</w:p>',
        `<w:r><w:footnoteReference w:id="1"/></w:r>${r(' moet handelen.')}</w:p>`,
      ),
      p(r('Dat de VNG meedenkt;'), { numId: 2 }),
      p(r('met de provincies;'), { numId: 2, ilvl: 1 }),
      p(r('Verzoekt het bestuur:')),
      // Numbered through its style: our export's "Punt".
      p(r('Om te rapporteren.'), { style: 'Punt' }),
      p(r('Toelichting')),
      p(r('Aanleiding'), { style: 'Kop1' }),
      p(r('De begroting staat onder druk.', '<w:b/>')),
      p(r('Details'), { style: 'Kop2' }),
      p(r('Eerste'), { numId: 9 }),
      p(r('Tweede'), { numId: 9 }),
    ].join('');
    const { model, counts } = importDocx(
      makeDocx(body, {
        'word/numbering.xml': WITH_BULLETS,
        'word/styles.xml': STYLES,
        'word/footnotes.xml': FOOTNOTES,
      }),
    );
    expect(model.kind).toBe('resolutie');
    expect(model.title).toBe('Grip op de begroting');
    expect(model.preamble).toEqual({ assembly: 'Najaars ALV', date: '2024-11-29' });
    expect(
      model.blocks.map((block) => [
        block.heading,
        block.items.map((item) => [item.indent, item.marker, text(item.content)]),
      ]),
    ).toEqual([
      [
        'overwegende',
        [
          [0, 'letter', 'de begroting krap is;'],
          [0, 'letter', 'gemeenten meer taken krijgen'],
          [1, 'letter', 'in het sociaal domein;'],
        ],
      ],
      [
        'spreekt_uit',
        [
          [0, 'letter', 'Dat het kabinet  moet handelen.'],
          [0, 'letter', 'Dat de VNG meedenkt;'],
          [1, 'letter', 'met de provincies;'],
        ],
      ],
      ['verzoekt_bestuur', [[0, 'letter', 'Om te rapporteren.']]],
    ]);
    expect(model.blocks[1]!.items[0]!.content[1]).toEqual({
      type: 'footnote',
      text: 'Zie de brief van het bestuur.',
    });
    expect(model.explanation).toEqual([
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Aanleiding' }] },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'De begroting staat onder druk.', marks: ['bold'] }],
      },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Details' }] },
      {
        type: 'bullet_list',
        items: [
          [{ type: 'paragraph', content: [{ type: 'text', text: 'Eerste' }] }],
          [{ type: 'paragraph', content: [{ type: 'text', text: 'Tweede' }] }],
        ],
      },
    ]);
    expect(counts).toBe(
      '2 overwegingen, 3 punten, Toelichting met 2 koppen, 0 voorstellen, 0 opmerkingen',
    );
  });

  it("lets Word's numbering win over a number typed in the text", () => {
    // "2025. Het jaar …" typed at the start of an item is text, not a marker: Word numbered it.
    const body =
      p(r('Spreekt uit:')) +
      p(r('1. Dat dit blijft staan.'), { numId: 1 }) +
      p(r('a) met sub'), { numId: 1, ilvl: 1 });
    const { model } = importDocx(makeDocx(body, { 'word/numbering.xml': NUMBERING }));
    expect(model.blocks[0]!.items.map((item) => [item.indent, text(item.content)])).toEqual([
      [0, '1. Dat dit blijft staan.'],
      [1, 'a) met sub'],
    ]);
  });

  it("falls back on the text parser's markers where Word numbered nothing", () => {
    const body =
      p(r('Spreekt uit:')) +
      // The marker in a run of its own, as Word often cuts it.
      p(r('1.', '<w:b/>') + r('  Dat het helpt;')) +
      p(r('a. in de eerste plaats;')) +
      p(r('• als opsomming.')) +
      p(r('2. Dat het blijft.'));
    const { model } = importDocx(makeDocx(body));
    expect(
      model.blocks[0]!.items.map((item) => [item.indent, item.marker, text(item.content)]),
    ).toEqual([
      [0, 'letter', 'Dat het helpt;'],
      [1, 'letter', 'in de eerste plaats;'],
      [1, 'bullet', 'als opsomming.'],
      [0, 'letter', 'Dat het blijft.'],
    ]);
  });

  it('makes every paragraph of an unnumbered block an item, and text after typed items the Toelichting', () => {
    const body = [
      p(r('Overwegende dat:')),
      p(r('de lasten stijgen;')),
      p(r('de gemeenten betalen;')),
      p(r('Spreekt uit:')),
      p(r('1. Dat het moet;')),
      p(r('met een tweede alinea.')).replace('<w:p>', '<w:p><w:pPr><w:ind w:left="440"/></w:pPr>'),
      p(r('2. Dat het kan.')),
      p(r('En gaat over tot de orde van de dag.')),
    ].join('');
    const { model } = importDocx(makeDocx(body));
    expect(model.blocks.map((block) => block.items.map((item) => text(item.content)))).toEqual([
      ['de lasten stijgen;', 'de gemeenten betalen;'],
      ['Dat het moet;met een tweede alinea.', 'Dat het kan.'],
    ]);
    expect(model.blocks[1]!.items[0]!.content.map((run) => run.type)).toEqual([
      'text',
      'hard_break',
      'text',
    ]);
    expect(model.explanation).toEqual([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'En gaat over tot de orde van de dag.' }],
      },
    ]);
  });

  it("reads a motie's indiener into the metadata, and bulleted sub-items", () => {
    const body = [
      p(r('Motie “Lokale lasten”')),
      p(r('Ingediend door de gemeente Utrecht')),
      p(r('Spreekt uit:')),
      p(r('Dat het moet.'), { numId: 1 }),
      p(r('snel;'), { numId: 1, ilvl: 1 }),
    ].join('');
    const { model } = importDocx(makeDocx(body, { 'word/numbering.xml': BULLETS }));
    expect(model.kind).toBe('motie');
    expect(model.submitter).toBe('gemeente Utrecht');
    expect(model.blocks[0]!.items.map((item) => [item.indent, item.marker])).toEqual([
      [0, 'letter'],
      [1, 'bullet'],
    ]);
  });
});

describe("the Toelichting's lists", () => {
  // Instances 1 and 2 of one definition; instance 3 restarts it.
  const LISTS = `<?xml version="1.0"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`;
  const indented = (runs: string) =>
    p(runs).replace('<w:p>', '<w:p><w:pPr><w:ind w:left="440"/></w:pPr>');

  it('counts on through instances of one list, nests deeper levels and further paragraphs, and restarts where Word does', () => {
    const body = [
      p(r('Toelichting')),
      p(r('Een'), { numId: 1 }),
      indented(r('Meer over een.')),
      p(r('Onder een'), { numId: 1, ilvl: 1 }),
      p(r('Twee'), { numId: 2 }),
      p(r('Opnieuw'), { numId: 3 }),
      p(r('Los.')),
    ].join('');
    const { model } = importDocx(makeDocx(body, { 'word/numbering.xml': LISTS }));
    const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    expect(model.explanation).toEqual([
      {
        type: 'ordered_list',
        items: [
          [
            para('Een'),
            para('Meer over een.'),
            { type: 'bullet_list', items: [[para('Onder een')]] },
          ],
          [para('Twee')],
        ],
      },
      { type: 'ordered_list', items: [[para('Opnieuw')]] },
      para('Los.'),
    ]);
  });
});

describe('tracked changes as proposals', () => {
  const AUTHOR = 'Bewerker';
  const DATE = '2024-11-20T10:00:00Z';
  const body = [
    p(r('Spreekt uit:')),
    // A word replaced: one change with a deletion and an insertion.
    p(
      r('Dat het ') +
        change('del', 11, AUTHOR, DATE, delRun('kabinet')) +
        change('ins', 12, AUTHOR, DATE, r('Rijk')) +
        r(' betaalt.'),
      { numId: 1 },
    ),
    // A whole item added.
    p(change('ins', 13, 'Jurist', '2024-11-21T09:30:00Z', r('Dat er een nieuw punt komt.')), {
      numId: 1,
      mark: '<w:ins w:id="14" w:author="Jurist" w:date="2024-11-21T09:30:00Z"/>',
    }),
    // A whole item deleted.
    p(change('del', 15, AUTHOR, null, delRun('Dat dit punt vervalt.')), {
      numId: 1,
      mark: `<w:del w:id="16" w:author="${AUTHOR}"/>`,
    }),
    p(r('Toelichting')),
    p(r('Het ') + change('ins', 17, 'Auteur', DATE, r('gewijzigde ')) + r('voorstel.')),
  ].join('');
  const NOW = Date.UTC(2024, 11, 1);

  it("makes a proposal of every change, with Word's author and date, that the editor lists", () => {
    const imported = importDocx(makeDocx(body, { 'word/numbering.xml': NUMBERING }), NOW);
    expect(imported.proposals).toBe(4);
    const changes = getTrackedChanges(imported.doc).map((c) => ({
      name: c.name,
      time: c.time,
      inserted: c.inserted,
      deleted: c.deleted,
      item: c.item ?? null,
    }));
    expect(changes).toEqual([
      { name: AUTHOR, time: Date.parse(DATE), inserted: 'Rijk', deleted: 'kabinet', item: null },
      {
        name: 'Jurist',
        time: Date.parse('2024-11-21T09:30:00Z'),
        inserted: 'Dat er een nieuw punt komt.',
        deleted: '',
        item: 'insert',
      },
      { name: AUTHOR, time: NOW, inserted: '', deleted: 'Dat dit punt vervalt.', item: 'delete' },
      { name: 'Auteur', time: Date.parse(DATE), inserted: 'gewijzigde ', deleted: '', item: null },
    ]);
    for (const c of getTrackedChanges(imported.doc)) expect(c.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(imported.counts).toMatch(/4 voorstellen, 0 opmerkingen$/);
  });

  it('makes proposals the editor can accept', () => {
    const { doc } = importDocx(makeDocx(body, { 'word/numbering.xml': NUMBERING }), NOW);
    const state = EditorState.create({ doc });
    let accepted = state;
    acceptChanges(() => true, { removeEmptied: true })(state, (tr) => {
      accepted = state.apply(tr);
    });
    const plain = toPlainText(accepted.doc);
    expect(plain).toMatch(/1\.\s+Dat het Rijk betaalt\./);
    expect(plain).toMatch(/2\.\s+Dat er een nieuw punt komt\./);
    expect(plain).not.toContain('vervalt');
    expect(plain).toContain('Het gewijzigde voorstel.');
    expect(getTrackedChanges(accepted.doc)).toEqual([]);
  });
});

describe('comments', () => {
  const COMMENTS = `<?xml version="1.0"?><w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Jurist" w:date="2024-11-22T08:00:00Z"><w:p><w:r><w:t>Klopt dit bedrag?</w:t></w:r></w:p></w:comment><w:comment w:id="1" w:author="Bewerker"><w:p><w:r><w:t>Over de titel.</w:t></w:r></w:p></w:comment></w:comments>`;
  const body = [
    p(r('Resolutie “Grip”') + '<w:commentRangeStart w:id="1"/>' + '<w:commentRangeEnd w:id="1"/>'),
    p(r('Spreekt uit:')),
    p(
      r('Dat het ') +
        '<w:commentRangeStart w:id="0"/>' +
        r('Rijk betaalt') +
        '<w:commentRangeEnd w:id="0"/>' +
        r('.'),
      { numId: 1 },
    ),
  ].join('');

  it('places each comment on its text, and one on metadata on the title', () => {
    const imported = importDocx(
      makeDocx(body, { 'word/numbering.xml': NUMBERING, 'word/comments.xml': COMMENTS }),
    );
    expect(
      imported.comments.map((c) => [c.author, imported.doc.textBetween(c.from, c.to)]),
    ).toEqual([
      ['Jurist', 'Rijk betaalt'],
      ['Bewerker', 'Grip'],
    ]);
    // The markers left no trace in the text.
    expect(imported.doc.textContent).not.toMatch(/[\ufdd0\ufdd1\ue000-\uf8ff]/);
    expect(toPlainText(imported.doc)).toMatch(/1\.\s+Dat het Rijk betaalt\./);
  });

  it("writes them into the document as threads with Word's author, date and text", () => {
    const imported = importDocx(
      makeDocx(body, { 'word/numbering.xml': NUMBERING, 'word/comments.xml': COMMENTS }),
      5000,
    );
    const ydoc = createYDoc(imported.doc);
    const added = addImportedComments(ydoc, imported.comments);
    expect(added).toBe(2);
    const report = getCommentReport(ydoc);
    expect(
      report.map((t) => [t.place, t.text, t.comments.map((c) => [c.author, c.time, c.text])]),
    ).toEqual([
      [expect.any(String), 'Grip', [['Bewerker', 5000, 'Over de titel.']]],
      [
        'Spreekt uit: punt 1',
        'Rijk betaalt',
        [['Jurist', Date.parse('2024-11-22T08:00:00Z'), 'Klopt dit bedrag?']],
      ],
    ]);
  });

  it('places a comment on metadata in a stuk without title on its first text', () => {
    const untitled = [
      p(
        '<w:commentRangeStart w:id="0"/>' +
          r('De leden bijeen in de Najaars ALV van 29 november 2024:') +
          '<w:commentRangeEnd w:id="0"/>',
      ),
      p(r('Spreekt uit:')),
      p(r('Dat het Rijk betaalt.'), { numId: 1 }),
    ].join('');
    const imported = importDocx(
      makeDocx(untitled, { 'word/numbering.xml': NUMBERING, 'word/comments.xml': COMMENTS }),
    );
    expect(imported.model.title).toBeNull();
    expect(
      imported.comments.map((c) => [c.author, imported.doc.textBetween(c.from, c.to)]),
    ).toEqual([
      ['Jurist', 'Dat het Rijk betaalt.'],
      // A comment Word placed nowhere in the text lands there too.
      ['Bewerker', 'Dat het Rijk betaalt.'],
    ]);
  });

  it('keeps answers in their thread and a thread Word marked done as resolved', () => {
    const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
    const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
    const comment = (id: number, author: string, text: string, paraId: string) =>
      `<w:comment w:id="${id}" w:author="${author}" w:date="2024-11-22T0${id}:00:00Z"><w:p w14:paraId="${paraId}"><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
    const comments = `<w:comments xmlns:w="${W}" xmlns:w14="${W14}">${comment(0, 'Jurist', 'Klopt dit bedrag?', 'A1')}${comment(1, 'Bewerker', 'Ja, nagerekend.', 'B2')}</w:comments>`;
    const extended = `<w15:commentsEx xmlns:w15="${W15}"><w15:commentEx w15:paraId="A1" w15:done="1"/><w15:commentEx w15:paraId="B2" w15:paraIdParent="A1" w15:done="1"/></w15:commentsEx>`;
    const threaded = [
      p(r('Spreekt uit:')),
      p(
        r('Dat het ') +
          '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>' +
          r('Rijk betaalt') +
          '<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/>' +
          r('.'),
        { numId: 1 },
      ),
    ].join('');
    const imported = importDocx(
      makeDocx(threaded, {
        'word/numbering.xml': NUMBERING,
        'word/comments.xml': comments,
        'word/commentsExtended.xml': extended,
      }),
    );
    expect(imported.comments.map((c) => [c.author, c.replyTo, c.resolved])).toEqual([
      ['Jurist', null, true],
      ['Bewerker', 0, true],
    ]);
    const ydoc = createYDoc(imported.doc);
    expect(addImportedComments(ydoc, imported.comments)).toBe(2);
    const report = getCommentReport(ydoc);
    expect(
      report.map((t) => [t.text, t.resolved, t.comments.map((c) => [c.author, c.text])]),
    ).toEqual([
      [
        'Rijk betaalt',
        true,
        [
          ['Jurist', 'Klopt dit bedrag?'],
          ['Bewerker', 'Ja, nagerekend.'],
        ],
      ],
    ]);
  });

  it("never lets the file's own text forge a comment marker", () => {
    const forged =
      p(r('Spreekt uit:')) + p(r('Dat \ufdd0\ue000het\ufdd1\ue000 klopt.'), { numId: 1 });
    const imported = importDocx(makeDocx(forged, { 'word/numbering.xml': NUMBERING }));
    expect(imported.comments).toEqual([]);
    expect(toPlainText(imported.doc)).toContain('Dat \ue000het\ue000 klopt.');
  });
});
