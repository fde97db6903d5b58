import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeYDoc, readYDoc } from '../../../shared/ydoc/yDocument.ts';
import { getItemTexts } from '../testing/journalCrash.ts';
import { JournalStore } from './journalStore.ts';
import { createSeededRandom } from '../../../shared/testing/seededRandom.ts';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';

// A child process edits a document and appends every edit to the journal, in a loop; the test
// kills it with SIGKILL at seeded random moments, several times over the same journal (each new
// child recovers and goes on, as the editor does after a crash). After every kill, recovery
// must give a valid document holding every edit whose append had returned, which the child
// printed. (This covers a crash of the process; a power loss cannot be simulated here.)
const SEED = 20_261_123;
const KILLS = 8;
// Small, so the children compact often and kills also land in the middle of a compaction.
const MAX_RECORDS = 9;
const loopScript = path.join(import.meta.dirname, '..', 'testing', 'journalAppendLoop.ts');

let dir: string;

beforeEach(async () => {
  dir = await createTempDir('journal-crash-');
});

afterEach(async () => {
  await removeTempDir(dir);
});

/**
 * Runs the loop for `run`, kills it `delayMs` after it is ready, and answers the indexes of the
 * edits it printed as done. A last line without its line break is not counted.
 */
function runAndKill(documentId: string, run: number, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [loopScript, dir, documentId, String(run), String(MAX_RECORDS)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (timer === undefined && stdout.startsWith('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`The append loop ended by itself (${code}): ${stderr}`));
        return;
      }
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const lines = complete.split('\n').filter((line) => line !== '' && line !== 'ready');
      resolve(lines.map(Number));
    });
  });
}

describe('the recovery journal killed while appending', () => {
  it(
    'recovers every edit whose append returned, after every kill',
    { timeout: 240_000 },
    async () => {
      const documentId = randomUUID();
      const random = createSeededRandom(SEED);
      const done: string[] = [];
      let total = 0;
      for (let run = 0; run < KILLS; run++) {
        // Up to 400 ms: from before the first append to dozens of appends and compactions.
        const delayMs = Math.floor(random() * 400);
        const label = `seed ${SEED}, run ${run}, kill after ${delayMs} ms`;
        const indexes = await runAndKill(documentId, run, delayMs);
        expect(indexes, label).toEqual(indexes.map((_, i) => i));
        total += indexes.length;
        for (const index of indexes) done.push(`[${run}.${index}]`);

        const recovered = await new JournalStore(dir, { reportError: () => {} }).recover(
          documentId,
        );
        const ydoc = decodeYDoc(recovered.state);
        // Strict: the recovered state is a valid resolution, not merely a Yjs state.
        const doc = readYDoc(ydoc);
        ydoc.destroy();
        const title = doc.firstChild!.textContent;
        const items = getItemTexts(doc);
        for (const edit of done) {
          const index = Number(edit.slice(edit.indexOf('.') + 1, -1));
          const where = index % 7 === 6 ? items : title;
          expect(where, `${label}: ${edit}`).toContain(edit);
        }
      }
      // The seeded kills must have let the children do real work, or the test proves nothing.
      expect(total).toBeGreaterThan(KILLS);
      const names = await readdir(dir);
      expect(names.filter((name) => name.endsWith('.journal'))).toEqual([`${documentId}.journal`]);
    },
  );
});
