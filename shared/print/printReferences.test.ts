/**
 * Cross-references in print: each reads as its target's label and links to an anchor on the
 * target (item, sub-item, block, Toelichting heading), a broken one reads as such without a
 * link, and in a bundle the anchors of two stukken never meet.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { BROKEN_REFERENCE_TEXT } from '../editor/queries/getReferences.ts';
import { findText } from '../editor/testing/buildDoc.ts';
import { suggestTransaction } from '../editor/suggestions/suggestChanges.ts';
import { REFERENCE_IDS, REFERENCE_LABELS, referenceDoc } from '../export/testing/referenceDoc.ts';
import { renderPrintDocument } from './renderPrintDocument.ts';
import { renderPrintBundle } from './renderBundle.ts';

const print = (doc: Node) => renderPrintDocument(doc, { fontCss: '' }).html;

/** The `href`s of the page's links to anchors in it, in order. */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/<a class="reference" href="#([^"]+)">/g)].map((match) => match[1]!);
}

/** The `id`s the page's elements carry. */
function anchors(html: string): string[] {
  return [...html.matchAll(/<[a-z0-9]+ [^>]*\bid="([^"]+)"/g)].map((match) => match[1]!);
}

describe('cross-references in print', () => {
  const html = print(referenceDoc());

  it('links each reference to the anchor its target carries, by the label', () => {
    for (const [kind, label] of Object.entries(REFERENCE_LABELS)) {
      const id = REFERENCE_IDS[kind as keyof typeof REFERENCE_LABELS];
      expect(html).toContain(`<a class="reference" href="#el-${id}">${label}</a>`);
    }
    expect(html).toMatch(new RegExp(`<li class="item"[^>]* id="el-${REFERENCE_IDS.item}">`));
    expect(html).toMatch(new RegExp(`<li class="item"[^>]* id="el-${REFERENCE_IDS.subItem}">`));
    expect(html).toMatch(new RegExp(`<section[^>]* id="el-${REFERENCE_IDS.block}">`));
    expect(html).toMatch(new RegExp(`<h3[^>]* id="el-${REFERENCE_IDS.heading}">`));
    // The recital nobody refers to here carries its id too: anchors do not depend on use.
    expect(anchors(html)).toContain(`el-${REFERENCE_IDS.recital}`);
    const ids = new Set(anchors(html));
    expect(internalLinks(html).length).toBe(5);
    for (const target of internalLinks(html)) expect(ids.has(target)).toBe(true);
    expect(anchors(html).length).toBe(ids.size);
  });

  it('prints a broken reference as its text alone, no link', () => {
    expect(html).toContain(
      `<span class="reference reference-broken">${BROKEN_REFERENCE_TEXT}</span> aandacht`,
    );
    expect(html).not.toContain(REFERENCE_IDS.missing);
  });

  it('reads the new number after a renumbering, linked to the same anchor', () => {
    const renumbered = print(referenceDoc(['eerst dit;']));
    expect(renumbered).toContain(
      `<a class="reference" href="#el-${REFERENCE_IDS.item}">punt 2</a>`,
    );
  });

  it('breaks a reference whose target is proposed for deletion when changes print accepted', () => {
    const doc = referenceDoc();
    const state = EditorState.create({ doc });
    const from = findText(doc, 'voor grond;', true);
    const tr = state.tr.delete(from, from + 'voor grond;'.length);
    const proposed = suggestTransaction(state, tr, {
      author: { name: 'Auteur', colour: '#b3261e' },
      now: 1_000,
      newId: () => 'c1',
    });
    const next = state.apply(proposed!);
    const accepted = print(next.doc);
    expect(accepted).not.toContain(`href="#el-${REFERENCE_IDS.subItem}"`);
    const shown = renderPrintDocument(next.doc, { fontCss: '', changes: 'shown' }).html;
    expect(shown).toContain(`href="#el-${REFERENCE_IDS.subItem}"`);
  });

  it('gives every stuk of a bundle anchors of its own', () => {
    const { html: bundle } = renderPrintBundle([referenceDoc(), referenceDoc(['eerst dit;'])], {
      title: 'Bundel',
      fontCss: '',
      compiledOn: '2024-11-20',
      startPages: null,
    });
    const ids = anchors(bundle);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bundle).toContain(`href="#stuk-1-el-${REFERENCE_IDS.item}">punt 1</a>`);
    expect(bundle).toContain(`href="#stuk-2-el-${REFERENCE_IDS.item}">punt 2</a>`);
    for (const target of internalLinks(bundle)) expect(ids).toContain(target);
  });
});
