// Server mode: the PC with the data serves the office network over HTTPS only, with sign-in; desks see each
// other's changes within a second; a change sent twice is saved once. Without server mode nothing answers
// beyond 127.0.0.1.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SUBMISSION_HEADER } from '../../shared/security';
import type { Backend } from '../../electron/backend';
import { machineNames } from '../../electron/backend/server/addresses';
import { fingerprintOf, serverCertificate, type ServerCertificate } from '../../electron/backend/server/certificate';
import { isDatabaseUrl } from '../../electron/backend/store/pg/connection';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { ok, openTestBackend, openToday, tempDir, validCitizen } from '../helpers/backend';
import { TEST_PASSWORD } from '../helpers/calls';

type Res = { status: number; body: string; cookies: string[] };

let backend: Backend & { dataDir: string };
let shell: WebShell;
let cert: ServerCertificate;
let staticDir: string;
/** Where this server keeps its certificate: the data folder, or on a database this PC's own folder (web/main.ts). */
let tlsHome: string;
const names = machineNames();

/** An HTTPS call that trusts only the server's own certificate (as a desk that pinned it). */
function call(path: string, o: { method?: string; cookie?: string; body?: unknown; origin?: string; key?: string; from?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: '127.0.0.1', port: shell.port, path, method: o.method ?? 'POST', ca: cert.cert, ...(o.from ? { localAddress: o.from } : {}),
      headers: {
        'Content-Type': 'application/json', Origin: o.origin ?? `https://127.0.0.1:${shell.port}`,
        ...(o.cookie ? { Cookie: o.cookie } : {}), ...(o.key ? { [SUBMISSION_HEADER]: o.key } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(o.body === undefined ? undefined : JSON.stringify(o.body));
  });
}

const api = (method: string, body: unknown, cookie?: string, extra: { origin?: string; key?: string } = {}) =>
  call(`/api/${method}`, { body, ...(cookie ? { cookie } : {}), ...extra });

/** Signs in as a new account of this role; returns its session cookie. */
async function desk(username: string, roles: string[]): Promise<string> {
  await ok(backend, 'accounts/create', { username, displayName: username, roles: roles as never, password: TEST_PASSWORD });
  const r = await api('auth/signIn', { username, password: TEST_PASSWORD });
  expect(r.status).toBe(200);
  return r.cookies[0]!.split(';')[0]!;
}

/** Listens to /api/events with this session; collects the change notices until stopped. */
function listen(cookie: string): { events: { event: string; data: unknown }[]; stop: () => void; open: Promise<number> } {
  const events: { event: string; data: unknown }[] = [];
  let req: http.ClientRequest;
  const open = new Promise<number>((resolve, reject) => {
    req = https.request({ host: '127.0.0.1', port: shell.port, path: '/api/events', method: 'GET', ca: cert.cert, headers: { Cookie: cookie } }, (res) => {
      resolve(res.statusCode ?? 0);
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString();
        const blocks = buf.split('\n\n');
        buf = blocks.pop()!;
        for (const b of blocks) {
          const event = /^event: (.*)$/m.exec(b)?.[1];
          const data = /^data: (.*)$/m.exec(b)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
    req.end();
  });
  return { events, open, stop: () => req.destroy() };
}

const within = async (ms: number, cond: () => boolean): Promise<number> => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
};

beforeAll(async () => {
  backend = await openTestBackend(undefined, () => new Date());
  staticDir = await tempDir('didar-static-');
  tlsHome = isDatabaseUrl(backend.dataDir) ? await tempDir('didar-tls-') : backend.dataDir;
  cert = await serverCertificate(tlsHome, names);
  shell = await startWebShell({ dispatchAs: backend.dispatchAs, watch: backend.watch, staticDir, tls: { cert: cert.cert, key: cert.key, names } });
});
afterAll(async () => {
  await shell.close();
  await backend.close();
});

describe('server mode', () => {
  it('serves HTTPS with the certificate made on first start and kept in the data folder; plain HTTP gets nothing', async () => {
    expect(cert.source).toBe('generated');
    expect(cert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fingerprintOf(cert.cert)).toBe(cert.fingerprint);
    expect((await serverCertificate(tlsHome, names)).fingerprint).toBe(cert.fingerprint); // kept, not made again
    expect((await api('auth/status', {})).status).toBe(200);
    const plain = await new Promise<string>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: shell.port, path: '/api/auth/status', method: 'POST' }, (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      req.end();
    });
    expect(plain).not.toMatch(/^status 200/);
    // another certificate than the pinned one is not accepted by the desk
    const other = await serverCertificate(await tempDir(), ['127.0.0.1']);
    await expect(new Promise((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port: shell.port, path: '/', ca: other.cert }, resolve);
      req.on('error', reject);
      req.end();
    })).rejects.toThrow();
  });

  it('signs in with a Secure, HttpOnly, SameSite=Strict cookie; unauthenticated 401, another role 403, a cross-site POST refused', async () => {
    const clerk = await desk('clerk1', ['clerk']);
    const r = await api('auth/signIn', { username: 'clerk1', password: TEST_PASSWORD });
    expect(r.cookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Strict; Secure$`));
    expect((await api('meetingDay/list', {})).status).toBe(401);
    expect((await api('accounts/list', {}, clerk)).status).toBe(403);
    expect((await api('meetingDay/list', {}, clerk)).status).toBe(200);
    const crossSite = await api('queue/arrive', { meetingDayId: 'x', name: 'x', nationalId: '' }, clerk, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await api('meetingDay/list', {}, clerk, { origin: `http://127.0.0.1:${shell.port}` })).status).toBe(403); // not over HTTPS
  });

  it('what one desk changes reaches the others within a second, and a disabled desk is cut off at once', async () => {
    const day = await openToday(backend);
    const reception = await desk('reception', ['clerk']);
    const table = await desk('table', ['clerk']);
    const feed = listen(table);
    expect(await feed.open).toBe(200);
    const t0 = Date.now();
    expect((await api('queue/arrive', { meetingDayId: day.id, name: 'مرتضی یوسفی', nationalId: validCitizen.nationalId }, reception)).status).toBe(200);
    await within(1000, () => feed.events.some((e) => e.event === 'change' && JSON.stringify(e.data).includes('queueEntry')));
    console.log(`[live] a queue arrival reached the other desk in ${Date.now() - t0} ms`);
    const tableAccount = (await backend.store.getAccountByUsername('table'))!;
    await ok(backend, 'accounts/update', { id: tableAccount.id, disabled: true });
    expect((await api('meetingDay/list', {}, table)).status).toBe(401);
    await within(1000, () => feed.events.some((e) => e.event === 'signed-out'));
    feed.stop();
    expect(await listen(table).open).toBe(401);
  });

  it('brute force over the network is locked out: wrong passwords, sent one by one or all at once, stop being tried after five', async () => {
    await ok(backend, 'accounts/create', { username: 'target', displayName: 'target', roles: ['clerk'], password: TEST_PASSWORD });
    await ok(backend, 'accounts/create', { username: 'bystander', displayName: 'bystander', roles: ['clerk'], password: TEST_PASSWORD });
    // twenty guesses at once: only five are checked, the rest refused before any password is compared
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => api('auth/signIn', { username: 'target', password: `wrong guess number ${i}` })));
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    // now even the right password is refused, gets no session cookie and says for how long
    const right = await api('auth/signIn', { username: 'target', password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.cookies).toEqual([]);
    expect(JSON.parse(right.body)).toMatchObject({ ok: false, error: { code: 'too-many-attempts', message: expect.stringContaining('دقیقه') } });
    // another account is not locked by it
    expect((await api('auth/signIn', { username: 'bystander', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('one address guessing passwords of many names is locked out after thirty, other addresses are not', async () => {
    await ok(backend, 'accounts/create', { username: 'colleague', displayName: 'colleague', roles: ['clerk'], password: TEST_PASSWORD });
    // another PC of the network (a second loopback address here) guesses a password for each of forty names at once
    const guesser = '127.0.0.3';
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => call('/api/auth/signIn', { body: { username: `name${i}`, password: 'a guess' }, from: guesser })));
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(30);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(10);
    // from there even a right password is refused now, and says why and for how long
    const right = await call('/api/auth/signIn', { body: { username: 'colleague', password: TEST_PASSWORD }, from: guesser });
    expect(right.status).toBe(429);
    expect(right.cookies).toEqual([]);
    expect(JSON.parse(right.body).error.message).toMatch(/از این رایانه .* ۱۵ دقیقه/);
    // the same account signs in from its own desk
    expect((await call('/api/auth/signIn', { body: { username: 'colleague', password: TEST_PASSWORD }, from: '127.0.0.4' })).status).toBe(200);
  });

  it('a change sent again with the same idempotency key is saved once, also after a restart of the backend', async () => {
    const day = await openToday(backend).catch(async () => (await ok(backend, 'meetingDay/list', {}))[0]!);
    const clerk = await desk('clerk2', ['clerk']);
    const draft = { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست با کلید یکتا' };
    const key = 'k-0f5d2c9e-1111-4a2b-9c3d-7e6f5a4b3c2d';
    const [a, b] = await Promise.all([api('case/record', draft, clerk, { key }), api('case/record', draft, clerk, { key })]);
    const c = await api('case/record', draft, clerk, { key });
    const ids = [a, b, c].map((r) => JSON.parse(r.body).value.id as string);
    expect(new Set(ids).size).toBe(1);
    const stored = (await ok(backend, 'case/listForDay', { meetingDayId: day.id })).filter((k) => k.text === draft.text);
    expect(stored).toHaveLength(1);
    // the answer is gone with the restart, the key is not: told it was done, and nothing is added
    const dir = backend.dataDir;
    await shell.close();
    await backend.close();
    backend = await openTestBackend(dir, () => new Date());
    shell = await startWebShell({ dispatchAs: backend.dispatchAs, watch: backend.watch, staticDir, tls: { cert: cert.cert, key: cert.key, names } });
    const again = await api('auth/signIn', { username: 'clerk2', password: TEST_PASSWORD });
    const retry = await api('case/record', draft, again.cookies[0]!.split(';')[0], { key });
    expect(JSON.parse(retry.body)).toMatchObject({ ok: false, error: { code: 'already-done' } });
    expect((await ok(backend, 'case/listForDay', { meetingDayId: day.id })).filter((k) => k.text === draft.text)).toHaveLength(1);
  });
});

describe('without server mode', () => {
  it('nothing answers on any address but 127.0.0.1', async () => {
    const local = await startWebShell({ dispatchAs: backend.dispatchAs, staticDir });
    try {
      const others = ['127.0.0.2', ...names.filter((n) => /^\d+\.\d+\.\d+\.\d+$/.test(n) && n !== '127.0.0.1')];
      const connect = (host: string): Promise<string> => new Promise((resolve) => {
        const s = net.connect({ host, port: local.port }, () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      for (const host of others) expect(await connect(host), host).toBe('ECONNREFUSED');
      // nor IPv6 loopback (refused, or no IPv6 on this machine at all)
      expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EAFNOSUPPORT']).toContain(await connect('::1'));
      const home = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: local.port, path: '/api/auth/status', method: 'POST' }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end('{}');
      });
      expect(home).toBe(200);
    } finally {
      await local.close();
    }
  });
});
