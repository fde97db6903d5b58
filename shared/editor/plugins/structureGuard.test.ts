import { describe, expect, it } from 'vitest';
import { buildDoc, findText, stateAt } from '../testing/buildDoc.ts';
import { structureGuardPlugin } from './structureGuard.ts';
import { markStructural } from './structureMeta.ts';

const REMOTE = 'test/remote';
const guard = structureGuardPlugin((tr) => tr.getMeta(REMOTE) === true);

describe('structure guard', () => {
  const doc = buildDoc({ recitals: [['een'], ['twee']], operatives: [['drie']] });
  const state = stateAt(doc, findText(doc, 'een'), findText(doc, 'een'), [guard]);
  // A raw deletion from inside the first block to inside the second: ProseMirror would join
  // the blocks, removing a heading.
  const tearing = () => state.tr.delete(findText(doc, 'een'), findText(doc, 'twee', true));

  it('refuses a local edit that tears blocks apart', () => {
    const result = state.applyTransaction(tearing());
    expect(result.state.doc.eq(doc)).toBe(true);
  });

  it('lets ordinary typing through', () => {
    const result = state.applyTransaction(state.tr.insertText('!'));
    expect(result.state.doc.textContent).toContain('een!');
  });

  it('lets deliberate structural changes and remote changes through', () => {
    expect(state.applyTransaction(markStructural(tearing())).state.doc.eq(doc)).toBe(false);
    expect(state.applyTransaction(tearing().setMeta(REMOTE, true)).state.doc.eq(doc)).toBe(false);
  });
});
