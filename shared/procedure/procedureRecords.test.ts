/**
 * The strict reading of the procedure map (procedureRecords.ts), field by field, as a hostile
 * file or a client that is not ours could write it: every entry that is not exactly what the
 * app writes is refused with an InvalidDocumentError naming the entry, and the check the sync
 * server runs on the entries an update touched (checkProcedureEntries) refuses a removal.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidDocumentError } from '../ydoc/invalidDocument.ts';
import {
  MAX_CHANGES,
  MAX_CO_INDIENERS,
  MAX_MOTIVATION_LENGTH,
  MAX_REASONING_LENGTH,
  MAX_SUBMISSIONS,
  MAX_TARGETS,
  MAX_TITLE_LENGTH,
  adviceKey,
  checkProcedureEntries,
  decisionKey,
  getProcedureMap,
  parseProcedureKey,
  readProcedureEntries,
  submissionKey,
} from './procedureRecords.ts';
import type { StoredAdvice, StoredDecision, StoredSubmission } from './procedureRecords.ts';

/** A submitted amendment as the store writes it. */
const SUBMISSION: StoredSubmission = {
  kind: 'amendement',
  number: 'A1',
  indiener: 'Utrecht',
  coIndieners: ['Zwolle', 'Tilburg'],
  title: 'Investeringen',
  motivation: 'Onverkort is te stellig.\n\nDe regio kan het niet alleen.',
  author: 'Voorsteller',
  colour: '#1b6e3a',
  created: 1_000,
  submitted: 2_000,
  withdrawn: null,
  base: { version: 'Concept 1', resolution: 'Resolutie ‘Woningbouw’', stateVector: 'AQID' },
  changes: ['c1', 'c2'],
  targets: [
    { change: 'c1', place: 'punt 1 onder ‘Spreekt uit’', text: 'het Rijk te vragen;' },
    { change: 'c2', place: 'punt 2 onder ‘Spreekt uit’', text: '' },
  ],
};
const ADVICE: StoredAdvice = {
  advice: 'ontraden',
  reasoning: 'Het Rijk investeert al.',
  name: 'Redacteur',
  time: 3_000,
};
const DECISION: StoredDecision = {
  outcome: 'aangenomen',
  vote: { voor: 28, tegen: 3, onthouding: 1 },
  name: 'Redacteur',
  time: 4_000,
  instructions: ['in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”'],
};

/**
 * A document whose procedure map holds `entries` (key → value), as another's update brings it:
 * written on one Y.Doc and read from another (what Yjs encodes is what arrives).
 */
function docWith(entries: Record<string, unknown>): Y.Doc {
  const writer = new Y.Doc();
  const map = getProcedureMap(writer);
  for (const [key, value] of Object.entries(entries)) map.set(key, value);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(writer));
  writer.destroy();
  return ydoc;
}

/** A shared map holding the fields of `value`: what a client that is not ours can write. */
function sharedMap(value: object): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(value));
}

/** The message of the InvalidDocumentError that reading `ydoc` throws. */
function refusal(ydoc: Y.Doc, what: string): string {
  try {
    readProcedureEntries(ydoc);
  } catch (error) {
    expect(error, what).toBeInstanceOf(InvalidDocumentError);
    return (error as Error).message;
  }
  throw new Error(`not refused: ${what}`);
}

/** Each of `cases` ([what, value of the entry at `key`]) is refused, naming `key`. */
function expectEachRefused(key: string, cases: [string, unknown][]): void {
  for (const [what, value] of cases) {
    const message = refusal(docWith({ [key]: value }), what);
    expect(message, what).toContain(`Procedure-gegevens "${key}" zijn beschadigd`);
  }
}

describe('reading the procedure map', () => {
  it('reads what the store writes, and nothing from a document without the map', () => {
    const ydoc = docWith({
      [submissionKey('s1')]: SUBMISSION,
      [adviceKey('s1')]: ADVICE,
      [decisionKey('s1')]: DECISION,
      [submissionKey('m1')]: {
        ...SUBMISSION,
        kind: 'motie',
        number: 'M1',
        base: { version: null, resolution: 'Motie ‘Jeugdzorg’', stateVector: '' },
        changes: [],
        targets: [],
        submitted: null,
      },
    });
    const entries = readProcedureEntries(ydoc);
    expect(entries.submissions.map((s) => [s.id, s.number])).toEqual([
      ['s1', 'A1'],
      ['m1', 'M1'],
    ]);
    expect(entries.submissions[0]).toEqual({ id: 's1', ...SUBMISSION });
    expect(entries.advices.get('s1')).toEqual(ADVICE);
    expect(entries.decisions.get('s1')).toEqual(DECISION);
    const empty = new Y.Doc();
    expect(readProcedureEntries(empty)).toEqual({
      submissions: [],
      advices: new Map(),
      decisions: new Map(),
    });
    // Reading does not make the map exist.
    expect(empty.share.has('procedure')).toBe(false);
  });

  it('keeps a preadvies and a besluit that arrive before their indiening', () => {
    const entries = readProcedureEntries(
      docWith({ [adviceKey('later')]: ADVICE, [decisionKey('later')]: DECISION }),
    );
    expect(entries.submissions).toEqual([]);
    expect(entries.advices.get('later')).toEqual(ADVICE);
    expect(entries.decisions.get('later')).toEqual(DECISION);
  });

  it('refuses keys that are no entry of the procedure', () => {
    for (const key of ['stuk', 'stuk:', 'stuk:a b', `stuk:${'x'.repeat(65)}`, 'notulen:1', 'x']) {
      expect(refusal(docWith({ [key]: SUBMISSION }), key)).toContain('onbekende soort');
    }
    expect(parseProcedureKey('besluit:abc_-9')).toEqual({ kind: 'decision', id: 'abc_-9' });
    expect(parseProcedureKey('preadvies:../x')).toBeNull();
  });

  it('refuses an indiening with a field too many, too few, or of another type', () => {
    const key = submissionKey('s1');
    const { title: _title, ...withoutTitle } = SUBMISSION;
    expectEachRefused(key, [
      ['an unknown field', { ...SUBMISSION, html: '<b>x</b>' }],
      ['a field missing', withoutTitle],
      ['no object', 'amendement'],
      ['an array', [SUBMISSION]],
      ['null', null],
      ['a Y.Map as the entry', sharedMap(SUBMISSION)],
      ['a Y.Text as the entry', new Y.Text('A1')],
      ['a Y.Array as the entry', new Y.Array()],
      ['binary content', new Uint8Array([1, 2, 3])],
      ['binary content as the title', { ...SUBMISSION, title: new Uint8Array([65]) }],
      ['an undefined field', { ...SUBMISSION, withdrawn: undefined }],
      ['a bigint as a time', { ...SUBMISSION, created: 1000n }],
      ['another kind', { ...SUBMISSION, kind: 'petitie' }],
      ['a number as number', { ...SUBMISSION, number: 1 }],
      ['a title of another type', { ...SUBMISSION, title: 42 }],
      ['a motivation of another type', { ...SUBMISSION, motivation: ['a'] }],
      ['an author that is no name', { ...SUBMISSION, author: '' }],
      ['an author too long', { ...SUBMISSION, author: 'x'.repeat(61) }],
      ['a colour that is no colour', { ...SUBMISSION, colour: 'red' }],
      ['a colour with markup', { ...SUBMISSION, colour: '#1b6e3a;background:url(x)' }],
      ['a time as text', { ...SUBMISSION, created: '1000' }],
      ['a negative time', { ...SUBMISSION, created: -1 }],
      ['a fractional time', { ...SUBMISSION, submitted: 2000.5 }],
      ['a time that is no number', { ...SUBMISSION, withdrawn: Number.NaN }],
      ['an unsafe time', { ...SUBMISSION, submitted: 2 ** 60 }],
      ['changes that are no list', { ...SUBMISSION, changes: 'c1' }],
      ['a change id with a space', { ...SUBMISSION, changes: ['c 1'] }],
      ['a change id of another type', { ...SUBMISSION, changes: [1] }],
      ['targets that are no list', { ...SUBMISSION, targets: {} }],
      [
        'a target with a field too many',
        { ...SUBMISSION, targets: [{ ...SUBMISSION.targets[0], x: 1 }] },
      ],
      ['a target without text', { ...SUBMISSION, targets: [{ change: 'c1', place: 'p' }] }],
      [
        'a target of a bad change id',
        { ...SUBMISSION, targets: [{ change: '', place: 'p', text: '' }] },
      ],
      ['a base with a field too many', { ...SUBMISSION, base: { ...SUBMISSION.base, x: 1 } }],
      [
        'a base version of another type',
        { ...SUBMISSION, base: { ...SUBMISSION.base, version: 1 } },
      ],
      [
        'a base version on two lines',
        { ...SUBMISSION, base: { ...SUBMISSION.base, version: 'a\nb' } },
      ],
    ]);
  });

  it('names the unknown field', () => {
    const message = refusal(docWith({ [submissionKey('s1')]: { ...SUBMISSION, onclick: 1 } }), 'x');
    expect(message).toBe('Procedure-gegevens "stuk:s1" zijn beschadigd (onbekend veld "onclick").');
  });

  it('refuses numbers that are no A1 … A9999 for an amendment or M1 … M9999 for a motie', () => {
    const key = submissionKey('s1');
    expectEachRefused(
      key,
      ['A0', 'B1', 'a1', 'A01', 'A10000', 'A1 ', 'A-1', 'A1.5', '', 'M1'].map((number) => [
        `amendment ${JSON.stringify(number)}`,
        { ...SUBMISSION, number },
      ]),
    );
    expectEachRefused(key, [
      ['a motie with an A-number', { ...SUBMISSION, kind: 'motie', number: 'A1' }],
    ]);
    for (const number of ['A1', 'A9999', 'A10']) {
      expect(
        readProcedureEntries(docWith({ [key]: { ...SUBMISSION, number } })).submissions,
      ).toHaveLength(1);
    }
  });

  it('refuses hidden and reordering characters, and text that is too long', () => {
    const key = submissionKey('s1');
    expectEachRefused(key, [
      ['a right-to-left override in the title', { ...SUBMISSION, title: 'Inves\u202Eteringen' }],
      ['an isolate in the motivation', { ...SUBMISSION, motivation: 'a\u2067b' }],
      ['a NUL in the motivation', { ...SUBMISSION, motivation: 'a\u0000b' }],
      ['an escape in the title', { ...SUBMISSION, title: '\u001b[31mrood' }],
      [
        'a C1 control in a place',
        { ...SUBMISSION, targets: [{ change: 'c1', place: 'punt\u0085', text: '' }] },
      ],
      ['a title on two lines', { ...SUBMISSION, title: 'Twee\nregels' }],
      ['a title too long', { ...SUBMISSION, title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }],
      [
        'a motivation too long',
        { ...SUBMISSION, motivation: 'x'.repeat(MAX_MOTIVATION_LENGTH + 1) },
      ],
      [
        'a target text too long',
        { ...SUBMISSION, targets: [{ change: 'c1', place: 'p', text: 'x'.repeat(4001) }] },
      ],
      [
        'a place too long',
        { ...SUBMISSION, targets: [{ change: 'c1', place: 'x'.repeat(201), text: '' }] },
      ],
      ['an override in the author', { ...SUBMISSION, author: 'Voor\u202Esteller' }],
      ['an indiener on two lines', { ...SUBMISSION, indiener: 'Utrecht\nZwolle' }],
      ['an indiener with a tab', { ...SUBMISSION, indiener: 'Utrecht\t' }],
      ['an indiener with spaces around it', { ...SUBMISSION, indiener: ' Utrecht' }],
      ['an empty indiener', { ...SUBMISSION, indiener: '' }],
      ['an indiener too long', { ...SUBMISSION, indiener: 'x'.repeat(101) }],
      ['a co-indiener with an override', { ...SUBMISSION, coIndieners: ['Zwolle\u202D'] }],
      ['a co-indiener of another type', { ...SUBMISSION, coIndieners: [1] }],
      [
        'a resolution title on two lines',
        { ...SUBMISSION, base: { ...SUBMISSION.base, resolution: 'a\nb' } },
      ],
    ]);
    // Line breaks and tabs belong in a motivation.
    const plain = { ...SUBMISSION, motivation: 'Eerste alinea.\n\n\tTweede alinea.' };
    expect(readProcedureEntries(docWith({ [key]: plain })).submissions).toHaveLength(1);
  });

  it('refuses too many of anything', () => {
    const key = submissionKey('s1');
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expectEachRefused(key, [
      ['too many co-indieners', { ...SUBMISSION, coIndieners: ids(MAX_CO_INDIENERS + 1) }],
      ['too many changes', { ...SUBMISSION, changes: ids(MAX_CHANGES + 1) }],
      [
        'too many targets',
        {
          ...SUBMISSION,
          targets: ids(MAX_TARGETS + 1).map((change) => ({ change, place: 'p', text: '' })),
        },
      ],
    ]);
    const many: Record<string, unknown> = {};
    for (let i = 0; i <= MAX_SUBMISSIONS; i += 1) {
      many[submissionKey(`s${i}`)] = { ...SUBMISSION, number: `A${i + 1}` };
    }
    expect(refusal(docWith(many), 'too many indieningen')).toContain(
      `meer dan ${MAX_SUBMISSIONS} amendementen`,
    );
    // Preadviezen and besluiten without their indiening count too.
    const entries: Record<string, unknown> = {};
    for (let i = 0; i <= MAX_SUBMISSIONS * 3; i += 1) entries[adviceKey(`s${i}`)] = ADVICE;
    expect(refusal(docWith(entries), 'too many entries')).toContain('amendementen');
  });

  it('refuses the same change twice in one amendment', () => {
    expectEachRefused(submissionKey('s1'), [
      ['a change id twice', { ...SUBMISSION, changes: ['c1', 'c2', 'c1'] }],
    ]);
  });

  it('refuses a place that belongs to no proposal of the amendment', () => {
    // The print marks adopted text by its places: a forged one would mark another item.
    expectEachRefused(submissionKey('s1'), [
      ['a place of another proposal', { ...SUBMISSION, changes: ['c1'] }],
    ]);
  });

  it('refuses a base that is no base64 state vector', () => {
    const key = submissionKey('s1');
    const base = SUBMISSION.base;
    expectEachRefused(
      key,
      ['AQI', 'A', 'AQID=', 'A===', 'AQ=D', 'AQ ID', 'AQID\n', 'ÄQID', '-_ab', 42, null].map(
        (stateVector) => [
          `state vector ${JSON.stringify(stateVector)}`,
          { ...SUBMISSION, base: { ...base, stateVector } },
        ],
      ),
    );
    expectEachRefused(key, [
      [
        'a state vector too long',
        { ...SUBMISSION, base: { ...base, stateVector: 'A'.repeat(40_004) } },
      ],
    ]);
    for (const stateVector of ['', 'AQ==', 'AQI=', 'AQID', '+/+/']) {
      const entry = { ...SUBMISSION, base: { ...base, stateVector } };
      expect(readProcedureEntries(docWith({ [key]: entry })).submissions, stateVector).toHaveLength(
        1,
      );
    }
  });

  it('refuses a preadvies that is not exactly one', () => {
    const key = adviceKey('s1');
    expectEachRefused(key, [
      ['an unknown advice', { ...ADVICE, advice: 'aannemen' }],
      ['an unknown field', { ...ADVICE, vote: null }],
      ['a reasoning too long', { ...ADVICE, reasoning: 'x'.repeat(MAX_REASONING_LENGTH + 1) }],
      ['a reasoning with an override', { ...ADVICE, reasoning: 'ja\u202Enee' }],
      ['a reasoning of another type', { ...ADVICE, reasoning: null }],
      ['no name', { ...ADVICE, name: ' ' }],
      ['a time as text', { ...ADVICE, time: '3000' }],
      ['a Y.Map', sharedMap(ADVICE)],
      ['a text', 'ontraden'],
    ]);
  });

  it('refuses a besluit with an unknown outcome or a vote that is no count', () => {
    const key = decisionKey('s1');
    const vote = { voor: 28, tegen: 3, onthouding: 1 };
    expectEachRefused(key, [
      ['an unknown outcome', { ...DECISION, outcome: 'gewijzigd' }],
      ['a negative vote', { ...DECISION, vote: { ...vote, tegen: -1 } }],
      ['a fractional vote', { ...DECISION, vote: { ...vote, voor: 27.5 } }],
      ['a vote as text', { ...DECISION, vote: { ...vote, voor: '28' } }],
      ['a vote with an extra key', { ...DECISION, vote: { ...vote, blanco: 2 } }],
      ['a vote missing a key', { ...DECISION, vote: { voor: 28, tegen: 3 } }],
      ['an absurd vote', { ...DECISION, vote: { ...vote, voor: 1e12 } }],
      ['an infinite vote', { ...DECISION, vote: { ...vote, voor: Number.POSITIVE_INFINITY } }],
      ['a vote as a list', { ...DECISION, vote: [28, 3, 1] }],
      ['a vote of another word', { ...DECISION, vote: 'unaniem' }],
      ['a bigint in the vote', { ...DECISION, vote: { ...vote, voor: 28n } }],
      ['a Y.Map', sharedMap(DECISION)],
      ['no vote field', { outcome: 'aangenomen', name: 'Redacteur', time: 1 }],
      ['a name with a control', { ...DECISION, name: 'Redacteur\u0007' }],
      ['instructions as text', { ...DECISION, instructions: 'alles' }],
      ['an instruction with a bidi override', { ...DECISION, instructions: ['a\u202Eb'] }],
      ['too many instructions', { ...DECISION, instructions: Array(501).fill('x') }],
    ]);
    for (const accepted of [
      { ...DECISION, vote: 'algemeen' },
      { ...DECISION, outcome: 'overgenomen', vote: null },
      { ...DECISION, vote: { voor: 0, tegen: 0, onthouding: 0 } },
    ]) {
      expect(readProcedureEntries(docWith({ [key]: accepted })).decisions.get('s1')).toEqual(
        accepted,
      );
    }
  });
});

describe('checking the entries an update touched', () => {
  it('refuses an entry removed, and checks the whole map', () => {
    const ydoc = docWith({ [submissionKey('s1')]: SUBMISSION, [adviceKey('s1')]: ADVICE });
    expect(() => checkProcedureEntries(ydoc, [submissionKey('s1')])).not.toThrow();
    getProcedureMap(ydoc).delete(adviceKey('s1'));
    expect(() => checkProcedureEntries(ydoc, [adviceKey('s1')])).toThrow(
      'Procedure-gegevens "preadvies:s1" zijn beschadigd (verwijderd; de procedure wordt nooit weggehaald).',
    );
    // An entry the update did not touch is read as well.
    getProcedureMap(ydoc).set(decisionKey('s1'), { ...DECISION, vote: { voor: -1 } });
    expect(() => checkProcedureEntries(ydoc, [submissionKey('s1')])).toThrow(InvalidDocumentError);
  });

  it('refuses content written into the map without a key', () => {
    // What a client that is not ours can send: list content in the procedure map.
    const ydoc = new Y.Doc();
    getProcedureMap(ydoc);
    const keys = new Set<unknown>();
    getProcedureMap(ydoc).observe((event) => {
      for (const key of event.keysChanged) keys.add(key);
    });
    const attacker = new Y.Doc();
    attacker.getArray('procedure').insert(0, [SUBMISSION]);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(attacker));
    expect([...keys]).toEqual([null]);
    expect(() => checkProcedureEntries(ydoc, keys as Set<string>)).toThrow(
      'De procedure bevat inhoud zonder sleutel, die geen versie van de editor schrijft.',
    );
    expect(() => readProcedureEntries(ydoc)).toThrow(InvalidDocumentError);
  });
});
