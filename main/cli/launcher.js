#!/usr/bin/env node
/* global process */
/**
 * The `resolutie` command as package.json's "bin" starts it. Plain JavaScript, so that every
 * Node reads it: the command itself is TypeScript (`resolutie.ts`), which Node runs from
 * 22.18 on. Under an older Node (a machine with Node 20 calling the command outside npx) it
 * runs the command under the project's own Node 22 (the `node@22` devDependency), and
 * without that says in one line what it needs, rather than failing on the ".ts" extension.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NEEDED = { major: 22, minor: 18 };
const here = path.dirname(fileURLToPath(import.meta.url));
const command = path.join(here, 'resolutie.ts');

/** True when this Node strips TypeScript's types by itself (22.18 and newer). */
function runsTypeScript(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > NEEDED.major || (major === NEEDED.major && minor >= NEEDED.minor);
}

// The node@22 package puts its binary here (node.exe on Windows).
function findProjectNode() {
  const bin = path.join(here, '..', '..', 'node_modules', 'node', 'bin');
  return ['node', 'node.exe'].map((name) => path.join(bin, name)).find((file) => existsSync(file));
}

if (runsTypeScript(process.versions.node)) {
  await import('./resolutie.ts');
} else {
  const projectNode = findProjectNode();
  if (projectNode === undefined) {
    process.stderr.write(
      `resolutie heeft Node ${NEEDED.major}.${NEEDED.minor} of nieuwer nodig, en deze computer ` +
        `heeft Node ${process.versions.node}: voer "npm install" uit in de map van de ` +
        `Resolutie-editor (dat brengt Node ${NEEDED.major} mee) of installeer Node ${NEEDED.major}.\n`,
    );
    process.exit(1);
  }
  const child = spawn(projectNode, [command, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl+C reaches the command itself (same terminal); this process waits for it to finish,
  // so a server that saves before it stops is not cut short. Other signals are passed on.
  process.on('SIGINT', () => undefined);
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`resolutie kon Node ${NEEDED.major} niet starten: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
