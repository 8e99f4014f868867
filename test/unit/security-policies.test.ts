import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, WEB_PREFERENCES } from '../../electron/main/window-policy';
import { isAllowedHost, isAllowedOrigin, safeStaticPath, tokenMatches } from '../../electron/web/http-guards';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

describe('web shell guards', () => {
  it('allows only loopback names on the right port', () => {
    expect(isAllowedHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedHost('localhost:5000', 5000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(isAllowedHost('didar.evil.test:5000', 5000)).toBe(false);
    expect(isAllowedHost(undefined, 5000)).toBe(false);
    expect(isAllowedOrigin(undefined, 5000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedOrigin('null', 5000)).toBe(false);
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
