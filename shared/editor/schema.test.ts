import { describe, expect, it } from 'vitest';
import { DOMSerializer } from 'prosemirror-model';
import { schema } from './schema.ts';
import { createTemplateDoc } from './template.ts';
import { buildDoc } from './testing/buildDoc.ts';

describe('schema', () => {
  it('makes a valid template with one empty item in each block and an empty Toelichting', () => {
    const doc = createTemplateDoc('motie');
    doc.check();
    expect(doc.firstChild!.attrs).toEqual({
      kind: 'motie',
      status: 'concept',
      submitter: null,
      versionLabel: null,
      ignoredChecks: '',
    });
    expect(doc.child(1).attrs).toEqual({ assembly: 'ALV', date: null, ignoredChecks: '' });
    expect(doc.child(2).firstChild!.attrs.heading).toBe('overwegende');
    expect(doc.child(2).firstChild!.childCount).toBe(1);
    expect(doc.child(3).firstChild!.attrs.heading).toBe('spreekt_uit');
    expect(doc.child(3).firstChild!.childCount).toBe(1);
    expect(doc.child(4).type.name).toBe('explanation');
    expect(doc.child(4).textContent).toBe('');
  });

  it('accepts empty blocks, containers and lists, so merges never produce invalid content', () => {
    const { nodes } = schema;
    const doc = nodes.doc.create(null, [
      nodes.title.create(),
      nodes.preamble.create(),
      nodes.recitals.create(null, [nodes.recital_block.create()]),
      nodes.operatives.create(),
      nodes.explanation.create(null, [nodes.bullet_list.create(), nodes.blockquote.create()]),
    ]);
    expect(() => doc.check()).not.toThrow();
  });

  it('keeps recitals before operative clauses: a container refuses blocks of the other kind', () => {
    const { nodes } = schema;
    expect(
      nodes.recitals.validContent(
        nodes.recitals.create(null, [nodes.recital_block.create()]).content,
      ),
    ).toBe(true);
    expect(() => nodes.recitals.createChecked(null, [nodes.operative_block.create()])).toThrow();
    expect(() => schema.nodes.doc.createChecked(null, [])).toThrow();
  });

  it('refuses invalid attributes', () => {
    const { nodes } = schema;
    expect(() => nodes.recital_block.create({ heading: 'spreekt_uit' })).toThrow();
    expect(() => nodes.operative_block.create({ heading: 'besluit' })).not.toThrow();
    expect(() => nodes.item.create({ indent: 2 })).toThrow();
    expect(() => nodes.preamble.create({ assembly: 'ALV', date: '2024-02-30' })).toThrow();
    expect(() => nodes.title.create({ kind: 'wet' })).toThrow();
    expect(() => nodes.title.create({ submitter: 'x'.repeat(201) })).toThrow();
    expect(() => nodes.title.create({ submitter: 'Gemeente Oudewater' })).not.toThrow();
    expect(() => schema.marks.link.create({ href: 'javascript:alert(1)' })).toThrow();
    expect(() => schema.marks.link.create({ href: 'https://vng.nl' })).not.toThrow();
  });

  it('round-trips a document through JSON', () => {
    const doc = buildDoc({
      title: 'Inzet',
      recitals: [['Gemeenten willen;', { text: 'sub', indent: 1, marker: 'bullet' }]],
      operatives: [['Dat het rijk betaalt.']],
      explanation: ['Uitleg.'],
    });
    expect(schema.nodeFromJSON(doc.toJSON()).eq(doc)).toBe(true);
  });

  it('serializes every node and mark for the clipboard and print, blocks with their headings', () => {
    const serializer = DOMSerializer.fromSchema(schema);
    // A type without toDOM would make copying or printing a document that holds it throw. The
    // document node itself is never serialized, only its content.
    const nodeNames = Object.keys(schema.nodes).filter((name) => name !== 'doc');
    expect(Object.keys(serializer.nodes).sort()).toEqual(nodeNames.sort());
    expect(Object.keys(serializer.marks).sort()).toEqual(Object.keys(schema.marks).sort());
    const spec = serializer.nodes.recital_block!(
      schema.nodes.recital_block.create({ heading: 'gelet_op' }),
    );
    expect(JSON.stringify(spec)).toContain('Gelet op:');
  });
});
