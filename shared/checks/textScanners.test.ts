import { describe, expect, it } from 'vitest';
import { findDateMentions } from './dateMentions.ts';
import { findUnpairedMarks } from './pairedMarks.ts';

describe('findDateMentions', () => {
  it('finds dates with and without weekday and year, and numeric ones', () => {
    const text =
      'Op vrijdag 29 november 2024, 30 februari, 31-04-2025, 1 mrt. 2025 en 29 feb; niet om 11.00 - 12.30 uur of in 2025-2027.';
    expect(findDateMentions(text).map((m) => [m.written, m.weekday, m.iso, m.problem])).toEqual([
      ['vrijdag 29 november 2024', 'vrijdag', '2024-11-29', null],
      ['30 februari', null, null, '„30 februari” bestaat niet: februari heeft hooguit 29 dagen.'],
      ['31-04-2025', null, null, '„31-04-2025” bestaat niet: april heeft 30 dagen.'],
      ['1 mrt. 2025', null, '2025-03-01', null],
      ['29 feb', null, null, null],
    ]);
  });

  it('says why 29 februari does not exist in a year that is no leap year', () => {
    expect(findDateMentions('29 februari 2025')[0]!.problem).toBe(
      '„29 februari 2025” bestaat niet: februari heeft in 2025 28 dagen.',
    );
  });

  it('leaves numbers that only look like part of a date alone', () => {
    expect(findDateMentions('artikel 108 lid 3, Postbus 30435, 160 gemeenten, 1e maart')).toEqual(
      [],
    );
  });
});

describe('findUnpairedMarks', () => {
  const unpaired = (text: string) => findUnpairedMarks(text).map((m) => `${m.kind} ${m.mark}`);

  it('counts no apostrophes', () => {
    expect(
      unpaired("de thema’s, ’s avonds, ’s-Gravenhage, d'r, auto's, de ouders’ huis, ‘t is zo"),
    ).toEqual([]);
  });

  it('pairs quotations of every style, and brackets', () => {
    expect(
      unpaired('“a” „b” ”c” "d" ‘e’ \'f\' (g [h]) "De afspraken zijn gemaakt.” a) b) 2) i)'),
    ).toEqual([]);
  });

  it('reports what opens without closing, and what closes without opening', () => {
    expect(unpaired('Het ‘wetsvoorstel komt')).toEqual(['unclosed ‘']);
    expect(unpaired('zie (punt 3')).toEqual(['unclosed (']);
    expect(unpaired('zie punt 3 van de wet)')).toEqual(['unopened )']);
    expect(unpaired('“Stop met gesprekken')).toEqual(['unclosed “']);
    expect(unpaired('Stop met gesprekken” zei hij')).toEqual(['unopened ”']);
    expect(unpaired('(zie [bijlage)')).toEqual(['unclosed [']);
    expect(unpaired('een "quote zonder eind')).toEqual(['unclosed "']);
  });
});
