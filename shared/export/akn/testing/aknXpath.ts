/**
 * XPath on exported XML through xmllint, an independent parser: the AKN tests read their
 * structure back with it rather than with our own code. Fails, saying why, without xmllint
 * (`npm test` and CI install libxml2-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'akn-xpath-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let fileCount = 0;

/** Evaluates an XPath (elements by local name) on the XML and gives its string result. */
export function xpath(xml: string, expression: string): string {
  fileCount += 1;
  const file = join(folder, `stuk-${fileCount}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
  if (result.error) throw new Error('xmllint is niet geïnstalleerd (pakket libxml2-utils)');
  if (result.status !== 0) throw new Error(`xpath ${expression}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A step matching elements by local name, whatever their namespace. */
export const el = (name: string) => `*[local-name()='${name}']`;
