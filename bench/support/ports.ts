/**
 * The loopback ports the benchmarks listen on: 4850–4899, kept apart from the end-to-end
 * tests (4781) and the app's own defaults (4780, 4790–4797), so a benchmark can run while
 * someone runs the tests. `BENCH_PORT_BASE` moves the whole range.
 */
const base = Number(process.env.BENCH_PORT_BASE ?? 4850);

export const BENCH_PORTS = {
  /** The browser-mode host that serves the built app. */
  host: base,
  /** The co-editing session the host starts for the typing benchmark. */
  session: base + 1,
  /** The static server of the benchmark page. */
  page: base + 2,
  /** The app's sync server (Hocuspocus) in a process of its own. */
  collabServer: base + 3,
  /** The y-websocket reference server. */
  referenceServer: base + 4,
  /** A second host, for start-up measurements of a fresh process. */
  startupHost: base + 5,
} as const;
