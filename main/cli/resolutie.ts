#!/usr/bin/env node
/** Entry point of the `resolutie` command (package.json "bin"). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppRoot } from '../services/app/appRoot.ts';
import { readPackageIdentity } from '../services/app/appInfo.ts';
import { runCli } from './runCli.ts';

const identity = await readPackageIdentity(
  findAppRoot(path.dirname(fileURLToPath(import.meta.url))),
);
process.exitCode = await runCli(
  process.argv.slice(2),
  { app: identity.name, version: identity.version },
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: process.stderr,
  },
);
