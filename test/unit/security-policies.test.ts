import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePrintFile } from '../../electron/main/print-file';
import {
  denyPermissionCheck, denyPermissionRequest, devServerUrl, isAllowedNavigation, isAppUrl, navigationGuard, WEB_PREFERENCES,
} from '../../electron/main/window-policy';
import { isAllowedHost, isAllowedOrigin, LOOPBACK_NAMES, safeStaticPath, tokenMatches, type ServedAt } from '../../electron/web/http-guards';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

describe('web shell guards', () => {
  it('allows only loopback names on the right port', () => {
    const at: ServedAt = { scheme: 'http', names: LOOPBACK_NAMES, port: 5000 };
    expect(isAllowedHost('127.0.0.1:5000', at)).toBe(true);
    expect(isAllowedHost('localhost:5000', at)).toBe(true);
    expect(isAllowedHost('127.0.0.1:5001', at)).toBe(false);
    expect(isAllowedHost('didar.evil.test:5000', at)).toBe(false);
    expect(isAllowedHost(undefined, at)).toBe(false);
    expect(isAllowedOrigin(undefined, at)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5000', at)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:5000', at)).toBe(false);
    expect(isAllowedOrigin('null', at)).toBe(false);
  });

  it('in server mode answers to this PC\'s own names and addresses over HTTPS only', () => {
    const at: ServedAt = { scheme: 'https', names: ['127.0.0.1', 'localhost', 'reception-pc', '192.168.1.20', 'fe80::1'], port: 8443 };
    expect(isAllowedHost('192.168.1.20:8443', at)).toBe(true);
    expect(isAllowedHost('RECEPTION-PC:8443', at)).toBe(true);
    expect(isAllowedHost('[fe80::1]:8443', at)).toBe(true);
    expect(isAllowedHost('didar.attacker.test:8443', at)).toBe(false); // a name rebound to this PC's address
    expect(isAllowedOrigin('https://192.168.1.20:8443', at)).toBe(true);
    expect(isAllowedOrigin('http://192.168.1.20:8443', at)).toBe(false);
    expect(isAllowedOrigin('https://192.168.1.21:8443', at)).toBe(false);
  });
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches(['abc'], 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });
  it('keeps static paths inside the root', () => {
    const root = path.resolve('/srv/didar');
    expect(safeStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(safeStaticPath(root, '/assets/a.js?v=1')).toBe(path.join(root, 'assets/a.js'));
    expect(safeStaticPath(root, '/../etc/passwd')).toBeNull();
    expect(safeStaticPath(root, '/%2e%2e/etc/passwd')).toBeNull();
    expect(safeStaticPath(root, '/a%00.js')).toBeNull();
    expect(safeStaticPath(root, '/%E0%A4%A')).toBeNull();
    expect(safeStaticPath(root, '/..%5c..%5cwin.ini')).toBeNull();
  });
});

describe('Electron window policy', () => {
  it('isolates the renderer from Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });
  it('allows navigation only to the app page', () => {
    const index = path.resolve('/opt/didar/out/renderer/index.html');
    expect(isAllowedNavigation(`file://${index}`, index)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', index)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', index)).toBe(false);
  });
  it('honours the development server only in an unpackaged app, only on this machine', () => {
    expect(devServerUrl('http://localhost:5173/', false)).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl('http://localhost:5173/', true)).toBeUndefined();
    for (const bad of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '']) expect(devServerUrl(bad, false), bad).toBeUndefined();
    expect(devServerUrl(undefined, false)).toBeUndefined();
  });
  it('compares the development server by exact origin, not by prefix', () => {
    const index = path.resolve('/opt/didar/out/renderer/index.html');
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/desk', index, dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', index, dev)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', index, dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.example/', index, dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', index, dev)).toBe(false);
    expect(isAppUrl('blob:http://localhost:5173/x', index, dev)).toBe(true); // a PDF the page made: same origin
    expect(isAppUrl(`file://${index}.evil`, index)).toBe(false);
  });
  it('blocks a navigation or redirect away from the app page with one guard', () => {
    const index = path.resolve('/opt/didar/out/renderer/index.html');
    const guard = navigationGuard(index);
    const event = () => {
      let prevented = false;
      return { e: { preventDefault: () => void (prevented = true) }, prevented: () => prevented };
    };
    const away = event();
    guard(away.e, 'https://example.com/login');
    expect(away.prevented()).toBe(true);
    const home = event();
    guard(home.e, `file://${index}#/lookup`);
    expect(home.prevented()).toBe(false);
  });
  it('denies every permission check and request', () => {
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      expect(denyPermissionCheck()).toBe(false);
      let granted: boolean | null = null;
      denyPermissionRequest(null, p, (g) => (granted = g));
      expect(granted).toBe(false);
    }
  });
  it('has a CSP without remote or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('the print file', () => {
  it('is made with a random name, mode 0600, exclusively, in a private folder of its own, and removed with it', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'didar-print-test-'));
    try {
      const a = await writePrintFile(Buffer.from('%PDF-1.3 a'), root);
      const b = await writePrintFile(Buffer.from('%PDF-1.3 b'), root);
      expect(path.dirname(a.file)).not.toBe(path.dirname(b.file));
      expect(path.basename(a.file)).toMatch(/^[0-9a-f]{32}\.pdf$/);
      expect(path.basename(a.file)).not.toBe(path.basename(b.file));
      expect((await fs.stat(a.file)).mode & 0o777).toBe(0o600);
      expect((await fs.stat(path.dirname(a.file))).mode & 0o777).toBe(0o700);
      expect(await fs.readFile(a.file, 'utf8')).toBe('%PDF-1.3 a');
      await a.remove();
      await expect(fs.access(path.dirname(a.file))).rejects.toThrow();
      await expect(fs.access(b.file)).resolves.toBeUndefined();
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
