/**
 * The Akoma Ntoso export checked against the OASIS schema: the export of every seed and of the
 * generated documents is written to a temp folder and validated by `xmllint --schema` with the
 * published schema, kept unmodified in `test/fixtures/standards/akn/` (its sha256 checked, so a
 * changed copy cannot pass). Without xmllint the test says why and is skipped (CI installs
 * libxml2-utils).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedDocs, seedDocs } from './testing/aknTestDocs.ts';
import { toAkomaNtoso } from './toAkomaNtoso.ts';

const SCHEMA = fileURLToPath(
  new URL('../../../test/fixtures/standards/akn/akomantoso30.xsd', import.meta.url),
);
/** The published schema's sha256 (OASIS, 29 August 2018). */
const SCHEMA_SHA256 = '6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd';

function missing(): string | null {
  if (!existsSync(SCHEMA)) throw new Error(`Het AKN-schema ontbreekt in de checkout: ${SCHEMA}`);
  const digest = createHash('sha256').update(readFileSync(SCHEMA)).digest('hex');
  if (digest !== SCHEMA_SHA256) throw new Error('Het AKN-schema in test/fixtures is gewijzigd.');
  const probe = spawnSync('xmllint', ['--version']);
  if (probe.error) return 'xmllint is niet geïnstalleerd (pakket libxml2-utils)';
  return null;
}

const reason = missing();
if (reason) console.log(`AKN-schemavalidatie overgeslagen: ${reason}`);

describe.skipIf(reason !== null)('toAkomaNtoso against the OASIS schema', () => {
  const folder = mkdtempSync(join(tmpdir(), 'akn-schema-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const docs = [...seedDocs(), ...generatedDocs()];
  const now = new Date('2026-03-04T12:00:00Z');

  it('has seeds and generated documents to validate', () => {
    expect(seedDocs().length).toBeGreaterThan(3);
    expect(docs.length).toBe(seedDocs().length + generatedDocs().length);
  });

  it.each(docs.map(({ name, doc }, index) => [name, doc, index] as const))(
    'validates the export of %s',
    (_name, doc, index) => {
      const file = join(folder, `stuk-${index}.xml`);
      writeFileSync(file, toAkomaNtoso(doc, { now }));
      const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
        encoding: 'utf8',
      });
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
    },
  );

  it('refuses an invalid document, so the check can fail', () => {
    const file = join(folder, 'kapot.xml');
    const xml = toAkomaNtoso(generatedDocs()[0]!.doc, { now }).replace(
      '<mainBody>',
      '<mainBody><bogus/>',
    );
    writeFileSync(file, xml);
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' }),
    ).toThrow();
  });
});
