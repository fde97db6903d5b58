import { describe, expect, it } from 'vitest';
import { collapseWhitespace, parseInline, plainText } from './inline.ts';

describe('parseInline', () => {
  it('collapses whitespace and trims', () => {
    expect(parseInline('  Gemeenten   willen \t meer  ')).toEqual([
      { type: 'text', text: 'Gemeenten willen meer' },
    ]);
  });

  it('reads bold and italic', () => {
    expect(parseInline('Dit is **heel** *erg* belangrijk')).toEqual([
      { type: 'text', text: 'Dit is ' },
      { type: 'text', text: 'heel', marks: ['bold'] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'erg', marks: ['italic'] },
      { type: 'text', text: ' belangrijk' },
    ]);
  });

  it('keeps lone and spaced asterisks literal', () => {
    expect(parseInline('5 * 3 en gemeenten* en **open')).toEqual([
      { type: 'text', text: '5 * 3 en gemeenten* en **open' },
    ]);
  });

  it('keeps web links and drops "#" and unsafe targets', () => {
    expect(parseInline('[VNG](https://vng.nl) | [Afmelden](#) [x](javascript:alert(1))')).toEqual([
      { type: 'text', text: 'VNG', href: 'https://vng.nl' },
      { type: 'text', text: ' | Afmelden [x](javascript:alert(1))' },
    ]);
    expect(parseInline('**[Lees](mailto:info@vng.nl)**')).toEqual([
      { type: 'text', text: 'Lees', marks: ['bold'], href: 'mailto:info@vng.nl' },
    ]);
  });

  it('resolves footnote references through the context only', () => {
    const context = { footnote: (label: string) => (label === '1' ? 'Zie bijlage.' : null) };
    expect(parseInline('Wetsvoorstel[1]. En[2] verder', context)).toEqual([
      { type: 'text', text: 'Wetsvoorstel' },
      { type: 'footnote', text: 'Zie bijlage.' },
      { type: 'text', text: '. En[2] verder' },
    ]);
    expect(parseInline('Wetsvoorstel[1].')).toEqual([{ type: 'text', text: 'Wetsvoorstel[1].' }]);
  });

  it('turns line breaks into hard breaks', () => {
    expect(parseInline('Postbus 30435 \n 2500 GK Den Haag\n')).toEqual([
      { type: 'text', text: 'Postbus 30435' },
      { type: 'hard_break' },
      { type: 'text', text: '2500 GK Den Haag' },
    ]);
  });

  it('returns no runs for blank text', () => {
    expect(parseInline(' \n \t')).toEqual([]);
    expect(parseInline('****')).toEqual([]);
  });
});

describe('plainText and collapseWhitespace', () => {
  it('strips markup', () => {
    expect(plainText('**Spreekt  uit:**')).toBe('Spreekt uit:');
    expect(plainText('[Lees online](#) | x')).toBe('Lees online | x');
  });

  it('keeps single line breaks', () => {
    expect(collapseWhitespace(' a \n\n  b  ')).toBe('a\nb');
  });
});
