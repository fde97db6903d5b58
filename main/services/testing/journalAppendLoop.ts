// A child process for the crash test of the recovery journal: it edits a document and appends
// every edit to the journal, forever, until the test kills it. Like the editor after a crash,
// it first recovers the document from the journal (or starts a new one and resets the journal)
// and goes on appending to the same journal. Prints "ready" when it starts editing, then the
// index of every edit whose append has returned, one per line: those must survive the kill.
//
//   node journalAppendLoop.ts <journalDir> <documentId> <run> <maxRecords>
//
// Edit i of run r types "[r.i]" at the end of the title; every seventh edit also adds an item
// holding the same label, so recovery is checked on structure as well as text.
import { decodeYDoc, encodeYDoc } from '../../../shared/ydoc/yDocument.ts';
import { JournalError, JournalStore } from '../journal/journalStore.ts';
import { addRecitalItem, createTemplateYDoc, typeInTitle } from './yjsDocuments.ts';

const [dir, documentId, run, maxRecords] = process.argv.slice(2);
if (
  dir === undefined ||
  documentId === undefined ||
  run === undefined ||
  maxRecords === undefined
) {
  process.stderr.write(
    'usage: node journalAppendLoop.ts <journalDir> <documentId> <run> <maxRecords>\n',
  );
  process.exit(2);
}

const store = new JournalStore(dir, {
  maxRecords: Number(maxRecords),
  reportError: (message) => process.stderr.write(`${message}\n`),
});

let ydoc;
try {
  ydoc = decodeYDoc((await store.recover(documentId)).state);
} catch (error) {
  if (!(error instanceof JournalError) || error.code !== 'not_found') throw error;
  ydoc = createTemplateYDoc();
  await store.reset(documentId, encodeYDoc(ydoc), { path: null, title: '' });
}

process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const label = `[${run}.${i}]`;
  const update = i % 7 === 6 ? addRecitalItem(ydoc, label) : typeInTitle(ydoc, label);
  await store.append(documentId, update, { title: `Crashtest ${run}` });
  process.stdout.write(`${i}\n`);
}
