/**
 * Processes the benchmarks start (a host, a sync server, a crowd of clients): a Node script of
 * this repository run with this Node, ready when it prints a line that matches, and stopped by
 * its own process id.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** A started process and the line that said it was ready. */
export interface StartedProcess {
  child: ChildProcess;
  readyLine: string;
  /** Stops it (SIGTERM, then SIGKILL after two seconds) and waits until it is gone. */
  stop(): Promise<void>;
}

/** Runs `script` with `args`; resolves once a line of its output matches `ready`. */
export function startNodeScript(
  script: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
  timeoutMs = 60_000,
): Promise<StartedProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not become ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => ready.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.removeAllListeners('data');
        child.stderr!.pipe(process.stderr);
        resolve({ child, readyLine: line, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} stopped (${code}) before it was ready:\n${output}`));
    });
  });
}
