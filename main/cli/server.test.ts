/**
 * `resolutie server` and `resolutie invite` as an administrator runs them: the server as a
 * real child process, invitations from the command line, real providers joining with them.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInvitation } from '../../shared/session/invitation.ts';
import { readDocumentFile } from '../../shared/ydoc/documentFile.ts';
import { readYDoc } from '../../shared/ydoc/yDocument.ts';
import { toPlainText } from '../../shared/export/toPlainText.ts';
import {
  connectProvider,
  getFirstItemText,
  makeTempDir,
  waitFor,
  whenRefused,
  whenSynced,
} from '../syncServer/testing/collabTesting.ts';
import { createSessionToken } from '../syncServer/sessionTokens.ts';
import { expectOneLineError, runResolutieWithEnv, startResolutie } from './testing/cliProcess.ts';

vi.setConfig({ testTimeout: 60_000 });

// No secret from the environment unless a test gives one.
const NO_ENV_SECRET = { RESOLUTIE_SERVER_SECRET: '' };

let temp: ReturnType<typeof makeTempDir>;
let child: ChildProcessWithoutNullStreams | null;
beforeEach(() => {
  temp = makeTempDir('resolutie-cli-server-');
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

const resolutie = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runResolutieWithEnv(temp.dir, env, ...args);

interface RunningServer {
  url: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** Starts `resolutie server` and waits for its ready line. */
async function startServer(env: NodeJS.ProcessEnv, ...args: string[]): Promise<RunningServer> {
  child = startResolutie(temp.dir, env, 'server', ...args);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  await waitFor(() => out.includes('\n') || gone, 'the ready line', 30_000);
  const match = /^Server actief op (ws:\/\/\S+) \(documenten in /.exec(out);
  if (!match) throw new Error(`no ready line: ${out} ${err}`);
  return { url: match[1]!, out: () => out, err: () => err, exited };
}

describe('resolutie server and invite', () => {
  it('serves invited providers and stores everything on SIGTERM', async () => {
    const data = path.join(temp.dir, 'documenten');
    const server = await startServer(
      NO_ENV_SECRET,
      '--data',
      data,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    );
    expect(server.out().trim().split('\n')).toHaveLength(1);
    expect(server.out()).toContain('Nieuwe sleutel gemaakt');
    expect(statSync(path.join(data, '.server-secret')).mode & 0o777).toBe(0o600);

    const invite = resolutie(
      NO_ENV_SECRET,
      'invite',
      '--data',
      data,
      '--document',
      'najaars-alv',
      '--role',
      'redacteur',
      '--server',
      server.url,
      '--days',
      '7',
      '--title',
      'Resolutie over de Najaars ALV',
    );
    expect(invite.code).toBe(0);
    expect(invite.err).toContain('staat nog niet op de server');
    expect(invite.out.trim().split('\n')).toHaveLength(1);
    const invitation = parseInvitation(invite.out);
    expect(invitation).toMatchObject({
      serverUrl: server.url,
      documentName: 'najaars-alv',
      role: 'editor',
      title: 'Resolutie over de Najaars ALV',
    });

    const editor = connectProvider(server.url, 'najaars-alv', invitation.token);
    try {
      await whenSynced(editor);
      readYDoc(editor.document);
      getFirstItemText(editor.document).insert(0, 'Vanaf de opdrachtregel.');
      await waitFor(() => !editor.hasUnsyncedChanges, 'the server has the edit');

      const readerLine = resolutie(
        NO_ENV_SECRET,
        'invite',
        '--data',
        data,
        '--document',
        'najaars-alv',
        '--role',
        'lezer',
        '--server',
        server.url,
      );
      expect(readerLine.err).toBe('');
      const reader = connectProvider(
        server.url,
        'najaars-alv',
        parseInvitation(readerLine.out).token,
      );
      try {
        await whenSynced(reader);
        expect(reader.authorizedScope).toBe('readonly');
      } finally {
        reader.destroy();
      }
      // A voorsteller by name, and a lezer who may comment: the server holds them to it.
      const roleLine = (...args: string[]) =>
        resolutie(
          NO_ENV_SECRET,
          'invite',
          '--data',
          data,
          '--document',
          'najaars-alv',
          '--server',
          server.url,
          ...args,
        );
      const commenting = parseInvitation(
        roleLine('--role', 'lezer', '--name', 'Lezer', '--opmerkingen').out,
      );
      expect(commenting).toMatchObject({ role: 'reader', name: 'Lezer', mayComment: true });
      const proposerLine = roleLine('--role', 'voorsteller', '--name', '  Voorsteller ');
      expect(proposerLine.out).toContain('rol=voorsteller&naam=Voorsteller&sleutel=');
      const proposer = connectProvider(
        server.url,
        'najaars-alv',
        parseInvitation(proposerLine.out).token,
      );
      try {
        await whenSynced(proposer);
        const closed = new Promise<string>((resolve) =>
          proposer.on('close', ({ event }: { event: CloseEvent }) => resolve(event.reason)),
        );
        getFirstItemText(proposer.document).insert(0, 'Zonder voorstel. ');
        expect(await closed).toContain('als voorsteller kunt u alleen voorstellen doen');
      } finally {
        proposer.destroy();
      }
      // An invitation of another server's secret is refused.
      const other = connectProvider(
        server.url,
        'najaars-alv',
        `${invitation.token.slice(0, -4)}AAAA`,
      );
      try {
        expect(await whenRefused(other)).toContain('ongeldig');
      } finally {
        other.destroy();
      }
    } finally {
      editor.destroy();
    }

    child!.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.out()).toContain('Server gestopt; alle documenten zijn opgeslagen.');
    const stored = readDocumentFile(readFileSync(path.join(data, 'najaars-alv.resolutie')));
    expect(toPlainText(stored.doc)).toContain('Vanaf de opdrachtregel.');
  });

  it('signs with RESOLUTIE_SERVER_SECRET when it is set, on both sides', async () => {
    const env = { RESOLUTIE_SERVER_SECRET: 'gedeeld-geheim-van-alle-instanties' };
    const server = await startServer(env, '--data', temp.dir, '--port', '0', '--host', '127.0.0.1');
    expect(server.out()).not.toContain('Nieuwe sleutel');
    const line = resolutie(
      env,
      'invite',
      '--data',
      os.tmpdir(),
      '--document',
      'motie',
      '--role',
      'redacteur',
      '--server',
      server.url,
    );
    const editor = connectProvider(server.url, 'motie', parseInvitation(line.out).token);
    try {
      await whenSynced(editor);
    } finally {
      editor.destroy();
    }
    child!.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it('refuses wrong arguments with one line', async () => {
    const invite = (...args: string[]) =>
      resolutie(NO_ENV_SECRET, 'invite', '--data', temp.dir, ...args);
    const server = ['--server', 'ws://127.0.0.1:4790'];
    const help = resolutie(NO_ENV_SECRET, '--help').out;
    expect(help).toContain('  server --data MAP');
    expect(help).toContain('  invite --data MAP');
    expectOneLineError(resolutie(NO_ENV_SECRET, 'server'), 2, '--data MAP');
    expectOneLineError(
      resolutie(NO_ENV_SECRET, 'server', '--data', temp.dir, '--port', 'web'),
      2,
      'geen poortnummer',
    );
    expectOneLineError(
      resolutie(NO_ENV_SECRET, 'server', '--data', temp.dir, '--redis', 'localhost'),
      2,
      'HOST:POORT',
    );
    expectOneLineError(
      resolutie(NO_ENV_SECRET, 'server', '--data', temp.dir, '--max-per-address', 'veel'),
      2,
      'geen aantal verbindingen per adres',
    );
    expectOneLineError(
      resolutie(NO_ENV_SECRET, 'server', 'extra', '--data', temp.dir),
      2,
      'onverwacht argument extra',
    );
    expectOneLineError(resolutie(NO_ENV_SECRET, 'invite', '--document', 'motie'), 2, '--data MAP');
    expectOneLineError(invite('--role', 'redacteur', ...server), 2, '--document NAAM');
    expectOneLineError(
      invite('--document', '../geheim', '--role', 'redacteur', ...server),
      2,
      'geen geldige documentnaam',
    );
    expectOneLineError(invite('--document', 'motie', ...server), 2, '--role redacteur');
    expectOneLineError(
      invite('--document', 'motie', '--role', 'baas', ...server),
      2,
      '--role redacteur, --role voorsteller of --role lezer',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'voorsteller', ...server),
      2,
      'een voorsteller heeft een naam nodig: geef --name NAAM',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'lezer', '--opmerkingen', ...server),
      2,
      'een lezer met --opmerkingen heeft een naam nodig',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'redacteur', '--opmerkingen', ...server),
      2,
      '--opmerkingen hoort bij --role lezer',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'voorsteller', '--name', 'n'.repeat(61), ...server),
      2,
      'kan geen naam zijn',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'lezer'),
      2,
      '--server wss://HOST[:POORT]',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'lezer', '--server', 'http://x'),
      2,
      'geen serveradres',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'lezer', ...server, '--days', '0'),
      2,
      '--days',
    );
    expectOneLineError(
      invite('--document', 'motie', '--role', 'lezer', ...server),
      1,
      'Geen sleutel gevonden',
    );
    expectOneLineError(
      resolutie(
        { RESOLUTIE_SERVER_SECRET: 'kort' },
        'invite',
        '--data',
        temp.dir,
        '--document',
        'motie',
        '--role',
        'lezer',
        ...server,
      ),
      1,
      'te kort',
    );
    writeFileSync(path.join(temp.dir, 'bestand'), 'geen map');
    expectOneLineError(
      resolutie(NO_ENV_SECRET, 'server', '--data', path.join(temp.dir, 'bestand')),
      1,
      'geen map',
    );
  });

  it('says so when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = resolutie(
        NO_ENV_SECRET,
        'server',
        '--data',
        temp.dir,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      );
      expectOneLineError(result, 1, 'al in gebruik');
    } finally {
      taken.close();
    }
  });

  it('stops on SIGTERM after refusing a damaged document (it used to hang)', async () => {
    const env = { RESOLUTIE_SERVER_SECRET: SECRET };
    writeFileSync(path.join(temp.dir, 'kapot.resolutie'), '{"format": "resolutie", "yjs": ');
    const server = await startServer(env, '--data', temp.dir, '--port', '0', '--host', '127.0.0.1');
    const refused = connectProvider(server.url, 'kapot', tokenOf('kapot'));
    try {
      expect(await whenRefused(refused)).toContain('beschadigd');
    } finally {
      refused.destroy();
    }
    child!.kill('SIGTERM');
    expect(await exitWithin(server, 15_000)).toBe(0);
  });

  it('says which documents it could not store when it stops, and exits with 1', async () => {
    const env = { RESOLUTIE_SERVER_SECRET: SECRET };
    const server = await startServer(env, '--data', temp.dir, '--port', '0', '--host', '127.0.0.1');
    const editor = connectProvider(server.url, 'motie', tokenOf('motie'));
    try {
      await whenSynced(editor);
      // A folder where the document's file must go: every store fails.
      const file = path.join(temp.dir, 'motie.resolutie');
      rmSync(file);
      mkdirSync(path.join(file, 'blokkade'), { recursive: true });
      getFirstItemText(editor.document).insert(0, 'Komt niet op schijf.');
      await waitFor(() => server.err().includes('opslaan mislukt'), 'the store failed');
    } finally {
      editor.destroy();
    }
    child!.kill('SIGTERM');
    expect(await exitWithin(server, 30_000)).toBe(1);
    expect(server.err()).toContain('Niet opgeslagen bij het stoppen: motie');
    expect(server.out()).not.toContain('alle documenten zijn opgeslagen');
  });
});

const SECRET = 'geheim-van-de-server-voor-de-stoptests';

function tokenOf(documentName: string): string {
  return createSessionToken(SECRET, { documentName, role: 'editor', expiresAt: null });
}

/** The exit code, or a failure when the process has not exited within `ms`. */
function exitWithin(server: RunningServer, ms: number): Promise<number | null> {
  return Promise.race([
    server.exited,
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`not exited within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
