import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { docFromModel } from '../editor/fromModel.ts';
import { getMetadataText } from '../editor/queries/getMetadataText.ts';
import { schema } from '../editor/schema.ts';
import { buildDoc } from '../editor/testing/buildDoc.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { renderPrintBundle } from './renderBundle.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';
import { getStukName, hasClauseBlocks, UNTITLED_STUK } from './stukShape.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);

/** The seed whose file name starts with `prefix`, imported as the text import does. */
function seedDoc(prefix: string): Node {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`))!;
  return docFromModel(parseResolutionText(readFileSync(new URL(name, SEEDS), 'utf8')));
}

/** `doc` with its title node's text and attributes replaced. */
function retitled(doc: Node, text: string, attrs: Record<string, unknown> = {}): Node {
  const children: Node[] = [];
  doc.forEach((child, _offset, index) => {
    children.push(
      index === 0
        ? schema.nodes.title.create({ ...child.attrs, ...attrs }, text ? schema.text(text) : null)
        : child,
    );
  });
  return schema.nodes.doc.create(null, children);
}

/** The text between <body> and </body>, tags dropped. */
function bodyText(html: string): string {
  return html
    .slice(html.indexOf('<body>'), html.indexOf('</body>'))
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const print = (doc: Node, fallbackName?: string) =>
  renderPrintDocument(doc, { fontCss: '', fallbackName });

// Issue 16, point 12: letters and newsletters imported as Toelichting only printed
// "Resolutie" and "De leden bijeen in de ALV van …:", and the bundle listed them as "Resolutie".
describe('a stuk that is no resolution (a letter imported as Toelichting only)', () => {
  const letter = seedDoc('003');

  it('is told apart by having no blocks', () => {
    expect(hasClauseBlocks(letter)).toBe(false);
    expect(hasClauseBlocks(seedDoc('001'))).toBe(true);
    expect(hasClauseBlocks(buildDoc({}))).toBe(true);
  });

  it('prints no kind, no placeholder preamble and no "Toelichting" above its text', () => {
    const printed = print(letter, 'Brief minister overhedenoverleg');
    const text = bodyText(printed.html);
    expect(text).not.toContain('De leden bijeen');
    expect(text).not.toContain('Resolutie');
    expect(text).not.toContain('Toelichting');
    expect(printed.html).toContain(
      '<h1 class="doc-title"><span class="title-text">Brief minister overhedenoverleg</span></h1>',
    );
    expect(text).toContain('Aan de Voorzitter van de Eerste Kamer der Staten-Generaal');
    expect(printed.metadata).toMatchObject({
      title: 'Brief minister overhedenoverleg',
      subject: 'Brief minister overhedenoverleg',
      author: '',
      keywords: [],
    });
    expect(printed.footerTemplate).toContain('Brief minister overhedenoverleg');
  });

  it('goes by its own title, else the file name, else its first heading', () => {
    const titled = retitled(letter, 'Kamerbrief over het overhedenoverleg');
    expect(getStukName(titled, getMetadataText(titled), 'bestand')).toBe(
      'Kamerbrief over het overhedenoverleg',
    );
    expect(print(titled).html).toContain(
      '<h1 class="doc-title"><span class="title-text">Kamerbrief over het overhedenoverleg</span></h1>',
    );
    expect(getStukName(letter, getMetadataText(letter), 'brief-0425')).toBe('brief-0425');
    expect(getStukName(letter, getMetadataText(letter))).toBe(
      'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal',
    );
    const bare = docFromModel({
      kind: null,
      status: null,
      title: null,
      preamble: null,
      blocks: [],
      explanation: [{ type: 'paragraph', content: [{ type: 'text', text: 'Alleen tekst.' }] }],
    });
    expect(getStukName(bare, getMetadataText(bare))).toBe(UNTITLED_STUK);
  });

  it('still prints its preamble when the preamble names an assembly or a date', () => {
    const children: Node[] = [];
    letter.forEach((child) =>
      children.push(
        child.type.name === 'preamble'
          ? schema.nodes.preamble.create({ assembly: 'Najaars ALV', date: '2024-11-29' })
          : child,
      ),
    );
    const dated = schema.nodes.doc.create(null, children);
    expect(bodyText(print(dated).html)).toContain(
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024:',
    );
  });
});

describe('an empty preamble', () => {
  it('prints nothing, in a resolution too, while a filled one prints', () => {
    const empty = buildDoc({ title: 'Wonen', recitals: [['Eén;']], operatives: [['Dat.']] });
    expect(bodyText(print(empty).html)).toBe(
      'Resolutie “Wonen” Overwegende dat: 1. Eén; Spreekt uit: 1. Dat.',
    );
    const seed = print(seedDoc('001'));
    expect(bodyText(seed.html)).toContain(
      'De leden bijeen in de Najaars ALV van vrijdag 29 november 2024: Overwegende dat:',
    );
  });
});

describe('the bundle of resolutions and letters', () => {
  it('lists each stuk by its own name, with the kind only for a resolution', () => {
    const resolution = seedDoc('001');
    const newsletter = seedDoc('002');
    const letter = retitled(seedDoc('003'), 'Kamerbrief over het overhedenoverleg');
    const bundle = renderPrintBundle([resolution, newsletter, letter], {
      title: 'Stukken Najaars ALV 2024',
      fontCss: '',
      compiledOn: '2024-11-20',
      startPages: [3, 7, 9],
      fileNames: ['resolutie-kabinet', 'Raadsledennieuwsbrief november 2020', 'brief'],
    });
    const contents = /<nav class="bundle-toc"[\s\S]*?<\/nav>/.exec(bundle.html)![0];
    const entries = [...contents.matchAll(/<a class="toc-title"[^>]*>([^<]*)<\/a>/g)].map(
      (match) => match[1],
    );
    expect(entries).toEqual([
      'Geactualiseerde resolutie “VNG-inzet richting nieuwe kabinet”',
      'Raadsledennieuwsbrief november 2020',
      'Kamerbrief over het overhedenoverleg',
    ]);
    expect(contents).not.toContain('>Resolutie<');
    // A letter is by the bestuur only when it says so.
    const details = [...contents.matchAll(/<div class="toc-detail">([^<]*)<\/div>/g)].map(
      (match) => match[1],
    );
    expect(details).toEqual(['Geactualiseerd · Indiener: bestuur', 'Concept', 'Concept']);
    // Every stuk still opens with an <h1>, which the outline (and the start pages) rely on.
    expect(bundle.outlineTitles.slice(0, 1)).toEqual(['Stukken Najaars ALV 2024']);
    expect(bundle.outlineTitles).toContain('Raadsledennieuwsbrief november 2020');
    expect(bundle.html).not.toContain('De leden bijeen in de ALV van …:');
    expect(bundle.metadata.keywords).toEqual(['Bundel', 'Resolutie', 'Najaars ALV', 'ALV']);
  });
});
