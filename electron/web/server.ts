// The web shell: the same handlers as the desktop app, served on 127.0.0.1. A browser signs in and holds its
// session in an HttpOnly, SameSite=Strict cookie; the page carries no token. A script token exists only when
// given at start (--token or DIDAR_TOKEN) and acts for the command line's operator.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { msg } from '../../shared/messages';
import { CONTENT_SECURITY_POLICY, SESSION_COOKIE, TOKEN_HEADER } from '../../shared/security';
import type { Reply } from '../../shared/errors';
import type { CallerRef, DispatchAs } from '../backend/dispatch';
import { cookieValue, isAllowedHost, isAllowedOrigin, safeStaticPath, sessionCookie, tokenMatches } from './http-guards';

export const BODY_LIMIT = 1_000_000;

export type WebShellOptions = {
  dispatchAs: DispatchAs;
  staticDir: string;
  port?: number;
  /** A token for scripts (the X-Didar-Token header), acting as `scriptOperator`; none unless given. */
  token?: string;
  scriptOperator?: string;
};

export type WebShell = { url: string; port: number; close: () => Promise<void> };

/** Replies that mean the caller is not signed in, or not allowed: their HTTP status says so too. */
const STATUS_OF: Partial<Record<string, number>> = { unauthorized: 401, forbidden: 403, 'password-change-required': 403 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startWebShell(o: WebShellOptions): Promise<WebShell> {
  let port = o.port ?? 0;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[didar web] request failed:', e);
      if (!res.headersSent) sendJson(res, 500, fail('internal', msg.internal));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return sendJson(res, 403, fail('unauthorized', msg.unauthorized));
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return handleApi(req, res, url.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    return serveStatic(res, url);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('unknown-method', msg.unknownMethod));
    const given = req.headers[TOKEN_HEADER];
    if (given !== undefined && !(o.token && tokenMatches(given, o.token))) return sendJson(res, 401, fail('unauthorized', msg.unauthorized));
    const body = await readBody(req, BODY_LIMIT);
    if (body === 'too-large') return sendJson(res, 413, fail('bad-args', msg.badArgs));
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, fail('bad-args', msg.badArgs));
    }
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      return sendJson(res, 400, fail('unknown-method', msg.unknownMethod));
    }
    const cookies: string[] = [];
    const caller: CallerRef = given !== undefined
      ? { kind: 'system', operator: o.scriptOperator ?? 'cli:script' }
      : { kind: 'session', token: cookieValue(req.headers.cookie, SESSION_COOKIE), setSession: (t) => cookies.push(sessionCookie(t)) };
    const reply = await o.dispatchAs(caller, name, args);
    sendJson(res, reply.ok ? 200 : (STATUS_OF[reply.error.code] ?? 200), reply, cookies.length ? { 'Set-Cookie': cookies } : {});
  }

  async function serveStatic(res: http.ServerResponse, url: string): Promise<void> {
    const file = safeStaticPath(o.staticDir, url);
    if (!file) return sendText(res, 404, 'Not Found');
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      return sendText(res, 404, 'Not Found');
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function fail(code: 'unauthorized' | 'bad-args' | 'unknown-method' | 'internal', message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c); // past the limit the rest is drained and dropped
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
