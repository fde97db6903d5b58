/**
 * The documents named on the command line: what a file manager passes when the user opens a
 * `.resolutie` file with the app (Windows and Linux; macOS sends `open-file` events instead),
 * at the first start and, through the single-instance lock, at every later one
 * (`second-instance`, with that start's arguments and working folder).
 *
 * Electron's arguments hold more than files: the executable, in development the app's folder,
 * Chromium switches (`--no-sandbox`, `--original-process-start-time=…`) and macOS's `-psn_…`.
 * Only arguments that name a `.resolutie` file count; relative paths are resolved against the
 * working folder of the start that passed them, and `file:` URLs (Linux desktop files pass
 * `%U`) are read as paths. A `.resolutie` argument that is no existing file is reported.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDocumentPath } from '../services/documents/documentAccess.ts';

/** What a path on the disk is, as far as opening it goes. */
export type PathKind = 'file' | 'directory' | 'missing';

/** What the arguments name. */
export interface LaunchDocuments {
  /** Absolute paths of existing `.resolutie` files, each once, in the order given. */
  documents: string[];
  /** Dutch messages for `.resolutie` arguments that cannot be opened. */
  problems: string[];
}

/** Options of {@link findLaunchDocuments}. */
export interface LaunchArgumentOptions {
  /** The working folder of the start that passed the arguments. */
  cwd: string;
  /** What a path is; by default asked of the file system. */
  inspect?: (absolutePath: string) => PathKind;
}

/** What `absolutePath` is on this machine's disk. */
export function inspectPath(absolutePath: string): PathKind {
  try {
    const info = statSync(absolutePath);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'missing';
  } catch {
    return 'missing';
  }
}

/** The documents `argv` (a whole `process.argv`, executable first) asks to open. */
export function findLaunchDocuments(
  argv: readonly string[],
  options: LaunchArgumentOptions,
): LaunchDocuments {
  const documents: string[] = [];
  const problems: string[] = [];
  // The first argument is the executable itself, never a document.
  for (const argument of argv.slice(1)) {
    const candidate = toPath(argument, options.cwd);
    if (candidate === null || !isDocumentPath(candidate)) continue;
    const checked = checkLaunchDocument(candidate, options.inspect);
    if ('problem' in checked) problems.push(checked.problem);
    else if (!documents.includes(checked.document)) documents.push(checked.document);
  }
  return { documents, problems };
}

/**
 * Whether the absolute path `candidate` (from the command line, or macOS's `open-file`) is a
 * document the app can open: an existing `.resolutie` file. Otherwise a Dutch message.
 */
export function checkLaunchDocument(
  candidate: string,
  inspect: (absolutePath: string) => PathKind = inspectPath,
): { document: string } | { problem: string } {
  const name = path.basename(candidate);
  if (!path.isAbsolute(candidate) || !isDocumentPath(candidate)) {
    return { problem: `‘${name}’ is geen document van de Resolutie-editor (.resolutie).` };
  }
  const resolved = path.resolve(candidate);
  const kind = inspect(resolved);
  if (kind === 'file') return { document: resolved };
  return {
    problem:
      kind === 'directory'
        ? `‘${name}’ is een map, geen document.`
        : `Het document ‘${name}’ is niet gevonden (${resolved}).`,
  };
}

/** The native warning for documents that could not be opened (Electron's `MessageBoxOptions`). */
export function createLaunchProblemMessage(problems: readonly string[]) {
  return {
    type: 'warning' as const,
    title: 'Document niet geopend',
    message:
      problems.length === 1
        ? 'Dit document kan niet worden geopend.'
        : 'Deze documenten kunnen niet worden geopend.',
    detail: problems.join('\n'),
    buttons: ['OK'],
  };
}

/** The absolute path an argument names, or null for a switch, a URL or nothing. */
function toPath(argument: string, cwd: string): string | null {
  if (argument === '' || argument.startsWith('-') || argument.includes('\u0000')) return null;
  if (/^file:/i.test(argument)) {
    try {
      return path.resolve(fileURLToPath(argument));
    } catch {
      return null;
    }
  }
  // Other URLs (`https://…`, a custom scheme) name no file. A scheme has two letters or more,
  // so a Windows drive ("C:\…") is still a path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(argument)) return null;
  return path.resolve(cwd, argument);
}
