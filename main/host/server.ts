/**
 * The browser-mode host: a small Node HTTP server that serves the built renderer and carries
 * the API over `POST /api/<method>`. It is the HTTP transport of the contract; the handlers are
 * the same ones the Electron shell uses.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiContext, type ApiContext } from '../api/context.ts';
import { readSessionNetwork } from '../syncServer/sessionHost.ts';
import { RELAY_PATH, refuseUpgrade } from '../syncServer/sessionRelay.ts';
import {
  getDocumentsDir,
  getProfileDir,
  hasDocumentsDirVariable,
} from '../services/app/appDirs.ts';
import { findAppRoot } from '../services/app/appRoot.ts';
import { INDEX_FILE } from '../web/staticFiles.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.ts';
import { isApiPath, serveApi } from './apiRoute.ts';
import { formatHostname, getAllowedHostnames, isAllowedHost } from './requestGuards.ts';
import { applySecurityHeaders, sendText } from './responses.ts';
import { serveStatic } from './staticRoute.ts';

export { DEFAULT_HOST, DEFAULT_PORT };

/** How to start a host. */
export interface HostOptions {
  /** The directory with the built renderer (`dist/renderer`). */
  rootDir: string;
  /** The port; 0 lets the system pick a free one. Defaults to {@link DEFAULT_PORT}. */
  port?: number;
  /** The address to listen on. Defaults to {@link DEFAULT_HOST}. */
  host?: string;
  /** The app root with package.json, for `getAppInfo`; found from this file when left out. */
  appRoot?: string;
  /** Host names besides the loopback names that requests may address (see requestGuards). */
  allowedHostnames?: readonly string[];
  /** Where unexpected failures are reported; `console.error` by default. */
  reportError?: ApiContext['reportError'];
  /** The profile folder (recent documents, recovery journals); see `getProfileDir`. */
  profileDir?: string;
  /** The documents folder given at start; wins over the user's preference (see `getDocumentsDir`). */
  documentsDir?: string;
  /** Where hosted sessions listen; from the environment by default (see readSessionNetwork). */
  sessionNetwork?: { bindHost?: string; port?: number; advertisedHost?: string };
}

/** A running host. */
export interface RunningHost {
  /** The address to open in a browser, ending in `/`. */
  url: string;
  /** The port it listens on (the real one when 0 was asked for). */
  port: number;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/** Why a host could not start. The message is Dutch and fit to print as it is. */
export class HostStartError extends Error {
  /** What went wrong, for callers that react differently (tests, the start script). */
  readonly reason: 'missing_build' | 'port_in_use' | 'listen_failed';

  constructor(reason: HostStartError['reason'], message: string) {
    super(message);
    this.name = 'HostStartError';
    this.reason = reason;
  }
}

/**
 * Starts the host. Rejects with a {@link HostStartError} when the renderer has not been built
 * or the port cannot be had.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const rootDir = path.resolve(options.rootDir);
  const host = options.host ?? DEFAULT_HOST;
  if (!existsSync(path.join(rootDir, INDEX_FILE))) {
    throw new HostStartError(
      'missing_build',
      `De editor is nog niet gebouwd (${path.join(rootDir, INDEX_FILE)} ontbreekt). Voer eerst \`npm run build\` uit.`,
    );
  }
  const context = createApiContext({
    mode: 'browser',
    appRoot: options.appRoot ?? findAppRoot(path.dirname(fileURLToPath(import.meta.url))),
    profileDir: options.profileDir ?? getProfileDir(),
    documentsDir: options.documentsDir ?? getDocumentsDir(),
    // A folder given at start (--documents, RESOLUTIE_DOCUMENTS_DIR) wins over the preference.
    documentsDirFixed: options.documentsDir !== undefined || hasDocumentsDirVariable(),
    sessionNetwork: options.sessionNetwork ?? readSessionNetwork(process.env),
    ...(options.reportError ? { reportError: options.reportError } : {}),
  });
  const allowedHostnames = getAllowedHostnames(host, options.allowedHostnames);
  const report = context.reportError ?? console.error;

  const server = createServer(
    // A slow or stalled client must not hold a connection open for long.
    { requestTimeout: 30_000, headersTimeout: 10_000 },
    (req, res) => {
      route(req, res, rootDir, allowedHostnames, context).catch((error: unknown) => {
        report('Verzoek aan de host mislukt', error);
        if (!res.headersSent) sendText(res, 500, 'Er ging iets mis in de editor-host.');
        else res.destroy();
      });
    },
  );

  // The relay to sessions (main/syncServer/sessionRelay.ts), for the host's own pages only: a
  // page's WebSocket always says where it comes from, and another site's is refused.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const urlPath = (req.url ?? '').split(/[?#]/, 1)[0];
    const host = req.headers.host;
    if (
      urlPath !== RELAY_PATH ||
      !isAllowedHost(host, allowedHostnames) ||
      req.headers.origin?.toLowerCase() !== `http://${host?.toLowerCase()}`
    ) {
      socket.on('error', () => undefined);
      refuseUpgrade(socket, 403);
      return;
    }
    context.sessions.relay.handleUpgrade(req, socket, head);
  });

  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  return {
    url: `http://${formatHostname(host)}:${port}/`,
    port,
    close: async () => {
      // Sessions first: their servers store the documents before everyone is disconnected.
      await context.sessions.close();
      await context.warmPrinter?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open; the host is going away anyway.
        server.closeAllConnections();
      });
    },
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  rootDir: string,
  allowedHostnames: Set<string>,
  context: ApiContext,
): Promise<void> {
  applySecurityHeaders(res);
  if (!isAllowedHost(req.headers.host, allowedHostnames)) {
    req.resume();
    sendText(res, 403, 'Verzoek geweigerd: onbekende host.');
    return;
  }
  // Only origin-form targets ("/path?query"); an absolute URL or "*" is not for this server.
  const target = req.url ?? '';
  if (!target.startsWith('/')) {
    req.resume();
    sendText(res, 400, 'Ongeldig pad.');
    return;
  }
  const urlPath = target.split(/[?#]/, 1)[0] ?? '/';
  if (isApiPath(urlPath)) await serveApi(req, res, urlPath, context);
  else await serveStatic(req, res, urlPath, rootDir);
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new HostStartError(
            'port_in_use',
            `Poort ${port} is al in gebruik. Kies een andere poort met --port of RESOLUTIE_PORT.`,
          ),
        );
      } else {
        reject(
          new HostStartError(
            'listen_failed',
            `De editor-host kan niet luisteren op ${host}:${port} (${error.code ?? error.message}).`,
          ),
        );
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
