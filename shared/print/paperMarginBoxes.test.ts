import { describe, expect, it } from 'vitest';
import { docFromModel } from '../editor/fromModel.ts';
import { parseResolutionText } from '../import/parseResolutionText.ts';
import { renderPaperMarginBoxes, renderPaperPage, toCssString } from './paperMarginBoxes.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';

describe('toCssString', () => {
  it('quotes text so that it cannot end the string or the style element', () => {
    expect(toCssString('Motie “Wonen”')).toBe('"Motie “Wonen”"');
    expect(toCssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(toCssString('</style><script>')).toBe('"\\3C /style\\3E \\3C script\\3E "');
    expect(toCssString('regel\nregel')).toBe('"regel\\A regel"');
  });
});

describe('renderPaperMarginBoxes', () => {
  it('sets the title and "pagina N van M" at the foot, and CONCEPT at the head of a concept', () => {
    const css = renderPaperMarginBoxes({ title: 'Motie “Jeugdzorg”', concept: true });
    expect(css).toContain('@bottom-left');
    expect(css).toContain('content: "Motie “Jeugdzorg”"');
    expect(css).toContain('content: "pagina " counter(page) " van " counter(pages)');
    expect(css).toContain('@top-right');
    expect(css).toContain('content: "CONCEPT"');
    expect(renderPaperMarginBoxes({ title: 'x', concept: false })).not.toContain('CONCEPT');
  });
});

describe('renderPaperPage', () => {
  const doc = docFromModel(
    parseResolutionText('Motie "Jeugdzorg"\n\nOverwegende dat:\n1. Gemeenten </style> zorgen;\n'),
  );
  const printDocument = renderPrintDocument(doc, { fontCss: '' });

  it('is the PDF’s page with the margin boxes’ style sheet at the end of its head', () => {
    const paper = renderPaperPage(printDocument);
    const css = renderPaperMarginBoxes({
      title: printDocument.metadata.title,
      concept: printDocument.watermark,
    });
    const head = printDocument.html.indexOf('</head>');
    expect(paper).toBe(
      `${printDocument.html.slice(0, head)}<style>${css}</style>\n${printDocument.html.slice(head)}`,
    );
    expect(css).toContain('Motie “Jeugdzorg”');
  });

  it('refuses a page without a head', () => {
    expect(() => renderPaperPage({ ...printDocument, html: '<p>x</p>' })).toThrow(RangeError);
  });
});
