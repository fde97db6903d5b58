import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDoc, findText } from '../testing/buildDoc.ts';
import { findDeletionTexts } from './deletionTexts.ts';
import { checkChanges } from './changeOrigins.ts';
import { getTrackedChanges, rejectChange, acceptChange } from './trackedChanges.ts';
import { EditorState } from 'prosemirror-state';

const BEWERKER = { id: 'Bewerker-1', name: 'Bewerker', colour: '#1b6e3a', time: 1_000 };

/** `doc` with the first `span` marked deleted by Bewerker, as made on the text `made` at `at`. */
function markDeleted(doc: Node, span: string, made: string | null, at: number | null): Node {
  const from = findText(doc, span, true);
  const mark = doc.type.schema.marks.deletion!.create({
    ...BEWERKER,
    covers: null,
    text: made,
    at,
  });
  return new Transform(doc).addMark(from, from + span.length, mark).doc;
}

/** The text at the positions `found` names, in order. */
function textAt(doc: Node, found: Set<number>): string {
  return [...found]
    .sort((a, b) => a - b)
    .map((pos) => doc.textBetween(pos, pos + 1))
    .join('');
}

describe('findDeletionTexts', () => {
  it('applies a deletion to the text it was made on, not to text its mark ran on over', () => {
    // Bewerker proposed to delete "hoge "; a merge let his mark run on over "zeer ".
    const base = buildDoc({ recitals: [['De hoge zeer kosten;']] });
    const doc = markDeleted(base, 'hoge zeer ', 'hoge ', findText(base, 'hoge '));
    const found = findDeletionTexts(doc, () => true);
    expect(textAt(doc, found)).toBe('hoge ');
    const changes = getTrackedChanges(doc, checkChanges(doc, null));
    expect(changes.map((c) => c.deleted)).toEqual(['hoge ']);
  });

  it('counts characters of its text that are gone meanwhile, and the rest in order', () => {
    // Made on "hoge ", of which a colleague deleted the "g" for real meanwhile.
    const base = buildDoc({ recitals: [['De hoe zeer kosten;']] });
    const doc = markDeleted(base, 'hoe zeer ', 'hoge ', findText(base, 'hoe '));
    expect(
      textAt(
        doc,
        findDeletionTexts(doc, () => true),
      ),
    ).toBe('hoe ');
  });

  it('applies where it lies when it does not say what it was made on (a comparison)', () => {
    const base = buildDoc({ recitals: [['De hoge zeer kosten;']] });
    const doc = markDeleted(base, 'hoge zeer ', null, null);
    expect(
      textAt(
        doc,
        findDeletionTexts(doc, () => true),
      ),
    ).toBe('hoge zeer ');
  });

  it('accepting it removes only its own text; rejecting takes its mark off all', () => {
    const base = buildDoc({ recitals: [['De hoge zeer kosten;']] });
    const doc = markDeleted(base, 'hoge zeer ', 'hoge ', findText(base, 'hoge '));
    const decide = (command: typeof acceptChange) => {
      let out = doc;
      command('Bewerker-1')(EditorState.create({ doc }), (tr) => (out = tr.doc));
      return out;
    };
    const accepted = decide(acceptChange);
    expect(accepted.textContent).toContain('De zeer kosten;');
    expect(getTrackedChanges(accepted)).toEqual([]);
    const rejected = decide(rejectChange);
    expect(rejected.textContent).toContain('De hoge zeer kosten;');
    expect(getTrackedChanges(rejected)).toEqual([]);
  });
});
