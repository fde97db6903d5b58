import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBase64, encodeBase64 } from '../../shared/format/base64.ts';
import {
  createYDoc,
  encodeYDoc,
  getDocumentFragment,
  readYDoc,
} from '../../shared/ydoc/yDocument.ts';
import { createSubmission } from '../../shared/procedure/procedureStore.ts';
import {
  buildProcedureScenario,
  decideScenario,
} from '../../shared/procedure/testing/procedureScenario.ts';
import { docFromModel } from '../../shared/editor/fromModel.ts';
import { parseResolutionText } from '../../shared/import/parseResolutionText.ts';
import { createStateWithTitle } from '../services/testing/yjsDocuments.ts';
import { readPdfText } from '../services/pdf/testing/pdfInspection.ts';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { handleRequest } from './handlers.ts';
import { PAPER_PRINT_UNAVAILABLE } from './printHandlers.ts';
import { expectError, value } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext();
});
afterEach(async () => {
  await test.remove();
});

const call = (payload: unknown) => handleRequest('printPdf', payload, test.context);

describe('printPdf', () => {
  it('prints the document it is sent, with hostile text as text', async () => {
    const title = '<img src=x onerror=alert(1)> “Wonen” € –';
    const result = await call({ state: encodeBase64(createStateWithTitle(title)) });
    const pdf = decodeBase64(value<{ pdf: string }>(result).pdf)!;
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'print-handler-')), 'stuk.pdf');
    writeFileSync(file, pdf);
    expect(readPdfText(file)).toContain(title);
  }, 60_000);

  it('makes PDF/A with the preference "PDF/A (archief)" on, and an ordinary PDF without', async () => {
    const state = { state: encodeBase64(createStateWithTitle('Archief')) };
    const print = async () => {
      const result = await call(state);
      return PDFDocument.load(decodeBase64(value<{ pdf: string }>(result).pdf)!, {
        updateMetadata: false,
      });
    };
    const ordinary = await print();
    expect(ordinary.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    expect(ordinary.catalog.get(PDFName.of('OutputIntents'))).toBeUndefined();

    const { preferences } = await test.context.preferences.read();
    await test.context.preferences.write({ ...preferences, pdfArchive: true });
    const archived = await print();
    const metadata = archived.catalog.lookup(PDFName.of('Metadata'));
    expect(metadata).toBeInstanceOf(PDFRawStream);
    const xmp = new TextDecoder().decode((metadata as PDFRawStream).contents);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('Archief');
    const intents = archived.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    expect(profile).toBeInstanceOf(PDFRawStream);
    expect((profile as PDFRawStream).dict.get(PDFName.of('N'))).toEqual(PDFNumber.of(3));
    expect(archived.context.trailerInfo.ID).toBeDefined();
    expect(archived.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
  }, 60_000);

  it('refuses a state that is no resolution, and garbage, with a clean error', async () => {
    const foreign = new Y.Doc();
    getDocumentFragment(foreign).insert(0, [new Y.XmlElement('script')]);
    const notResolution = await call({ state: encodeBase64(encodeYDoc(foreign)) });
    expect(expectError(notResolution, 'invalid_request')).toContain(
      'De PDF kan niet worden gemaakt.',
    );
    expectError(await call({ state: '!!!' }), 'invalid_request');
    expectError(await call({}), 'invalid_request');
    expectError(
      await call({ state: encodeBase64(Uint8Array.from([255, 1, 2])) }),
      'invalid_request',
    );
  });
});

describe('printOnPaper', () => {
  const paper = (payload: unknown) => handleRequest('printOnPaper', payload, test.context);

  it('is refused in browser mode, which has no system print dialog', async () => {
    const result = await paper({ state: encodeBase64(createStateWithTitle('Motie')) });
    expect(expectError(result, 'unavailable')).toBe(PAPER_PRINT_UNAVAILABLE);
  });

  it('hands the desktop app’s printer the print page with its head and foot, and answers', async () => {
    const pages: string[] = [];
    test.context.printOnPaper = async (html) => {
      pages.push(html);
      return pages.length === 1 ? 'printed' : 'cancelled';
    };
    const title = '<img src=x onerror=alert(1)> “Wonen”';
    const state = encodeBase64(createStateWithTitle(title));
    expect(value<{ outcome: string }>(await paper({ state }))).toEqual({ outcome: 'printed' });
    expect(value<{ outcome: string }>(await paper({ state, changes: 'shown' }))).toEqual({
      outcome: 'cancelled',
    });
    const [page] = pages;
    expect(page).toContain('@bottom-right');
    expect(page).toContain('counter(pages)');
    // The title is text in the page and a CSS string in the foot, never markup.
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; “Wonen”');
    expect(page).toContain('\\3C img src=x onerror=alert(1)\\3E  “Wonen”');
  });

  it('names a letter without a title by the file name it is sent', async () => {
    const pages: string[] = [];
    test.context.printOnPaper = async (html) => {
      pages.push(html);
      return 'printed';
    };
    const letter = createYDoc(
      docFromModel(parseResolutionText('Geachte leden,\n\nHierbij ontvangt u de stukken.')),
    );
    const state = encodeBase64(encodeYDoc(letter));
    await paper({ state, name: 'Brief aan de leden' });
    await paper({ state });
    const [named, unnamed] = pages;
    expect(named).toContain('Brief aan de leden');
    expect(unnamed).not.toContain('Brief aan de leden');
    expect(named).not.toContain('De leden bijeen in');
  });

  it('refuses a state that is no resolution before anything is printed', async () => {
    let printed = 0;
    test.context.printOnPaper = async () => {
      printed += 1;
      return 'printed';
    };
    const foreign = new Y.Doc();
    getDocumentFragment(foreign).insert(0, [new Y.XmlElement('script')]);
    const result = await paper({ state: encodeBase64(encodeYDoc(foreign)) });
    expect(expectError(result, 'invalid_request')).toContain('Het stuk kan niet worden afgedrukt.');
    expectError(await paper({ state: '!!!' }), 'invalid_request');
    expectError(
      await paper({ state: encodeBase64(encodeYDoc(foreign)), changes: 'alle' }),
      'invalid_request',
    );
    expect(printed).toBe(0);
  });
});

describe('printPdf and printOnPaper: the forms of the procedure', () => {
  const SEED_001 = readFileSync(
    new URL('../../test/fixtures/seeds/001_92c05f855c935f92.txt', import.meta.url),
    'utf8',
  );
  const scenario = buildProcedureScenario(SEED_001);
  decideScenario(scenario);
  const state = encodeBase64(encodeYDoc(scenario.resolution));

  /** The text of a printed PDF, as pdftotext reads it. */
  async function printedText(payload: Record<string, unknown>): Promise<string> {
    const result = await call({ state, ...payload });
    const pdf = decodeBase64(value<{ pdf: string }>(result).pdf)!;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'print-form-')), 'stuk.pdf');
    writeFileSync(file, pdf);
    return readPdfText(file).replace(/\s+/g, ' ');
  }

  it('prints an amendment by its id in the standard form', async () => {
    const text = await printedText({ form: { amendement: scenario.utrecht } });
    expect(text).toContain(
      'Amendement A1 van de gemeente Utrecht mede ingediend door de gemeente Zwolle op de resolutie ‘VNG-inzet richting nieuwe kabinet’',
    );
    expect(text).toContain(
      '1. in punt 1 onder ‘Spreekt uit’ “onverkort” te vervangen door “zo veel mogelijk”;',
    );
    expect(text).toContain('Besluit van de ALV Aangenomen, 28 voor, 3 tegen, 1 onthouding.');
  }, 60_000);

  it('prints the resolution zoals geamendeerd and the preadviezen', async () => {
    const amended = await printedText({ form: 'geamendeerd' });
    expect(amended).toContain('nieuwe kabinet” zoals geamendeerd');
    expect(amended).toContain('A1 1. Dat het uitgangspunt voor afspraken met het rijk zo veel');
    const overview = await printedText({ form: 'preadviezen' });
    expect(overview).toContain('Preadviezen van het bestuur Najaars ALV van vrijdag 29 november');
    expect(overview).toContain('A2 Ede Geen procedure Ontraden');
  }, 60_000);

  it('prints the stuk itself without its open amendments', async () => {
    const scenarioOpen = buildProcedureScenario(SEED_001);
    const result = await call({ state: encodeBase64(encodeYDoc(scenarioOpen.resolution)) });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'print-form-')), 'stuk.pdf');
    writeFileSync(file, decodeBase64(value<{ pdf: string }>(result).pdf)!);
    const text = readPdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('onverkort van kracht blijft');
    expect(text).not.toContain('zo veel mogelijk');
  }, 60_000);

  it('refuses an unknown amendment, a motie, changes shown on a form and a bad form', async () => {
    const unknown = await call({ state, form: { amendement: 'bestaatniet' } });
    expect(expectError(unknown, 'invalid_request')).toBe(
      'De PDF kan niet worden gemaakt. Dit amendement bestaat niet (meer) in dit stuk.',
    );
    const shown = await call({ state, form: 'geamendeerd', changes: 'shown' });
    expect(expectError(shown, 'invalid_request')).toContain(
      'Wijzigingen zichtbaar afdrukken kan alleen bij het stuk zelf',
    );
    expectError(await call({ state, form: 'alles' }), 'invalid_request');
    expectError(await call({ state, form: { amendement: '../x' } }), 'invalid_request');
    expectError(await call({ state, form: { amendement: 'A1', extra: 1 } }), 'invalid_request');
    const motie = createYDoc(
      docFromModel(parseResolutionText('Motie “Wonen”\n\nSpreekt uit:\n\n1. Bouwen.')),
    );
    const motieId = createSubmission(
      motie,
      readYDoc(motie),
      'motie',
      { indiener: 'Zwolle', coIndieners: [], title: 'Wonen', motivation: 'Bouwen.' },
      { name: 'Voorsteller Zwolle', colour: '#1f4e9c' },
    );
    const asAmendment = await call({
      state: encodeBase64(encodeYDoc(motie)),
      form: { amendement: motieId },
    });
    expect(expectError(asAmendment, 'invalid_request')).toContain(
      'M1 is een motie, geen amendement; druk de motie af als stuk.',
    );
  });

  it('sends the forms to the paper printer too', async () => {
    const pages: string[] = [];
    test.context.printOnPaper = async (html) => {
      pages.push(html);
      return 'printed';
    };
    const paper = (payload: unknown) => handleRequest('printOnPaper', payload, test.context);
    value(await paper({ state, form: { amendement: scenario.ede } }));
    value(await paper({ state, form: 'preadviezen' }));
    expect(pages[0]).toContain('Amendement A2');
    expect(pages[0]).toContain('@bottom-right');
    expect(pages[1]).toContain('size: A4 landscape');
    const refused = await paper({ state, form: { amendement: 'weg' } });
    expect(expectError(refused, 'invalid_request')).toContain(
      'Het stuk kan niet worden afgedrukt. Dit amendement bestaat niet (meer) in dit stuk.',
    );
    expect(pages).toHaveLength(2);
  });
});
