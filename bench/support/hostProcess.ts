/**
 * `node bench/support/hostProcess.ts RENDERER_DIR PORT SESSION_PORT PROFILE DOCUMENTS`: the
 * browser-mode host of the app, as `main/host/cli.ts` starts it, but serving a renderer the
 * benchmark built itself (so it never touches `dist/`, which the tests use) and hosting
 * sessions on a fixed loopback port. Prints "host ready URL".
 */
import { startHost } from '../../main/host/server.ts';

const [rendererDir, port, sessionPort, profileDir, documentsDir] = process.argv.slice(2);
if (!rendererDir || !port || !sessionPort || !profileDir || !documentsDir) {
  console.error('usage: hostProcess.ts RENDERER_DIR PORT SESSION_PORT PROFILE DOCUMENTS');
  process.exit(2);
}
const host = await startHost({
  rootDir: rendererDir,
  port: Number(port),
  host: '127.0.0.1',
  profileDir,
  documentsDir,
  sessionNetwork: { bindHost: '127.0.0.1', port: Number(sessionPort), advertisedHost: '127.0.0.1' },
  reportError: (what, error) => console.error(what, error),
});
console.log(`host ready ${host.url}`);
const stop = () => void host.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
