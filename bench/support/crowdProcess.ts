/**
 * `node bench/support/crowdProcess.ts CONFIG_JSON`: a crowd of sync clients in a process of
 * its own, so that the clients' work does not run on the measuring process's event loop.
 * Connects one client per entry of `documents` (a name may repeat: several clients in one
 * document), each with a name in its awareness as the app's clients have, and prints
 * "crowd ready N". With `typePerSecond`, each client then types one character a second in
 * its document, until the process is stopped.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { SyncClient } from './syncClient.ts';
import type { SyncProtocol } from './syncClient.ts';
import { findItemText } from './yItems.ts';

/** What the crowd does; passed as JSON. */
export interface CrowdConfig {
  protocol: SyncProtocol;
  serverUrl: string;
  token?: string;
  /** One document name per client. */
  documents: string[];
  /** A Yjs state file each client starts from (servers without files of their own). */
  stateFile?: string;
  typePerSecond?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as CrowdConfig;
const state = config.stateFile ? new Uint8Array(readFileSync(config.stateFile)) : null;
const clients: SyncClient[] = [];
// Connect in small batches: a real crowd does not arrive in one millisecond either.
const BATCH = 10;
for (let i = 0; i < config.documents.length; i += BATCH) {
  const batch = config.documents.slice(i, i + BATCH).map((documentName, j) => {
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    const client = new SyncClient({
      serverUrl: config.serverUrl,
      protocol: config.protocol,
      documentName,
      ...(config.token ? { token: config.token } : {}),
      doc,
    });
    client.awareness.setLocalStateField('user', { name: `Deelnemer ${i + j + 1}`, color: '#555' });
    return client;
  });
  await Promise.all(batch.map((client) => client.whenSynced()));
  clients.push(...batch);
}
console.log(`crowd ready ${clients.length}`);

if (config.typePerSecond) {
  clients.forEach((client, i) => {
    // Spread over the second, so that the server sees a steady stream.
    setTimeout(
      () =>
        setInterval(() => {
          const text = findItemText(client.doc, 1 + (i % 5));
          text?.insert(text.length, 'x');
        }, 1000),
      (i * 1000) / clients.length,
    );
  });
}

process.once('SIGTERM', () => {
  clients.forEach((client) => client.close());
  process.exit(0);
});
