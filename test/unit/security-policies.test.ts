import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, WEB_PREFERENCES } from '../../electron/main/window-policy';
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
  it('has a CSP without remote or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
