/**
 * `resolutie server --tls-cert/--tls-key` and `resolutie invite` as an administrator of a
 * confidential session runs them: a real server process serving wss:// with a certificate made
 * here, invitations pinned to it, a real provider that syncs over TLS, and one Dutch line for
 * every wrong file or unencrypted address.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ConnectionOptions } from 'node:tls';
import * as Y from 'yjs';
import { WebSocket as NodeWsSocket } from 'ws';
import type { ClientOptions } from 'ws';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import {
  getFirstItemText,
  makeTempDir,
  waitFor,
  whenSynced,
} from '../syncServer/testing/collabTesting.ts';
import { createTlsIdentity } from '../syncServer/tlsIdentity.ts';
import { verifySessionToken } from '../syncServer/sessionTokens.ts';
import { DEFAULT_INVITATION_DAYS } from './serverCommands.ts';
import { readServerTls } from './tlsFiles.ts';
import { expectOneLineError, runResolutieWithEnv, startResolutie } from './testing/cliProcess.ts';

vi.setConfig({ testTimeout: 60_000 });

const SECRET = 'geheim-van-de-server-voor-de-tls-tests';
const ENV = { RESOLUTIE_SERVER_SECRET: SECRET };
const DAY_MS = 24 * 60 * 60 * 1000;
const UNENCRYPTED_WARNING = 'zonder --tls-cert en --tls-key is het verkeer onversleuteld';

let temp: ReturnType<typeof makeTempDir>;
let child: ChildProcessWithoutNullStreams | null;
beforeEach(() => {
  temp = makeTempDir('resolutie-cli-tls-');
  child = null;
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  temp.remove();
});

const resolutie = (...args: string[]) => runResolutieWithEnv(temp.dir, ENV, ...args);

/** Writes `text` to a file in the test's folder; returns its path. */
function file(name: string, text: string): string {
  const where = path.join(temp.dir, name);
  writeFileSync(where, text);
  return where;
}

/** A self-signed certificate and its key in files, as an administrator would have them. */
function identityFiles(prefix = 'server', now?: Date) {
  const identity = createTlsIdentity(now);
  return {
    ...identity,
    certFile: file(`${prefix}.crt`, identity.cert),
    keyFile: file(`${prefix}.key`, identity.key),
  };
}

interface RunningServer {
  url: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** Starts `resolutie server` and waits for its ready line. */
async function startServer(...args: string[]): Promise<RunningServer> {
  child = startResolutie(temp.dir, ENV, 'server', ...args);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(() => out.includes('\n') || gone, 'the ready line', 30_000);
  const match = /^Server actief op (wss?:\/\/\S+) \(documenten in /.exec(out);
  if (!match) throw new Error(`no ready line: ${out} ${err}`);
  // The line about the certificate or the lack of one follows the ready line.
  await waitFor(() => err.includes('\n') || gone, 'the line after the ready line');
  return { url: match[1]!, out: () => out, err: () => err, exited };
}

/**
 * A provider whose WebSocket trusts exactly one certificate, as a pinning client does: the
 * chain is checked against that certificate alone, and instead of a host name (a self-signed
 * certificate names none) the certificate's SHA-256 fingerprint must be the invitation's.
 */
function connectPinned(
  url: string,
  documentName: string,
  token: string,
  pin: { ca: string; fingerprint: string },
): { provider: HocuspocusProvider; refusals: Error[] } {
  const refusals: Error[] = [];
  class PinnedWebSocket extends NodeWsSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      // ws passes these to tls.connect, whose checkServerIdentity answers an Error or
      // undefined (ws's own types describe another callback of the same name).
      const tlsOptions: ConnectionOptions = {
        ca: pin.ca,
        checkServerIdentity: (_host, peer) => {
          if (peer.fingerprint256.replaceAll(':', '').toLowerCase() === pin.fingerprint) {
            return undefined;
          }
          const refusal = new Error(`another certificate: ${peer.fingerprint256}`);
          refusals.push(refusal);
          return refusal;
        },
      };
      super(address, protocols, tlsOptions as ClientOptions);
      // A refused handshake is an 'error' event; the provider hears the close that follows.
      this.on('error', () => undefined);
    }
  }
  const provider = new HocuspocusProvider({
    url,
    name: documentName,
    token,
    document: new Y.Doc(),
    WebSocketPolyfill: PinnedWebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return { provider, refusals };
}

/** `resolutie invite` for a redacteur of `document` on `server`, with more arguments. */
function invite(server: string, ...args: string[]) {
  return resolutie(
    'invite',
    '--data',
    temp.dir,
    '--document',
    'vertrouwelijk',
    '--role',
    'redacteur',
    '--server',
    server,
    ...args,
  );
}

describe('resolutie server over TLS', () => {
  it('serves wss:// with its certificate; a pinned invitation syncs and the stuk is stored', async () => {
    const identity = identityFiles();
    const server = await startServer(
      '--data',
      temp.dir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--tls-cert',
      identity.certFile,
      '--tls-key',
      identity.keyFile,
    );
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(server.out().trim().split('\n')).toHaveLength(1);
    expect(server.err()).toContain(`vingerafdruk (SHA-256) ${identity.fingerprint}`);
    expect(server.err()).toContain('Certificaat voor CN=Resolutie-editor sessie, geldig tot 20');
    expect(server.err()).not.toContain(UNENCRYPTED_WARNING);

    const line = invite(server.url, '--tls-cert', identity.certFile);
    expect(line.code).toBe(0);
    const invitation = parseInvitation(line.out);
    expect(invitation).toMatchObject({ serverUrl: server.url, fingerprint: identity.fingerprint });
    expect(line.out).toContain(`vingerafdruk=${identity.fingerprint}`);
    // Self-signed: nothing to warn about but the document that is not there yet.
    expect(line.err.trim().split('\n')).toEqual([expect.stringContaining('staat nog niet')]);

    const pin = { ca: identity.cert, fingerprint: invitation.fingerprint! };
    const editor = connectPinned(server.url, 'vertrouwelijk', invitation.token, pin);
    try {
      await whenSynced(editor.provider);
      readYDoc(editor.provider.document);
      getFirstItemText(editor.provider.document).insert(0, 'Vertrouwelijk tot de ALV.');
      await waitFor(() => !editor.provider.hasUnsyncedChanges, 'the server has the edit');
      expect(editor.refusals).toEqual([]);
    } finally {
      editor.provider.destroy();
    }

    // Another certificate pinned: the client refuses the server's, so it never syncs.
    const other = createTlsIdentity();
    const stranger = connectPinned(server.url, 'vertrouwelijk', invitation.token, {
      ca: identity.cert,
      fingerprint: other.fingerprint,
    });
    try {
      await waitFor(() => stranger.refusals.length > 0, 'the client refused the certificate');
      expect(stranger.provider.isSynced).toBe(false);
    } finally {
      stranger.provider.destroy();
    }

    // The server speaks TLS only: a plain WebSocket does not get through.
    const plain = new NodeWsSocket(server.url.replace('wss:', 'ws:'));
    const plainError = await new Promise<string>((resolve) => {
      plain.on('error', (error) => resolve(error.message));
      plain.on('open', () => resolve('open'));
    });
    plain.terminate();
    expect(plainError).not.toBe('open');

    child!.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const stored = readDocumentFile(readFileSync(path.join(temp.dir, 'vertrouwelijk.resolutie')));
    expect(toPlainText(stored.doc)).toContain('Vertrouwelijk tot de ALV.');
  });

  it('warns on stderr without a certificate, after the ready line', async () => {
    const server = await startServer('--data', temp.dir, '--port', '0', '--host', '127.0.0.1');
    expect(server.url).toMatch(/^ws:\/\//);
    expect(server.err()).toContain(UNENCRYPTED_WARNING);
    expect(server.err()).toContain('reverse proxy');
    child!.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses each wrong certificate or key with one line, and does not start', () => {
    const good = identityFiles();
    const other = identityFiles('ander');
    const expired = identityFiles('verlopen', new Date(Date.now() - 21 * 365 * DAY_MS));
    const future = identityFiles('toekomst', new Date(Date.now() + 3 * DAY_MS));
    const data = path.join(temp.dir, 'documenten');
    const server = (...args: string[]) =>
      resolutie('server', '--data', data, '--port', '0', '--host', '127.0.0.1', ...args);
    const tls = (cert: string, key: string) => server('--tls-cert', cert, '--tls-key', key);

    expectOneLineError(
      server('--tls-cert', good.certFile),
      2,
      '--tls-cert CERTIFICAAT en --tls-key SLEUTEL samen',
    );
    expectOneLineError(server('--tls-key', good.keyFile), 2, 'of geen van beide');
    const missing = path.join(temp.dir, 'nergens.crt');
    expectOneLineError(
      tls(missing, good.keyFile),
      1,
      `het certificaat ${missing} kan niet worden gelezen (ENOENT)`,
    );
    expectOneLineError(
      tls(good.certFile, temp.dir),
      1,
      `de sleutel ${temp.dir} kan niet worden gelezen (EISDIR)`,
    );
    const text = file('tekst.crt', 'Dit is geen certificaat.\n');
    expectOneLineError(tls(text, good.keyFile), 1, `${text} is geen certificaat in PEM-vorm`);
    expectOneLineError(tls(good.certFile, text), 1, `${text} is geen privésleutel in PEM-vorm`);
    expectOneLineError(
      tls(good.keyFile, good.certFile),
      1,
      'zijn --tls-cert en --tls-key verwisseld?',
    );
    const damaged = file(
      'kapot.crt',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    );
    expectOneLineError(tls(damaged, good.keyFile), 1, 'is beschadigd en niet te lezen');
    expectOneLineError(
      tls(good.certFile, other.keyFile),
      1,
      `de sleutel in ${other.keyFile} hoort niet bij het certificaat in ${good.certFile}`,
    );
    expectOneLineError(
      tls(expired.certFile, expired.keyFile),
      1,
      `het certificaat in ${expired.certFile} is verlopen op `,
    );
    expectOneLineError(tls(future.certFile, future.keyFile), 1, 'is pas geldig vanaf');
    // None of them touched the data folder: a wrong file changes nothing.
    expect(() => readFileSync(path.join(data, '.server-secret'))).toThrow();
  });

  it('warns when the certificate ends within two weeks, and refuses a key with a passphrase', async () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const identity = identityFiles();
    const tls = await readServerTls(identity.certFile, identity.keyFile, now);
    expect(tls.warning).toBeNull();
    const ends = Date.parse(
      new (await import('node:crypto')).X509Certificate(identity.cert).validTo,
    );
    const soon = await readServerTls(identity.certFile, identity.keyFile, ends - 3 * DAY_MS);
    expect(soon.warning).toContain('verloopt op');
    const { createPrivateKey } = await import('node:crypto');
    const locked = file(
      'beveiligd.key',
      createPrivateKey(identity.key)
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'wachtwoord' })
        .toString(),
    );
    expectOneLineError(
      resolutie('server', '--data', temp.dir, '--tls-cert', identity.certFile, '--tls-key', locked),
      1,
      'met een wachtwoord beveiligd',
    );
  });
});

describe('resolutie invite and encryption', () => {
  it('refuses ws:// on the network unless --onversleuteld, and then warns', () => {
    expectOneLineError(
      invite('ws://192.168.1.20:4790'),
      2,
      'ws://192.168.1.20:4790 is onversleuteld',
    );
    expectOneLineError(invite('ws://resoluties.example.org'), 2, '--onversleuteld');
    expectOneLineError(invite('ws://[::ffff:7f00:1]:4790'), 2, 'is onversleuteld');

    const allowed = invite('ws://192.168.1.20:4790', '--onversleuteld');
    expect(allowed.code).toBe(0);
    expect(parseInvitation(allowed.out).serverUrl).toBe('ws://192.168.1.20:4790');
    expect(allowed.err).toContain('Let op: deze uitnodiging gaat onversleuteld over het netwerk');

    // This computer's own addresses need no TLS, and no warning about it.
    for (const loopback of [
      'ws://127.0.0.1:4790',
      'ws://127.8.9.10:1',
      'ws://localhost:4790',
      'ws://[::1]:4790',
    ]) {
      const line = invite(loopback);
      expect(line.code, loopback).toBe(0);
      expect(line.err, loopback).not.toContain('onversleuteld');
    }
    const secure = invite('wss://resoluties.example.org');
    expect(secure.code).toBe(0);
    expect(parseInvitation(secure.out).fingerprint ?? null).toBeNull();

    expectOneLineError(
      invite('wss://resoluties.example.org', '--onversleuteld'),
      2,
      '--onversleuteld hoort bij een ws://-adres',
    );
  });

  it('expires after the default number of days, or after --days', () => {
    const expiry = (args: string[]) => {
      const before = Date.now();
      const line = invite('wss://resoluties.example.org', ...args);
      const token = parseInvitation(line.out).token;
      const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as {
        x: number | null;
      };
      return { before, after: Date.now(), expiresAt: payload.x, token };
    };
    const standard = expiry([]);
    const days = DEFAULT_INVITATION_DAYS * DAY_MS;
    expect(standard.expiresAt).toBeGreaterThanOrEqual(standard.before + days);
    expect(standard.expiresAt).toBeLessThanOrEqual(standard.after + days);
    // The server holds it to that: valid the day before, refused from then on.
    const check = (at: number) => () =>
      verifySessionToken(SECRET, standard.token, 'vertrouwelijk', at);
    expect(check(standard.before + days - DAY_MS)).not.toThrow();
    expect(check(standard.after + days)).toThrow(expect.objectContaining({ code: 'expired' }));

    const week = expiry(['--days', '7']);
    expect(week.expiresAt).toBeGreaterThanOrEqual(week.before + 7 * DAY_MS);
    expect(week.expiresAt).toBeLessThanOrEqual(week.after + 7 * DAY_MS);
    expectOneLineError(
      invite('wss://resoluties.example.org', '--days', '3651'),
      2,
      'tot en met 3650',
    );
    expect(resolutie('--help').out).toContain(`standaard ${DEFAULT_INVITATION_DAYS}`);
  });

  it('pins to a certificate only with wss://, and says what is wrong with the file', () => {
    const identity = identityFiles();
    const expired = identityFiles('verlopen', new Date(Date.now() - 21 * 365 * DAY_MS));
    expectOneLineError(
      invite('ws://127.0.0.1:4790', '--tls-cert', identity.certFile),
      2,
      '--tls-cert hoort bij een wss://-adres',
    );
    expectOneLineError(
      invite(
        'wss://resoluties.example.org',
        '--tls-cert',
        identity.certFile,
        '--tls-key',
        identity.keyFile,
      ),
      2,
      '--tls-key hoort bij server',
    );
    expectOneLineError(
      invite('wss://resoluties.example.org', '--tls-cert', identity.keyFile),
      1,
      'bevat een sleutel, geen certificaat',
    );
    expectOneLineError(
      invite('wss://resoluties.example.org', '--tls-cert', expired.certFile),
      1,
      'is verlopen op',
    );
    expectOneLineError(
      invite('wss://resoluties.example.org', '--tls-cert', path.join(temp.dir, 'nergens.crt')),
      1,
      'kan niet worden gelezen (ENOENT)',
    );
  });
});
