// A desktop app as a desk of another PC's server: it reads the certificate the server shows, compares it with the
// fingerprint written down from the server's screen, and trusts that certificate only.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { serverCertificate, type ServerCertificate } from '../../electron/backend/server/certificate';
import { certificateVerdict, checkServer, presentedFingerprint } from '../../electron/backend/server/pin';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { openTestBackend, tempDir } from '../helpers/backend';

const NAMES = ['127.0.0.1', 'localhost'];
let backend: Backend & { dataDir: string };
let shell: WebShell;
let cert: ServerCertificate;
let other: ServerCertificate;

beforeAll(async () => {
  backend = await openTestBackend();
  cert = await serverCertificate(backend.dataDir, NAMES);
  other = await serverCertificate(await tempDir(), NAMES);
  shell = await startWebShell({ dispatchAs: backend.dispatchAs, staticDir: await tempDir(), tls: { cert: cert.cert, key: cert.key, names: NAMES } });
});
afterAll(async () => {
  await shell.close();
  await backend.close();
});

describe('a desk connecting to the server', () => {
  it('reads the fingerprint the server shows: the one the server prints', async () => {
    expect(await presentedFingerprint(`https://127.0.0.1:${shell.port}`)).toBe(cert.fingerprint);
    expect(await presentedFingerprint(`https://localhost:${shell.port}`)).toBe(cert.fingerprint);
  });
  it('pins it when it is the one written down, refuses another, and says when nothing answers', async () => {
    const at = `https://localhost:${shell.port}`;
    expect(await checkServer(at, cert.fingerprint.toLowerCase().replace(/:/g, ''))).toBe('pinned');
    expect(await checkServer(at, other.fingerprint)).toBe('mismatch');
    const free = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    expect(await checkServer(`https://127.0.0.1:${free}`, cert.fingerprint)).toBe('unreachable');
  });
  it('the window trusts the server only with the pinned certificate', () => {
    const server = { address: 'https://192.168.1.10:8443', fingerprint: cert.fingerprint };
    expect(certificateVerdict('192.168.1.10', cert.cert, server)).toBe(0);
    expect(certificateVerdict('192.168.1.10', other.cert, server)).toBe(-2); // another certificate, same name
    expect(certificateVerdict('192.168.1.10', 'not a certificate', server)).toBe(-2);
    expect(certificateVerdict('example.org', other.cert, server)).toBe(-3); // not the server: Chromium's own check
  });
});
