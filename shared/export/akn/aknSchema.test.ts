/**
 * The Akoma Ntoso export checked against the OASIS schema: the export of every seed and of the
 * generated documents is written to a temp folder and validated by `xmllint --schema` with the
 * published schema, kept unmodified in `test/fixtures/standards/akn/` (its sha256 checked, so a
 * changed copy cannot pass), and so is the `amendment` export of every kind of amendment.
 * Without xmllint the tests fail and say why (`npm test` and CI install libxml2-utils).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { amendmentToAkomaNtoso } from './amendmentToAkomaNtoso.ts';
import { generatedDocs, seedDocs, testAmendments } from './testing/aknTestDocs.ts';
import { toAkomaNtoso } from './toAkomaNtoso.ts';
import { referenceDoc } from '../testing/referenceDoc.ts';

const SCHEMA = fileURLToPath(
  new URL('../../../test/fixtures/standards/akn/akomantoso30.xsd', import.meta.url),
);
/** The published schema's sha256 (OASIS, 29 August 2018). */
const SCHEMA_SHA256 = '6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd';

// xmllint's verdict on one file: its messages, and whether it validated.
function validate(file: string): { valid: boolean; messages: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
    encoding: 'utf8',
  });
  if (result.error) {
    throw new Error('xmllint is niet geïnstalleerd (pakket libxml2-utils): de AKN-test kan niet.');
  }
  return {
    valid: result.status === 0 && result.stderr.includes('validates'),
    messages: result.stderr,
  };
}

describe('toAkomaNtoso against the OASIS schema', () => {
  const folder = mkdtempSync(join(tmpdir(), 'akn-schema-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const docs = [...seedDocs(), ...generatedDocs()];
  const now = new Date('2026-03-04T12:00:00Z');

  it('has the published schema, unmodified', () => {
    expect(existsSync(SCHEMA)).toBe(true);
    expect(createHash('sha256').update(readFileSync(SCHEMA)).digest('hex')).toBe(SCHEMA_SHA256);
  });

  it('has seeds and generated documents to validate', () => {
    expect(seedDocs().length).toBeGreaterThan(3);
    expect(docs.length).toBe(seedDocs().length + generatedDocs().length);
  });

  it.each(docs.map(({ name, doc }, index) => [name, doc, index] as const))(
    'validates the export of %s',
    (_name, doc, index) => {
      const file = join(folder, `stuk-${index}.xml`);
      writeFileSync(file, toAkomaNtoso(doc, { now }));
      const { valid, messages } = validate(file);
      expect(messages).toContain('validates');
      expect(valid).toBe(true);
    },
  );

  it.each(testAmendments().map(({ name, amendment }, index) => [name, amendment, index] as const))(
    'validates the amendment export: %s',
    (_name, amendment, index) => {
      const file = join(folder, `amendement-${index}.xml`);
      writeFileSync(
        file,
        amendmentToAkomaNtoso(amendment, {
          resolutionUri: '/akn/nl/statement/resolutie/2024-11-29/x',
          now,
        }),
      );
      const { valid, messages } = validate(file);
      expect(messages).toContain('validates');
      expect(valid).toBe(true);
    },
  );

  it('validates the export of a stuk with cross-references, before and after a renumbering', () => {
    for (const [index, doc] of [referenceDoc(), referenceDoc(['eerst dit;'])].entries()) {
      const file = join(folder, `verwijzingen-${index}.xml`);
      const xml = toAkomaNtoso(doc, { now });
      expect(xml).toContain('<ref href="#');
      expect(xml).toContain(' wId="');
      writeFileSync(file, xml);
      const { valid, messages } = validate(file);
      expect(messages).toContain('validates');
      expect(valid).toBe(true);
    }
  });

  it('refuses an invalid document, so the check can fail', () => {
    const file = join(folder, 'kapot.xml');
    const xml = toAkomaNtoso(generatedDocs()[0]!.doc, { now }).replace(
      '<mainBody>',
      '<mainBody><bogus/>',
    );
    writeFileSync(file, xml);
    expect(validate(file).valid).toBe(false);
  });
});
