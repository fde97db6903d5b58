/**
 * `resolutie server` and `resolutie invite`: the stand-alone co-editing server of an
 * organisation, and the invitations to it. Both read the server's secret the same way
 * (main/syncServer/serverSecret.ts), so an invitation made on the server's machine admits to it.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import {
  DOCUMENT_NAME,
  SESSION_ROLE_LABELS,
  formatInvitation,
  isInvitationName,
  isServerUrl,
} from '../../shared/session/invitation.ts';
import { MAX_USER_NAME_LENGTH } from '../../shared/model/userNames.ts';
import type { SessionRole } from '../../shared/session/invitation.ts';
import { CollabServerError, startCollabServer } from '../syncServer/collabServer.ts';
import type { RedisOptions } from '../syncServer/collabServer.ts';
import { ServerDocuments } from '../syncServer/serverDocuments.ts';
import { ServerSecretError, readServerSecret } from '../syncServer/serverSecret.ts';
import { createSessionToken } from '../syncServer/sessionTokens.ts';
import { getSystemCode } from '../services/files/fileErrors.ts';
import { CliError } from './cliErrors.ts';
import type { CliOutput } from './commands.ts';
import { readPinnedFingerprint, readServerTls } from './tlsFiles.ts';

/** The port a server listens on unless told otherwise. */
export const DEFAULT_SERVER_PORT = 4790;
/** All network addresses of the machine: the server is there for colleagues. */
export const DEFAULT_SERVER_HOST = '0.0.0.0';
/** The largest message a client may send: far above a year of drafting one resolution. */
export const SERVER_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
const MAX_INVITATION_DAYS = 3650;
/** An invitation expires after this many days unless `--days` says otherwise. */
export const DEFAULT_INVITATION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The arguments of `resolutie server`, as given. */
export interface ServerArgs {
  data?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  redis?: string | undefined;
  'max-per-address'?: string | undefined;
  'tls-cert'?: string | undefined;
  'tls-key'?: string | undefined;
}

/**
 * `resolutie server --data DIR [--port P] [--host H] [--redis HOST:PORT] [--max-per-address N]
 * [--tls-cert FILE --tls-key FILE]`: serves (over TLS when given a certificate) until
 * `stopSignal` resolves, then stores every document and stops. Prints one line when ready.
 */
export async function runServer(
  args: ServerArgs,
  writer: FileWriter,
  io: CliOutput,
  stopSignal: Promise<unknown>,
): Promise<void> {
  if (!args.data) throw new CliError('server: geef de map van de documenten met --data MAP', true);
  const port = parsePort(args.port);
  const host = args.host ?? DEFAULT_SERVER_HOST;
  const redis = args.redis === undefined ? undefined : parseRedis(args.redis);
  const maxConnectionsPerAddress = parseMaxPerAddress(args['max-per-address']);
  const certFile = args['tls-cert'];
  const keyFile = args['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new CliError(
      'server: geef --tls-cert CERTIFICAAT en --tls-key SLEUTEL samen, of geen van beide',
      true,
    );
  }
  // The files are checked before the data folder is touched: a wrong one changes nothing.
  const tls =
    certFile !== undefined && keyFile !== undefined
      ? await readServerTls(certFile, keyFile)
      : undefined;
  const dataDir = path.resolve(args.data);
  await ensureFolder(dataDir);
  const secret = await withSecretErrors(() => readServerSecret(dataDir, { create: true }));
  if (secret.warning) io.err(`${secret.warning}\n`);
  if (tls?.warning) io.err(`${tls.warning}\n`);

  const log = (line: string) => io.err(`${new Date().toISOString()} ${line}\n`);
  let server;
  try {
    server = await startCollabServer({
      host,
      port,
      dataDir,
      secret: secret.secret,
      maxMessageBytes: SERVER_MAX_MESSAGE_BYTES,
      maxConnectionsPerAddress,
      redis,
      log,
      writer,
      tls: tls && { cert: tls.cert, key: tls.key },
    });
  } catch (error) {
    if (error instanceof CollabServerError) throw new CliError(error.message);
    throw error;
  }
  const made = secret.source === 'created' ? ' Nieuwe sleutel gemaakt in .server-secret.' : '';
  io.out(`Server actief op ${server.url} (documenten in ${dataDir}).${made}\n`);
  // Said after the start, so that a server that does not start says one line only.
  io.err(
    tls
      ? `${tls.description}\n`
      : 'Let op: zonder --tls-cert en --tls-key is het verkeer onversleuteld (ws://): wie het netwerk afluistert, leest de stukken en de sleutels van de uitnodigingen mee, tenzij een reverse proxy er TLS voor zet (zie docs/SERVER.md).\n',
  );

  await stopSignal;
  log('Stoppen: documenten opslaan …');
  try {
    await server.stop();
  } catch (error) {
    if (error instanceof CollabServerError) throw new CliError(error.message);
    throw error;
  }
  io.out('Server gestopt; alle documenten zijn opgeslagen.\n');
}

/** The arguments of `resolutie invite`, as given. */
export interface InviteArgs {
  data?: string | undefined;
  document?: string | undefined;
  role?: string | undefined;
  days?: string | undefined;
  server?: string | undefined;
  title?: string | undefined;
  name?: string | undefined;
  opmerkingen?: boolean | undefined;
  onversleuteld?: boolean | undefined;
  'tls-cert'?: string | undefined;
  'tls-key'?: string | undefined;
}

/**
 * `resolutie invite --data DIR --document NAME --role redacteur|voorsteller|lezer
 * [--name NAAM] [--opmerkingen] [--days N] --server wss://host[:port] [--tls-cert FILE]
 * [--title "…"]`: prints one invitation line, which expires after `--days` (30 unless told).
 * The name is the author the server requires on the participant's proposals and comments; a
 * voorsteller, and a lezer who may comment (`--opmerkingen`), need one. A `ws://` address is
 * refused unless it is this computer's or `--onversleuteld` says so; `--tls-cert` pins the
 * invitation to a server's (self-signed) certificate.
 */
export async function createInvitation(
  args: InviteArgs,
  io: CliOutput,
  now: number = Date.now(),
): Promise<void> {
  if (!args.data) throw new CliError('invite: geef de map van de server met --data MAP', true);
  if (!args.document) throw new CliError('invite: geef het document met --document NAAM', true);
  if (!DOCUMENT_NAME.test(args.document)) {
    throw new CliError(
      `invite: "${args.document}" is geen geldige documentnaam (letters, cijfers, - en _, hoogstens 64)`,
      true,
    );
  }
  const role = parseRole(args.role);
  const name = parseName(args.name);
  const mayComment = role !== 'reader' || args.opmerkingen === true;
  if (args.opmerkingen && role !== 'reader') {
    throw new CliError(
      `invite: --opmerkingen hoort bij --role ${SESSION_ROLE_LABELS.reader}; een ${SESSION_ROLE_LABELS[role]} mag altijd opmerkingen maken`,
      true,
    );
  }
  if (name === null && role === 'proposer') {
    throw new CliError(
      'invite: een voorsteller heeft een naam nodig: geef --name NAAM (de voorstellen komen op die naam te staan)',
      true,
    );
  }
  if (name === null && role === 'reader' && mayComment) {
    throw new CliError(
      'invite: een lezer met --opmerkingen heeft een naam nodig: geef --name NAAM (de opmerkingen komen op die naam te staan)',
      true,
    );
  }
  if (!args.server)
    throw new CliError(
      'invite: geef het adres van de server met --server wss://HOST[:POORT]',
      true,
    );
  if (!isServerUrl(args.server)) {
    throw new CliError(
      `invite: "${args.server}" is geen serveradres; gebruik wss://HOST[:POORT]`,
      true,
    );
  }
  const encrypted = new URL(args.server).protocol === 'wss:';
  if (encrypted && args.onversleuteld) {
    throw new CliError('invite: --onversleuteld hoort bij een ws://-adres', true);
  }
  if (args['tls-key'] !== undefined) {
    // The key stays on the server; an invitation is pinned to the certificate alone.
    throw new CliError(
      'invite: --tls-key hoort bij server; een uitnodiging heeft alleen --tls-cert nodig',
      true,
    );
  }
  if (!encrypted && args['tls-cert'] !== undefined) {
    throw new CliError(
      'invite: --tls-cert hoort bij een wss://-adres: een ws://-server heeft geen certificaat',
      true,
    );
  }
  // The token is a password and the stuk is confidential: over ws:// both cross the network
  // readable by anyone on it, so only this computer's own address goes without saying so.
  const unencrypted = !encrypted && !isLoopbackUrl(args.server);
  if (unencrypted && !args.onversleuteld) {
    throw new CliError(
      `invite: ${args.server} is onversleuteld; geef het wss://-adres van de server (zie docs/SERVER.md), of --onversleuteld als het verkeer toch onversleuteld mag`,
      true,
    );
  }
  const expiresAt = now + parseDays(args.days ?? String(DEFAULT_INVITATION_DAYS)) * DAY_MS;
  const title = args.title?.trim() || null;

  const fingerprint =
    args['tls-cert'] === undefined ? null : await readPinnedFingerprint(args['tls-cert'], now);

  const dataDir = path.resolve(args.data);
  const secret = await withSecretErrors(() => readServerSecret(dataDir, { create: false }));
  const token = createSessionToken(secret.secret, {
    documentName: args.document,
    role,
    name,
    mayComment,
    expiresAt,
  });
  // A missing document is no error: the first editor who joins creates it.
  const documents = new ServerDocuments(dataDir, { app: '', version: '' });
  if (!(await documents.exists(args.document))) {
    io.err(
      role === 'editor'
        ? `Let op: ${args.document} staat nog niet op de server; de eerste redacteur die deelneemt, maakt het aan.\n`
        : `Let op: ${args.document} staat nog niet op de server; een ${SESSION_ROLE_LABELS[role]} kan pas deelnemen als een redacteur het heeft aangemaakt.\n`,
    );
  }
  if (unencrypted) {
    io.err(
      `Let op: deze uitnodiging gaat onversleuteld over het netwerk (${args.server}): wie meeluistert, leest de sleutel en het stuk mee en kan zich voordoen als de server.\n`,
    );
  }
  const invitation = formatInvitation({
    serverUrl: args.server,
    documentName: args.document,
    token,
    role,
    name,
    mayComment,
    title,
    fingerprint,
  });
  io.out(`${invitation}\n`);
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once. */
export function waitForStopSignal(io: CliOutput): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const force = () => {
        io.err('resolutie: gestopt zonder de laatste wijzigingen op te slaan\n');
        process.exit(1);
      };
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Whether `url` is this computer's own: 127.0.0.0/8, ::1 or localhost. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  // URL writes IPv4 addresses in full (127.1 is 127.0.0.1) and IPv6 ones in brackets.
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parseMaxPerAddress(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!/^\d+$/.test(text) || count > 100_000) {
    throw new CliError(
      `server: "${text}" is geen aantal verbindingen per adres (0 = geen grens)`,
      true,
    );
  }
  return count;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SERVER_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CliError(`server: "${text}" is geen poortnummer (0 tot en met 65535)`, true);
  }
  return port;
}

function parseRedis(text: string): RedisOptions {
  const match = /^(.+):(\d+)$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new CliError(`server: geef Redis als --redis HOST:POORT, niet "${text}"`, true);
  }
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

function parseRole(text: string | undefined): SessionRole {
  const roles = Object.entries(SESSION_ROLE_LABELS) as [SessionRole, string][];
  const role = roles.find(([, label]) => label === text)?.[0];
  if (!role) {
    const { editor, proposer, reader } = SESSION_ROLE_LABELS;
    throw new CliError(
      `invite: geef de rol met --role ${editor}, --role ${proposer} of --role ${reader}`,
      true,
    );
  }
  return role;
}

function parseName(text: string | undefined): string | null {
  if (text === undefined) return null;
  const name = text.trim();
  if (!isInvitationName(name)) {
    throw new CliError(
      `invite: ${JSON.stringify(text.trim().slice(0, 80))} kan geen naam zijn (1 tot ${MAX_USER_NAME_LENGTH} tekens, zonder stuurtekens)`,
      true,
    );
  }
  return name;
}

function parseDays(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > MAX_INVITATION_DAYS) {
    throw new CliError(
      `invite: --days wil een aantal dagen van 1 tot en met ${MAX_INVITATION_DAYS}, niet "${text}"`,
      true,
    );
  }
  return days;
}

async function ensureFolder(dir: string): Promise<void> {
  try {
    // New folders are the owner's only: documents and the secret live there.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (error) {
    const code = getSystemCode(error);
    throw new CliError(
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `server: ${dir} is geen map`
        : `server: de map ${dir} kan niet worden gemaakt (${code ?? String(error)})`,
    );
  }
}

async function withSecretErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServerSecretError) throw new CliError(error.message);
    throw error;
  }
}
