import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new, empty folder under the system's temporary folder, for one test. */
export function createTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/**
 * Removes a test's temporary folder, first making every folder in it writable again (tests
 * make folders read-only, and a non-root user could then not delete their contents).
 */
export async function removeTempDir(dir: string): Promise<void> {
  await makeWritable(dir);
  await rm(dir, { recursive: true, force: true });
}

async function makeWritable(dir: string): Promise<void> {
  try {
    await chmod(dir, 0o755);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await makeWritable(path.join(dir, entry.name));
    }
  } catch {
    // Whatever cannot be reached, rm reports or skips.
  }
}

/** The names of temporary files (`.<name>.<random>.tmp`) in `dir`. */
export async function listTempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('.') && name.endsWith('.tmp'));
}
