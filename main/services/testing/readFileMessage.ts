/**
 * Reads the `.resolutie` file named on the command line and prints what the reader says: the
 * title when it opens, else the refusal's message. For tests that read a file in a Node of
 * their own (e.g. with a small stack, in shared/ydoc/hostileFiles.test.ts).
 */
import { readFileSync } from 'node:fs';
import { readDocumentFile } from '../../../shared/ydoc/documentFile.ts';

const filePath = process.argv[2];
if (!filePath) throw new Error('usage: readFileMessage.ts FILE');
try {
  const opened = readDocumentFile(readFileSync(filePath));
  console.log(`geopend: ${opened.doc.firstChild?.textContent ?? ''}`);
} catch (error) {
  console.log((error as Error).message);
}
