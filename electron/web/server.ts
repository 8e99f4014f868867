// The web shell: the same handlers as the desktop app, served on 127.0.0.1 with a per-run token.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { msg } from '../../shared/messages';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER, TOKEN_META } from '../../shared/security';
import type { Reply } from '../../shared/errors';
import type { Dispatch } from '../backend/dispatch';
import { isAllowedHost, isAllowedOrigin, safeStaticPath, tokenMatches } from './http-guards';

export const BODY_LIMIT = 1_000_000;

export type WebShellOptions = {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
};

export type WebShell = { url: string; port: number; token: string; close: () => Promise<void> };

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
  const token = o.token ?? randomBytes(24).toString('base64url');
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
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return sendJson(res, 401, fail('unauthorized', msg.unauthorized));
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
    sendJson(res, 200, await o.dispatch(name, args));
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
    if (ext === '.html') {
      const meta = `<meta name="${TOKEN_META}" content="${token}">`;
      data = Buffer.from(data.toString('utf8').replace('<head>', `<head>\n    ${meta}`));
    }
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
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function fail(code: 'unauthorized' | 'bad-args' | 'unknown-method' | 'internal', message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
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
