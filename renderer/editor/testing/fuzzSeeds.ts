/**
 * Running a seeded fuzz test over many seeds, as both fuzz tests do: the seeds from the
 * environment (FUZZ_SEED=n replays one, FUZZ_SEEDS=n runs more), a failing seed named for
 * replay, and over a run of seeds, a check that the network showed every kind of disturbance.
 * FUZZ_KEEP_GOING=1 runs every seed even after one failed, and names all that failed, with the
 * first line of each failure (for long runs outside CI, where one count says more than one seed).
 */
import { expect } from 'vitest';
import type { NetworkStats } from './fuzzReplicas.ts';

/** What a run of seeds went through. */
export interface Coverage extends NetworkStats {
  /** Runs by number of replicas. */
  replicas: Record<number, number>;
}

/** The seeds to run: FUZZ_SEED alone, else 1 … FUZZ_SEEDS (100 by default). */
export function fuzzSeeds(): number[] {
  const only = process.env.FUZZ_SEED;
  if (only) return [Number(only)];
  return Array.from({ length: Number(process.env.FUZZ_SEEDS ?? 100) }, (_, i) => i + 1);
}

/** Counts one seed's run of `replicas` replicas and what its network did. */
export function addCoverage(coverage: Coverage, replicas: number, stats: NetworkStats): void {
  coverage.replicas[replicas] = (coverage.replicas[replicas] ?? 0) + 1;
  for (const key of ['delivered', 'duplicates', 'resyncs', 'partitions'] as const) {
    coverage[key] += stats[key];
  }
}

/** Runs `runSeed` for every seed, naming a failing one for replay, and checks the coverage. */
export function runFuzzSeeds(
  name: string,
  seeds: readonly number[],
  runSeed: (seed: number, coverage: Coverage) => void,
): void {
  const coverage: Coverage = {
    replicas: {},
    delivered: 0,
    duplicates: 0,
    resyncs: 0,
    partitions: 0,
  };
  const keepGoing = process.env.FUZZ_KEEP_GOING === '1';
  const failed: string[] = [];
  for (const seed of seeds) {
    try {
      runSeed(seed, coverage);
    } catch (error) {
      const message = `fuzz seed ${seed} failed (replay: FUZZ_SEED=${seed}): ${String(error)}`;
      if (!keepGoing) throw new Error(message, { cause: error });
      failed.push(firstLines(message));
    }
  }
  if (failed.length > 0) {
    throw new Error(
      `${name}: ${failed.length} of ${seeds.length} seed(s) failed:\n${failed.join('\n')}`,
    );
  }
  console.log(`${name}, ${seeds.length} seed(s): ${JSON.stringify(coverage)}`);
  // A single replayed seed need not show every kind of disturbance; a run of seeds must.
  if (seeds.length >= 20) {
    expect(Object.keys(coverage.replicas), 'runs of 3, 4 and 5').toEqual(['3', '4', '5']);
    expect(coverage.duplicates, 'updates delivered twice').toBeGreaterThan(0);
    expect(coverage.resyncs, 'handshakes overlapping queued updates').toBeGreaterThan(0);
    expect(coverage.partitions, 'partitions').toBeGreaterThan(0);
  }
}

// A failure's message without the edit log that follows it: enough to tell failures apart.
function firstLines(message: string): string {
  return message.split('\n  edits:')[0]!.split('\n').slice(0, 4).join(' | ');
}
