/**
 * Word's comments (comments.xml): who wrote each, when, and its text. Where a comment sits in
 * the text is in document.xml (`w:commentRangeStart`/`End`), read with the runs.
 */
import { W_NS, attr, childElements, type XmlElement } from './xmlTree.ts';
import { paragraphsText } from './wordRuns.ts';
import { MAX_MARKED_COMMENTS } from './commentMarkers.ts';

/** A comment as Word wrote it. */
export interface WordComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
}

/** The comments with text, in file order, at most as many as markers can number. */
export function readWordComments(comments: XmlElement | null): WordComment[] {
  const out: WordComment[] = [];
  if (!comments) return out;
  for (const comment of childElements(comments, W_NS, 'comment')) {
    const id = attr(comment, W_NS, 'id');
    const text = paragraphsText(comment, '\n');
    if (id === undefined || text.trim() === '' || out.length >= MAX_MARKED_COMMENTS) continue;
    out.push({
      id,
      author: attr(comment, W_NS, 'author') ?? '',
      date: attr(comment, W_NS, 'date') ?? null,
      text,
    });
  }
  return out;
}
