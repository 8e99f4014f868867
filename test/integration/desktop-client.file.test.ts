// A desktop app as a desk of another PC's server: it reads the certificate the server shows, compares it with the
// fingerprint written down from the server's screen, and trusts that certificate only.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { serverCertificate, type ServerCertificate } from '../../electron/backend/server/certificate';
import { SESSIONS_FILE, sessionFile } from '../../electron/backend/auth/sessions';
import { readDesktopMode, writeDesktopMode } from '../../electron/backend/server/desktop-mode-file';
import { certificateVerdict, checkServer, presentedFingerprint, serverProblem } from '../../electron/backend/server/pin';
import { DESKTOP_MODE_FILE } from '../../shared/desktop-mode';
import { msg } from '../../shared/messages';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { openTestBackend, tempDir } from '../helpers/backend';
import { checkDataDir } from '../../electron/backend/store/check';

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
    // what the settings say, in Persian
    expect(await serverProblem(`localhost:${shell.port}`, cert.fingerprint)).toBeNull();
    expect(await serverProblem(`localhost:${shell.port}`, other.fingerprint)).toBe(msg.fingerprintMismatch);
    expect(await serverProblem(`127.0.0.1:${free}`, cert.fingerprint)).toBe(msg.serverNotFound);
    expect(await serverProblem(`http://localhost:${shell.port}`, cert.fingerprint)).toBe(msg.serverAddressNotHttps);
  });
  it('the window trusts the server only with the pinned certificate', () => {
    const server = { address: 'https://192.168.1.10:8443', fingerprint: cert.fingerprint };
    expect(certificateVerdict('192.168.1.10', cert.cert, server)).toBe(0);
    expect(certificateVerdict('192.168.1.10', other.cert, server)).toBe(-2); // another certificate, same name
    expect(certificateVerdict('192.168.1.10', 'not a certificate', server)).toBe(-2);
    expect(certificateVerdict('example.org', other.cert, server)).toBe(-3); // not the server: Chromium's own check
  });
});

describe('the choice kept on this PC', () => {
  it('is alone until chosen, read back as written, and alone again when the file is damaged', async () => {
    const dir = await tempDir();
    expect(await readDesktopMode(dir)).toEqual({ mode: 'local' });
    const desk = { mode: 'client' as const, address: 'https://192.168.1.10:8443', fingerprint: cert.fingerprint };
    await writeDesktopMode(dir, desk);
    expect(await readDesktopMode(dir)).toEqual(desk);
    await writeDesktopMode(dir, { mode: 'server', port: 9443 });
    expect(await readDesktopMode(dir)).toEqual({ mode: 'server', port: 9443 });
    await fs.writeFile(path.join(dir, DESKTOP_MODE_FILE), '{"mode":"client","address":"http://x"');
    expect(await readDesktopMode(dir)).toEqual({ mode: 'local' });
  });
  it('is not part of the data: `didar check` passes with it in the data folder', async () => {
    await writeDesktopMode(backend.dataDir, { mode: 'server', port: 8443 });
    const report = await checkDataDir(backend.dataDir);
    expect(report.problems).toEqual([]);
    expect(JSON.stringify(report.warnings)).not.toContain(DESKTOP_MODE_FILE);
  });
});

describe('a damaged file of this PC', () => {
  it('the sessions file that is not JSON means nobody is signed in, as its comment promises (not a failed start)', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, SESSIONS_FILE), '{"sessions":[');
    expect(await sessionFile(dir).load()).toEqual([]);
  });
});
