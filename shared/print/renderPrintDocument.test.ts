import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { DOCUMENT_STATUSES } from '../model/resolution.ts';
import type { DocumentStatus, InlineRun, ParsedResolution } from '../model/resolution.ts';
import { docFromModel } from '../editor/fromModel.ts';
import { schema } from '../editor/schema.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);

/** The document of the seed whose file name starts with `prefix` ("001"). */
function seedDoc(prefix: string): Node {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return docFromModel(parseResolutionText(readFileSync(new URL(name, SEEDS), 'utf8')));
}

const print = (doc: Node, fontCss = '') => renderPrintDocument(doc, { fontCss });

/** What lies between <body> and </body>. */
function bodyOf(html: string): string {
  return html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('</body>'));
}

/** The text a reader sees in some HTML: tags dropped, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The labels of every clause block, block by block, in the order they print. */
function labelsPerBlock(html: string): string[][] {
  return html
    .split('<section class="clause-block"')
    .slice(1)
    .map((section) => section.slice(0, section.indexOf('</section>')))
    .map((section) =>
      [...section.matchAll(/<span class="label">([^<]*)<\/span>/g)].map((match) => match[1]!),
    );
}

/** `doc` with other title attributes (status, indiener …) and optionally another title. */
function withTitle(doc: Node, attrs: Record<string, unknown>, text?: string): Node {
  const title = doc.firstChild!;
  const content = text === undefined ? title.content : text ? schema.text(text) : null;
  const next = schema.nodes.title.create({ ...title.attrs, ...attrs }, content);
  const children: Node[] = [next];
  doc.forEach((child, _offset, index) => {
    if (index > 0) children.push(child);
  });
  const out = schema.nodes.doc.create(null, children);
  out.check();
  return out;
}

const text = (value: string, extra: Partial<{ marks: ('bold' | 'italic')[]; href: string }> = {}) =>
  ({ type: 'text', text: value, ...extra }) as InlineRun;
const note = (value: string): InlineRun => ({ type: 'footnote', text: value });

// One recital block: a stuk of a kind, whose Toelichting prints under its heading.
const ONE_BLOCK: ParsedResolution['blocks'] = [
  {
    type: 'recital',
    heading: 'overwegende',
    items: [{ indent: 0, marker: 'letter', content: [] }],
  },
];

function modelDoc(parts: Partial<ParsedResolution>): Node {
  const doc = docFromModel({
    kind: 'resolutie',
    status: 'concept',
    title: null,
    preamble: null,
    blocks: [],
    explanation: [],
    ...parts,
  });
  doc.check();
  return doc;
}

const HOSTILE = `<img src=x onerror=alert(1)> </style><script>alert("x")</script> "quote" 'single'`;

describe('renderPrintDocument on seed 001', () => {
  const doc = seedDoc('001');
  const printed = print(doc);
  const { html } = printed;
  const body = bodyOf(html);

  it('is a complete Dutch HTML page titled by the title line', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nl-NL">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      '<title>Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”</title>',
    );
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('prints the title line as the <h1>, then the preamble as a <p>', () => {
    const h1 = /<h1[^>]*>(.*?)<\/h1>/.exec(body)![1]!;
    expect(textOf(h1)).toBe('Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”');
    expect(body).toMatch(
      /<\/h1><p class="preamble"[^>]*>De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:<\/p>/,
    );
  });

  it('prints block headings as <h2> in sections with an <ol> of items', () => {
    expect(body).toContain('<h2 class="block-heading">Overwegende dat:</h2><ol class="items">');
    expect(body).toContain('<h2 class="block-heading">Spreekt uit:</h2><ol class="items">');
    expect(body.indexOf('Overwegende dat:')).toBeLessThan(body.indexOf('Spreekt uit:'));
  });

  it('numbers the items 1. to 6. in each block, as text before the item’s text', () => {
    expect(labelsPerBlock(body)).toEqual([
      ['1.', '2.', '3.', '4.', '5.', '6.'],
      ['1.', '2.', '3.', '4.', '5.', '6.'],
    ]);
    expect(textOf(body)).toContain(
      'Overwegende dat: 1. Gemeenten - mede in het licht van de in de ALV van 14 juni 2023',
    );
    expect(textOf(body)).toContain('6. Dat indien de omstandigheden daartoe aanleiding geven');
  });

  it('prints the Toelichting with its headings as <h3> and <h4>', () => {
    expect(body).toContain('<h2 class="explanation-heading">Toelichting</h2>');
    expect(body).toContain(
      '<h3>Geactualiseerde resolutie op basis van Overhedenoverleg en informele ledenpeiling</h3>',
    );
    expect(body).toContain('<h3>Informele ledenpeiling</h3>');
    expect(body).toContain('<h3>Overhedenoverleg</h3>');
    expect(body).toContain(
      '<h4>Belangrijke stap naar voldoende middelen en gezamenlijke doelen</h4>',
    );
    expect(body.indexOf('Spreekt uit:')).toBeLessThan(body.indexOf('Toelichting</h2>'));
  });

  it("is marked CONCEPT (geactualiseerd) in the header, not in the stuk's text", () => {
    expect(printed.watermark).toBe(true);
    expect(textOf(printed.headerTemplate)).toBe('CONCEPT');
    expect(body).not.toContain('CONCEPT');
  });

  it('has no footnotes, so no endnotes', () => {
    expect(body).not.toContain('<sup');
    expect(body).not.toContain('Noten');
  });

  it('gives the PDF’s document properties', () => {
    expect(printed.metadata).toEqual({
      title: 'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”',
      author: 'bestuur',
      subject: 'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
      language: 'nl-NL',
      keywords: ['Resolutie', 'Najaars ALV', '2024-11-29'],
    });
    expect(html).toContain('<meta name="author" content="bestuur">');
    expect(html).toContain(
      '<meta name="description" content="De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:">',
    );
    expect(html).toContain('<meta name="keywords" content="Resolutie, Najaars ALV, 2024-11-29">');
  });

  it('has a footer with the title and the page numbers, and CONCEPT in the header', () => {
    expect(printed.footerTemplate).toContain(
      '>Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”</span>',
    );
    expect(printed.footerTemplate).toContain(
      'pagina <span class="pageNumber"></span> van <span class="totalPages"></span>',
    );
    expect(textOf(printed.headerTemplate)).toBe('CONCEPT');
  });

  it('holds no script and allows none', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`,
    );
  });
});

describe('renderPrintDocument: footnotes', () => {
  it('prints seed 004’s footnote as a superscript number and an endnote under "Noten"', () => {
    const body = bodyOf(print(seedDoc('004')).html);
    expect(body).toContain('Wetsvoorstel<sup class="noteref">1</sup>.');
    const endnotes = body.slice(body.indexOf('<section class="endnotes">'));
    expect(endnotes).toMatch(/^<section class="endnotes"><h2 class="endnotes-heading">Noten<\/h2>/);
    expect(textOf(endnotes)).toMatch(/^Noten 1 https:\/\/www\.raadvanstate\.nl\//);
    // The endnotes come last, after the Toelichting.
    expect(body.indexOf('Toelichting</h2>')).toBeLessThan(body.indexOf('Noten</h2>'));
  });

  it('numbers references in document order, items before the Toelichting, like the notes', () => {
    const doc = modelDoc({
      blocks: [
        {
          type: 'recital',
          heading: 'overwegende',
          items: [
            { indent: 0, marker: 'letter', content: [text('een'), note('Noot A')] },
            { indent: 0, marker: 'letter', content: [text('twee'), note('Noot B'), text('.')] },
          ],
        },
      ],
      explanation: [{ type: 'paragraph', content: [text('Toelichting'), note('Noot C')] }],
    });
    const body = bodyOf(print(doc).html);
    expect([...body.matchAll(/<sup class="noteref">(\d+)<\/sup>/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    const endnotes = body.slice(body.indexOf('<section class="endnotes">'));
    expect(textOf(endnotes.slice(0, endnotes.indexOf('</section>')))).toBe(
      'Noten 1 Noot A 2 Noot B 3 Noot C',
    );
  });
});

describe('renderPrintDocument: items', () => {
  it('labels sub-items a., b. (restarting under every item) and bullets •, indented', () => {
    const doc = buildDoc({
      recitals: [
        [
          'een',
          { text: 'een-a', indent: 1 },
          { text: 'een-b', indent: 1 },
          'twee',
          { text: 'twee-a', indent: 1 },
          { text: 'punt', indent: 1, marker: 'bullet' },
        ],
      ],
      operatives: [['besluit']],
    });
    const body = bodyOf(print(doc).html);
    expect(labelsPerBlock(body)).toEqual([['1.', 'a.', 'b.', '2.', 'a.', '•'], ['1.']]);
    expect(body).toContain(
      '<li class="item" data-indent="1" data-marker="letter"><span class="label">a.</span> ' +
        '<span class="text">een-a</span></li>',
    );
    expect(body).toContain(
      '<li class="item" data-indent="1" data-marker="bullet"><span class="label">•</span> ' +
        '<span class="text">punt</span></li>',
    );
  });

  it('prints an empty block as its heading alone and an empty item as its number alone', () => {
    const doc = buildDoc({ recitals: [[]], operatives: [['', 'tweede']] });
    const body = bodyOf(print(doc).html);
    expect(body).toContain(
      '<h2 class="block-heading">Overwegende dat:</h2><ol class="items"></ol>',
    );
    expect(body).toContain(
      '<span class="label">1.</span> <span class="text"></span></li><li class="item"',
    );
    expect(labelsPerBlock(body)).toEqual([[], ['1.', '2.']]);
  });

  it('prints bold, italic and links with the marks’ own elements, one <a> per link', () => {
    const doc = modelDoc({
      blocks: [
        {
          type: 'operative',
          heading: 'verzoekt_bestuur',
          items: [
            {
              indent: 0,
              marker: 'letter',
              content: [
                text('Zie '),
                text('VNG', { marks: ['bold'], href: 'https://vng.nl' }),
                text('.nl', { href: 'https://vng.nl' }),
                text(' en '),
                text('dit', { marks: ['italic'] }),
                { type: 'hard_break' },
                text('regel'),
              ],
            },
          ],
        },
      ],
    });
    const body = bodyOf(print(doc).html);
    expect(body).toContain('<h2 class="block-heading">Verzoekt het bestuur:</h2>');
    expect(body).toContain(
      '<span class="text">Zie <a href="https://vng.nl" rel="noopener noreferrer nofollow">' +
        '<strong>VNG</strong>.nl</a> en <em>dit</em><br>regel</span>',
    );
  });
});

describe('renderPrintDocument: the Toelichting', () => {
  it('prints headings, paragraphs, lists with their markers as text, and quotes', () => {
    const doc = modelDoc({
      blocks: ONE_BLOCK,
      explanation: [
        { type: 'heading', level: 1, content: [text('Achtergrond')] },
        { type: 'heading', level: 2, content: [text('Eerder')] },
        { type: 'paragraph', content: [text('Een alinea.')] },
        {
          type: 'ordered_list',
          items: [
            [{ type: 'paragraph', content: [text('Eerste')] }],
            [
              { type: 'paragraph', content: [text('Tweede')] },
              { type: 'bullet_list', items: [[{ type: 'paragraph', content: [text('sub')] }]] },
            ],
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Citaat.')] }] },
      ],
    });
    const body = bodyOf(print(doc).html);
    expect(body).toContain(
      '<section class="explanation"><h2 class="explanation-heading">Toelichting</h2>' +
        '<div class="explanation-body"><h3>Achtergrond</h3><h4>Eerder</h4><p>Een alinea.</p><ol>',
    );
    expect(body).toContain(
      '<li><span class="label">1.</span> <div class="text"><p>Eerste</p></div></li>',
    );
    expect(body).toContain(
      '<li><span class="label">2.</span> <div class="text"><p>Tweede</p><ul><li>' +
        '<span class="label">•</span> <div class="text"><p>sub</p></div></li></ul></div></li>',
    );
    expect(body).toContain('<blockquote><p>Citaat.</p></blockquote>');
  });

  it('leaves out blank paragraphs and headings, and an empty Toelichting altogether', () => {
    const blank = modelDoc({
      blocks: ONE_BLOCK,
      explanation: [
        { type: 'paragraph', content: [text('  ')] },
        { type: 'heading', level: 1, content: [] },
        { type: 'paragraph', content: [text('Tekst')] },
      ],
    });
    expect(bodyOf(print(blank).html)).toContain('<div class="explanation-body"><p>Tekst</p></div>');
    const empty = buildDoc({ recitals: [['een']] });
    const body = bodyOf(print(empty).html);
    expect(body).not.toContain('explanation');
    expect(body).not.toContain('Toelichting');
  });
});

describe('renderPrintDocument: the title line and metadata', () => {
  it('prints the kind alone when there is no title', () => {
    const printed = print(buildDoc({}));
    expect(printed.metadata.title).toBe('Resolutie');
    expect(printed.html).toContain('<title>Resolutie</title>');
    // Issue 16, point 12: an empty preamble is no subject and prints nothing.
    expect(printed.metadata.keywords).toEqual(['Resolutie']);
    expect(printed.metadata.subject).toBe('Resolutie');
    expect(printed.html).not.toContain('De leden bijeen');
  });

  it('prints the indiener and version label under the title, and uses the indiener as author', () => {
    const doc = withTitle(buildDoc({ title: 'Wonen' }), {
      kind: 'motie',
      submitter: 'gemeente Súdwest-Fryslân',
      versionLabel: 'Concept 12 november',
    });
    const printed = print(doc);
    expect(bodyOf(printed.html)).toContain(
      '</h1><p class="doc-meta">Indiener: gemeente Súdwest-Fryslân · Concept 12 november</p>',
    );
    expect(printed.metadata.author).toBe('gemeente Súdwest-Fryslân');
    expect(printed.metadata.title).toBe('Motie “Wonen”');
    expect(printed.metadata.keywords[0]).toBe('Motie');
  });

  // Issue 16, point 4: "Geactualiseerde amendement" in the title line and the PDF's title.
  it('prints "Geactualiseerd amendement" for an updated amendement', () => {
    const doc = withTitle(buildDoc({ title: 'Jeugdzorg' }), {
      kind: 'amendement',
      status: 'geactualiseerd',
    });
    const printed = print(doc);
    expect(printed.metadata.title).toBe('Geactualiseerd amendement “Jeugdzorg”');
    expect(textOf(/<h1[\s\S]*?<\/h1>/.exec(printed.html)![0])).toBe(
      'Geactualiseerd amendement “Jeugdzorg”',
    );
  });

  it('prints no metadata line when neither is filled in', () => {
    expect(print(buildDoc({ title: 'Wonen' })).html).not.toContain('doc-meta"');
  });

  it('keeps a very long title whole, in the page, the title and the footer', () => {
    const long = `${'Gezamenlijke inzet van gemeenten op wonen, zorg en klimaat '.repeat(12)}slot`;
    const printed = print(buildDoc({ title: long }));
    expect(printed.metadata.title).toBe(`Resolutie “${long}”`);
    expect(printed.html).toContain(`<title>Resolutie “${long}”</title>`);
    expect(printed.html).toContain(`<span class="title-text">“${long}”</span>`);
    // The footer cuts it off on paper, with an ellipsis, not in the text.
    expect(printed.footerTemplate).toContain(
      `text-overflow:ellipsis;white-space:nowrap">Resolutie “${long}”</span>`,
    );
  });

  it('keeps characters outside Latin-1 as they are', () => {
    const title = 'Geëvalueerde “bijdrage” van € 511 mln – ‘ĳs’ Ŋ 😀';
    const doc = buildDoc({ title, recitals: [['Één – “twee” € 3']] });
    const printed = print(doc);
    expect(printed.html).toContain(`<title>Resolutie “${title}”</title>`);
    expect(printed.html).toContain('<span class="text">Één – “twee” € 3</span>');
    expect(printed.footerTemplate).toContain(`Resolutie “${title}”`);
    expect(printed.metadata.title).toBe(`Resolutie “${title}”`);
  });
});

describe('renderPrintDocument: the watermark', () => {
  const withWatermark: DocumentStatus[] = ['concept', 'geactualiseerd'];

  it.each(DOCUMENT_STATUSES)('status %s', (status) => {
    const printed = print(withTitle(buildDoc({ title: 'Wonen' }), { status }));
    // The diagonal mark is stamped on the PDF, not typed: the stuk's text never holds the word.
    expect(bodyOf(printed.html)).not.toContain('CONCEPT');
    if (withWatermark.includes(status)) {
      expect(printed.watermark).toBe(true);
      expect(textOf(printed.headerTemplate)).toBe('CONCEPT');
    } else {
      expect(printed.watermark).toBe(false);
      expect(textOf(printed.headerTemplate)).toBe('');
      expect(printed.headerTemplate).not.toBe('');
    }
  });
});

describe('renderPrintDocument: hostile text', () => {
  const doc = withTitle(
    modelDoc({
      title: HOSTILE,
      blocks: [
        {
          type: 'recital',
          heading: 'overwegende',
          items: [
            { indent: 0, marker: 'letter', content: [text(HOSTILE), note(HOSTILE)] },
            {
              indent: 0,
              marker: 'letter',
              content: [text('link', { href: 'https://x.nl/"><script>alert(1)</script>' })],
            },
          ],
        },
      ],
      preamble: { assembly: '</p><img src=x onerror=alert(2)>', date: null },
      explanation: [{ type: 'paragraph', content: [text(HOSTILE)] }],
    }),
    { submitter: HOSTILE, versionLabel: '"><img src=y>' },
  );
  const printed = print(doc);
  const { html } = printed;

  it('prints every hostile text as text, never as markup', () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;/style&gt;&lt;script&gt;');
    // Only the style element of the page itself ends a style element.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
  });

  it('escapes link targets inside their attribute', () => {
    expect(html).toContain(
      '<a href="https://x.nl/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener noreferrer nofollow">link</a>',
    );
  });

  it('shows the hostile text in the title, the items, the metadata line and the notes', () => {
    const body = textOf(bodyOf(html));
    expect(body).toContain(`Resolutie “${HOSTILE}”`);
    expect(body).toContain(`Indiener: ${HOSTILE} · "><img src=y>`);
    expect(body).toContain('De leden bijeen in de </p><img src=x onerror=alert(2)> van …:');
    expect(body).toContain(`Overwegende dat: 1. ${HOSTILE} 1 2. link`);
    expect(body).toContain(`Noten 1 ${HOSTILE}`);
  });

  it('escapes the footer, the head’s meta elements and keeps the metadata as plain text', () => {
    expect(printed.footerTemplate).not.toMatch(/<img|<script/i);
    expect(printed.footerTemplate).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<meta name="author" content="&lt;img src=x onerror=alert(1)&gt;');
    expect(printed.metadata.author).toBe(HOSTILE);
    expect(printed.metadata.title).toBe(`Resolutie “${HOSTILE}”`);
  });
});

describe('renderPrintDocument: fonts', () => {
  it('puts the caller’s font CSS in a style element before the print styles', () => {
    const fontCss =
      "@font-face { font-family: 'Source Serif 4'; src: url(data:font/woff2;base64,AAAA); }";
    const { html } = print(buildDoc({}), fontCss);
    expect(html).toContain(`<style>\n${fontCss}\n</style>\n<style>`);
    expect(html.indexOf(fontCss)).toBeLessThan(html.indexOf('@page'));
  });

  it('refuses font CSS that would end its style element', () => {
    expect(() => print(buildDoc({}), 'x{} </STYLE><script>alert(1)</script>')).toThrow(/style/);
  });
});
