import { describe, expect, it } from 'vitest';
import { renderFooterTemplate, renderHeaderTemplate } from './headerFooter.ts';
import { PRINT_STYLES } from './printStyles.ts';

describe('header and footer templates', () => {
  const footer = renderFooterTemplate('Motie “A & <b>B</b>”');

  it('put the title left and Chromium’s page number spans right', () => {
    expect(footer).toMatch(
      /^<div style="[^"]*"><span style="[^"]*">Motie “A &amp; &lt;b&gt;B&lt;\/b&gt;”<\/span><span style="[^"]*">pagina <span class="pageNumber"><\/span> van <span class="totalPages"><\/span><\/span><\/div>$/,
    );
  });

  it('use inline styles only, at 8 pt, aligned with the page margins', () => {
    expect(footer).not.toContain('<style');
    expect(footer).toContain('font-size:8pt');
    expect(footer).toContain('padding:0 22mm 0 25mm');
    expect(renderHeaderTemplate()).toMatch(/^<div style="[^"]*"><\/div>$/);
  });
});

describe('print styles', () => {
  it('print on A4 with the page margins the footer lines up with', () => {
    expect(PRINT_STYLES).toContain('size: A4;');
    expect(PRINT_STYLES).toContain('margin: 25mm 22mm 28mm 25mm;');
  });

  it('keep headings with what follows and paragraphs of at least three lines together', () => {
    expect(PRINT_STYLES).toMatch(/h4 \{\s*break-after: avoid;/);
    expect(PRINT_STYLES).toContain('orphans: 3;');
    expect(PRINT_STYLES).toContain('widows: 3;');
  });

  it('leave the diagonal mark to the PDF stamp: no watermark element is laid out', () => {
    expect(PRINT_STYLES).not.toContain('.watermark');
  });
});
