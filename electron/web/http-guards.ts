// Pure checks of the web shell's security rules, unit-tested on their own.
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE } from '../../shared/security';

/** The names a server answers to (this PC's own), its port and scheme: what Host and Origin may say. */
export type ServedAt = { scheme: 'http' | 'https'; names: readonly string[]; port: number };

/** Without server mode: this PC only. */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost'];

const authority = (name: string, port: number): string => `${name.includes(':') ? `[${name}]` : name}:${port}`;

/** Only this machine's own names for the server: a foreign Host means DNS rebinding or a proxy. */
export function isAllowedHost(host: string | undefined, at: ServedAt): boolean {
  return host !== undefined && at.names.some((n) => authority(n, at.port) === host.toLowerCase());
}

/**
 * Browsers send Origin with every call that changes data, cross-site or not: only the pages the server itself
 * serves may make it. No Origin at all is a script or another program, not a page of another site.
 */
export function isAllowedOrigin(origin: string | undefined, at: ServedAt): boolean {
  return origin === undefined || at.names.some((n) => `${at.scheme}://${authority(n, at.port)}` === origin.toLowerCase());
}

export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves a URL path inside `root`, or null when it would escape it (../, encoded slashes, NUL). */
export function safeStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  const base = path.resolve(root);
  return full.startsWith(base + path.sep) ? full : null;
}

/** One cookie's value from a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim() || null;
  }
  return null;
}

/** The session cookie: unreadable from script, never sent by another site, over HTTPS only in server mode; null ends it. */
export function sessionCookie(token: string | null, secure = false): string {
  const attrs = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return token ? `${SESSION_COOKIE}=${token}; ${attrs}` : `${SESSION_COOKIE}=; ${attrs}; Max-Age=0`;
}
