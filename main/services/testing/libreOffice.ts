/**
 * LibreOffice as the independent reader of the Word files we write and read: headless
 * `soffice --convert-to`, each call with a profile folder of its own so that tests may run it
 * side by side (one profile cannot be used by two LibreOffice processes at once).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SOFFICE_CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
];

/** The soffice program, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  return SOFFICE_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * Converts `input` with LibreOffice to `format` (a `--convert-to` value such as `fodt`, `txt`,
 * `docx:"MS Word 2007 XML"`) into `outDir`, and returns the written file's path. Throws with
 * LibreOffice's own output when it wrote nothing.
 */
export async function convertWithLibreOffice(
  input: string,
  format: string,
  outDir: string,
): Promise<string> {
  const [output] = await convertManyWithLibreOffice([input], format, outDir);
  return output as string;
}

/**
 * Converts several files in one LibreOffice run (each run costs seconds of start-up) into
 * `outDir`, and returns the written paths in the order of `inputs`. The inputs' names without
 * extension must differ: each output is named after its input.
 */
export async function convertManyWithLibreOffice(
  inputs: readonly string[],
  format: string,
  outDir: string,
): Promise<string[]> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      'LibreOffice ontbreekt: installeer het pakket "libreoffice-writer-nogui" (.ci/run doet dat).',
    );
  }
  const names = inputs.map((input) => path.parse(input).name);
  if (new Set(names).size !== names.length) {
    throw new Error(`Twee invoerbestanden met dezelfde naam: ${names.join(', ')}`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'lo-profile-'));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          format,
          '--outdir',
          outDir,
          ...inputs,
        ],
        { timeout: 240_000 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`soffice: ${error.message}\n${stdout}${stderr}`));
          else resolve(`${stdout}${stderr}`);
        },
      );
    });
    const extension = format.split(':')[0] ?? format;
    const outputs = names.map((name) => path.join(outDir, `${name}.${extension}`));
    const missing = outputs.filter((file) => !existsSync(file));
    if (missing.length > 0) {
      throw new Error(`soffice schreef ${missing.join(', ')} niet (${format}):\n${output}`);
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
