/**
 * The comments of a stored document as a report: for `resolutie show --comments` (plain text)
 * and the appendix "Opmerkingen" of `resolutie export --pdf --comments`. Each thread with the
 * place of its text ("Spreekt uit: punt 2"), that text as it reads now (or the quote it was made
 * on, when the text is gone), the proposal it is about, whether it is resolved, and its comments.
 */
import type * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { readCommentEntries } from './commentRecords.ts';
import { anchoredText, resolveThreadAnchors } from './commentAnchors.ts';
import { listThreads, threadAnchors } from './commentThreads.ts';
import { findItemContext, isClauseBlock } from '../editor/queries/findItemContext.ts';
import { getItemLabels } from '../editor/queries/getItemLabels.ts';
import {
  EXPLANATION_HEADING,
  OPERATIVE_HEADING_LABELS,
  RECITAL_HEADING_LABELS,
} from '../labels.ts';
import { formatDutchDateTime } from '../dates.ts';

/** One comment as reported. */
export interface ReportedComment {
  author: string;
  time: number;
  edited: boolean;
  /** '' for a deleted comment. */
  text: string;
  deleted: boolean;
}

/** One thread as reported. */
export interface ReportedThread {
  /** Where its text stands ("Spreekt uit: punt 2", "Toelichting"), or null when it is gone. */
  place: string | null;
  /** Its text now, or the quote it was made on when `textGone`. */
  text: string;
  textGone: boolean;
  /** The author of the proposal it is about, when it is about one that is still there. */
  proposal: string | null;
  resolved: boolean;
  comments: ReportedComment[];
}

/** The threads of `ydoc`, in document order; throws InvalidDocumentError for a damaged store. */
export function getCommentReport(ydoc: Y.Doc): ReportedThread[] {
  const entries = readCommentEntries(ydoc);
  if (entries.comments.length === 0) return [];
  const { doc, ranges } = resolveThreadAnchors(ydoc, threadAnchors(entries));
  return listThreads(entries, ranges).map((thread) => {
    const range = thread.range;
    const text = range ? anchoredText(doc, range.from, range.to).replace(/\s+/g, ' ').trim() : '';
    return {
      place: range ? describePlace(doc, range.from) : null,
      text: range ? text : thread.anchor.quote,
      textGone: range === null,
      proposal:
        thread.anchor.change && range ? findProposalAuthor(doc, thread.anchor.change) : null,
      resolved: thread.resolved,
      comments: thread.comments.map((comment) => ({
        author: comment.author,
        time: comment.time,
        edited: comment.edited !== null && !comment.deleted,
        text: comment.text,
        deleted: comment.deleted,
      })),
    };
  });
}

/** The report as plain text, one thread after another; '' when there are none. */
export function formatCommentReport(threads: readonly ReportedThread[]): string {
  if (threads.length === 0) return '';
  const lines = [`Opmerkingen (${threads.length})`, ''];
  threads.forEach((thread, index) => {
    const where = thread.textGone ? 'tekst verwijderd' : (thread.place ?? '');
    const state = thread.resolved ? ', opgelost' : '';
    lines.push(`${index + 1}. ${where}${state}: “${thread.text}”`);
    if (thread.proposal) lines.push(`   Over het voorstel van ${thread.proposal}`);
    for (const comment of thread.comments) {
      const when = formatDutchDateTime(comment.time);
      const body = comment.deleted
        ? '(opmerking verwijderd)'
        : comment.text.replace(/\n/g, '\n     ');
      lines.push(`   – ${comment.author}, ${when}${comment.edited ? ' (bewerkt)' : ''}:`);
      lines.push(`     ${body}`);
    }
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

/** Where `pos` stands, as a reader names it. */
export function describePlace(doc: Node, pos: number): string {
  const $pos = doc.resolve(Math.min(pos + 1, doc.content.size));
  const context = findItemContext($pos);
  if (context && isClauseBlock(context.block)) {
    const heading = context.block.attrs.heading as string;
    const labels: Record<string, string> = {
      ...RECITAL_HEADING_LABELS,
      ...OPERATIVE_HEADING_LABELS,
    };
    const label = getItemLabels(context.block)[context.index] ?? '';
    const noun = context.block.type.name === 'recital_block' ? 'overweging' : 'punt';
    const number = label.replace(/\.$/, '');
    return `${(labels[heading] ?? '').replace(/:$/, '')}: ${noun} ${number}`;
  }
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const name = $pos.node(depth).type.name;
    if (name === 'explanation') return EXPLANATION_HEADING;
    if (name === 'title') return 'Titel';
    if (name === 'preamble') return 'Aanhef';
  }
  return 'Document';
}

function findProposalAuthor(doc: Node, change: string): string | null {
  let author: string | null = null;
  doc.descendants((node) => {
    if (author !== null) return false;
    const item = node.attrs.change as { id?: string; name?: string } | null | undefined;
    if (item && item.id === change) author = item.name ?? null;
    for (const mark of node.marks) {
      const attrs = mark.attrs as { id?: string; name?: string; accepted?: boolean };
      if (
        (mark.type.name === 'insertion' || mark.type.name === 'deletion') &&
        attrs.id === change &&
        !attrs.accepted
      ) {
        author = attrs.name ?? null;
      }
    }
    return true;
  });
  return author;
}
