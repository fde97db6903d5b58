import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TLS_IDENTITY_FILE,
  certificateFingerprint,
  createTlsIdentity,
  loadTlsIdentity,
  readTlsIdentity,
} from './tlsIdentity.ts';

describe('createTlsIdentity', () => {
  it('makes a certificate that X.509 readers accept, signed by its own key', () => {
    const identity = createTlsIdentity(new Date('2026-12-07T10:00:00Z'));
    const certificate = new X509Certificate(identity.cert);
    expect(certificate.subject).toBe('CN=Resolutie-editor sessie');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.checkPrivateKey(createPrivateKey(identity.key))).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(new Date(certificate.validFrom).toISOString()).toBe('2026-12-06T10:00:00.000Z');
    // GeneralizedTime past 2049 is read back too.
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2046);
    expect(identity.fingerprint).toBe(certificate.fingerprint256.replaceAll(':', '').toLowerCase());
    expect(certificateFingerprint(identity.cert)).toBe(identity.fingerprint);
  });

  it('reads validity dates from 2050 on as GeneralizedTime', () => {
    const certificate = new X509Certificate(createTlsIdentity(new Date('2049-06-01')).cert);
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2069);
  });

  it('makes a new key pair each time', () => {
    expect(createTlsIdentity().fingerprint).not.toBe(createTlsIdentity().fingerprint);
  });

  it('serves TLS: a client sees exactly the fingerprint of the certificate', async () => {
    const identity = createTlsIdentity();
    const server = tls.createServer({ key: identity.key, cert: identity.cert }, (socket) =>
      socket.end('hallo'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const seen = await new Promise<string>((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()!.fingerprint256);
          socket.destroy();
        });
        socket.on('error', reject);
      });
      expect(seen.replaceAll(':', '').toLowerCase()).toBe(identity.fingerprint);
    } finally {
      server.close();
    }
  });
});

describe('loadTlsIdentity', () => {
  let profile: string;
  beforeEach(async () => {
    profile = await mkdtemp(path.join(os.tmpdir(), 'resolutie-tls-'));
  });
  afterEach(async () => {
    await rm(profile, { recursive: true, force: true });
  });

  it('makes the identity on first use, readable by the user only, and keeps it', async () => {
    const first = await loadTlsIdentity(profile);
    const file = path.join(profile, TLS_IDENTITY_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(readTlsIdentity(await readFile(file, 'utf8'))).toEqual(first);
    expect(await loadTlsIdentity(profile)).toEqual(first);
  });

  it('replaces a damaged file, and one whose key is not the certificate’s, saying so', async () => {
    const file = path.join(profile, TLS_IDENTITY_FILE);
    const lines: string[] = [];
    await writeFile(file, 'geen sleutel');
    const made = await loadTlsIdentity(profile, (line) => lines.push(line));
    expect(lines).toEqual([expect.stringContaining('beschadigd')]);

    const other = createTlsIdentity();
    await writeFile(file, `${other.key}${made.cert}`);
    const again = await loadTlsIdentity(profile, (line) => lines.push(line));
    expect(lines).toHaveLength(2);
    expect(again.fingerprint).not.toBe(made.fingerprint);
    expect(again.fingerprint).not.toBe(other.fingerprint);
  });
});
