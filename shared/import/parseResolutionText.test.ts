import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InlineRun, ParsedFlow, ParsedItem, ParsedResolution } from '../model/resolution.ts';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  OPERATIVE_HEADINGS,
  RECITAL_HEADINGS,
} from '../model/resolution.ts';
import { looksLikeResolution, parseItemLines, parseResolutionText } from './parseResolutionText.ts';
import { createSeededRandom } from '../testing/seededRandom.ts';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);

/** The seed whose file name starts with `prefix` ("001"). */
function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, SEEDS), 'utf8');
}

// The text of runs; a hard break reads as "⏎", a footnote as "[^note]".
function text(runs: readonly InlineRun[]): string {
  return runs
    .map((run) =>
      run.type === 'text' ? run.text : run.type === 'hard_break' ? '⏎' : `[^${run.text}]`,
    )
    .join('');
}

function itemTexts(items: readonly ParsedItem[]): string[] {
  return items.map((item) => text(item.content));
}

// Every flow block, depth first.
function walk(flow: readonly ParsedFlow[]): ParsedFlow[] {
  const out: ParsedFlow[] = [];
  const visit = (block: ParsedFlow) => {
    out.push(block);
    if (block.type === 'blockquote') block.content.forEach(visit);
    if (block.type === 'bullet_list' || block.type === 'ordered_list') {
      block.items.forEach((item) => item.forEach(visit));
    }
  };
  flow.forEach(visit);
  return out;
}

function headings(flow: readonly ParsedFlow[]): { level: number; text: string }[] {
  return walk(flow).flatMap((b) =>
    b.type === 'heading' ? [{ level: b.level, text: text(b.content) }] : [],
  );
}

function paragraphs(flow: readonly ParsedFlow[]): string[] {
  return walk(flow).flatMap((b) => (b.type === 'paragraph' ? [text(b.content)] : []));
}

function allRuns(result: ParsedResolution): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const block of result.blocks) for (const item of block.items) runs.push(...item.content);
  for (const b of walk(result.explanation)) {
    if (b.type === 'paragraph' || b.type === 'heading') runs.push(...b.content);
  }
  return runs;
}

function countWords(source: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of source.toLowerCase().match(/\p{L}+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

// Words of the input that the result holds fewer times than the input: lost text. Title,
// assembly, footnote texts and link targets count as held.
function lostWords(input: string, result: ParsedResolution): string[] {
  const parts: string[] = [result.title ?? '', result.preamble?.assembly ?? ''];
  for (const run of allRuns(result)) {
    if (run.type === 'text') parts.push(run.text, run.href ?? '');
    if (run.type === 'footnote') parts.push(run.text);
  }
  const held = countWords(parts.join(' '));
  return [...countWords(input)].filter(([word, n]) => (held.get(word) ?? 0) < n).map(([w]) => w);
}

// Checks that a result only holds what the model allows; throws with a path otherwise.
function assertWellFormed(result: ParsedResolution) {
  expect(result.kind === null || DOCUMENT_KINDS.includes(result.kind)).toBe(true);
  expect(result.status === null || DOCUMENT_STATUSES.includes(result.status)).toBe(true);
  const checkRuns = (runs: readonly InlineRun[]) => {
    for (const run of runs) {
      if (run.type === 'text') expect(run.text.length).toBeGreaterThan(0);
      else expect(['footnote', 'hard_break']).toContain(run.type);
    }
  };
  for (const block of result.blocks) {
    if (block.type === 'recital') expect(RECITAL_HEADINGS).toContain(block.heading);
    else expect(OPERATIVE_HEADINGS).toContain(block.heading);
    for (const item of block.items) {
      expect([0, 1]).toContain(item.indent);
      expect(['letter', 'bullet']).toContain(item.marker);
      expect(item.content.length).toBeGreaterThan(0);
      checkRuns(item.content);
    }
  }
  const firstOperative = result.blocks.findIndex((b) => b.type === 'operative');
  if (firstOperative !== -1) {
    expect(result.blocks.slice(firstOperative).every((b) => b.type === 'operative')).toBe(true);
  }
  for (const block of walk(result.explanation)) {
    if (block.type === 'paragraph') checkRuns(block.content);
    if (block.type === 'heading') {
      expect([1, 2]).toContain(block.level);
      checkRuns(block.content);
    }
  }
}

describe('seed 001: a complete geactualiseerde resolutie', () => {
  const source = seed('001');
  const result = parseResolutionText(source);

  it('reads kind, status, title and preamble', () => {
    expect(result.kind).toBe('resolutie');
    expect(result.status).toBe('geactualiseerd');
    expect(result.title).toBe('VNG-inzet richting nieuwe kabinet');
    expect(result.preamble).toEqual({ assembly: 'Najaars ALV', date: '2024-11-29' });
  });

  it('finds one recital and one operative block with six items each', () => {
    expect(result.blocks.map((b) => [b.type, b.heading, b.items.length])).toEqual([
      ['recital', 'overwegende', 6],
      ['operative', 'spreekt_uit', 6],
    ]);
    for (const block of result.blocks) {
      expect(block.items.every((item) => item.indent === 0)).toBe(true);
    }
  });

  it('joins broken recital lines and collapses whitespace', () => {
    const recitals = itemTexts(result.blocks[0]?.items ?? []);
    expect(recitals[0]).toBe(
      'Gemeenten - mede in het licht van de in de ALV van 14 juni 2023 vastgestelde ' +
        'Verenigingsstrategie en de in de Extra ALV van 24 mei jl. en de ALV van 26 juni jl. ' +
        'aangenomen resoluties - een stap naar voren willen zetten;',
    );
    expect(recitals[4]).toBe(
      'Gemeenten zich in de Najaars ALV ook uitspreken over de resolutie “Stop met ' +
        'gesprekken vervolg IZA totdat is voldaan aan gestelde voorwaarden”;',
    );
    expect(recitals[5]).toBe(
      'Gemeenten zich via onder meer onderlinge samenwerking en doelmatigheidsverbetering ' +
        'inspannen om zelf naar vermogen bij te dragen aan de noodzakelijke balans tussen ' +
        'taken en middelen.',
    );
  });

  it('joins operative item 3 across the page break', () => {
    const operatives = itemTexts(result.blocks[1]?.items ?? []);
    expect(operatives[2]).toBe(
      'Dat gemeenten bereid zijn overleg te voeren met het kabinet om te komen tot een ' +
        'gezamenlijke inhoudelijke agenda voor onze inwoners op de thema’s bestaanszekerheid, ' +
        'wonen, klimaat, het brede zorgdomein, voorzieningen voor dorpen/steden, goed bestuur ' +
        'en digitalisering. Hierbij zijn betaalbaarheid en uitvoerbaarheid van de nieuwe ' +
        'doelstellingen en taken randvoorwaardelijk voor de instemming met die agenda;',
    );
    expect(operatives[5]).toBe(
      'Dat indien de omstandigheden daartoe aanleiding geven er een Extra ALV zal worden ' +
        'gehouden in het voorjaar van 2025.',
    );
  });

  it('reads the Toelichting headings, with Overhedenoverleg as section over its sub-headings', () => {
    expect(headings(result.explanation)).toEqual([
      {
        level: 1,
        text: 'Geactualiseerde resolutie op basis van Overhedenoverleg en informele ledenpeiling',
      },
      { level: 1, text: 'Informele ledenpeiling' },
      { level: 1, text: 'Overhedenoverleg' },
      { level: 2, text: 'Belangrijke stap naar voldoende middelen en gezamenlijke doelen' },
      { level: 2, text: 'Compensatie voor stijgende kosten jeugdzorg in zicht' },
      { level: 2, text: 'Agenda op voorwaarden' },
    ]);
  });

  it('puts the paragraphs between the headings, lines joined', () => {
    expect(result.explanation.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    const texts = paragraphs(result.explanation);
    expect(texts[0]).toBe(
      'In deze geactualiseerde resolutie heeft het bestuur de uitkomsten van het ' +
        'Overhedenoverleg van 21 november jl. en de opbrengst van de informele ledenpeiling ' +
        'onder colleges verwerkt.',
    );
    expect(texts[texts.length - 1]).toMatch(
      /^De afspraken in het Overhedenoverleg van 21 november/,
    );
    expect(texts[texts.length - 1]).toMatch(/inclusief de randvoorwaarden die daarbij horen\.$/);
  });

  it('keeps the Dijksma quote as one paragraph', () => {
    const quote = paragraphs(result.explanation).filter((p) => p.includes('Sharon Dijksma'));
    expect(quote).toHaveLength(1);
    expect(quote[0]).toMatch(/^In de woorden van VNG voorzitter Sharon Dijksma: "De afspraken/);
    expect(quote[0]).toContain('Maar de echte test ligt in de daden. Gemeenten staan voor immense');
    expect(quote[0]).toMatch(/Daarover gaan we in februari verder in gesprek\.”$/);
  });

  it('loses no text', () => {
    // Words of the title line's kind, the preamble and the headings are structure.
    const body = source
      .split('\n')
      .filter(
        (line) =>
          !/^(Geactualiseerde resolutie “|De leden bijeen|Overwegende|Spreekt uit|Toelichting)/.test(
            line.trim(),
          ),
      )
      .join('\n');
    expect(lostWords(body, result)).toEqual([]);
    assertWellFormed(result);
  });

  it('is recognised as a resolution', () => {
    expect(looksLikeResolution(source)).toBe(true);
  });

  it('gives the same result for Windows line endings, a BOM, tabs and non-breaking spaces', () => {
    const variant =
      '\uFEFF' +
      source
        .replace(/\n/g, '\r\n')
        .replace(/^(\d)\. /gm, '$1.\t')
        .replace(/ dat /g, '\u00a0dat\u00a0');
    expect(parseResolutionText(variant)).toEqual(result);
  });
});

describe('seed 000: double-spaced news text with a numbered list', () => {
  const source = seed('000');
  const result = parseResolutionText(source);

  it('has no resolution parts', () => {
    expect(result).toMatchObject({ kind: null, status: null, title: null, preamble: null });
    expect(result.blocks).toEqual([]);
    expect(looksLikeResolution(source)).toBe(false);
  });

  it('finds the headings', () => {
    expect(headings(result.explanation)).toEqual([
      { level: 1, text: 'Afspraken' },
      { level: 1, text: 'Ledenbijeenkomst en debat financiën decentrale overheden' },
      { level: 1, text: 'Ledenbijeenkomst 21 maart: gezamenlijk koers bepalen' },
      { level: 1, text: 'Tweede Kamerdebat 26 maart: laat uw stem horen' },
    ]);
  });

  it('turns the numbered afspraken into an ordered list after their introduction', () => {
    const index = result.explanation.findIndex((b) => b.type === 'ordered_list');
    const intro = result.explanation[index - 1];
    expect(intro?.type === 'paragraph' && text(intro.content)).toBe(
      'Tijdens het Overhedenoverleg zijn de volgende afspraken gemaakt:',
    );
    const list = result.explanation[index];
    if (list?.type !== 'ordered_list') throw new Error('no ordered list');
    expect(list.items).toHaveLength(3);
    expect(list.items.map((item) => paragraphs(item))).toEqual([
      [expect.stringMatching(/^De staatssecretaris van VWS spreekt .* instroom in jeugdzorg;$/)],
      [
        'De komende periode wordt een informeel en vertrouwelijk overleg gevoerd om uiterlijk 14 ' +
          'april a.s. in een formeel overleg tussen rijk en gemeenten te kunnen spreken over de ' +
          'financiering van de jeugdzorg;',
      ],
      [expect.stringMatching(/^Tegelijkertijd .* kan worden besproken\.$/)],
    ]);
  });

  it('keeps the "Datum:" lines as paragraphs of their own', () => {
    const texts = paragraphs(result.explanation);
    const start = texts.indexOf('Datum: Vrijdag 21 maart');
    expect(texts.slice(start, start + 6)).toEqual([
      'Datum: Vrijdag 21 maart',
      'Locatie: VNG-kantoor, Nassaulaan 12, Den Haag',
      'Inloop: Vanaf 10.00 uur',
      'Bijeenkomst: 11.00 - 12.30 uur',
      'Afsluiting met lunchpakket',
      'De VNG roept alle gemeenten op hierbij aanwezig te zijn. Meld u aan via de ' +
        'aanmeldlink. Bij deze bijeenkomst zal ook pers aanwezig zijn.',
    ]);
  });

  it('loses no text', () => {
    expect(lostWords(source, result)).toEqual([]);
    assertWellFormed(result);
  });
});

describe('seed 002: Markdown e-mail', () => {
  const source = seed('002');
  const result = parseResolutionText(source);
  const runs = allRuns(result);

  it('takes headings from the "#" marks, fewest marks as level 1', () => {
    expect(headings(result.explanation)).toEqual([
      { level: 1, text: 'Raadsledennieuwsbrief' },
      { level: 2, text: 'Terugblik na ALV 25 september en vooruitblik naar de kabinetsformatie' },
      { level: 1, text: 'Inzet kabinetsformatie 2021' },
      { level: 1, text: 'Wat kunt u als raadslid doen?' },
      { level: 1, text: 'VNG-commissie Raadsleden en Griffiers' },
      { level: 2, text: 'Contact' },
    ]);
  });

  it('turns **bold** into bold runs', () => {
    const first = result.explanation[0];
    if (first?.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(first.content.slice(0, 3)).toEqual([
      { type: 'text', text: 'Van:', marks: ['bold'] },
      { type: 'text', text: ' VNG <info@vng.nl>' },
      { type: 'hard_break' },
    ]);
    const lead = runs.find(
      (run) => run.type === 'text' && run.text.startsWith('‘De grens is bereikt’'),
    );
    expect(lead).toMatchObject({ marks: ['bold'] });
    expect(lead?.type === 'text' && lead.text).toMatch(/gemeenten onhoudbaar is\.$/);
  });

  it('keeps real links and drops "#" links, keeping their text', () => {
    expect(runs.filter((run) => run.type === 'text' && run.href)).toEqual([
      { type: 'text', text: 'vng.nl/raadsleden', href: 'https://vng.nl/raadsleden' },
    ]);
    const texts = paragraphs(result.explanation);
    expect(texts).toContain('Lees online | Afmelden');
    expect(texts.some((p) => p.endsWith('Zie ook: Brief aan kabinet: Boodschap ALV'))).toBe(true);
    expect(texts.slice(-2)).toEqual([
      'Dit bericht is verzonden door VNG in opdracht van:',
      'Vereniging van Nederlandse Gemeenten',
    ]);
  });

  it('drops rules and markup characters, keeps hard line breaks', () => {
    const all = paragraphs(result.explanation).join('\n');
    expect(all).not.toMatch(/\*\*|\]\(|^---$|##/m);
    expect(paragraphs(result.explanation)).toContain(
      'Postbus 30435⏎2500 GK Den Haag⏎070 - 373 83 93⏎info@vng.nl',
    );
  });

  it('treats blank lines as paragraph breaks, except inside a sentence', () => {
    const texts = paragraphs(result.explanation);
    expect(texts).toContain(
      'Richting de kabinetsformatie werken we langs de vier sporen zoals hieronder te zien.',
    );
    expect(
      texts.some((p) => p.includes('komen in het najaar uit, de VNG wil dat de tekorten')),
    ).toBe(true);
    expect(texts).toHaveLength(25);
  });

  it('loses no text', () => {
    expect(lostWords(source, result)).toEqual([]);
    assertWellFormed(result);
  });
});

describe('seed 003: a letter with lines broken mid-sentence', () => {
  const source = seed('003');
  const result = parseResolutionText(source);
  const texts = paragraphs(result.explanation);

  it('joins the broken lines into paragraphs', () => {
    expect(texts).toContain(
      'De vaste commissie voor Binnenlandse Zaken van de Tweede Kamer heeft mij verzocht de ' +
        'Kamer zo spoedig mogelijk te informeren over de uitkomsten van het overhedenoverleg van ' +
        '14 april jl. Dit overhedenoverleg heeft uiteindelijk plaatsgevonden op 16 april.',
    );
    expect(
      texts.some((p) =>
        p.includes('als de vier overheden daar gezamenlijk hun schouders onder zetten. In aanloop'),
      ),
    ).toBe(true);
    expect(texts[0]).toBe('L BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES');
  });

  it('keeps address, date and signature lines apart', () => {
    expect(texts).toContain('Den Haag, 25 april 2025');
    expect(texts).toContain('De minister van Binnenlandse Zaken en Koninkrijksrelaties,');
    expect(texts.filter((p) => p === 'J.J.M. Uitermark')).toHaveLength(2);
  });

  it('finds the section headings', () => {
    const found = headings(result.explanation).map((h) => h.text);
    expect(found).toEqual([
      'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal',
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
      'Overhedenoverleg 16 april 2025',
      'Gemeentefinanciën en jeugd',
      'Interbestuurlijke samenwerkingsagenda',
    ]);
  });

  it('loses no text', () => {
    expect(result.blocks).toEqual([]);
    expect(lostWords(source, result)).toEqual([]);
    assertWellFormed(result);
  });
});

describe('seed 004: double-spaced letter with numbered points, bullets and a footnote', () => {
  const source = seed('004');
  const result = parseResolutionText(source);

  it('turns the reference into a footnote and drops the note line', () => {
    const paragraph = walk(result.explanation).find(
      (b) => b.type === 'paragraph' && text(b.content).startsWith('Op diverse punten'),
    );
    if (paragraph?.type !== 'paragraph') throw new Error('paragraph not found');
    expect(paragraph.content.slice(0, 3)).toEqual([
      {
        type: 'text',
        text: 'Op diverse punten stelt de Raad van State kanttekeningen bij het Wetsvoorstel',
      },
      {
        type: 'footnote',
        text: 'https://www.raadvanstate.nl/actueel/nieuws/december/advies-wet-beschikbaarheid-jeugdzorg/',
      },
      {
        type: 'text',
        text:
          '. De Raad van State maakt een aantal opmerkingen over de financiële en ' +
          'interbestuurlijke consequenties van dit wetsvoorstel.',
      },
    ]);
    const plain = allRuns(result)
      .map((run) => (run.type === 'text' ? run.text : ''))
      .join('\n');
    expect(plain).not.toContain('[1]');
    expect(plain).not.toContain('raadvanstate');
    expect(allRuns(result).filter((run) => run.type === 'footnote')).toHaveLength(1);
    const texts = paragraphs(result.explanation).join('\n');
    // The bullet the note interrupted continues after it.
    expect(texts).toContain('Dit zorgt voor veel aandacht en tijd voor systeemwijzigingen,');
  });

  it('nests the bullets in the numbered points', () => {
    const list = result.explanation.find((b) => b.type === 'ordered_list');
    if (list?.type !== 'ordered_list') throw new Error('no ordered list');
    expect(list.items.map((item) => item.map((b) => b.type))).toEqual([
      ['paragraph', 'bullet_list'],
      ['paragraph', 'paragraph', 'bullet_list'],
      ['paragraph', 'paragraph', 'paragraph', 'bullet_list'],
    ]);
    const [first, second] = list.items;
    expect(paragraphs(first ?? [])[0]).toBe(
      'Ga voortvarend aan de slag met de hervormingsagenda om te werken aan een integrale ' +
        'aanpak op alle levensdomeinen van jongeren.',
    );
    const bullets = first?.[1];
    expect(bullets?.type === 'bullet_list' && bullets.items.length).toBe(2);
    expect(paragraphs(second ?? [])[0]).toBe('Schrap de bezuiniging van € 511 miljoen');
    expect(paragraphs(second ?? [])[2]).toBe(
      'De VNG pleit ervoor om de extra bezuiniging op jeugdzorg volledig te schrappen.',
    );
  });

  it('has a top-level bullet list in the Wetsvoorstel section', () => {
    const index = result.explanation.findIndex(
      (b) => b.type === 'heading' && text(b.content).startsWith('Wetsvoorstel'),
    );
    expect(result.explanation.slice(index, index + 4).map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'bullet_list',
      'heading',
    ]);
  });

  it('reads the letterhead and headings', () => {
    expect(headings(result.explanation)).toEqual([
      { level: 1, text: 'Vereniging van Nederlandse Gemeenten' },
      { level: 1, text: 'Pak door met de Hervormingsagenda Jeugd' },
      { level: 1, text: 'Wetsvoorstel Wet verbetering beschikbaarheid Jeugdzorg' },
      { level: 1, text: 'Toekomstscenario Jeugd en gezinsbescherming' },
    ]);
    const texts = paragraphs(result.explanation);
    expect(texts.slice(0, 3)).toEqual([
      'Datum⏎22 januari 2024',
      'Onderwerp⏎VNG inbreng WGO jeugdzorg',
      'Geachte woordvoerders jeugd(zorg),',
    ]);
  });

  it('loses no text', () => {
    expect(lostWords(source, result)).toEqual([]);
    assertWellFormed(result);
  });
});

describe('title and preamble', () => {
  const head = (firstLines: string) =>
    parseResolutionText(`${firstLines}\nOverwegende dat:\n1. iets;`);

  it.each([
    ['Resolutie “Sterke gemeenten”', 'resolutie', null, 'Sterke gemeenten'],
    ['Motie "Geld voor jeugdzorg"', 'motie', null, 'Geld voor jeugdzorg'],
    ["Amendement 'Artikel 3'", 'amendement', null, 'Artikel 3'],
    ['Concept resolutie ‘Wonen’', 'resolutie', 'concept', 'Wonen'],
    ['Concept-motie Klimaat en energie', 'motie', 'concept', 'Klimaat en energie'],
    ['GEACTUALISEERDE RESOLUTIE Samen sterk', 'resolutie', 'geactualiseerd', 'Samen sterk'],
    ['Resolutie: Bestaanszekerheid', 'resolutie', null, 'Bestaanszekerheid'],
  ])('reads %s', (line, kind, status, title) => {
    expect(head(line)).toMatchObject({ kind, status, title });
  });

  it('reads a title quoted over two lines and one on the line after "Resolutie"', () => {
    expect(head('Resolutie “Een titel die\nover twee regels loopt”').title).toBe(
      'Een titel die over twee regels loopt',
    );
    expect(head('Motie\n“Op de volgende regel”')).toMatchObject({
      kind: 'motie',
      title: 'Op de volgende regel',
    });
  });

  it.each([
    ['De leden bijeen in de Najaars ALV van 29 november 2024:', 'Najaars ALV', '2024-11-29'],
    ['De leden bijeen in de ALV van vrijdag 29 november 2024:', 'ALV', '2024-11-29'],
    ['De leden bijeen in de ALV van 14 juni 2023', 'ALV', '2023-06-14'],
    ['De leden bijeen in de Buitengewone ALV:', 'Buitengewone ALV', null],
    [
      'de leden bijeen in het Congres op 5 juni 2025 te Den Haag:',
      'Congres te Den Haag',
      '2025-06-05',
    ],
    ['De leden van de VNG, in vergadering bijeen op 14 juni 2023:', 'ALV', '2023-06-14'],
    ['De leden bijeen in de ALV van 31 februari 2024:', 'ALV van 31 februari 2024', null],
  ])('reads the preamble %s', (line, assembly, date) => {
    expect(head(`Resolutie X\n${line}`).preamble).toEqual({ assembly, date });
  });

  it('leaves title and preamble null when absent', () => {
    expect(head('')).toMatchObject({ kind: null, status: null, title: null, preamble: null });
  });

  it('does not take a Toelichting heading that starts with "Resolutie" as title', () => {
    const result = parseResolutionText(
      'Spreekt uit:\n1. iets.\n\nToelichting\nResolutie op basis van de peiling\nTekst volgt hier.',
    );
    expect(result.title).toBeNull();
    expect(headings(result.explanation)).toEqual([
      { level: 1, text: 'Resolutie op basis van de peiling' },
    ]);
  });
});

describe('block headings', () => {
  it.each([
    ['Overwegende dat:', 'overwegende'],
    ['Overwegende  dat: ', 'overwegende'],
    ['OVERWEGENDE DAT', 'overwegende'],
    ['overwegende, dat', 'overwegende'],
    ['Constaterende dat:', 'constaterende'],
    ['Gelet op', 'gelet_op'],
    ['**Spreekt uit:**', 'spreekt_uit'],
    ['Roept op:', 'roept_op'],
    ['Roept het kabinet op:', 'roept_op'],
    ['Verzoekt het bestuur:', 'verzoekt_bestuur'],
    ['Verzoekt  het  bestuur', 'verzoekt_bestuur'],
    ['Besluit :', 'besluit'],
    ['## Besluit', 'besluit'],
  ])('recognises %j', (line, heading) => {
    const result = parseResolutionText(`${line}\n1. Een punt;`);
    expect(result.blocks).toEqual([
      expect.objectContaining({
        heading,
        items: [{ indent: 0, marker: 'letter', content: [{ type: 'text', text: 'Een punt;' }] }],
      }),
    ]);
    expect(looksLikeResolution(line)).toBe(true);
  });

  it('does not take sentences that mention a heading word for headings', () => {
    expect(looksLikeResolution('Overwegende dat gemeenten geld nodig hebben;')).toBe(false);
    expect(looksLikeResolution('Het bestuur besluit morgen.')).toBe(false);
    expect(looksLikeResolution('')).toBe(false);
  });

  it('orders recital blocks before operative blocks, each in source order', () => {
    const result = parseResolutionText(
      'Spreekt uit:\n1. a;\nOverwegende dat:\n1. b;\nRoept op:\n1. c;\nConstaterende dat:\n1. d;\nGelet op:\n1. e;',
    );
    expect(result.blocks.map((b) => [b.heading, itemTexts(b.items)])).toEqual([
      ['overwegende', ['b;']],
      ['constaterende', ['d;']],
      ['gelet_op', ['e;']],
      ['spreekt_uit', ['a;']],
      ['roept_op', ['c;']],
    ]);
  });

  it('reads no block headings after the Toelichting line', () => {
    const result = parseResolutionText('Besluit:\n1. a.\nToelichting\nSpreekt uit\nDaarom dit.');
    expect(result.blocks).toHaveLength(1);
    expect(paragraphs(result.explanation).join(' ')).toContain('Spreekt uit');
  });
});

describe('items', () => {
  it('reads "1." "1)" and "1 ." markers, sub-items and bullets', () => {
    const result = parseResolutionText(
      [
        'Verzoekt het bestuur:',
        '1) om te overleggen',
        'met het kabinet over:',
        'a. de jeugdzorg;',
        'b) de Wmo;',
        '• de opschalingskorting;',
        '- het abonnementstarief;',
        '2 . de leden te informeren;',
        '3.en een extra ALV te beleggen.',
      ].join('\n'),
    );
    expect(result.blocks[0]?.items.map((i) => [i.indent, i.marker, text(i.content)])).toEqual([
      [0, 'letter', 'om te overleggen met het kabinet over:'],
      [1, 'letter', 'de jeugdzorg;'],
      [1, 'letter', 'de Wmo;'],
      [1, 'bullet', 'de opschalingskorting;'],
      [1, 'bullet', 'het abonnementstarief;'],
      [0, 'letter', 'de leden te informeren;'],
      [0, 'letter', 'en een extra ALV te beleggen.'],
    ]);
  });

  it('continues an item across blank lines, page breaks and form feeds', () => {
    const result = parseResolutionText(
      'Spreekt uit:\n\n1. Dat de\n\n   \n\n\f\n  \nthema’s  wonen\ten zorg\n\n\n\nbelangrijk zijn;\n2. Dat meer\r\nnodig is.',
    );
    expect(itemTexts(result.blocks[0]?.items ?? [])).toEqual([
      'Dat de thema’s wonen en zorg belangrijk zijn;',
      'Dat meer nodig is.',
    ]);
  });

  it('keeps a line starting with a number that does not follow on inside the item', () => {
    const result = parseResolutionText(
      'Overwegende dat:\n1. gemeenten sinds\n2015. taken kregen;\n2. het rijk\n12. miljard bezuinigt;',
    );
    expect(itemTexts(result.blocks[0]?.items ?? [])).toEqual([
      'gemeenten sinds 2015. taken kregen;',
      'het rijk 12. miljard bezuinigt;',
    ]);
  });

  it('keeps a dash inside a sentence as text', () => {
    const result = parseResolutionText(
      'Overwegende dat:\n1. gemeenten de ALV\n- mede namens de provincies\n– willen steunen;',
    );
    expect(itemTexts(result.blocks[0]?.items ?? [])).toEqual([
      'gemeenten de ALV - mede namens de provincies – willen steunen;',
    ]);
  });

  it('splits a block without numbers at ";" and sentence ends', () => {
    const result = parseResolutionText(
      'Constaterende dat:\ngemeenten te weinig\ngeld hebben;\nhet rijk taken overdraagt;\nDit zo niet langer kan.',
    );
    expect(itemTexts(result.blocks[0]?.items ?? [])).toEqual([
      'gemeenten te weinig geld hebben;',
      'het rijk taken overdraagt;',
      'Dit zo niet langer kan.',
    ]);
  });

  it('makes text after the last block without "Toelichting" the explanation', () => {
    const result = parseResolutionText(
      'Spreekt uit:\n1. Dat het kan;\n2. Dat het moet.\n\nEn gaat over tot de orde van de dag.\n\nDit is de uitleg\nvan de motie.',
    );
    expect(itemTexts(result.blocks[0]?.items ?? [])).toEqual(['Dat het kan;', 'Dat het moet.']);
    expect(paragraphs(result.explanation)).toEqual([
      'En gaat over tot de orde van de dag.',
      'Dit is de uitleg van de motie.',
    ]);
  });

  it('keeps text between the head and the first block in the explanation', () => {
    const result = parseResolutionText(
      'Motie Geld\nVersie voor de commissie\nDe leden bijeen in de ALV:\nBesluit:\n1. a.',
    );
    expect(result.title).toBe('Geld');
    expect(result.preamble).toEqual({ assembly: 'ALV', date: null });
    expect(paragraphs(result.explanation)).toEqual(['Versie voor de commissie']);
  });
});

describe('parseItemLines', () => {
  it('turns a numbered list into items without numbers', () => {
    expect(parseItemLines('1. Eerste punt;\n2. Tweede punt dat\ndoorloopt;\n3) Derde.')).toEqual([
      { indent: 0, marker: 'letter', content: [{ type: 'text', text: 'Eerste punt;' }] },
      {
        indent: 0,
        marker: 'letter',
        content: [{ type: 'text', text: 'Tweede punt dat doorloopt;' }],
      },
      { indent: 0, marker: 'letter', content: [{ type: 'text', text: 'Derde.' }] },
    ]);
  });

  it('reads sub-items and bullets', () => {
    expect(
      parseItemLines('1. Hoofdpunt:\na. eerste;\nb. tweede;\n• los').map((i) => [
        i.indent,
        i.marker,
      ]),
    ).toEqual([
      [0, 'letter'],
      [1, 'letter'],
      [1, 'letter'],
      [1, 'bullet'],
    ]);
  });

  it('splits plain lines at ";" and sentence ends, joins broken lines', () => {
    expect(
      itemTexts(
        parseItemLines(
          'gemeenten voldoende middelen\nkrijgen;\nDe Wmo wordt hersteld.\nHet rijk betaalt.',
        ),
      ),
    ).toEqual([
      'gemeenten voldoende middelen krijgen;',
      'De Wmo wordt hersteld.',
      'Het rijk betaalt.',
    ]);
  });

  it('keeps bold text and returns nothing for blank input', () => {
    expect(parseItemLines('1. Dat **altijd** geldt')[0]?.content).toEqual([
      { type: 'text', text: 'Dat ' },
      { type: 'text', text: 'altijd', marks: ['bold'] },
      { type: 'text', text: ' geldt' },
    ]);
    expect(parseItemLines(' \n\n\t')).toEqual([]);
  });
});

describe('numbered lines without headings', () => {
  it('become an ordered list in the explanation', () => {
    const result = parseResolutionText('1. Alfa;\n2. Beta;\n3. Gamma.');
    expect(result.blocks).toEqual([]);
    expect(result.explanation).toEqual([
      {
        type: 'ordered_list',
        items: [
          [{ type: 'paragraph', content: [{ type: 'text', text: 'Alfa;' }] }],
          [{ type: 'paragraph', content: [{ type: 'text', text: 'Beta;' }] }],
          [{ type: 'paragraph', content: [{ type: 'text', text: 'Gamma.' }] }],
        ],
      },
    ]);
  });
});

describe('robustness', () => {
  const TOKENS = [
    'Overwegende dat:',
    'Spreekt uit',
    'Toelichting',
    'Resolutie “',
    'De leden bijeen in de ALV van 29 november 2024:',
    '1. ',
    '2) ',
    '12 . ',
    'a. ',
    '• ',
    '- ',
    '* ',
    '**',
    '*',
    '[',
    ']',
    '(',
    ')',
    '](#)',
    '[1]',
    '# ',
    '> ',
    '---',
    '\n',
    '\n\n',
    '\r\n',
    ' ',
    '  ',
    '\t',
    '\f',
    '\u00a0',
    '\uFEFF',
    '\uF0B7',
    '\u0000',
    '\uD800',
    '“',
    '”',
    ':',
    ';',
    '.',
    ',',
    'gemeenten',
    'Het rijk',
    'de',
    'van',
    'Datum',
    'https://vng.nl',
    'ë',
  ];

  it('never throws and returns a well-formed result for random input', () => {
    const random = createSeededRandom(20241129);
    for (let round = 0; round < 400; round++) {
      const length = Math.floor(random() * 200);
      let input = '';
      for (let i = 0; i < length; i++) input += TOKENS[Math.floor(random() * TOKENS.length)];
      const result = parseResolutionText(input);
      assertWellFormed(result);
      expect(() => JSON.stringify(result)).not.toThrow();
      parseItemLines(input);
      looksLikeResolution(input);
    }
  });

  it('never throws on random characters', () => {
    const random = createSeededRandom(7);
    for (let round = 0; round < 200; round++) {
      let input = '';
      const length = Math.floor(random() * 300);
      for (let i = 0; i < length; i++) input += String.fromCharCode(Math.floor(random() * 0x3000));
      assertWellFormed(parseResolutionText(input));
    }
  });

  it('loses no words of random prose', () => {
    const words = ['gemeenten', 'Rijk', 'zorg', 'de', 'van', 'Kabinet', 'wonen', 'en', 'ALV'];
    const separators = [' ', ' ', ' ', '\n', '\n\n', '\n \n', '. ', ', ', ': ', '; ', '\n\n\n'];
    const random = createSeededRandom(99);
    for (let round = 0; round < 200; round++) {
      let input = '';
      const length = Math.floor(random() * 120);
      for (let i = 0; i < length; i++) {
        input += words[Math.floor(random() * words.length)];
        input += separators[Math.floor(random() * separators.length)];
      }
      expect(lostWords(input, parseResolutionText(input))).toEqual([]);
    }
  });

  it('handles non-string input from untyped callers', () => {
    expect(parseResolutionText(undefined as unknown as string).blocks).toEqual([]);
    expect(looksLikeResolution(null as unknown as string)).toBe(false);
  });

  it('parses 1 MB and pathological long lines without hanging', () => {
    const all = ['000', '001', '002', '003', '004'].map(seed).join('\n');
    const cases = [
      all.repeat(Math.ceil(1_000_000 / all.length)),
      '['.repeat(1_000_000),
      '*'.repeat(1_000_000),
      '# ' + ' #'.repeat(500_000),
      '[a]('.repeat(250_000),
      'a'.repeat(1_000_000),
      '1. x\n'.repeat(200_000),
      '• a\n'.repeat(250_000),
      'x[1] '.repeat(200_000) + '\n[1] note',
      '\n'.repeat(1_000_000),
    ];
    // Speed belongs in the benchmarks; here each input must simply come back with a result
    // (a pathological regex would hang the test until its timeout).
    for (const input of cases) {
      const result = parseResolutionText(input);
      expect(Array.isArray(result.explanation)).toBe(true);
    }
    const big = parseResolutionText(cases[0] ?? '');
    expect(big.blocks.length).toBeGreaterThan(0);
  }, 60_000);
});
