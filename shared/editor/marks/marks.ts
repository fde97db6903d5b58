/** The marks a drafter may use: bold, italic, underline and links. */
import type { MarkSpec } from 'prosemirror-model';
import { satisfies } from '../nodes/attrValidators.ts';
import { isSafeLinkHref } from '../queries/isSafeLinkHref.ts';

export const bold: MarkSpec = {
  parseDOM: [
    { tag: 'strong' },
    {
      tag: 'b',
      getAttrs: (dom) => (dom.style.fontWeight !== 'normal' ? null : false),
    },
    {
      style: 'font-weight',
      getAttrs: (value) => (/^(bold(er)?|[6-9]\d{2,})$/.test(value) ? null : false),
    },
  ],
  toDOM: () => ['strong', 0],
};

export const italic: MarkSpec = {
  parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
  toDOM: () => ['em', 0],
};

export const underline: MarkSpec = {
  parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }],
  toDOM: () => ['u', 0],
};

/** A link; only http(s) and mailto targets are kept, anything else is dropped on parse. */
export const link: MarkSpec = {
  attrs: {
    href: {
      validate: satisfies(
        (v) => typeof v === 'string' && isSafeLinkHref(v),
        'alleen http-, https- en mailto-links',
      ),
    },
  },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom) => {
        const href = dom.getAttribute('href') ?? '';
        return isSafeLinkHref(href) ? { href } : false;
      },
    },
  ],
  toDOM: (mark) => [
    'a',
    { href: mark.attrs.href as string, rel: 'noopener noreferrer nofollow' },
    0,
  ],
};
