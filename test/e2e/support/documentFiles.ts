/**
 * `.resolutie` files for end-to-end tests, written as the app writes them: a template document
 * with a title, in the file format, so a test can open a real file (from the command line, or
 * a window's launch address) without clicking through Save first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDocumentFile } from '../../../shared/ydoc/documentFile.ts';
import { createTemplateYDoc, typeInTitle } from '../../../main/services/testing/yjsDocuments.ts';

/** Writes a document whose title is `title` to `filePath` (making its folder); returns the path. */
export function writeTestDocument(filePath: string, title: string): string {
  const ydoc = createTemplateYDoc();
  typeInTitle(ydoc, title);
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, writeDocumentFile(ydoc, { app: 'Resolutie-editor', version: 'test' }));
  ydoc.destroy();
  return filePath;
}
