/**
 * The machine a run measured on, for the results: processor, cores, memory, system, Node and
 * Chromium, and how busy it was (the load average before and after: other people's tests on
 * a shared build machine make every figure larger, the baselines' too).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What is known of the machine. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  system: string;
  node: string;
  chromium: string;
  loadBefore: number[];
  loadAfter: number[];
  date: string;
}

/** The system's name from /etc/os-release, or the kernel's. */
function systemName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty) return pretty;
  } catch {
    // Not Linux, or no os-release: the kernel's name will do.
  }
  return `${os.type()} ${os.release()}`;
}

/** Everything but the load after the run and the Chromium version, which come later. */
export function describeMachine(chromium: string): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'onbekend',
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    system: systemName(),
    node: process.version,
    chromium,
    loadBefore: os.loadavg(),
    loadAfter: [],
    date: new Date().toISOString().slice(0, 10),
  };
}

/** One line about the machine and its load, in Dutch. */
export function formatMachine(machine: MachineInfo): string {
  const load = (values: number[]) => values.map((v) => v.toFixed(1).replace('.', ',')).join(' / ');
  const busy = Math.max(...machine.loadBefore, ...machine.loadAfter) > machine.cores * 0.5;
  return (
    `${machine.cpu}, ${machine.cores} cores, ${Math.round(machine.memoryGiB)} GiB, ${machine.system}; ` +
    `Node ${machine.node}, Chromium ${machine.chromium}; gemeten op ${machine.date}. ` +
    `Belasting (load average 1/5/15 min) vóór ${load(machine.loadBefore)}, na ${load(machine.loadAfter)}` +
    (busy
      ? ': de machine was niet stil (ander werk vóór of tijdens de run, of de servers, clients en Chromiums van de benchmark zelf), dus alle tijden, ook die van de baselines, zijn hoger dan op een stille machine; de verhoudingen zijn eerlijker dan de absolute getallen.'
      : '.')
  );
}
