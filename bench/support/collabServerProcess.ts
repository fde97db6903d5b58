/**
 * `node bench/support/collabServerProcess.ts DATA_DIR PORT SECRET`: the app's sync server as
 * `resolutie server` starts it (the same extensions and message limit), on 127.0.0.1:PORT, in
 * a process of its own so that its CPU and memory can be read from outside. Prints
 * "collab ready".
 *
 * With `BENCH_CPU_PROFILE=FILE`, SIGUSR2 starts V8's CPU profiler (through the inspector, so
 * that start-up is left out) and stopping writes the profile to FILE.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startCollabServer } from '../../main/syncServer/collabServer.ts';
import { SERVER_MAX_MESSAGE_BYTES } from '../../main/cli/serverCommands.ts';

const [dataDir, port, secret] = process.argv.slice(2);
if (!dataDir || !port || !secret) {
  console.error('usage: collabServerProcess.ts DATA_DIR PORT SECRET');
  process.exit(2);
}
const server = await startCollabServer({
  host: '127.0.0.1',
  port: Number(port),
  dataDir,
  secret,
  maxMessageBytes: SERVER_MAX_MESSAGE_BYTES,
  // Every benchmark client comes from 127.0.0.1, where people come from addresses of their
  // own: no limit per address, as `resolutie server --max-per-address 0` behind a proxy.
  maxConnectionsPerAddress: 0,
  // Only refusals and failures: admissions would flood the benchmark's output.
  log: (line) => {
    if (!line.includes('toegelaten')) console.error(line);
  },
});

const profileFile = process.env.BENCH_CPU_PROFILE;
let profiler: Session | null = null;
if (profileFile) {
  process.on('SIGUSR2', () => {
    if (profiler) return;
    const session = new Session();
    session.connect();
    profiler = session;
    void session
      .post('Profiler.enable')
      .then(() => session.post('Profiler.setSamplingInterval', { interval: 100 }))
      .then(() => session.post('Profiler.start'))
      .then(() => console.log('profiling'));
  });
}

console.log(`collab ready ${server.url}`);
const stop = async () => {
  if (profiler && profileFile) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
  }
  await server.stop().catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
