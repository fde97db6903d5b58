/**
 * The secret a stand-alone server signs invitations with: `RESOLUTIE_SERVER_SECRET` when set
 * (several instances behind a load balancer must share one), else the file `.server-secret` in
 * the data folder, made on the first start with 32 random bytes and readable by its owner
 * only. `resolutie invite` reads the same secret, so its invitations admit to that server.
 * Replacing the secret revokes every invitation made with the old one.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getSystemCode } from '../services/files/fileErrors.ts';
import { MIN_SECRET_LENGTH } from './sessionTokens.ts';

/** The environment variable that holds the secret. */
export const SECRET_ENV = 'RESOLUTIE_SERVER_SECRET';
/** The secret's file in the data folder. */
export const SECRET_FILE = '.server-secret';

/** A secret that cannot be used, with a Dutch message. */
export class ServerSecretError extends Error {
  override name = 'ServerSecretError';
}

/** The secret and where it came from; `warning` says what an administrator should fix. */
export interface ServerSecret {
  secret: string;
  source: 'environment' | 'file' | 'created';
  warning: string | null;
}

/**
 * Reads the secret from the environment or from `<dataDir>/.server-secret`; with `create`,
 * makes the file when there is none. Throws ServerSecretError when there is no usable secret.
 */
export async function readServerSecret(
  dataDir: string,
  options: { create: boolean; env?: NodeJS.ProcessEnv },
): Promise<ServerSecret> {
  const fromEnv = (options.env ?? process.env)[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    checkLength(fromEnv.trim(), SECRET_ENV);
    return { secret: fromEnv.trim(), source: 'environment', warning: null };
  }
  const file = path.join(dataDir, SECRET_FILE);
  const existing = await readSecretFile(file);
  if (existing !== null) return existing;
  if (!options.create) {
    throw new ServerSecretError(
      `Geen sleutel gevonden: ${file} bestaat niet en ${SECRET_ENV} is niet gezet. Start eerst de server met deze map.`,
    );
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': two servers starting at once do not overwrite each other's secret.
    await writeFile(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (getSystemCode(error) === 'EEXIST') {
      const written = await readSecretFile(file);
      if (written) return written;
    }
    throw new ServerSecretError(
      `De sleutel kan niet worden opgeslagen in ${file} (${getSystemCode(error) ?? String(error)}).`,
    );
  }
  return { secret, source: 'created', warning: null };
}

async function readSecretFile(file: string): Promise<ServerSecret | null> {
  let text: string;
  let mode: number;
  try {
    mode = (await stat(file)).mode;
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (getSystemCode(error) === 'ENOENT') return null;
    throw new ServerSecretError(
      `De sleutel in ${file} kan niet worden gelezen (${getSystemCode(error) ?? String(error)}).`,
    );
  }
  const secret = text.trim();
  checkLength(secret, file);
  const warning =
    process.platform !== 'win32' && (mode & 0o077) !== 0
      ? `Let op: ${file} is leesbaar voor anderen dan de eigenaar; zet het op chmod 600.`
      : null;
  return { secret, source: 'file', warning };
}

function checkLength(secret: string, where: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ServerSecretError(
      `De sleutel in ${where} is te kort (minstens ${MIN_SECRET_LENGTH} tekens).`,
    );
  }
}
