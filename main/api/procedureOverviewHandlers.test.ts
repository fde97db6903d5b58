import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Fragment } from 'prosemirror-model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../shared/format/base64.ts';
import { writeDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { schema } from '../../shared/editor/schema.ts';
import { createTemplateDoc } from '../../shared/editor/template.ts';
import type { DocumentKind } from '../../shared/model/resolution.ts';
import {
  createSubmission,
  recordAdvice,
  recordDecision,
  submitSubmission,
} from '../../shared/procedure/procedureStore.ts';
import { createYDoc, openDocumentState } from '../../shared/ydoc/yDocument.ts';
import { expectError, value } from './testing/apiResults.ts';
import { handleRequest } from './handlers.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;

beforeEach(() => {
  test = createTestContext();
});

afterEach(async () => {
  await test.remove();
});

const call = (method: string, payload?: unknown) => handleRequest(method, payload, test.context);
const writer = { name: 'Secretariaat', colour: '#1d4ed8' };

/** A stuk of `kind` with `title`, for the ALV of `date`, submitted by `submitter`. */
function makeDoc(kind: DocumentKind, title: string, date: string | null, submitter: string | null) {
  const template = createTemplateDoc(kind);
  const { nodes } = schema;
  const children: ReturnType<typeof nodes.title.create>[] = [];
  template.forEach((child) => children.push(child));
  children[0] = nodes.title.create({ kind, status: 'concept', submitter }, schema.text(title));
  children[1] = nodes.preamble.create({ assembly: 'ALV', date });
  return template.copy(Fragment.from(children));
}

/**
 * Writes the Y.Doc as the file `name` in the documents folder, as a member's saved copy lands
 * there (not through the app, so not among the recent documents); returns its path.
 */
async function save(name: string, ydoc: ReturnType<typeof createYDoc>): Promise<string> {
  await mkdir(test.documentsDir, { recursive: true });
  const filePath = path.join(test.documentsDir, `${name}.resolutie`);
  await writeFile(filePath, writeDocumentFile(ydoc, { app: 'test', version: '1' }, new Date()));
  return filePath;
}

/** A motie document of the ALV of `date`, submitted, with a preadvies and a besluit. */
function makeMotion(date: string) {
  const doc = makeDoc('motie', 'Betaalbare huisvesting', date, 'Zwolle');
  const ydoc = createYDoc(doc);
  const id = createSubmission(
    ydoc,
    doc,
    'motie',
    {
      indiener: 'Zwolle',
      coIndieners: ['Tilburg'],
      title: 'Betaalbare huisvesting',
      motivation: '',
    },
    writer,
  );
  submitSubmission(ydoc, doc, [], id, writer);
  recordAdvice(ydoc, id, 'ontraden', 'Loopt al.', writer);
  recordDecision(ydoc, id, 'aangenomen', { voor: 28, tegen: 3, onthouding: 1 }, writer);
  return ydoc;
}

describe('listProcedureOverview', () => {
  it('answers the stukken of the same ALV with their amendments and moties as plain rows', async () => {
    const motionPath = await save('Motie Zwolle', makeMotion('2026-06-12'));
    const resolution = makeDoc('resolutie', 'Inzet kabinet', '2026-06-12', 'bestuur');
    const resolutionYdoc = createYDoc(resolution);
    createSubmission(
      resolutionYdoc,
      resolution,
      'amendement',
      { indiener: 'Utrecht', coIndieners: [], title: 'Meer geld', motivation: '' },
      writer,
    );
    await save('Inzet', resolutionYdoc);
    await save('Andere ALV', createYDoc(makeDoc('resolutie', 'Elders', '2026-12-01', null)));
    await writeFile(path.join(test.documentsDir, 'Kapot.resolutie'), 'geen document');
    expect(await call('listRecent')).toEqual({ ok: true, value: { documents: [] } });

    const answer = value<{
      documents: {
        name: string;
        path: string;
        kind: string;
        titleLine: string;
        submitter: string;
        rows: unknown[];
      }[];
      unreadable: { name: string; problem: string }[];
      leftOut: number;
    }>(await call('listProcedureOverview', { match: { assembly: 'ALV', date: '2026-06-12' } }));

    const byName = new Map(answer.documents.map((document) => [document.name, document]));
    expect([...byName.keys()].sort()).toEqual(['Inzet', 'Motie Zwolle']);
    expect(byName.get('Motie Zwolle')).toEqual({
      path: motionPath,
      name: 'Motie Zwolle',
      kind: 'motie',
      titleLine: 'Motie “Betaalbare huisvesting”',
      submitter: 'Zwolle',
      rows: [
        {
          kind: 'motie',
          number: 'M1',
          indiener: 'Zwolle',
          coIndieners: ['Tilburg'],
          title: 'Betaalbare huisvesting',
          status: 'aangenomen',
          advice: 'Ontraden',
          outcome: 'Aangenomen, 28 voor, 3 tegen, 1 onthouding',
        },
      ],
    });
    expect(byName.get('Inzet')?.rows).toEqual([
      {
        kind: 'amendement',
        number: 'A1',
        indiener: 'Utrecht',
        coIndieners: [],
        title: 'Meer geld',
        status: 'concept',
        advice: '',
        outcome: '',
      },
    ]);
    expect(answer.unreadable.map((file) => file.name)).toEqual(['Kapot']);
    expect(answer.unreadable[0]!.problem).toContain('Kapot.resolutie');
    expect(answer.leftOut).toBe(0);
  });

  it('answers every stuk without a match, and none from an empty folder', async () => {
    expect(value(await call('listProcedureOverview', { match: null }))).toEqual({
      documents: [],
      unreadable: [],
      leftOut: 0,
    });
    await save('Motie Zwolle', makeMotion('2026-06-12'));
    await save('Andere ALV', createYDoc(makeDoc('resolutie', 'Elders', null, null)));
    const answer = value<{ documents: { name: string }[] }>(
      await call('listProcedureOverview', { match: null }),
    );
    expect(answer.documents.map((document) => document.name).sort()).toEqual([
      'Andere ALV',
      'Motie Zwolle',
    ]);
  });

  it('refuses a malformed request', async () => {
    expectError(
      await call('listProcedureOverview', { match: { assembly: 'ALV' } }),
      'invalid_request',
    );
    expectError(await call('listProcedureOverview', {}), 'invalid_request');
  });
});

describe('readDocument', () => {
  it('reads a file strictly without putting it among the recent documents', async () => {
    const saved = await save('Motie Zwolle', makeMotion('2026-06-12'));
    const read = value<{ path: string; name: string; state: string }>(
      await call('readDocument', { path: saved }),
    );
    expect(read.path).toBe(saved);
    expect(read.name).toBe('Motie Zwolle');
    const opened = openDocumentState(decodeBase64(read.state)!);
    expect(opened.doc.child(0).textContent).toBe('Betaalbare huisvesting');
    opened.ydoc.destroy();
    expect(value(await call('listRecent'))).toEqual({ documents: [] });
  });

  it('refuses a file that is no document, and a path outside the documents folder', async () => {
    await mkdir(test.documentsDir, { recursive: true });
    const broken = path.join(test.documentsDir, 'Kapot.resolutie');
    await writeFile(broken, 'geen document');
    const refused = await call('readDocument', { path: broken });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toContain('Kapot.resolutie');
    const outside = path.join(test.dir, 'Elders.resolutie');
    await writeFile(outside, 'geen document');
    expectError(await call('readDocument', { path: outside }), 'forbidden');
  });
});
