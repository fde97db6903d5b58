import { describe, expect, it } from 'vitest';
import { generateDoc } from '../documents.ts';
import { createReviewedYDoc, REVIEWERS, reviewSizeFor } from './reviewedDocument.ts';
import { encodeYDoc, openDocumentState, readYDoc } from '../../shared/ydoc/yDocument.ts';
import { getTrackedChanges } from '../../shared/editor/suggestions/trackedChanges.ts';
import { readCommentEntries } from '../../shared/comments/commentRecords.ts';
import { threadAnchors } from '../../shared/comments/commentThreads.ts';
import { resolveAnchor } from '../../shared/comments/commentAnchors.ts';
import type { YMapping } from '../../shared/comments/commentAnchors.ts';
import { getDocumentFragment } from '../../shared/ydoc/yDocument.ts';
import { initProseMirrorDoc } from 'y-prosemirror';
import { schema } from '../../shared/editor/schema.ts';

describe('the reviewed benchmark document', () => {
  const size = reviewSizeFor(100);
  const ydoc = createReviewedYDoc(generateDoc(100), size);

  it('holds pending proposals of every reviewer, insertions and deletions', () => {
    const changes = getTrackedChanges(readYDoc(ydoc));
    expect(changes).toHaveLength(size.proposals);
    expect(new Set(changes.map((c) => c.name))).toEqual(new Set(REVIEWERS.map((r) => r.name)));
    expect(changes.some((c) => c.inserted !== '' && c.deleted === '')).toBe(true);
    expect(changes.some((c) => c.deleted !== '' && c.inserted === '')).toBe(true);
  });

  it('holds threads with replies, each anchored on text that is there', () => {
    const entries = readCommentEntries(ydoc);
    const anchors = threadAnchors(entries);
    expect(anchors.size).toBe(size.threads);
    expect(entries.comments.length).toBeGreaterThan(size.threads);
    const fragment = getDocumentFragment(ydoc);
    const { doc, mapping } = initProseMirrorDoc(fragment, schema);
    for (const anchor of anchors.values()) {
      const range = resolveAnchor(doc, fragment, mapping as YMapping, anchor);
      expect(range).not.toBeNull();
      expect(doc.textBetween(range!.from, range!.to)).toBe(anchor.quote);
    }
  });

  it('opens as the app opens a file, and is the same every time', () => {
    const state = encodeYDoc(ydoc);
    expect(() => openDocumentState(state)).not.toThrow();
    const again = createReviewedYDoc(generateDoc(100), size);
    expect(readYDoc(again).toJSON()).toEqual(readYDoc(ydoc).toJSON());
    // The anchors' positions name the Yjs session, which is new every time; the rest is alike.
    const comparable = (y: typeof ydoc) =>
      readCommentEntries(y).comments.map(({ id, thread, text, author, anchor }) => ({
        ...{ id, thread, text, author, quote: anchor?.quote },
      }));
    expect(comparable(again)).toEqual(comparable(ydoc));
  });
});
