/**
 * Applies our own patches to installed dependencies: npm runs it after every install
 * (`postinstall` in package.json), so `npm ci` on a clean checkout installs the patched code.
 *
 * A patch is `patches/<package>+<version>.patch` (`@scope+name` for a scoped package): text
 * that says what the patch does and why, then a unified diff (`diff -u`) of files under
 * `node_modules/<package>/`. The script
 * - refuses to run when the installed version is not the patch's: a patch is written against
 *   one version's code, and an update must be looked at again (drop the patch, or rewrite it);
 * - applies each hunk only where its old text stands exactly once, and refuses a file that
 *   matches neither the old nor the new text (someone changed it, or the package did);
 * - is idempotent: a file that already holds the new text is left alone.
 * Nothing is downloaded. See docs/ARCHITECTURE.md, "The patch to y-prosemirror".
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A patch that cannot be applied; the message says why and what to do. */
export class PatchError extends Error {}

/** One hunk: the lines it expects (context and removed) and the lines it leaves. */
export interface Hunk {
  before: string[];
  after: string[];
}

/** The hunks of one file, by its path relative to the project. */
export interface FilePatch {
  path: string;
  hunks: Hunk[];
}

/** The package and version a patch file's name says it is for. */
export function parsePatchName(name: string): { packageName: string; version: string } | null {
  const match = /^(.+)\+(\d+\.\d+\.\d+(?:-[\w.]+)?)\.patch$/.exec(name);
  if (!match) return null;
  return { packageName: match[1]!.replace('+', '/'), version: match[2]! };
}

/** The files and hunks of a unified diff; text before the first `---` is its description. */
export function parsePatch(text: string): FilePatch[] {
  const files: FilePatch[] = [];
  const lines = text.split('\n');
  let file: FilePatch | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      // `+++ b/node_modules/...`: the path after the `b/` prefix.
      const target = lines[i + 1]!.slice(4).split('\t')[0]!.replace(/^b\//, '');
      file = { path: target, hunks: [] };
      files.push(file);
      i += 1;
      continue;
    }
    const header = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
    if (!header) continue;
    if (!file) throw new PatchError(`hunk without a file at line ${i + 1}`);
    // The header counts the hunk's lines on each side; read until both are complete.
    let before = Number(header[1] ?? 1);
    let after = Number(header[2] ?? 1);
    const hunk: Hunk = { before: [], after: [] };
    while (before > 0 || after > 0) {
      i += 1;
      const body = lines[i];
      if (body === undefined) throw new PatchError(`hunk at line ${i} ends early`);
      // An empty line is an empty context line whose space some editors drop.
      const kind = body === '' ? ' ' : body[0];
      const content = body.slice(1);
      if (kind === ' ' || kind === '-') {
        hunk.before.push(content);
        before -= 1;
      }
      if (kind === ' ' || kind === '+') {
        hunk.after.push(content);
        after -= 1;
      }
      if (kind !== ' ' && kind !== '-' && kind !== '+' && kind !== '\\') {
        throw new PatchError(`unexpected line ${i + 1} in a hunk`);
      }
    }
    file.hunks.push(hunk);
  }
  return files;
}

function count(text: string, block: string): number {
  let found = 0;
  for (let at = text.indexOf(block); at >= 0; at = text.indexOf(block, at + 1)) found += 1;
  return found;
}

/**
 * `text` with the hunks applied, or unchanged when it already holds them. Throws PatchError
 * when it is neither: the old text of every hunk there exactly once (the original), or the new
 * text of every hunk (patched; a patch that moves code can leave some old text there too).
 */
export function applyFilePatch(text: string, patch: FilePatch): { text: string; applied: boolean } {
  const blocks = patch.hunks.map((hunk) => ({
    before: hunk.before.join('\n'),
    after: hunk.after.join('\n'),
  }));
  const original = blocks.every(({ before }) => count(text, before) === 1);
  const patched = blocks.every(({ after }) => count(text, after) === 1);
  if (patched && !original) return { text, applied: false };
  if (!original || patched) {
    const bad = blocks.findIndex(({ before }) => count(text, before) !== 1);
    throw new PatchError(
      `${patch.path}: ${
        original
          ? 'cannot tell the original from the patched code'
          : `hunk ${bad + 1} matches neither the original nor the patched code`
      }`,
    );
  }
  // By position, from the end back: one hunk's new text may hold another's old text.
  let out = text;
  const places = blocks
    .map((block) => ({ ...block, at: text.indexOf(block.before) }))
    .sort((a, b) => b.at - a.at);
  for (const { before, after, at } of places) {
    out = out.slice(0, at) + after + out.slice(at + before.length);
  }
  return { text: out, applied: true };
}

/** Applies every patch in `root`/patches to `root`/node_modules; returns what it did. */
export function applyPatches(root: string): string[] {
  const dir = path.join(root, 'patches');
  const names = readdirSync(dir).filter((name) => name.endsWith('.patch'));
  const report: string[] = [];
  for (const name of names.sort()) {
    const target = parsePatchName(name);
    if (!target) throw new PatchError(`${name}: name is not <package>+<version>.patch`);
    const manifest = path.join(root, 'node_modules', target.packageName, 'package.json');
    const installed = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
    if (installed !== target.version) {
      throw new PatchError(
        `${name} is for ${target.packageName} ${target.version}, but ${installed} is installed: ` +
          'look at the patch again for this version (drop it if upstream fixed the fault).',
      );
    }
    const files = parsePatch(readFileSync(path.join(dir, name), 'utf8'));
    if (files.length === 0) throw new PatchError(`${name}: no files in the patch`);
    for (const file of files) {
      const prefix = `node_modules/${target.packageName}/`;
      if (!file.path.startsWith(prefix) || file.path.includes('..')) {
        throw new PatchError(`${name}: ${file.path} is not a file of ${target.packageName}`);
      }
      const full = path.join(root, file.path);
      const { text, applied } = applyFilePatch(readFileSync(full, 'utf8'), file);
      if (applied) {
        // Written whole, then renamed: an interrupted install leaves the old or the new file.
        writeFileSync(`${full}.patching`, text);
        renameSync(`${full}.patching`, full);
      }
      report.push(`${applied ? 'patched' : 'already patched'}: ${file.path}`);
    }
  }
  return report;
}

if (import.meta.main) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    for (const line of applyPatches(root)) console.log(`patchDependencies: ${line}`);
  } catch (error) {
    console.error(`patchDependencies: ${(error as Error).message}`);
    process.exit(1);
  }
}
