/**
 * The command line as a user runs it, for tests: `resolutie …` as a real Node process in a
 * folder, with its exit code and both outputs.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { expect } from 'vitest';

const CLI = new URL('../resolutie.ts', import.meta.url).pathname;

/** What a run of the command gave. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `resolutie ...args` in `cwd`. */
export function runResolutie(cwd: string, ...args: string[]): CliRun {
  return runResolutieWithEnv(cwd, {}, ...args);
}

/** Runs `resolutie ...args` in `cwd` with extra environment variables. */
export function runResolutieWithEnv(
  cwd: string,
  env: NodeJS.ProcessEnv,
  ...args: string[]
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

/** Starts `resolutie ...args` in `cwd` as a process that keeps running (`resolutie server`). */
export function startResolutie(
  cwd: string,
  env: NodeJS.ProcessEnv,
  ...args: string[]
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } });
}

/** Every failure is one line on stderr, starting with the command's name. */
export function expectOneLineError(result: CliRun, code: number, text: string): void {
  expect(result.code).toBe(code);
  expect(result.out).toBe('');
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).toMatch(/^resolutie: /);
  expect(result.err).toContain(text);
}
