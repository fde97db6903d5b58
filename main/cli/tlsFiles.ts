/**
 * The certificate files of `resolutie server --tls-cert FILE --tls-key FILE` and of
 * `resolutie invite --tls-cert FILE`: read and checked before anything starts, so that a wrong
 * file is one Dutch line on the command line, not a server no participant can reach or an
 * invitation pinned to a certificate the server does not present.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { certificateFingerprint } from '../syncServer/tlsIdentity.ts';
import { getSystemCode } from '../services/files/fileErrors.ts';
import { CliError } from './cliErrors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A certificate that ends within this many days is served, with a warning to renew it. */
export const CERTIFICATE_WARNING_DAYS = 14;

/** A certificate and its key as the server serves them (PEM), with what the user is told. */
export interface ServerTls {
  cert: string;
  key: string;
  /** SHA-256 of the (first) certificate's DER, 64 lowercase hex: what an invitation pins. */
  fingerprint: string;
  /** One line about the certificate for the server's log: for whom, until when. */
  description: string;
  /** A line to warn the administrator (the certificate ends soon), or null. */
  warning: string | null;
}

/**
 * Reads and checks the server's certificate and key: both PEM, the key unencrypted and the
 * certificate's, the certificate valid now. Throws a CliError naming the file otherwise.
 */
export async function readServerTls(
  certFile: string,
  keyFile: string,
  now: number = Date.now(),
): Promise<ServerTls> {
  const certPem = await readText('server', certFile, 'het certificaat');
  const keyPem = await readText('server', keyFile, 'de sleutel');
  const certificate = parseCertificate('server', certFile, certPem);
  const key = parseKey(keyFile, keyPem);
  if (!matches(certificate, key)) {
    throw new CliError(
      `server: de sleutel in ${keyFile} hoort niet bij het certificaat in ${certFile}`,
    );
  }
  checkValidity('server', certFile, certificate, now);
  const ends = new Date(certificate.validTo);
  const daysLeft = Math.floor((ends.getTime() - now) / DAY_MS);
  const fingerprint = certificateFingerprint(certificate.toString());
  return {
    cert: certPem,
    key: keyPem,
    fingerprint,
    description: `Certificaat voor ${describeSubject(certificate)}, geldig tot ${formatDate(ends)}; vingerafdruk (SHA-256) ${fingerprint}.`,
    warning:
      daysLeft < CERTIFICATE_WARNING_DAYS
        ? `Let op: het certificaat in ${certFile} verloopt op ${formatDate(ends)}; vernieuw het en start de server opnieuw.`
        : null,
  };
}

/**
 * Reads the certificate an invitation is pinned to (`invite --tls-cert`), PEM and valid now;
 * returns its fingerprint (of the first certificate in the file: the server's own).
 */
export async function readPinnedFingerprint(
  certFile: string,
  now: number = Date.now(),
): Promise<string> {
  const text = await readText('invite', certFile, 'het certificaat');
  const certificate = parseCertificate('invite', certFile, text);
  checkValidity('invite', certFile, certificate, now);
  return certificateFingerprint(certificate.toString());
}

async function readText(command: string, file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `${command}: ${what} ${file} kan niet worden gelezen (${getSystemCode(error) ?? String(error)})`,
    );
  }
}

function parseCertificate(command: string, file: string, pem: string): X509Certificate {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CliError(
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)
        ? `${command}: ${file} bevat een sleutel, geen certificaat; zijn --tls-cert en --tls-key verwisseld?`
        : `${command}: ${file} is geen certificaat in PEM-vorm (-----BEGIN CERTIFICATE-----)`,
    );
  }
  try {
    // The first certificate is the server's own; any after it are the chain to the CA.
    return new X509Certificate(pem);
  } catch {
    throw new CliError(`${command}: het certificaat in ${file} is beschadigd en niet te lezen`);
  }
}

function parseKey(file: string, pem: string): KeyObject {
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type: 4,ENCRYPTED/.test(pem)) {
    // The server starts unattended: there is no one to type a passphrase.
    throw new CliError(
      `server: de sleutel in ${file} is met een wachtwoord beveiligd; geef de sleutel zonder wachtwoord (openssl pkey -in SLEUTEL -out NIEUW) en bescherm het bestand met chmod 600`,
    );
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new CliError(
      pem.includes('-----BEGIN CERTIFICATE-----')
        ? `server: ${file} bevat een certificaat, geen sleutel; zijn --tls-cert en --tls-key verwisseld?`
        : `server: ${file} is geen privésleutel in PEM-vorm (-----BEGIN PRIVATE KEY-----)`,
    );
  }
  try {
    return createPrivateKey(pem);
  } catch {
    throw new CliError(`server: de sleutel in ${file} is beschadigd en niet te lezen`);
  }
}

function matches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    // A key of another type (an EC key beside an RSA certificate) throws instead of answering.
    return false;
  }
}

function checkValidity(
  command: string,
  file: string,
  certificate: X509Certificate,
  now: number,
): void {
  // Participants refuse a certificate outside its dates, so a server serving one reaches no one.
  const from = new Date(certificate.validFrom);
  const to = new Date(certificate.validTo);
  if (now > to.getTime()) {
    throw new CliError(`${command}: het certificaat in ${file} is verlopen op ${formatDate(to)}`);
  }
  if (now < from.getTime()) {
    throw new CliError(
      `${command}: het certificaat in ${file} is pas geldig vanaf ${formatDate(from)}; klopt de klok van deze computer?`,
    );
  }
}

function describeSubject(certificate: X509Certificate): string {
  const names = certificate.subjectAltName?.split(', ').map((name) => name.replace(/^[^:]*:/, ''));
  if (names && names.length > 0) return names.join(', ');
  return certificate.subject.replace(/\n/g, ', ');
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
