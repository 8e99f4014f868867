// Raw HTTP requests to a web shell under test.
import http from 'node:http';
import type { WebShell } from '../../electron/web/server';

export type Res = { status: number; body: string; raw: Buffer; headers: http.IncomingHttpHeaders; cookies: string[] };

/** Raw HTTP so that Host and Origin can be set freely (fetch forbids it). */
export function request(shell: WebShell, p: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: shell.port, path: p, method: o.method ?? 'GET', headers: { Host: `127.0.0.1:${shell.port}`, ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, body: raw.toString('utf8'), raw, headers: res.headers, cookies: res.headers['set-cookie'] ?? [] });
      });
    });
    req.on('error', reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}
