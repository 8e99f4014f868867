// The web shell: the same handlers as the desktop app. Without server mode it listens on 127.0.0.1 over HTTP;
// in server mode (the PC that holds the data serves the office network) on the network over HTTPS only. A
// browser signs in and holds its session in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS); the page
// carries no token. A script token exists only when given at start (--token or DIDAR_TOKEN) and acts for the
// command line's operator. /api/events streams what changes to signed-in desks (server-sent events).
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { msg } from '../../shared/messages';
import { CONTENT_SECURITY_POLICY, SESSION_COOKIE, SUBMISSION_HEADER, TOKEN_HEADER } from '../../shared/security';
import type { Reply } from '../../shared/errors';
import { HEARTBEAT_MS, type LiveEvent } from '../../shared/live';
import type { CallerRef, DispatchAs } from '../backend/dispatch';
import type { Watch } from '../backend/live';
import { cookieValue, isAllowedHost, isAllowedOrigin, LOOPBACK_NAMES, safeStaticPath, sessionCookie, tokenMatches, type ServedAt } from './http-guards';

export const BODY_LIMIT = 1_000_000;

export type WebShellOptions = {
  dispatchAs: DispatchAs;
  /** Live updates for /api/events; without it the stream is not offered. */
  watch?: Watch;
  staticDir: string;
  port?: number;
  /** A token for scripts (the X-Didar-Token header), acting as `scriptOperator`; none unless given. */
  token?: string;
  scriptOperator?: string;
  /**
   * Server mode: HTTPS with this certificate, on `host` (every address of this PC by default), answering to
   * `names` (this PC's names and addresses). Without it: HTTP on 127.0.0.1 only.
   */
  tls?: { cert: string; key: string; host?: string; names: readonly string[] };
};

export type WebShell = { url: string; port: number; close: () => Promise<void> };

/** Replies that mean the caller is not signed in, or not allowed: their HTTP status says so too. */
const STATUS_OF: Partial<Record<string, number>> = { unauthorized: 401, forbidden: 403, 'password-change-required': 403, 'too-many-attempts': 429 };

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
  const secure = !!o.tls;
  const at: ServedAt = { scheme: secure ? 'https' : 'http', names: o.tls?.names ?? LOOPBACK_NAMES, port: o.port ?? 0 };
  const headers = secure ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': 'max-age=31536000' } : SECURITY_HEADERS;
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((e: unknown) => {
      console.error('[didar web] request failed:', e);
      if (!res.headersSent) sendJson(res, 500, fail('internal', msg.internal));
      else res.end();
    });
  };
  const server = o.tls
    ? https.createServer({ cert: o.tls.cert, key: o.tls.key, minVersion: 'TLSv1.2' }, onRequest)
    : http.createServer(onRequest);
  const streams = new Set<http.ServerResponse>();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, at) || !isAllowedOrigin(req.headers.origin, at)) {
      return sendJson(res, 403, fail('unauthorized', msg.unauthorized));
    }
    const url = req.url ?? '/';
    if (url === '/api/events') return handleEvents(req, res);
    if (url.startsWith('/api/')) return handleApi(req, res, url.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    return serveStatic(res, url);
  }

  /** Who calls: a script with the token given at start, or a browser with its session cookie (or none yet). */
  function callerOf(req: http.IncomingMessage, cookies: string[]): CallerRef | 'bad-token' {
    const given = req.headers[TOKEN_HEADER];
    if (given !== undefined) return o.token && tokenMatches(given, o.token) ? { kind: 'system', operator: o.scriptOperator ?? 'cli:script' } : 'bad-token';
    return {
      kind: 'session', token: cookieValue(req.headers.cookie, SESSION_COOKIE), setSession: (t) => cookies.push(sessionCookie(t, secure)),
      source: req.socket.remoteAddress ?? 'unknown',
    };
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('unknown-method', msg.unknownMethod));
    const cookies: string[] = [];
    const caller = callerOf(req, cookies);
    if (caller === 'bad-token') return sendJson(res, 401, fail('unauthorized', msg.unauthorized));
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
    const key = req.headers[SUBMISSION_HEADER];
    const reply = await o.dispatchAs(caller, name, args, typeof key === 'string' ? key : undefined);
    const extra = cookies.length ? { 'Set-Cookie': cookies } : {};
    if (!reply.ok) return sendJson(res, STATUS_OF[reply.error.code] ?? 200, reply, extra);
    const answer = replyBody(reply.value);
    const gzip = answer.plain.length >= COMPRESS_FROM_BYTES && acceptsGzip(req.headers['accept-encoding']) ? await gzipped(answer) : null;
    sendBytes(res, 200, gzip ?? answer.plain, { Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), ...extra });
  }

  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' || !o.watch) return sendText(res, 405, 'Method Not Allowed');
    const caller = callerOf(req, []);
    if (caller === 'bad-token') return sendJson(res, 401, fail('unauthorized', msg.unauthorized));
    const write = (e: LiveEvent): void => void res.write(`event: ${e.kind}\ndata: ${JSON.stringify(e.kind === 'change' ? e.notice : {})}\n\n`);
    const stop = await o.watch(caller, (notice) => write({ kind: 'change', notice }), () => {
      write({ kind: 'signed-out' });
      res.end();
    });
    if (!stop) return sendJson(res, 401, fail('unauthorized', msg.unauthorized));
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 1000\n\n'); // a desk that lost the server tries again every second
    streams.add(res);
    // also keeps proxies and idle timers from closing the stream, and lets a desk notice a connection that died silently
    const beat = setInterval(() => write({ kind: 'alive' }), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(beat);
      stop();
      streams.delete(res);
    });
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
      ...headers,
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(data);
  }

  function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
    sendBytes(res, status, Buffer.from(JSON.stringify(body)), extra);
  }

  /** A JSON answer already serialised (and perhaps compressed: `extra` says so). */
  function sendBytes(res: http.ServerResponse, status: number, bytes: Buffer, extra: http.OutgoingHttpHeaders): void {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': bytes.length, ...extra });
    res.end(bytes);
  }

  function sendText(res: http.ServerResponse, status: number, text: string): void {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, o.tls ? (o.tls.host ?? '0.0.0.0') : '127.0.0.1', () => resolve());
  });
  at.port = (server.address() as AddressInfo).port;
  return {
    url: `${at.scheme}://${o.tls ? at.names.find((n) => !LOOPBACK_NAMES.includes(n)) ?? '127.0.0.1' : '127.0.0.1'}:${at.port}/`,
    port: at.port,
    close: () => new Promise<void>((resolve) => {
      for (const s of streams) s.end();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Answers smaller than this go uncompressed: gzip would save a few hundred bytes for its own header and time. */
const COMPRESS_FROM_BYTES = 1024;
const gzipAsync = promisify(zlib.gzip);
type Body = { plain: Buffer; gzip?: Promise<Buffer> };
const gzipped = (body: Body): Promise<Buffer> => (body.gzip ??= gzipAsync(body.plain, { level: 1 }));
/**
 * The serialised answer of a value the store hands out unchanged until it changes (the day's queue, a case):
 * the ten desks that reload the queue after one change cost one serialisation and one compression, not ten.
 * Large answers are gzipped (off this thread) since TLS spends its time per byte; answers hold no secret
 * (the session is a cookie, forgery is stopped by the Origin check), so compression reveals nothing.
 */
const bodies = new WeakMap<object, Body>();

function replyBody(value: unknown): Body {
  const known = typeof value === 'object' && value !== null ? bodies.get(value) : undefined;
  if (known) return known;
  const plain = Buffer.from(JSON.stringify({ ok: true, value }));
  const body: Body = { plain };
  if (typeof value === 'object' && value !== null) bodies.set(value, body);
  return body;
}

/** Whether Accept-Encoding allows gzip (named, and not with q=0). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    return name === 'gzip' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

function fail(code: 'unauthorized' | 'bad-args' | 'unknown-method' | 'internal', message: string): Reply<never> {
  return { ok: false, error: { code, message } };
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
