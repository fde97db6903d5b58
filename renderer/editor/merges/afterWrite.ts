/**
 * What the editor does inside the transaction that writes one of its own changes into Yjs
 * (our patch's `onWrite`, see yjsBinding.ts): it deletes the formatting markers the write left that
 * do nothing (redundantFormats.ts), then records which text it wrote anew (recordWrite.ts).
 * One function, so that the editor and the fuzz tests' replicas write alike.
 */
import type * as Y from 'yjs';
import { dropRedundantFormats } from './redundantFormats.ts';
import { recordWrite } from './recordWrite.ts';

export function afterEditorWrite(transaction: Y.Transaction, fragment: Y.XmlFragment): void {
  dropRedundantFormats(transaction);
  recordWrite(transaction, fragment);
}
