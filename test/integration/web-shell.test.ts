import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { SESSION_COOKIE, TOKEN_HEADER } from '../../shared/security';
import { openTestBackend, snapshot, tempDir, validCitizen } from '../helpers/backend';
import { request } from '../helpers/http';

let shell: WebShell;
let backend: Awaited<ReturnType<typeof openTestBackend>>;
let staticDir: string;
const TOKEN = 'script-token-for-the-tests-0123456789';

beforeAll(async () => {
  backend = await openTestBackend();
  const base = await tempDir('didar-static-');
  staticDir = path.join(base, 'renderer');
  await fs.mkdir(staticDir);
  await fs.writeFile(path.join(staticDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  await fs.writeFile(path.join(base, 'didar-secret.txt'), 'secret'); // beside the build folder: must stay unreachable
  shell = await startWebShell({ dispatchAs: backend.dispatchAs, staticDir, token: TOKEN, scriptOperator: 'cli:tester' });
});
afterAll(async () => {
  await shell.close();
  await backend.close();
});

const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  request(shell, `/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers }, body: JSON.stringify(args) });
/** A call as a browser makes it: no script token, the session cookie if it has one. */
const asBrowser = (method: string, args: unknown, cookie = '') =>
  request(shell, `/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(args) });

describe('web shell', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/`);
  });

  it('serves the page without any token in it', async () => {
    const r = await request(shell, '/');
    expect(r.status).toBe(200);
    expect(r.body).not.toContain(TOKEN);
    expect(r.body).not.toMatch(/didar-token/);
  });

  it('answers a script that carries the token given at start, as the command line', async () => {
    const r = await api('meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { date: '1405/09/02', openedBy: 'cli:tester' } });
  });

  it('refuses calls without a session or with a wrong token (401) and stores nothing', async () => {
    const before = await snapshot(backend);
    const day = (await backend.handlers['meetingDay/list'](backend.ctx, {}))[0]!;
    const args = { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست' };
    const none = await asBrowser('case/record', args);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('وارد شوید') });
    expect((await asBrowser('case/record', args, `${SESSION_COOKIE}=guessed-session-token`)).status).toBe(401);
    const wrong = await api('case/record', args, { [TOKEN_HEADER]: 'x'.repeat(TOKEN.length) });
    expect(wrong.status).toBe(401);
    expect(await snapshot(backend)).toEqual(before);
  });

  it('signs a browser in with a cookie script cannot read, and its role decides what it may call (403 otherwise)', async () => {
    const setup = await asBrowser('auth/setup', { username: 'admin', displayName: 'مدیر سامانه', password: 'گذرواژه‌ای برای آزمون' });
    expect(setup.status).toBe(200);
    expect(setup.body).not.toMatch(new RegExp(`${SESSION_COOKIE}|گذرواژه‌ای برای آزمون`));
    const [cookie] = setup.cookies;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,}; Path=/; HttpOnly; SameSite=Strict$`));
    const session = cookie!.split(';')[0]!;
    expect(JSON.parse((await asBrowser('auth/status', {}, session)).body).value).toMatchObject({ account: { username: 'admin', roles: ['admin'] } });
    // the administrator manages accounts and settings, but does not record cases
    const day = (await backend.handlers['meetingDay/list'](backend.ctx, {}))[0]!;
    const refused = await asBrowser('case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست' }, session);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'forbidden' });
    expect((await asBrowser('accounts/list', {}, session)).status).toBe(200);
    // signing out ends the session on the server and clears the cookie
    const out = await asBrowser('auth/signOut', {}, session);
    expect(out.cookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    expect((await asBrowser('accounts/list', {}, session)).status).toBe(401);
  });

  it('refuses a foreign Host or Origin (403)', async () => {
    expect((await request(shell, '/', { headers: { Host: 'evil.example:80' } })).status).toBe(403);
    expect((await api('app/info', {}, { Host: `attacker.test:${shell.port}` })).status).toBe(403);
    expect((await api('app/info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app/info', {}, { Origin: `http://127.0.0.1:${shell.port}` })).status).toBe(200);
  });

  it('refuses bodies over the limit (413)', async () => {
    expect((await api('app/info', { pad: 'x'.repeat(1_100_000) })).status).toBe(413);
  });

  it('does not let static paths escape the build folder (404)', async () => {
    for (const p of ['/../didar-secret.txt', '/%2e%2e/didar-secret.txt', '/..%2fdidar-secret.txt', '/%2e%2e%5cdidar-secret.txt']) {
      const r = await request(shell, p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('compresses large answers for a desk that accepts gzip, and never answers from before a change', async () => {
    const day = (await backend.handlers['meetingDay/list'](backend.ctx, {}))[0]!;
    for (let i = 0; i < 12; i++) await api('queue/arrive', { meetingDayId: day.id, name: `شهروند شماره ${i + 1}`, nationalId: '' });
    const gzipped = await api('queue/list', { meetingDayId: day.id }, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    const plain = await api('queue/list', { meetingDayId: day.id });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zlib.gunzipSync(gzipped.raw).toString('utf8')).toBe(plain.body);
    expect(gzipped.raw.length).toBeLessThan(plain.raw.length / 2);
    const refused = await api('queue/list', { meetingDayId: day.id }, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    // the same queue is answered from one serialisation; a new arrival is in the next answer at once
    await api('queue/arrive', { meetingDayId: day.id, name: 'شهروند تازه', nationalId: '' });
    const after = JSON.parse(zlib.gunzipSync((await api('queue/list', { meetingDayId: day.id }, { 'Accept-Encoding': 'gzip' })).raw).toString('utf8'));
    expect(after.value.map((e: { name: string }) => e.name)).toEqual([...JSON.parse(plain.body).value.map((e: { name: string }) => e.name), 'شهروند تازه']);
  });
});
