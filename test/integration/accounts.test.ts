// A signed-in person in a role behind every call: every role calls every method (allowed ones work, the others
// are refused and change nothing), wrong passwords lock an account, sessions end when idle, on sign-out and when
// their account is disabled or reset, and a password is stored nowhere but as its hash.
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api, type Method } from '../../shared/api';
import { mayCall, ROLES, type Role } from '../../shared/roles';
import type { Backend } from '../../electron/backend';
import type { CallerRef } from '../../electron/backend/dispatch';
import { auditTrail, ok, openTestBackend, openToday, send, snapshot, storeArgs, storedBytes, storeWith, tempStore, validCitizen } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';
import { CONTRACT_CALLS, makeWorld, NOT_WALKED, signedIn, TEST_PASSWORD } from '../helpers/calls';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function start(dir?: string, now?: () => Date) {
  const b = await openTestBackend(dir, now);
  open.push(b);
  return b;
}

const walk = (Object.keys(CONTRACT_CALLS) as Method[]).filter((m) => !NOT_WALKED.has(m));

describe('every role calls every method', () => {
  it.each(ROLES)('%s: what the role may do works, the rest is refused in Persian and the folder stays byte for byte', async (role: Role) => {
    const b = await start();
    const w = await makeWorld(b);
    const me = await signedIn(b, `a.${role}`, [role]);
    w.me.username = `a.${role}`;
    let allowed = 0;
    for (const m of walk) {
      const args = (await CONTRACT_CALLS[m](w)) as never;
      if (mayCall(api[m].access, [role])) {
        const r = await me.call(m, args);
        expect(r.ok, `${role} may call ${m}: ${JSON.stringify(r)}`).toBe(true);
        allowed++;
      } else {
        const before = await snapshot(b);
        const r = await me.call(m, args);
        expect(r, `${role} may not call ${m}`).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('در نقش شما مجاز نیست') } });
        expect(await snapshot(b), `${m} changed the folder for ${role}`).toEqual(before);
      }
    }
    expect(allowed).toBeGreaterThan(5);
  });

  it('without a session only the first-start and sign-in methods answer; every other call is refused and changes nothing', async () => {
    const b = await start();
    const w = await makeWorld(b);
    const guest: CallerRef = { kind: 'session', token: null };
    const before = await snapshot(b);
    for (const m of walk) {
      const r = await b.dispatchAs(guest, m, await CONTRACT_CALLS[m](w));
      if (api[m].access === 'public') continue;
      expect(r, m).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // the wrong sign-ins above are in the audit trail, and nothing else changed
    const after = await snapshot(b);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [f, text] of Object.entries(before)) if (!f.startsWith('audit/')) expect(after[f], f).toBe(text);
  });
});

describe('accounts and sessions', () => {
  it('the first start asks for the administrator once; a second setup is refused', async () => {
    const b = await start();
    const guest: CallerRef = { kind: 'session', token: null };
    expect(await b.dispatchAs(guest, 'auth/status', {})).toMatchObject({ ok: true, value: { needsSetup: true, account: null } });
    let token: string | null = null;
    const first = await b.dispatchAs({ kind: 'session', token: null, setSession: (t) => (token = t) }, 'auth/setup', { username: 'Admin', displayName: 'مدیر', password: TEST_PASSWORD });
    expect(first).toMatchObject({ ok: true, value: { account: { username: 'admin', roles: ['admin'] } } });
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const second = await b.dispatchAs(guest, 'auth/setup', { username: 'other', displayName: 'دیگری', password: TEST_PASSWORD });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await b.store.listAccounts()).map((a) => a.username)).toEqual(['admin']);
  });

  it('five wrong passwords lock the account for minutes, counted on the server; the right one works after', async () => {
    let now = new Date('2026-11-23T06:30:00Z');
    const b = await start(undefined, () => now);
    await ok(b, 'accounts/create', { username: 'clerk', displayName: 'کارمند', roles: ['clerk'], password: TEST_PASSWORD });
    const guest: CallerRef = { kind: 'session', token: null };
    for (let i = 0; i < 5; i++) {
      expect(await b.dispatchAs(guest, 'auth/signIn', { username: 'clerk', password: `wrong ${i} password!` })).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'نام کاربری یا گذرواژه درست نیست.' } });
    }
    const locked = await b.dispatchAs(guest, 'auth/signIn', { username: 'clerk', password: TEST_PASSWORD });
    expect(locked).toMatchObject({ ok: false, error: { code: 'too-many-attempts', message: expect.stringContaining('۱۵ دقیقه') } });
    now = new Date(now.getTime() + 16 * 60_000);
    expect(await b.dispatchAs(guest, 'auth/signIn', { username: 'clerk', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    // an unknown user gets the same answer as a wrong password
    expect(await b.dispatchAs(guest, 'auth/signIn', { username: 'nobody', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { message: 'نام کاربری یا گذرواژه درست نیست.' } });
  });

  it('a session ends after the idle time of the settings, and on sign-out', async () => {
    let now = new Date('2026-11-23T06:30:00Z');
    const b = await start(undefined, () => now);
    await ok(b, 'settings/update', { sessionIdleMinutes: 10 });
    const clerk = await signedIn(b, 'clerk', ['clerk']);
    now = new Date(now.getTime() + 9 * 60_000);
    expect(await clerk.call('meetingDay/list', {})).toMatchObject({ ok: true });
    now = new Date(now.getTime() + 9 * 60_000); // 9 minutes after the last call: still alive
    expect(await clerk.call('meetingDay/list', {})).toMatchObject({ ok: true });
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await clerk.call('meetingDay/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('نشست شما به پایان رسیده') } });
    const again = await signedIn(b, 'clerk2', ['clerk']);
    const token = again.token();
    expect(await again.call('auth/signOut', {})).toMatchObject({ ok: true });
    expect(await b.dispatchAs({ kind: 'session', token }, 'meetingDay/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('disabling an account ends its sessions at once; a reset asks for a new password first and ends the others', async () => {
    const b = await start();
    const clerk = await signedIn(b, 'clerk', ['clerk']);
    const other = await signedIn(b, 'inspector', ['inspector']);
    const [acc] = (await ok(b, 'accounts/list', {})).filter((a) => a.username === 'clerk');
    expect(acc!.sessions).toBe(1);
    await ok(b, 'accounts/update', { id: acc!.id, disabled: true });
    expect(await clerk.call('meetingDay/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await b.dispatchAs({ kind: 'session', token: null }, 'auth/signIn', { username: 'clerk', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const inspector = (await b.store.getAccountByUsername('inspector'))!;
    await ok(b, 'accounts/resetPassword', { id: inspector.id, password: 'گذرواژه موقت مدیر سامانه' });
    expect(await other.call('meetingDay/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    let token: string | null = null;
    const as = (): CallerRef => ({ kind: 'session', token, setSession: (t) => (token = t) });
    expect(await b.dispatchAs(as(), 'auth/signIn', { username: 'inspector', password: 'گذرواژه موقت مدیر سامانه' })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(await b.dispatchAs(as(), 'worklist/query', {})).toMatchObject({ ok: false, error: { code: 'password-change-required' } });
    expect(await b.dispatchAs(as(), 'auth/changePassword', { current: 'گذرواژه موقت مدیر سامانه', next: 'short' })).toMatchObject({ ok: false, error: { code: 'bad-args', fields: { next: expect.stringContaining('۱۲') } } });
    expect(await b.dispatchAs(as(), 'auth/changePassword', { current: 'گذرواژه موقت مدیر سامانه', next: 'گذرواژه خود کارشناس بازرسی' })).toMatchObject({ ok: true });
    expect(await b.dispatchAs(as(), 'worklist/query', {})).toMatchObject({ ok: true });
  });

  it('the last administrator cannot be disabled or lose the role', async () => {
    const b = await start();
    const admin = await ok(b, 'accounts/create', { username: 'admin', displayName: 'مدیر', roles: ['admin'], password: TEST_PASSWORD });
    expect(await send(b, 'accounts/update', { id: admin.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('مدیر سامانه لازم است') } });
    expect(await send(b, 'accounts/update', { id: admin.id, roles: ['clerk'] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await b.store.getAccount(admin.id))!.roles).toEqual(['admin']);
  });

  it('a password is stored nowhere but as its scrypt hash, and no answer carries the hash', async () => {
    const b = await start();
    const secret = 'رمز بسیار محرمانه ۱۲۳۴';
    const a = await ok(b, 'accounts/create', { username: 'clerk', displayName: 'کارمند', roles: ['clerk'], password: secret });
    expect(JSON.stringify(a)).not.toContain('scrypt');
    expect(JSON.stringify(await ok(b, 'accounts/list', {}))).not.toContain('scrypt');
    const clerk = await b.dispatchAs({ kind: 'session', token: null, setSession: () => undefined }, 'auth/signIn', { username: 'clerk', password: secret });
    expect(JSON.stringify(clerk)).not.toContain('scrypt');
    await b.store.settled();
    const stored = await storedBytes(b.dataDir);
    for (const f of stored) expect(f.includes(Buffer.from(secret))).toBe(false);
    expect(stored.some((f) => f.includes(Buffer.from('scrypt$65536$8$1$')))).toBe(true);
    expect((await b.store.listAccounts())[0]!.passwordHash).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });

  it('each history entry and audit line names the account that made it', async () => {
    const b = await start();
    const day = await openToday(b);
    const clerk = await signedIn(b, 'zahra', ['clerk']);
    const officer = await signedIn(b, 'reza', ['inspector']);
    const rec = await clerk.call('case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'قطعی برق', order: { type: 'investigate', leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' } });
    if (!rec.ok) throw new Error(JSON.stringify(rec));
    expect(await officer.call('case/refer', { ids: [rec.value.id] })).toMatchObject({ ok: true });
    const c = await ok(b, 'case/get', { id: rec.value.id });
    expect(c.createdBy).toBe('zahra');
    expect(c.history.map((h) => [h.action, h.by])).toEqual([['recorded', 'zahra'], ['order', 'zahra'], ['referred', 'reza']]);
    const lines = await auditTrail(b.dataDir);
    expect(lines.filter((l) => l.action === 'case/record' || l.action === 'case/referred').map((l) => l.by)).toEqual(['zahra', 'reza']);
  });

  it('the command line works on a store without signing in and records cli:<os user>', async () => {
    const dir = await tempStore();
    expect((await didar('import', ...storeArgs(dir), SAMPLE)).code).toBe(0);
    const b = await start(dir);
    const [c] = await b.store.scanCases({});
    expect(c!.createdBy).toBe(`cli:${os.userInfo().username}`);
  });

  it('a folder of the earlier version opens (or is moved into the database) with the names its history has, and asks for the administrator', async () => {
    const b = await start(await storeWith(path.resolve('test/fixtures/data-v2')));
    const c = await ok(b, 'case/byCode', { code: '0500000012' });
    expect(c.history.every((h) => h.by === 'desk-1')).toBe(true); // as the earlier version named the desk
    expect(await b.dispatchAs({ kind: 'session', token: null }, 'auth/status', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
  });
});
