/**
 * Brackets and quotation marks that open and are not closed, or close what never opened, in
 * one text. Apostrophes are no quotation marks: "’s", "’t", "d’r", "thema’s", "auto's" and
 * a possessive "ouders’" are left alone, so a single closing mark without an opening one is
 * never reported (it may be an apostrophe); a single opening one that is never closed is.
 */

/** A mark without its partner: where it stands and what it is. */
export interface UnpairedMark {
  index: number;
  mark: string;
  /** It opens and is never closed, or it closes and nothing opened. */
  kind: 'unclosed' | 'unopened';
}

type Opener = { mark: string; index: number; family: 'round' | 'square' | 'double' | 'single' };

const LETTER = /[\p{L}\p{N}]/u;
const SPACE_BEFORE = /[\s([{“„"‘'—–-]/u;

/** The unpaired brackets and quotation marks of `text`, in order. */
export function findUnpairedMarks(text: string): UnpairedMark[] {
  const problems: UnpairedMark[] = [];
  const stack: Opener[] = [];
  const at = (i: number) => (i >= 0 && i < text.length ? text[i]! : '');
  const isLetter = (c: string) => c !== '' && LETTER.test(c);
  const opensWord = (i: number) =>
    (i === 0 || SPACE_BEFORE.test(at(i - 1))) && at(i + 1) !== '' && !/\s/.test(at(i + 1));
  // "’s", "’t", "’n" ("’s avonds", "’s-Gravenhage"): an apostrophe at a word's start.
  const elides = (i: number) => /^[stn](?![\p{L}])/u.test(text.slice(i + 1, i + 3));
  const top = () => stack[stack.length - 1];

  // Closes the nearest opener of `family`; openers of other families above it stay open.
  const close = (family: Opener['family'], index: number, mark: string): void => {
    for (let depth = stack.length - 1; depth >= 0; depth -= 1) {
      if (stack[depth]!.family !== family) continue;
      for (const open of stack.splice(depth).slice(1)) {
        problems.push({ index: open.index, mark: open.mark, kind: 'unclosed' });
      }
      return;
    }
    problems.push({ index, mark, kind: 'unopened' });
  };

  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    switch (c) {
      case '(':
        stack.push({ mark: c, index: i, family: 'round' });
        break;
      case '[':
        stack.push({ mark: c, index: i, family: 'square' });
        break;
      case ')':
        // "a)" and "2)" number a list within the text; they close nothing.
        if (!/(?:^|[\s(])(?:[a-z]|\d{1,2}|[ivx]{1,4})$/u.test(text.slice(Math.max(0, i - 6), i)))
          close('round', i, c);
        break;
      case ']':
        close('square', i, c);
        break;
      case '“':
      case '„':
        stack.push({ mark: c, index: i, family: 'double' });
        break;
      case '”':
        // Some write ”…” with the closing mark at both ends.
        if (top()?.family !== 'double' && opensWord(i) && !stack.some((o) => o.family === 'double'))
          stack.push({ mark: c, index: i, family: 'double' });
        else close('double', i, c);
        break;
      case '"':
        if (
          stack.some((o) => o.family === 'double') &&
          !(opensWord(i) && top()?.family !== 'double')
        )
          close('double', i, c);
        else stack.push({ mark: c, index: i, family: 'double' });
        break;
      case '‘':
        if (!elides(i)) stack.push({ mark: c, index: i, family: 'single' });
        break;
      case '’':
      case "'": {
        if (isLetter(at(i - 1)) && isLetter(at(i + 1))) break; // thema’s, d'r
        if (opensWord(i) && elides(i)) break; // ’s avonds
        if (top()?.family === 'single' && !opensWord(i)) {
          stack.pop();
          break;
        }
        // A straight or right mark opening a word opens a quotation ('of-vraag').
        if (opensWord(i) && isLetter(at(i + 1)))
          stack.push({ mark: c, index: i, family: 'single' });
        // Otherwise an apostrophe after a word ("ouders’"), or a closing mark without partner.
        break;
      }
      default:
        break;
    }
  }
  for (const open of stack) problems.push({ index: open.index, mark: open.mark, kind: 'unclosed' });
  return problems.sort((a, b) => a.index - b.index);
}
