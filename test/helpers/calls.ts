// One valid call of every method of the contract, in an order in which each succeeds on a fresh folder:
// the contract tests (one unit of work per change, none per query) and the role tests walk it. The map is
// typed by the contract, so a new method does not compile until it has its call here. The world has one
// account besides (`spare`), so `auth/setup` (first start only) is tested on its own, not in the walk.
import fs from 'node:fs';
import path from 'node:path';
import type { Args, Method, Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { Backend } from '../../electron/backend';
import type { CallerRef } from '../../electron/backend/dispatch';
import { ok, openToday, validCitizen } from './backend';

/** An office's own certificate and key (made once with openssl, valid twenty years). */
export const OFFICE_CERTIFICATE = {
  cert: fs.readFileSync(path.resolve('test/fixtures/office-cert.pem'), 'utf8'),
  key: fs.readFileSync(path.resolve('test/fixtures/office-key.pem'), 'utf8'),
};

export type World = {
  b: Backend;
  dayId: string;
  /** Recorded with an order: a, b for follow-up, c to cancel, d to print. */
  cases: Record<'a' | 'b' | 'c' | 'd', { id: string; code: string }>;
  /** Recorded without their code: one waiting for the governor's order, one with its order waiting for the code. */
  pending: { order: string; code: string };
  circularId: string;
  /** An account for the administrator's calls to change. */
  spareId: string;
  /** The signed-in walker's own user name and password (sign-in and password change use them). */
  me: { username: string; password: string };
};

/** Every test account's password (long enough for the policy). */
export const TEST_PASSWORD = 'گذرواژه آزمون برای دیدار';

/** Methods the walk leaves out: `auth/setup` works only on a folder without accounts. */
export const NOT_WALKED: ReadonlySet<Method> = new Set(['auth/setup']);

/** The arguments of a call, made just before it (some name what earlier calls made, e.g. a notice). */
type Call<M extends Method> = (w: World) => Args<M> | Promise<Args<M>>;
type Calls = { [M in Method]: Call<M> };

const order = { type: 'investigate' as const, leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: 'بررسی شود' };

/** The calls in the order they are made; `case/answer` after `case/refer`, `circular/issue` after approval, … */
export const CONTRACT_CALLS: Calls = {
  'app/info': () => ({}),
  'settings/get': () => ({}),
  'settings/update': () => ({ officeName: 'استانداری مازندران' }),
  'backup/status': () => ({}),
  'meetingDay/open': () => ({ date: '1405/09/03', place: { kind: 'county', county: 'آمل' }, host: 'معاون استاندار' }),
  'meetingDay/list': () => ({}),
  'meetingDay/current': () => ({}),
  'queue/list': (w) => ({ meetingDayId: w.dayId }),
  'queue/arrive': (w) => ({ meetingDayId: w.dayId, name: 'زهرا کریمی', nationalId: '' }),
  'queue/callNext': (w) => ({ meetingDayId: w.dayId }),
  'queue/mark': (w) => ({ meetingDayId: w.dayId, number: 1, status: 'absent' }),
  'case/record': (w) => ({ meetingDayId: w.dayId, citizen: validCitizen, text: 'خاموشی‌های پی‌درپی روستا', order }),
  'case/recordPending': (w) => ({ meetingDayId: w.dayId, citizen: validCitizen, text: 'آب آشامیدنی روستا قطع است' }),
  'case/pending': (w) => ({ stage: 'order', meetingDayId: w.dayId }),
  'case/giveOrder': (w) => ({ id: w.pending.order, order }),
  'case/allocateCode': (w) => ({ id: w.pending.code }),
  'case/correct': (w) => ({ id: w.cases.a.id, reason: 'غلط تایپی', text: 'برق روستا هر شب قطع می‌شود و ترانس سوخته است' }),
  'case/listForDay': (w) => ({ meetingDayId: w.dayId }),
  'case/get': (w) => ({ id: w.cases.a.id }),
  'case/byCode': (w) => ({ code: w.cases.a.code }),
  'case/cancel': (w) => ({ id: w.cases.c.id, reason: 'ثبت تکراری' }),
  'citizen/lookup': () => ({ nationalId: validCitizen.nationalId }),
  'order/dueDate': () => ({ from: '1405/09/02', days: 10 }),
  'slip/pdf': (w) => ({ caseId: w.cases.d.id }),
  'worklist/query': () => ({ q: 'برق' }),
  'worklist/file': () => ({ q: 'برق', format: 'xlsx' }),
  'escalation/list': () => ({}),
  'escalation/file': () => ({ format: 'xlsx' }),
  'case/referPreview': (w) => ({ ids: [w.cases.a.id, w.cases.b.id] }),
  'case/refer': (w) => ({ ids: [w.cases.a.id, w.cases.b.id] }),
  'case/reroute': (w) => ({ ids: [w.cases.b.id], department: 'شرکت برق منطقه‌ای', reason: 'شبکه فشار قوی است' }),
  'case/extend': (w) => ({ ids: [w.cases.b.id], days: 5, reason: 'بازدید میدانی' }),
  'case/pause': (w) => ({ id: w.cases.b.id, reason: 'مدارک لازم است' }),
  'case/resume': (w) => ({ id: w.cases.b.id }),
  'case/start': (w) => ({ id: w.cases.b.id }),
  'case/answer': (w) => ({ id: w.cases.a.id, letterNo: '۱۲۳/ب', date: '1405/09/02', text: 'شبکه ترمیم شد.' }),
  'case/close': (w) => ({ id: w.cases.a.id, outcome: 'solved', note: '' }),
  'case/satisfaction': (w) => ({ id: w.cases.a.id, level: 'satisfied', note: '' }),
  'case/reopen': (w) => ({ id: w.cases.a.id, reason: 'مشکل دوباره پیش آمد' }),
  'lookup/status': (w) => ({ code: w.cases.a.code, nationalId: validCitizen.nationalId }),
  'notices/list': () => ({ pending: true }),
  'notices/export': () => ({}),
  'notices/skip': async (w) => (await pendingNotices(w))[0]!,
  'notices/markExported': async (w) => ({ notices: await pendingNotices(w) }),
  'group/board': () => ({ rerun: false }),
  'group/correct': (w) => ({ kind: 'split', caseIds: [w.cases.b.id] }),
  'group/corrections': () => ({}),
  'group/undo': () => ({ index: 0 }),
  'case/suggest': () => ({ text: 'برق روستای ما هر شب قطع می‌شود', department: '' }),
  'case/rows': (w) => ({ caseIds: [w.cases.a.id, w.cases.b.id] }),
  'report/departments': () => ({ period: { kind: 'year', year: 1405 } }),
  'report/day': (w) => ({ meetingDayId: w.dayId }),
  'report/dayFile': (w) => ({ meetingDayId: w.dayId, format: 'csv' }),
  'report/counties': () => ({ period: { kind: 'year', year: 1405 } }),
  'report/file': () => ({ period: { kind: 'year', year: 1405 }, table: 'weekly', format: 'csv' }),
  'circular/list': () => ({}),
  'circular/get': (w) => ({ id: w.circularId }),
  'circular/draft': (w) => ({ caseIds: [w.cases.a.id, w.cases.b.id], problem: 'قطعی برق روستاها' }),
  'circular/update': (w) => ({ id: w.circularId, title: 'بخشنامه رفع قطعی برق روستاها' }),
  'circular/approve': (w) => ({ id: w.circularId }),
  'circular/nextNumber': () => ({}),
  'circular/issue': (w) => ({ id: w.circularId, number: '1405/1', date: '1405/09/02' }),
  'circular/file': (w) => ({ id: w.circularId, format: 'pdf' }),
  'circular/effect': (w) => ({ id: w.circularId }),
  'accounts/directory': () => ({}),
  'accounts/list': () => ({}),
  'accounts/create': () => ({ username: 'new.clerk', displayName: 'کارمند تازه', roles: ['clerk'], password: TEST_PASSWORD }),
  'accounts/update': (w) => ({ id: w.spareId, displayName: 'نام تازه', roles: ['viewer'] }),
  'accounts/resetPassword': (w) => ({ id: w.spareId, password: `${TEST_PASSWORD} تازه` }),
  'server/status': () => ({}),
  'server/installCertificate': () => OFFICE_CERTIFICATE,
  'auth/status': () => ({}),
  'auth/setup': () => ({ username: 'first.admin', displayName: 'مدیر', password: TEST_PASSWORD }),
  'auth/signIn': (w) => ({ username: w.me.username, password: w.me.password }),
  'auth/changePassword': (w) => ({ current: w.me.password, next: `${w.me.password}!` }),
  // last: it ends the walker's session
  'auth/signOut': () => ({}),
};

/** Notices to citizens not yet sent nor kept back, as the SMS queue names them. */
async function pendingNotices(w: World): Promise<{ caseId: string; noticeId: string }[]> {
  return (await w.b.store.scanCases({ pendingNotices: true }))
    .flatMap((c) => c.notices.filter((n) => !n.exportedAt && !n.skippedAt).map((n) => ({ caseId: c.id, noticeId: n.id })));
}

/** A meeting day with four cases with orders, two waiting for their code, two citizens in the queue and a draft circular. */
export async function makeWorld(b: Backend): Promise<World> {
  const day = await openToday(b);
  const rec = async (text: string) => {
    const c: Result<'case/record'> = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text, order });
    return { id: c.id, code: c.code };
  };
  const cases = { a: await rec('برق روستا هر شب قطع می‌شود'), b: await rec('قطعی برق مزرعه'), c: await rec('برق نداریم'), d: await rec('افت ولتاژ') };
  await ok(b, 'queue/arrive', { meetingDayId: day.id, name: 'مرتضی یوسفی', nationalId: validCitizen.nationalId });
  await ok(b, 'queue/arrive', { meetingDayId: day.id, name: 'علی رضایی', nationalId: '' });
  const waiting = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'جاده روستا خاکی است' });
  const ordered = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'مدرسه روستا معلم ندارد', order });
  const circular = await ok(b, 'circular/draft', { caseIds: [cases.a.id, cases.d.id], problem: 'افت و قطعی برق' });
  const spare = await ok(b, 'accounts/create', { username: 'spare', displayName: 'حساب یدکی', roles: ['clerk'], password: TEST_PASSWORD });
  return { b, dayId: day.id, cases, pending: { order: waiting.id, code: ordered.id }, circularId: circular.id, spareId: spare.id, me: { username: '', password: TEST_PASSWORD } };
}

/**
 * Creates an account with these roles and signs it in through dispatch, as a browser would; returns a caller
 * that sends every call with its session (and keeps a new one the server hands back).
 */
export async function signedIn(b: Backend, username: string, roles: readonly Role[], office?: string) {
  await ok(b, 'accounts/create', { username, displayName: username, roles: [...roles], password: TEST_PASSWORD, ...(office ? { office } : {}) });
  let token: string | null = null;
  const caller = (): CallerRef => ({ kind: 'session', token, setSession: (t) => (token = t) });
  const call = <M extends Method>(m: M, a: Args<M>) => b.dispatchAs(caller(), m, a) as Promise<Reply<Result<M>>>;
  const r = await call('auth/signIn', { username, password: TEST_PASSWORD });
  if (!r.ok || !token) throw new Error(`sign-in failed: ${JSON.stringify(r)}`);
  return { call, token: () => token };
}
