import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { InlineRun } from '../model/resolution.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { buildDoc, findText } from '../editor/testing/buildDoc.ts';
import { getFootnotes } from '../editor/queries/getFootnoteNumbers.ts';
import { getAcceptedDoc } from '../editor/suggestions/acceptedDoc.ts';
import type { ChangeAuthor } from '../editor/suggestions/changeMarks.ts';
import { getInitials } from './printChanges.ts';
import { listOutlineTitles } from './outlineTitles.ts';
import { renderPrintBundle } from './renderBundle.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';
import type { ChangeDisplay } from './renderPrintDocument.ts';

const AUTEUR: ChangeAuthor = { name: 'Auteur van Veenendaal', colour: '#b3261e' };
const BEWERKER: ChangeAuthor = { name: 'Bewerker', colour: '#3d4fb8' };

type Kind = 'insertion' | 'deletion';

/** `doc` with the text from `from` to `to` marked as change `id` of `author`. */
function markRange(
  doc: Node,
  from: number,
  to: number,
  kind: Kind,
  id: string,
  author: ChangeAuthor,
) {
  const type = doc.type.schema.marks[kind]!;
  const mark = type.create({ ...author, id, time: 1_732_000_000_000 });
  const out = new Transform(doc).addMark(from, to, mark).doc;
  out.check();
  return out;
}

/** `doc` with the first `text` marked. */
function mark(doc: Node, text: string, kind: Kind, id: string, author = AUTEUR): Node {
  const from = findText(doc, text, true);
  return markRange(doc, from, from + text.length, kind, id, author);
}

const html = (doc: Node, changes?: ChangeDisplay) =>
  renderPrintDocument(doc, { fontCss: '', changes }).html;

function bodyOf(page: string): string {
  return page.slice(page.indexOf('<body>'), page.indexOf('</body>'));
}

/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
function textOf(page: string): string {
  return page
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every item's label and text, block by block. */
function itemsOf(page: string): string[] {
  return [...page.matchAll(/<li class="item"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
}

/** Auteur replaces "kosten" by "uitgaven"; Bewerker proposes to delete the second item whole. */
function proposed(): Node {
  let doc = buildDoc({
    recitals: [['De kosten uitgaven stijgen;', 'Weg ermee;', 'Derde;']],
    operatives: [['Dat.']],
  });
  doc = mark(doc, 'kosten ', 'deletion', 'c1');
  doc = mark(doc, 'uitgaven', 'insertion', 'c1');
  doc = mark(doc, 'Weg ermee;', 'deletion', 'c2', BEWERKER);
  return doc;
}

describe('renderPrintDocument with changes hidden (the default)', () => {
  const doc = proposed();

  it('prints the stuk as it reads with every change accepted, without markup', () => {
    const page = html(doc);
    expect(page).toBe(html(doc, 'hidden'));
    expect(page).toBe(html(getAcceptedDoc(doc)));
    expect(bodyOf(page)).not.toMatch(/<ins|<del|data-change|change-legend/);
    expect(page).not.toContain('.change-legend');
  });

  it('leaves out an item whose whole text is deleted, and numbers the rest', () => {
    expect(itemsOf(html(doc))).toEqual(['1. De uitgaven stijgen;', '2. Derde;', '1. Dat.']);
  });
});

describe('renderPrintDocument with changes shown', () => {
  const doc = proposed();
  const page = html(doc, 'shown');
  const body = bodyOf(page);

  it('prints each change through its mark’s toDOM, with its author and colour', () => {
    expect(body).toContain(
      '<del class="change change-delete" data-change="c1" data-author="Auteur van Veenendaal" ' +
        'data-colour="#b3261e" data-time="1732000000000" style="--change-colour: #b3261e">kosten </del>' +
        '<ins class="change change-insert" data-change="c1" data-author="Auteur van Veenendaal" ' +
        'data-colour="#b3261e" data-time="1732000000000" style="--change-colour: #b3261e">uitgaven</ins>',
    );
    expect(page).toContain('ins.change,');
  });

  it('does not strike through a proposal a deletion was spread over by a merge', () => {
    let spread = buildDoc({ recitals: [['De hoge kosten stijgen;']] });
    // Bewerker deleted "hoge kosten" (plain text then); Auteur typed "hoge " inside meanwhile.
    spread = mark(spread, 'hoge kosten', 'deletion', 'c2', BEWERKER);
    spread = mark(spread, 'hoge ', 'insertion', 'c1', AUTEUR);
    const printed = bodyOf(html(spread, 'shown'));
    expect(printed).toMatch(/<ins [^>]*data-change="c1"[^>]*>hoge <\/ins><del [^>]*>kosten<\/del>/);
  });

  it('numbers the items as they stand, the deleted one too', () => {
    expect(itemsOf(page)).toEqual([
      '1. De kosten uitgaven stijgen;',
      '2. Weg ermee;',
      '3. Derde;',
      '1. Dat.',
    ]);
  });

  it('has a legend after the title and metadata, before the blocks, with every author', () => {
    const legend = /<aside class="change-legend"[^>]*>([\s\S]*?)<\/aside>/.exec(body)![1]!;
    expect(textOf(legend)).toBe(
      'Wijzigingen: dubbel onderstreept = toegevoegd, doorgehaald = geschrapt ' +
        'AV Auteur van Veenendaal: 1 wijziging B Bewerker: 1 wijziging',
    );
    expect(legend).toContain(
      '<span class="change-initials" style="--change-colour: #3d4fb8">B</span>',
    );
    expect(body.indexOf('</h1>')).toBeLessThan(body.indexOf('<aside'));
    expect(body.indexOf('</aside>')).toBeLessThan(body.indexOf('class="clause-block'));
  });

  it('counts changes, not pieces of text', () => {
    let more = mark(doc, 'Derde', 'insertion', 'c3');
    more = mark(more, 'Dat', 'insertion', 'c3');
    expect(textOf(html(more, 'shown'))).toContain('AV Auteur van Veenendaal: 2 wijzigingen');
  });

  it('has no legend when there is no pending change', () => {
    const plain = buildDoc({ recitals: [['Eén;']], operatives: [['Dat.']] });
    expect(html(plain, 'shown')).not.toContain('<aside');
    expect(bodyOf(html(plain, 'shown'))).toBe(bodyOf(html(plain)));
  });
});

describe('changes in the title line', () => {
  let doc = buildDoc({ title: 'Oude nieuwe titel ', recitals: [['Eén;']], operatives: [['Dat.']] });
  doc = mark(doc, 'Oude ', 'deletion', 'c1');
  doc = mark(doc, 'nieuwe', 'insertion', 'c1');

  it('prints them shown in the title line, between the quotes', () => {
    const printed = renderPrintDocument(doc, { fontCss: '', changes: 'shown' });
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(printed.html)![1]!;
    expect(h1).toMatch(/“<del [^>]*>Oude <\/del><ins [^>]*>nieuwe<\/ins> titel”<\/span>$/);
    // Properties, footer and bookmark name the stuk as proposed.
    expect(printed.metadata.title).toBe('Resolutie “nieuwe titel”');
    expect(printed.footerTemplate).toContain('Resolutie “nieuwe titel”');
    expect(printed.outlineTitles[0]).toBe('Resolutie “nieuwe titel”');
  });

  it('prints the title as accepted when hidden', () => {
    const printed = renderPrintDocument(doc, { fontCss: '' });
    expect(textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(printed.html)![1]!)).toBe(
      'Resolutie “nieuwe titel”',
    );
  });
});

describe('changes to footnotes', () => {
  const run = (text: string): InlineRun => ({ type: 'text', text });
  let doc = docFromModel({
    kind: 'resolutie',
    status: 'concept',
    title: null,
    preamble: null,
    blocks: [
      {
        type: 'recital',
        heading: 'overwegende',
        items: [
          {
            indent: 0,
            marker: 'letter',
            content: [
              run('Eén'),
              { type: 'footnote', text: 'Eerste noot.' },
              run(' twee'),
              { type: 'footnote', text: 'Tweede noot.' },
            ],
          },
        ],
      },
    ],
    explanation: [],
  });
  const [first] = getFootnotes(doc);
  doc = markRange(doc, first!.pos, first!.pos + 1, 'deletion', 'c1', BEWERKER);

  it('strikes through a note whose reference is proposed for deletion, numbers unchanged', () => {
    const body = bodyOf(html(doc, 'shown'));
    expect(body).toContain('<del class="change change-delete" data-change="c1"');
    expect(body).toMatch(/<span class="text"><del [^>]*>Eerste noot\.<\/del><\/span>/);
    expect(textOf(body)).toContain('Noten 1 Eerste noot. 2 Tweede noot.');
  });

  it('leaves the note out when hidden, and numbers the others on', () => {
    expect(textOf(bodyOf(html(doc)))).toContain('Noten 1 Tweede noot.');
    expect(html(doc)).not.toContain('Eerste noot');
  });
});

describe('hostile author names', () => {
  const hostile: ChangeAuthor = {
    name: '"><img src=x onerror=alert(1)></style><script>',
    colour: '#1b6e3a',
  };
  let doc = buildDoc({ recitals: [['Een zin;']], operatives: [['Dat.']] });
  doc = mark(doc, 'zin', 'insertion', 'c1', hostile);
  const page = html(doc, 'shown');

  it('prints them as text in the legend and escaped in the data attributes', () => {
    expect(page).not.toMatch(/<img|<script/i);
    expect(page.match(/<\/style>/g)).toHaveLength(2);
    expect(page).toContain(
      'data-author="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/style&gt;&lt;script&gt;"',
    );
    expect(textOf(bodyOf(page))).toContain(`"O ${hostile.name}: 1 wijziging`);
  });
});

describe('a bundle', () => {
  it('prints its stukken with their changes accepted, in the contents too', () => {
    let doc = buildDoc({ title: 'Oud Nieuw', recitals: [['Eén;']], operatives: [['Dat.']] });
    doc = mark(doc, 'Oud ', 'deletion', 'c1');
    doc = mark(doc, 'Nieuw', 'insertion', 'c1');
    const bundle = renderPrintBundle([doc], {
      title: 'Stukken',
      fontCss: '',
      compiledOn: '2024-11-20',
      startPages: null,
    });
    expect(bundle.html).not.toMatch(/<ins|<del|change-legend/);
    expect(textOf(bodyOf(bundle.html))).not.toContain('Oud');
    expect(textOf(bodyOf(bundle.html))).toContain('Resolutie “Nieuw”');
  });
});

describe('getInitials', () => {
  it('takes the first letters of the first and last word, skipping particles', () => {
    expect(getInitials('Auteur van Veenendaal')).toBe('AV');
    expect(getInitials('bewerker')).toBe('B');
    expect(getInitials(' élise van den berg ')).toBe('ÉB');
    expect(getInitials('𝒜nna Smit')).toBe('𝒜S');
    expect(getInitials('   ')).toBe('?');
  });
});

describe('listOutlineTitles with changes shown', () => {
  it('leaves deleted text out of a bookmark, unless it is all the heading holds', () => {
    const page =
      '<h3><del class="change change-delete">Oude</del> <ins class="change">Nieuwe</ins> kop</h3>' +
      '<h3><del class="change change-delete">Weg</del></h3>';
    expect(listOutlineTitles(page)).toEqual(['Nieuwe kop', 'Weg']);
  });
});
