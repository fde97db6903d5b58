import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { schema } from '../editor/schema.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { renderPrintBundle } from './renderBundle.ts';
import type { BundleOptions } from './renderBundle.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';
import { renderAmendmentDocument } from './renderAmendment.ts';
import type { PrintedAmendment } from './renderAmendment.ts';

/** A stuk with the given title, status, assembly and date. */
function stuk(
  title: string,
  attrs: { status?: string; submitter?: string | null; assembly?: string; date?: string | null },
): Node {
  const base = buildDoc({
    title,
    recitals: [[`Overweging bij ${title};`]],
    operatives: [[`Uitspraak bij ${title}.`]],
  });
  const children: Node[] = [];
  base.forEach((child) => {
    if (child.type.name === 'title') {
      children.push(
        schema.nodes.title.create(
          {
            ...child.attrs,
            status: attrs.status ?? 'concept',
            submitter: attrs.submitter ?? null,
          },
          child.content,
        ),
      );
    } else if (child.type.name === 'preamble') {
      children.push(
        schema.nodes.preamble.create({
          assembly: attrs.assembly ?? 'Najaars ALV',
          date: attrs.date === undefined ? '2024-11-29' : attrs.date,
        }),
      );
    } else children.push(child);
  });
  return schema.nodes.doc.create(null, children);
}

const OPTIONS: BundleOptions = {
  title: 'Stukken Najaars ALV 2024',
  fontCss: '',
  compiledOn: '2024-11-01',
  startPages: null,
};

const docs = [
  stuk('Jeugdzorg', { status: 'definitief', submitter: 'Gemeente Utrecht' }),
  stuk('Gemeentefonds', { status: 'concept' }),
];

/** The text between the tags, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('renderPrintBundle', () => {
  it('opens with a cover that names the bundle, its assembly and its size', () => {
    const { html } = renderPrintBundle(docs, OPTIONS);
    const cover = html.slice(html.indexOf('<section class="bundle-cover"'), html.indexOf('<nav'));
    expect(textOf(cover)).toBe(
      'Najaars ALV van vrijdag 29 november 2024 Stukken Najaars ALV 2024 2 stukken Samengesteld op vrijdag 1 november 2024',
    );
  });

  it('names no assembly on the cover when the stukken are for different ones', () => {
    const mixed = [docs[0]!, stuk('Later', { assembly: 'Voorjaars ALV', date: null })];
    const { html, metadata } = renderPrintBundle(mixed, OPTIONS);
    expect(html).not.toContain('class="cover-occasion"');
    expect(metadata.subject).toBe('2 stukken');
  });

  it('lists every stuk in the contents with a placeholder until the pages are known', () => {
    const { html } = renderPrintBundle(docs, OPTIONS);
    const contents = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect(textOf(contents)).toBe(
      'Inhoud 1. Resolutie “Jeugdzorg” 000 Definitief · Indiener: Gemeente Utrecht ' +
        '2. Resolutie “Gemeentefonds” 000 Concept · Indiener: bestuur',
    );
  });

  it('prints the start pages in the contents, each entry linking to its stuk', () => {
    const { html } = renderPrintBundle(docs, { ...OPTIONS, startPages: [3, 5] });
    const pages = [...html.matchAll(/<span class="toc-page">(\d+)<\/span>/g)].map((m) => m[1]);
    expect(pages).toEqual(['3', '5']);
    for (const anchor of ['stuk-1', 'stuk-2']) {
      expect(html).toContain(`href="#${anchor}"`);
      expect(html).toContain(`<article class="stuk resolution" id="${anchor}">`);
    }
  });

  it('prints every stuk exactly as it prints alone, in the given order', () => {
    const { html } = renderPrintBundle(docs, OPTIONS);
    let from = 0;
    for (const doc of docs) {
      const single = renderPrintDocument(doc, { fontCss: '' }).html;
      const body = single.slice(
        single.indexOf('<main class="resolution">') + '<main class="resolution">'.length,
        single.indexOf('</main>'),
      );
      const at = html.indexOf(body, from);
      expect(at).toBeGreaterThan(from);
      from = at + body.length;
    }
  });

  it('leaves the stukken out of the front matter', () => {
    const { html } = renderPrintBundle(docs, { ...OPTIONS, frontMatterOnly: true });
    expect(html).toContain('class="bundle-toc"');
    expect(html).not.toContain('<article');
  });

  it('says which stukken are concepts, and puts no CONCEPT in the shared header', () => {
    const bundle = renderPrintBundle(docs, OPTIONS);
    expect(bundle.concepts).toEqual([false, true]);
    expect(bundle.headerTemplate).not.toContain('CONCEPT');
    expect(bundle.footerTemplate).toContain('Stukken Najaars ALV 2024');
  });

  it('sets the properties of the bundle from its stukken', () => {
    expect(renderPrintBundle(docs, OPTIONS).metadata).toEqual({
      title: 'Stukken Najaars ALV 2024',
      author: 'Gemeente Utrecht, bestuur',
      subject: '2 stukken voor de Najaars ALV van vrijdag 29 november 2024',
      language: 'nl-NL',
      keywords: ['Bundel', 'Resolutie', 'Najaars ALV'],
    });
  });

  it('escapes the title wherever it prints', () => {
    const title = 'Stukken <script>alert(1)</script> & meer';
    const bundle = renderPrintBundle(docs, { ...OPTIONS, title });
    expect(bundle.html).not.toContain('<script>');
    expect(bundle.html).toContain('Stukken &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer');
    expect(bundle.footerTemplate).not.toContain('<script>');
  });

  it('refuses a bundle without title or stukken, or with pages that do not match', () => {
    expect(() => renderPrintBundle(docs, { ...OPTIONS, title: '  ' })).toThrow(RangeError);
    expect(() => renderPrintBundle([], OPTIONS)).toThrow(RangeError);
    expect(() => renderPrintBundle(docs, { ...OPTIONS, startPages: [3] })).toThrow(RangeError);
  });
});

describe('renderPrintBundle with amendments', () => {
  const amendment = (number: string, indiener: string): PrintedAmendment => ({
    number,
    indiener,
    coIndieners: [],
    subject: `Onderwerp van ${indiener}`,
    resolution: 'Jeugdzorg',
    assembly: 'Najaars ALV',
    date: '2024-11-29',
    instructions: ['punt 1 onder ‘Spreekt uit’ te schrappen'],
    instructionsNote: '',
    motivation: 'Zo is het beter.',
    status: 'Ingediend',
    concept: false,
    advice: null,
    decision: null,
  });
  const amendments = [[amendment('A1', 'Utrecht'), amendment('A2', 'Zwolle')], []];

  it('prints each resolution’s amendments after it, each an article of its own', () => {
    const { html } = renderPrintBundle(docs, { ...OPTIONS, amendments });
    const articles = [...html.matchAll(/<article class="stuk (\w+)" id="(stuk-\d)">/g)].map(
      (match) => `${match[2]} ${match[1]}`,
    );
    expect(articles).toEqual([
      'stuk-1 resolution',
      'stuk-2 amendment',
      'stuk-3 amendment',
      'stuk-4 resolution',
    ]);
    const single = renderAmendmentDocument(amendment('A2', 'Zwolle'), { fontCss: '' }).html;
    const body = single.slice(
      single.indexOf('<main class="amendment">') + '<main class="amendment">'.length,
      single.indexOf('</main>'),
    );
    expect(html).toContain(`<article class="stuk amendment" id="stuk-3">${body}</article>`);
    expect(html).toContain('.amendment-line');
  });

  it('lists them in the contents under their resolution, with the cover counting them', () => {
    const { html } = renderPrintBundle(docs, {
      ...OPTIONS,
      amendments,
      startPages: [3, 5, 6, 7],
    });
    const contents = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect(textOf(contents)).toBe(
      'Inhoud 1. Resolutie “Jeugdzorg” 3 Definitief · Indiener: Gemeente Utrecht ' +
        'A1 Amendement van de gemeente Utrecht 5 Onderwerp van Utrecht · Ingediend ' +
        'A2 Amendement van de gemeente Zwolle 6 Onderwerp van Zwolle · Ingediend ' +
        '2. Resolutie “Gemeentefonds” 7 Concept · Indiener: bestuur',
    );
    expect(contents).toContain('<ol class="toc toc-amendments">');
    expect(contents).toContain('href="#stuk-3"');
    expect(textOf(html.slice(0, html.indexOf('<nav')))).toContain('2 stukken en 2 amendementen');
  });

  it('needs a start page for each amendment too, and marks none of them CONCEPT', () => {
    expect(() => renderPrintBundle(docs, { ...OPTIONS, amendments, startPages: [3, 5] })).toThrow(
      RangeError,
    );
    expect(renderPrintBundle(docs, { ...OPTIONS, amendments }).concepts).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(renderPrintBundle(docs, { ...OPTIONS, amendments }).outlineTitles).toContain(
      'Amendement A2',
    );
  });
});
