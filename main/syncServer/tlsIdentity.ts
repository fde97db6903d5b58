/**
 * The TLS identity of this installation: the key pair and self-signed certificate with which the
 * sessions this app hosts serve `wss://`. Made on first use and kept in the profile folder,
 * readable by the user only, so every session of this installation presents the same
 * certificate and a colleague's app can check it against the fingerprint in the invitation
 * (pinning: no certificate authority is involved, and none could vouch for a laptop's address
 * on a meeting room's network anyway).
 *
 * Node makes key pairs but not certificates, so the certificate is written here, in DER, as
 * RFC 5280 lays it out: one ECDSA P-256 key, the certificate signed by that key itself. Only
 * what a TLS server needs is in it: no extensions, since nothing checks a name or a chain.
 *
 * The file is one PEM file (the key, then the certificate), written atomically with mode 0600,
 * so the two can never come from different runs. A file that cannot be read back as a
 * matching pair is replaced by a new identity (a session's invitations name the certificate of
 * that session, so nothing outstanding depends on the old one once its session stopped).
 */
import {
  X509Certificate,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../services/files/atomicWrite.ts';

/** A key and its certificate, in PEM, and the certificate's SHA-256 fingerprint. */
export interface TlsIdentity {
  key: string;
  cert: string;
  /** SHA-256 of the certificate's DER bytes, 64 lowercase hexadecimal digits. */
  fingerprint: string;
}

/** The file in the profile that holds the identity. */
export const TLS_IDENTITY_FILE = 'sessie-tls.pem';

/** How long a certificate is valid: pinning ignores it, but some readers refuse expired ones. */
const VALIDITY_YEARS = 20;
const SUBJECT = 'Resolutie-editor sessie';

/** Makes a new identity: a fresh P-256 key pair and a self-signed certificate for it. */
export function createTlsIdentity(now: Date = new Date()): TlsIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = createSelfSignedCertificate(privateKey, publicKey, now);
  const cert = toPem('CERTIFICATE', der);
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { key, cert, fingerprint: fingerprintOf(der) };
}

/**
 * The identity kept in `profileDir`, made and stored on first use. The folder and file are
 * made readable by the user only (on Windows the profile's own access rights do that).
 */
export async function loadTlsIdentity(
  profileDir: string,
  log: (line: string) => void = () => undefined,
): Promise<TlsIdentity> {
  const file = path.join(profileDir, TLS_IDENTITY_FILE);
  let text: string | null = null;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) {
    const identity = readTlsIdentity(text);
    if (identity) {
      // Made readable by the user only again, should something have widened it.
      await chmod(file, 0o600).catch(() => undefined);
      return identity;
    }
    log(`${TLS_IDENTITY_FILE} is beschadigd; een nieuwe sleutel voor sessies wordt gemaakt.`);
  }
  const identity = createTlsIdentity();
  await mkdir(profileDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, Buffer.from(`${identity.key}${identity.cert}`, 'utf8'), {
    mode: 0o600,
  });
  return identity;
}

/** Reads an identity file's text: a private key and a certificate of that key; else null. */
export function readTlsIdentity(text: string): TlsIdentity | null {
  const key = text.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/)?.[0];
  const cert = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/)?.[0];
  if (!key || !cert) return null;
  try {
    const certificate = new X509Certificate(cert);
    if (!certificate.checkPrivateKey(createPrivateKey(key))) return null;
    return { key, cert, fingerprint: fingerprintOf(certificate.raw) };
  } catch {
    return null;
  }
}

/** The SHA-256 fingerprint of a PEM certificate, as invitations carry it. */
export function certificateFingerprint(certPem: string): string {
  return fingerprintOf(new X509Certificate(certPem).raw);
}

/** The SHA-256 fingerprint of a certificate's DER bytes: 64 lowercase hexadecimal digits. */
export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

// --- The certificate, in DER (ITU-T X.690) ---

const OID_EC_PUBLIC_KEY_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_COMMON_NAME = '2.5.4.3';

function createSelfSignedCertificate(
  privateKey: KeyObject,
  publicKey: KeyObject,
  now: Date,
): Buffer {
  const algorithm = sequence(objectIdentifier(OID_EC_PUBLIC_KEY_WITH_SHA256));
  const name = sequence(set(sequence(objectIdentifier(OID_COMMON_NAME), utf8String(SUBJECT))));
  // A day back, so a colleague's clock a little behind does not read it as not yet valid.
  const notBefore = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  // A positive serial of 16 random bytes (the top bit cleared keeps it positive in DER).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // version 3
    integer(serial),
    algorithm,
    name,
    sequence(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  return sequence(tbs, algorithm, bitString(signature));
}

function toPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function sequence(...items: Uint8Array[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

function set(...items: Uint8Array[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

function explicit(tagNumber: number, content: Uint8Array): Buffer {
  return tlv(0xa0 | tagNumber, content);
}

function integer(value: Uint8Array): Buffer {
  // DER integers are minimal and two's complement: a set top bit needs a zero byte before it.
  let bytes = Buffer.from(value);
  while (bytes.length > 1 && bytes[0] === 0 && (bytes[1]! & 0x80) === 0) bytes = bytes.subarray(1);
  if ((bytes[0]! & 0x80) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function bitString(bytes: Uint8Array): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
}

function utf8String(text: string): Buffer {
  return tlv(0x0c, Buffer.from(text, 'utf8'));
}

function objectIdentifier(oid: string): Buffer {
  const [first = 0, second = 0, ...rest] = oid.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const part of rest) {
    const groups = [part & 0x7f];
    for (let value = Math.floor(part / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift(0x80 | (value & 0x7f));
    }
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

// UTCTime until 2049, GeneralizedTime from 2050, as RFC 5280 requires.
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
    : tlv(0x18, Buffer.from(`${iso}Z`, 'ascii'));
}
