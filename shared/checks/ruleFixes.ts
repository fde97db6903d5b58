/**
 * How a rule builds its findings and their fixes. A rule detects its problems as plain data
 * (place, message, and the edit that would fix it); a fix, when applied, detects again on the
 * state it is given and makes the edit only where the same problem still stands, so a fix from
 * an older run never edits text that has moved or changed meanwhile.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { CheckContext, CheckRule, Finding } from './checkTypes.ts';
import { nameCheckPlace } from './checkPlaces.ts';

/** An edit of the text: `text` put in place of `from`–`to` ('' deletes it). */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** A problem a rule found, before it becomes a finding. */
export interface Detected {
  /** The element it is about (see Finding.pos). */
  pos: number;
  message: string;
  /** The place, when it is not the element's own ("Het stuk", an amendment). */
  place?: string;
  from?: number;
  to?: number;
  /** The edit that fixes it, and the button's words. */
  fix?: { label: string; edit: TextEdit };
}

/** A rule from its data and a detector; its findings carry fixes that detect again. */
export function defineRule(spec: {
  id: string;
  title: string;
  description: string;
  detect(doc: Node, context: CheckContext): Detected[];
}): CheckRule {
  const { detect, ...data } = spec;
  return {
    ...data,
    check(doc, context) {
      return detect(doc, context).map((found) => toFinding(spec.id, doc, found, context, detect));
    },
  };
}

function toFinding(
  rule: string,
  doc: Node,
  found: Detected,
  context: CheckContext,
  detect: (doc: Node, context: CheckContext) => Detected[],
): Finding {
  const finding: Finding = {
    rule,
    message: found.message,
    pos: found.pos,
    place: found.place ?? nameCheckPlace(doc, found.pos),
  };
  if (found.from !== undefined) finding.from = found.from;
  if (found.to !== undefined) finding.to = found.to;
  if (found.fix) {
    const { label, edit } = found.fix;
    finding.fix = {
      label,
      apply(state: EditorState): Transaction | null {
        const again = detect(state.doc, context).find(
          (candidate) =>
            candidate.pos === found.pos &&
            candidate.message === found.message &&
            candidate.fix?.label === label &&
            candidate.fix.edit.text === edit.text,
        );
        return again?.fix ? applyEdit(state, again.fix.edit) : null;
      },
    };
  }
  return finding;
}

function applyEdit(state: EditorState, edit: TextEdit): Transaction {
  return edit.text === ''
    ? state.tr.delete(edit.from, edit.to)
    : state.tr.insertText(edit.text, edit.from, edit.to);
}
