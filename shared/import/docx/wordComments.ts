/**
 * Word's comments (comments.xml): who wrote each, when, and its text; from commentsExtended.xml
 * (Word 2013 and later, and our export) which comment answers which and which thread is done.
 * Where a comment sits in the text is in document.xml (`w:commentRangeStart`/`End`), read with
 * the runs.
 */
import { W_NS, attr, childElements, type XmlElement } from './xmlTree.ts';

const W14_NS = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15_NS = 'http://schemas.microsoft.com/office/word/2012/wordml';
import { paragraphsText } from './wordRuns.ts';
import { MAX_MARKED_COMMENTS } from './commentMarkers.ts';

/** A comment as Word wrote it. */
export interface WordComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
  /** The Word id of the comment this one answers, or null. */
  parent: string | null;
  /** Marked done (resolved) in Word. */
  done: boolean;
}

/** The comments with text, in file order, at most as many as markers can number. */
export function readWordComments(
  comments: XmlElement | null,
  extended: XmlElement | null,
): WordComment[] {
  const out: WordComment[] = [];
  if (!comments) return out;
  // commentsExtended names a comment by the paraId of its last paragraph.
  const byParagraph = new Map<string, string>();
  const read: { element: XmlElement; id: string; text: string }[] = [];
  for (const comment of childElements(comments, W_NS, 'comment')) {
    const id = attr(comment, W_NS, 'id');
    const text = paragraphsText(comment, '\n');
    if (id === undefined || text.trim() === '' || read.length >= MAX_MARKED_COMMENTS) continue;
    const paragraphs = childElements(comment, W_NS, 'p');
    const paraId = attr(paragraphs[paragraphs.length - 1], W14_NS, 'paraId');
    if (paraId) byParagraph.set(paraId, id);
    read.push({ element: comment, id, text });
  }
  const links = new Map<string, { parent: string | null; done: boolean }>();
  for (const entry of extended ? childElements(extended, W15_NS, 'commentEx') : []) {
    const id = byParagraph.get(attr(entry, W15_NS, 'paraId') ?? '');
    if (id === undefined) continue;
    const parent = byParagraph.get(attr(entry, W15_NS, 'paraIdParent') ?? '') ?? null;
    links.set(id, {
      parent: parent === id ? null : parent,
      done: attr(entry, W15_NS, 'done') === '1',
    });
  }
  for (const { element, id, text } of read) {
    out.push({
      id,
      author: attr(element, W_NS, 'author') ?? '',
      date: attr(element, W_NS, 'date') ?? null,
      text,
      parent: links.get(id)?.parent ?? null,
      done: links.get(id)?.done ?? false,
    });
  }
  return out;
}
