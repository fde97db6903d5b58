/**
 * Small predicates about the shape of a line of Dutch text: does it end a sentence, does it
 * obviously continue on the next line, does it start with a capital. The paragraph and
 * heading heuristics of the importer are built from these.
 */

// Words that cannot end a sentence or a heading in Dutch: articles, prepositions,
// conjunctions, pronouns and auxiliaries. A line ending in one of them was broken
// mid-sentence, whatever follows it.
const CONTINUATION_WORDS = new Set([
  'de',
  'het',
  'een',
  'der',
  'des',
  'van',
  'en',
  'in',
  'op',
  'met',
  'voor',
  'aan',
  'te',
  'om',
  'dat',
  'die',
  'dit',
  'deze',
  'of',
  'bij',
  'naar',
  'over',
  'tot',
  'door',
  'uit',
  'als',
  'zijn',
  'is',
  'wordt',
  'worden',
  'werd',
  'was',
  'we',
  'wij',
  'u',
  'ze',
  'zij',
  'hij',
  'ik',
  'er',
  'ook',
  'niet',
  'maar',
  'want',
  'dus',
  'noch',
  'zonder',
  'tegen',
  'tussen',
  'onder',
  'na',
  'sinds',
  'vanaf',
  'via',
  'per',
  'binnen',
  'buiten',
  'omdat',
  'zodat',
  'terwijl',
  'indien',
  'wanneer',
  'waarbij',
  'waarin',
  'waarop',
  'welke',
  'hun',
  'haar',
  'onze',
  'ons',
  'uw',
  'heeft',
  'hebben',
  'kan',
  'kunnen',
  'zal',
  'zullen',
  'moet',
  'moeten',
  'wil',
  'willen',
  'mag',
  'and',
  'the',
  'to',
]);

// Sentence-ending punctuation, optionally followed by closing quotes or brackets.
const SENTENCE_END = /[.!?:;…]["”’'»)\]]*$/;

// Characters after which a line certainly continues: a comma, a hyphen or dash, an opening
// bracket or quote, an ampersand or a slash.
const OPEN_END = /[,(\-–—&/+“‘„«]$/;

/** True when the text ends with sentence punctuation (. ! ? : ; …), quotes allowed after it. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** The last word of the text, lower-cased and without surrounding punctuation. */
export function lastWord(text: string): string {
  const space = text.lastIndexOf(' ');
  const word = space === -1 ? text : text.slice(space + 1);
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * True when the text visibly continues on the next line: it ends in a comma, dash or
 * opening bracket, or in a word such as "de", "van", "en" that cannot close a sentence.
 */
export function endsMidSentence(text: string): boolean {
  if (OPEN_END.test(text)) return true;
  if (endsSentence(text)) return false;
  return CONTINUATION_WORDS.has(lastWord(text));
}

// The first letter or digit, skipping opening quotes, brackets and spaces.
function firstSignificant(text: string): string {
  const match = /[\p{L}\p{N}]/u.exec(text.slice(0, 8));
  return match ? match[0] : '';
}

/** True when the first letter of the text (after quotes or brackets) is lower case. */
export function startsLowercase(text: string): boolean {
  const first = firstSignificant(text);
  return first !== '' && first !== first.toUpperCase() && first === first.toLowerCase();
}

/** True when the text opens with a capital letter (after quotes or brackets). */
export function startsUppercase(text: string): boolean {
  const first = firstSignificant(text);
  return first !== '' && /\p{Lu}/u.test(first);
}

/** Number of space-separated words; the text is expected to be whitespace-collapsed. */
export function countWords(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}
