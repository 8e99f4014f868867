// The server's TLS certificate for the office network: the office's own (certificate and key put in the data
// folder by the administrator), or one made on first start and kept there. Desks check it by its SHA-256
// fingerprint, shown on the server's screen and printed by the CLI, and pin it.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { writeFileDurable } from '../store/durable-file';

export const TLS_DIR = 'tls';
const GENERATED = { cert: 'server-cert.pem', key: 'server-key.pem' };
const OFFICE = { cert: 'office-cert.pem', key: 'office-key.pem' };
/** Five years: the desks pin it, so it is not renewed behind their backs. */
const VALID_DAYS = 5 * 365;

export type ServerCertificate = { cert: string; key: string; fingerprint: string; source: 'generated' | 'office'; validTo: string };

/** `AB:CD:…`, the way browsers and `openssl x509 -fingerprint -sha256` show it. */
export const fingerprintOf = (certPem: string): string => new X509Certificate(certPem).fingerprint256;

/** A certificate and its key that belong together and are valid now; refused in Persian otherwise. */
export function checkCertificatePair(certPem: string, keyPem: string, now = new Date()): X509Certificate {
  let x: X509Certificate;
  try {
    x = new X509Certificate(certPem);
    if (!x.checkPrivateKey(createPrivateKey(keyPem))) throw new Error('key');
  } catch {
    throw new DidarError('bad-args', msg.certificateInvalid);
  }
  if (new Date(x.validTo) < now || new Date(x.validFrom) > now) throw new DidarError('bad-args', msg.certificateExpired);
  return x;
}

async function readPair(dir: string, names: { cert: string; key: string }): Promise<{ cert: string; key: string } | null> {
  const read = (n: string) => fs.readFile(path.join(dir, n), 'utf8').catch(() => null);
  const [cert, key] = await Promise.all([read(names.cert), read(names.key)]);
  return cert && key ? { cert, key } : null;
}

/** The certificate the server uses: the office's if present, else the generated one (made now if missing). */
export async function serverCertificate(dataDir: string, names: readonly string[], now = new Date()): Promise<ServerCertificate> {
  const dir = path.join(dataDir, TLS_DIR);
  const office = await readPair(dir, OFFICE);
  if (office) {
    const x = checkCertificatePair(office.cert, office.key, now);
    return { ...office, fingerprint: x.fingerprint256, source: 'office', validTo: x.validTo };
  }
  let made = await readPair(dir, GENERATED);
  if (!made) {
    const pems = await generate([{ name: 'commonName', value: 'Didar' }, { name: 'organizationName', value: 'Didar office server' }], {
      keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
      ],
    });
    made = { cert: pems.cert, key: pems.private };
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileDurable(path.join(dir, GENERATED.key), made.key, undefined, 0o600);
    await writeFileDurable(path.join(dir, GENERATED.cert), made.cert);
  }
  const x = new X509Certificate(made.cert);
  return { ...made, fingerprint: x.fingerprint256, source: 'generated', validTo: x.validTo };
}

/** The office's own certificate, checked and put beside the data (it is used from the next start of the server). */
export async function installOfficeCertificate(dataDir: string, certPem: string, keyPem: string): Promise<string> {
  const x = checkCertificatePair(certPem, keyPem);
  const dir = path.join(dataDir, TLS_DIR);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileDurable(path.join(dir, OFFICE.key), keyPem, undefined, 0o600);
  await writeFileDurable(path.join(dir, OFFICE.cert), certPem);
  return x.fingerprint256;
}
