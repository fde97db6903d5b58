// A child process for the crash test of writeFileAtomic: it writes the given source files over
// the target in turn, forever, until the test kills it. Prints "ready" once the sources are in
// memory, so the test knows the writing has begun.
//
//   node atomicWriteLoop.ts <target> <source> [<source> …]
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../files/atomicWrite.ts';

const [target, ...sources] = process.argv.slice(2);
if (target === undefined || sources.length === 0) {
  process.stderr.write('usage: node atomicWriteLoop.ts <target> <source> [<source> …]\n');
  process.exit(2);
}

const contents = await Promise.all(sources.map((source) => readFile(source)));
process.stdout.write('ready\n');
for (;;) {
  for (const content of contents) await writeFileAtomic(target, content);
}
