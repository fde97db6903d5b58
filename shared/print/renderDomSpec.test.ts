import { describe, expect, it } from 'vitest';
import type { DOMOutputSpec } from 'prosemirror-model';
import { schema } from '../editor/schema.ts';
import { escapeHtmlAttribute, escapeHtmlText } from './escapeHtml.ts';
import { renderDomSpec, splitDomSpec } from './renderDomSpec.ts';

describe('escaping', () => {
  it('escapes markup characters in text, and quotes too in attribute values', () => {
    expect(escapeHtmlText(`<img src=x onerror="a('b')"> & </style>`)).toBe(
      `&lt;img src=x onerror="a('b')"&gt; &amp; &lt;/style&gt;`,
    );
    expect(escapeHtmlAttribute(`"><script>'&`)).toBe('&quot;&gt;&lt;script&gt;&#39;&amp;');
  });

  it('leaves every other character as it is', () => {
    const text = 'Geëvalueerd: € 511 mln – “zo” ‘ja’ Ĳssel 😀';
    expect(escapeHtmlText(text)).toBe(text);
    expect(escapeHtmlAttribute(text)).toBe(text);
  });
});

describe('renderDomSpec', () => {
  it('renders a tag with attributes and nested children', () => {
    const spec: DOMOutputSpec = [
      'section',
      { class: 'clause-block', 'data-kind': 'recital' },
      ['h2', { class: 'block-heading' }, 'Overwegende dat:'],
      ['ol', ['li', 'een'], ['li', 'twee']],
    ];
    expect(renderDomSpec(spec)).toBe(
      '<section class="clause-block" data-kind="recital"><h2 class="block-heading">' +
        'Overwegende dat:</h2><ol><li>een</li><li>twee</li></ol></section>',
    );
  });

  it('puts the content in the hole, however deep it is', () => {
    const spec: DOMOutputSpec = ['div', { class: 'a' }, ['p', 'kop'], ['div', ['span', 0]]];
    expect(renderDomSpec(spec, '<b>inhoud</b>')).toBe(
      '<div class="a"><p>kop</p><div><span><b>inhoud</b></span></div></div>',
    );
    expect(splitDomSpec(spec)).toEqual({
      before: '<div class="a"><p>kop</p><div><span>',
      after: '</span></div></div>',
      hasHole: true,
    });
  });

  it('renders an empty hole and a spec without one', () => {
    expect(renderDomSpec(['p', 0])).toBe('<p></p>');
    expect(renderDomSpec(['p', 'vast'])).toBe('<p>vast</p>');
    expect(splitDomSpec(['p', 'vast'])).toEqual({
      before: '<p>vast</p>',
      after: '',
      hasHole: false,
    });
  });

  it('escapes text children and attribute values', () => {
    const hostile = '"><img src=x onerror=alert(1)></style>';
    const html = renderDomSpec(['a', { href: `https://x.nl/${hostile}`, title: "it's" }, hostile]);
    expect(html).toBe(
      '<a href="https://x.nl/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/style&gt;" ' +
        'title="it&#39;s">"&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/style&gt;</a>',
    );
    expect(html).not.toContain('<img');
  });

  it('leaves out attributes that are null or undefined and writes others as strings', () => {
    expect(renderDomSpec(['li', { a: null, b: undefined, 'data-indent': 1, c: '' }, 0])).toBe(
      '<li data-indent="1" c=""></li>',
    );
  });

  it('writes void elements without an end tag and lower-cases tag names', () => {
    expect(renderDomSpec(['br'])).toBe('<br>');
    expect(renderDomSpec(['P', 'a', ['BR'], 'b'])).toBe('<p>a<br>b</p>');
    expect(renderDomSpec(['hr', { class: 'rule' }])).toBe('<hr class="rule">');
  });

  it('renders the schema’s own specs', () => {
    const item = schema.nodes.item.create({ indent: 1, marker: 'bullet' });
    expect(renderDomSpec(item.type.spec.toDOM!(item), 'tekst')).toBe(
      '<li class="item" data-indent="1" data-marker="bullet">tekst</li>',
    );
    const link = schema.marks.link.create({ href: 'https://vng.nl/?a=1&b=2' });
    expect(renderDomSpec(link.type.spec.toDOM!(link, true), 'vng')).toBe(
      '<a href="https://vng.nl/?a=1&amp;b=2" rel="noopener noreferrer nofollow">vng</a>',
    );
    const br = schema.nodes.hard_break.create();
    expect(renderDomSpec(br.type.spec.toDOM!(br))).toBe('<br>');
  });

  it('refuses what a string cannot represent safely', () => {
    const refuse = (spec: unknown, content?: string) => () =>
      renderDomSpec(spec as DOMOutputSpec, content);
    expect(refuse({ dom: {} })).toThrow(TypeError);
    expect(refuse(['p', 'tekst', 0])).toThrow(/enige kind/);
    expect(refuse(['div', ['p', 0], ['p', 0]])).toThrow(/hoogstens één/);
    expect(refuse(['p', 'vast'], 'inhoud')).toThrow(/geen plaats/);
    expect(refuse(['br', 'tekst'])).toThrow(/geen inhoud/);
    expect(refuse(['br', 0])).toThrow(/geen inhoud/);
    expect(refuse(['script', 'alert(1)'])).toThrow(/niet afgedrukt/);
    expect(refuse(['style', 'p{}'])).toThrow(/niet afgedrukt/);
    expect(refuse(['http://www.w3.org/2000/svg svg'])).toThrow(/elementnaam/);
    expect(refuse(['img onerror=x'])).toThrow(/elementnaam/);
    expect(refuse(['p', { 'a b': 'x' }])).toThrow(/attribuutnaam/);
    expect(refuse(['p', { '"><x': 'x' }])).toThrow(/attribuutnaam/);
    expect(refuse(['img', { onerror: 'alert(1)' }])).toThrow(/attribuutnaam/);
    expect(refuse(['p', 7])).toThrow(TypeError);
  });
});
