// Several offices on one store: a county governorate's staff see and change their own office's meeting days and
// cases only (every list, search, file and report), the province's staff see every office and run reports for one;
// tracking codes stay one province-wide sequence; a store written before offices reads as the province's.
import ExcelJS from 'exceljs';
import type { ChangeNotice } from '../../shared/live';
import type { Case } from '../../shared/domain';
import { describe, expect, it } from 'vitest';
import { api, type Args, type Method, type Result } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import type { Backend } from '../../electron/backend';
import { mayCall, type Role } from '../../shared/roles';
import { parseTrackingCode } from '../../shared/tracking-code';
import fs from 'node:fs';
import path from 'node:path';
import { ok, openForTest, openToday, snapshot, storeWith, tempDir, validCitizen } from '../helpers/backend';
import { lineOf, pdfWords, readsRightToLeft, type PdfWord } from '../helpers/pdf-words';
import { CONTRACT_CALLS, makeWorld, NOT_WALKED, signedIn, TEST_PASSWORD } from '../helpers/calls';

const order = { type: 'investigate' as const, leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: 'بررسی شود' };
const SARI = 'ساری';
const AMOL = 'آمل';
const COUNTY_ROLES: Role[] = ['clerk', 'inspector', 'office', 'viewer', 'admin'];

type Caller = { call: <M extends Method>(m: M, a: Args<M>) => Promise<Reply<Result<M>>> };

/** The command line (the province, every role) as a caller. */
const asCli = (b: Backend): Caller => ({ call: (m, a) => b.dispatch(m, a) as never });

async function must<M extends Method>(who: Caller, m: M, a: Args<M>): Promise<Result<M>> {
  const r = await who.call(m, a);
  if (!r.ok) throw new Error(`${m} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A county governorate's own meeting day (held in its county) and a case recorded at it. */
async function countyDay(who: Caller, county: string, text: string) {
  const day = await must(who, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'county', county }, host: `فرماندار ${county}` });
  const c = await must(who, 'case/record', { meetingDayId: day.id, citizen: { ...validCitizen, county }, text, order });
  return { day, c };
}

/** Referred, answered and closed with this outcome. */
async function close(who: Caller, id: string, outcome: 'solved' | 'partly-solved'): Promise<void> {
  await must(who, 'case/refer', { ids: [id] });
  await must(who, 'case/answer', { id, letterNo: '۱۲/ب', date: '1405/09/02', text: 'انجام شد.' });
  await must(who, 'case/close', { id, outcome, note: '' });
}

/** Every string of an answer, with file contents (base64) decoded: a CSV names the cases it lists. */
function textOf(v: unknown): string {
  return JSON.stringify(v, (k, x: unknown) => (k === 'base64' && typeof x === 'string' ? Buffer.from(x, 'base64').toString('utf8') : x));
}

describe('offices', () => {
  it("a county's staff see and change only their office's cases; the province sees every office", async () => {
    const b = await openForTest();
    const provinceDay = await openToday(b);
    const p = await ok(b, 'case/record', { meetingDayId: provinceDay.id, citizen: validCitizen, text: 'قطعی برق روستای ورسک', order });
    const sari = await signedIn(b, 'sari.clerk', ['clerk', 'inspector', 'office'], SARI);
    const amol = await signedIn(b, 'amol.clerk', ['clerk', 'inspector', 'office'], AMOL);
    const s = await countyDay(sari, SARI, 'قطعی برق محله شهرداری ساری');
    const a = await countyDay(amol, AMOL, 'قطعی برق روستای آمل');
    expect(s.day.office).toBe(SARI);
    expect(s.c.office).toBe(SARI);
    expect(p.office).toBeUndefined(); // the province's: written as no office

    // lists and searches
    expect((await must(sari, 'meetingDay/list', {})).map((d) => d.id)).toEqual([s.day.id]);
    expect((await must(sari, 'meetingDay/current', {}))?.id).toBe(s.day.id);
    expect((await must(sari, 'worklist/query', { q: 'برق' })).items.map((i) => i.code)).toEqual([s.c.code]);
    expect((await must(sari, 'worklist/query', {})).total).toBe(1);
    expect((await must(sari, 'citizen/lookup', { nationalId: validCitizen.nationalId })).cases.map((c) => c.code)).toEqual([s.c.code]);
    expect((await must(sari, 'case/listForDay', { meetingDayId: s.day.id })).map((c) => c.id)).toEqual([s.c.id]);
    const report = await must(sari, 'report/departments', { period: { kind: 'year', year: 1405 } });
    expect(report.rows.flatMap((r) => r.cases)).toEqual([s.c.id]);

    // another office's case, day or queue: not found, in Persian, naming the caller's office
    const notHers = [
      await sari.call('case/byCode', { code: p.code }),
      await sari.call('case/get', { id: a.c.id }),
      await sari.call('slip/pdf', { caseId: p.id }),
    ];
    for (const r of notHers) expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('فرمانداری ساری') } });
    expect(await sari.call('case/listForDay', { meetingDayId: provinceDay.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await sari.call('queue/arrive', { meetingDayId: provinceDay.id, name: 'زهرا کریمی', nationalId: '' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await sari.call('case/record', { meetingDayId: a.day.id, citizen: validCitizen, text: 'در روز آمل', order })).toMatchObject({ ok: false });

    // changing it: refused the same way, nothing changes
    const before = await snapshot(b);
    for (const r of [
      await sari.call('case/cancel', { id: p.id, reason: 'ثبت تکراری' }),
      await sari.call('case/correct', { id: a.c.id, reason: 'غلط تایپی', text: 'متن دیگر' }),
      await sari.call('case/refer', { ids: [p.id] }),
      await sari.call('case/close', { id: a.c.id, outcome: 'solved', note: '' }),
    ]) expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('فرمانداری ساری') } });
    expect(await snapshot(b)).toEqual(before);

    // the province sees every office, and runs a report for one
    const province = await signedIn(b, 'province.office', ['office', 'inspector', 'clerk']);
    expect((await must(province, 'worklist/query', { q: 'برق' })).total).toBe(3);
    expect((await must(province, 'case/byCode', { code: s.c.code })).id).toBe(s.c.id);
    expect((await must(province, 'meetingDay/list', {})).length).toBe(3);
    expect((await must(province, 'meetingDay/current', {}))?.id).toBe(provinceDay.id);
    const ofSari = await must(province, 'report/departments', { period: { kind: 'year', year: 1405 }, office: SARI });
    expect(ofSari.rows.flatMap((r) => r.cases)).toEqual([s.c.id]);
    const ofProvince = await must(province, 'report/departments', { period: { kind: 'year', year: 1405 }, office: 'province' });
    expect(ofProvince.rows.flatMap((r) => r.cases)).toEqual([p.id]);
    const all = await must(province, 'report/departments', { period: { kind: 'year', year: 1405 } });
    expect(all.rows.flatMap((r) => r.cases).sort()).toEqual([p.id, s.c.id, a.c.id].sort());
    expect(await province.call('report/departments', { period: { kind: 'year', year: 1405 }, office: 'تهران' }))
      .toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringContaining('فرمانداری') } });
    // a county asking for another office's report gets nothing of it
    const sariAsksAmol = await must(sari, 'report/departments', { period: { kind: 'year', year: 1405 }, office: AMOL });
    expect(sariAsksAmol.rows).toEqual([]);
    // but the stations' work is each office's own: a county's case waiting for its order or code is not the province's
    const waiting = await must(sari, 'case/recordPending', { meetingDayId: s.day.id, citizen: { ...validCitizen, county: SARI }, text: 'آب شرب روستای ساری قطع است' });
    const provincePending = await must(province, 'case/recordPending', { meetingDayId: provinceDay.id, citizen: validCitizen, text: 'آب شرب روستای ورسک قطع است' });
    for (const stage of ['order', 'code'] as const) {
      if (stage === 'code') for (const [who, c] of [[sari, waiting], [province, provincePending]] as const) await must(who, 'case/giveOrder', { id: c.id, order });
      expect((await must(province, 'case/pending', { stage })).map((c) => c.id)).toEqual([provincePending.id]);
      expect((await must(sari, 'case/pending', { stage })).map((c) => c.id)).toEqual([waiting.id]);
    }
  });

  it("a county's slip, referral letter and messages speak for its governorate; the province's for the province", async () => {
    const b = await openForTest();
    const provinceDay = await openToday(b);
    const p = await ok(b, 'case/record', { meetingDayId: provinceDay.id, citizen: validCitizen, text: 'قطعی برق روستای ورسک', order });
    const sari = await signedIn(b, 'sari.clerk', ['clerk', 'inspector', 'office'], SARI);
    const s = await countyDay(sari, SARI, 'قطعی برق محله شهرداری ساری');
    const dir = await tempDir();
    const wordsOf = async (f: { base64: string }, name: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, Buffer.from(f.base64, 'base64'));
      return pdfWords(file);
    };
    // the slip's first line names the office
    const heading = (words: PdfWord[]) => lineOf(words, words.reduce((a, w) => (w.yMin < a.yMin ? w : a)));
    const countySlip = heading(await wordsOf(await must(sari, 'slip/pdf', { caseId: s.c.id }), 'sari-slip.pdf'));
    expect(countySlip).toHaveLength(2);
    expect(readsRightToLeft(countySlip, 'فرمانداری ساری')).toBe(true);
    expect(readsRightToLeft(await wordsOf(await must(sari, 'slip/pdf', { caseId: s.c.id }), 'sari-slip-2.pdf'), 'دستور فرماندار')).toBe(true);
    const provinceSlip = heading(await wordsOf(await ok(b, 'slip/pdf', { caseId: p.id }), 'province-slip.pdf'));
    expect(readsRightToLeft(provinceSlip, 'استانداری مازندران')).toBe(true);
    // the county's letter: its governorate under the province's name, signed by its governor
    const letter = await wordsOf((await must(sari, 'case/refer', { ids: [s.c.id] })).letters[0]!, 'sari-letter.pdf');
    expect(readsRightToLeft(letter, 'فرمانداری ساری')).toBe(true);
    expect(readsRightToLeft(letter, 'فرماندار ساری')).toBe(true);
    expect(readsRightToLeft(letter, 'به استناد دستور فرماندار محترم')).toBe(true);
    expect(letter.some((w) => w.text === 'مدیرکل')).toBe(false);
    // the message the citizen gets names the governorate too
    const notices = (await must(sari, 'case/get', { id: s.c.id })).notices;
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n.text).toContain('فرمانداری ساری');
  });

  it("no answer to a county's caller, over the whole contract, names another office's case", async () => {
    const b = await openForTest();
    const w = await makeWorld(b); // the province's day, cases, queue and circular
    const province = await b.store.scanCases({});
    const secrets = province.flatMap((c) => [c.id, ...(c.code ? [c.code] : [])]);
    const sari = await signedIn(b, 'sari.all', COUNTY_ROLES, SARI);
    w.me.username = 'sari.all';
    // the citizen's status lookup answers from the whole province (the identity is the lock); a circular is seen
    // only by an office whose own cases it rests on alone
    const provinceWide = new Set<Method>(['lookup/status']);
    let answered = 0;
    for (const m of Object.keys(CONTRACT_CALLS) as Method[]) {
      if (NOT_WALKED.has(m) || provinceWide.has(m) || !mayCall(api[m].access, COUNTY_ROLES)) continue;
      const r = await sari.call(m, (await CONTRACT_CALLS[m](w)) as never);
      if (r.ok) answered++;
      const said = textOf(r);
      for (const x of secrets) expect(said, `${m} told the county ${x}`).not.toContain(x);
    }
    expect(answered).toBeGreaterThan(15);
    // and nothing of the province's changed
    for (const c of province) expect(await b.store.getCase(c.id)).toEqual(c);
  });

  it("a county's board titles each group from its own cases, and a circular resting on another office's cases is not its", async () => {
    const b = await openForTest();
    const day = await openToday(b);
    const province = asCli(b);
    const theirs = ['کمبود شدید کود اوره در تعاونی روستایی', 'کود اوره در تعاونی روستا کمیاب شده است', 'سهمیه کود اوره به تعاونی نرسید'];
    const provinceCases: Case[] = [];
    for (const text of theirs) provinceCases.push(await must(province, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text, order }));
    const sari = await signedIn(b, 'sari.board', ['clerk', 'inspector', 'office'], SARI);
    const own = await countyDay(sari, SARI, 'کشاورزان ساری کود اوره پیدا نمی‌کنند');
    await must(sari, 'case/record', { meetingDayId: own.day.id, citizen: { ...validCitizen, county: SARI }, text: 'کود اوره برای مزرعه برنج ساری نیست', order });
    const ownTexts = (await must(sari, 'case/listForDay', { meetingDayId: own.day.id })).map((c) => c.text);
    const board = await must(sari, 'group/board', {});
    expect(board.groups.length).toBeGreaterThan(0);
    for (const g of board.groups) expect(ownTexts.some((t) => t.includes(g.title)), g.title).toBe(true);
    // the province's intake, asked after the county's board, points to the province-wide group
    const hint = await must(province, 'case/suggest', { text: 'کود اوره در تعاونی روستا پیدا نمی‌شود' });
    const provinceGroup = (await must(province, 'group/board', {})).groups.find((g) => g.caseIds.includes(provinceCases[0]!.id));
    expect(provinceGroup?.recurring).toBe(true);
    expect(hint.group).toMatchObject({ id: provinceGroup!.id, cases: provinceGroup!.cases, counties: 2 });
    // the province's circular on its own cases is not the county's to see or change
    const circular = await must(province, 'circular/draft', { caseIds: provinceCases.map((c) => c.id), problem: 'کمبود کود اوره' });
    expect(await must(sari, 'circular/list', {})).toEqual([]);
    expect((await sari.call('circular/get', { id: circular.id })).ok).toBe(false);
    expect((await sari.call('circular/approve', { id: circular.id })).ok).toBe(false);
    expect(await b.store.getCircular(circular.id)).toEqual(circular);
  });

  it("a correction the province makes reaches a county's intake at once, though the county's board was listed before it", async () => {
    const b = await openForTest();
    const sari = await signedIn(b, 'sari.intake', ['clerk', 'inspector', 'office'], SARI);
    const texts = ['کود اوره در تعاونی روستا پیدا نمی‌شود', 'سهمیه کود اوره شالیزار به تعاونی نرسید', 'کمبود شدید کود اوره در تعاونی روستایی'];
    const days = [];
    for (const date of ['1405/09/02', '1405/09/09']) days.push(await must(sari, 'meetingDay/open', { date, place: { kind: 'county', county: SARI }, host: 'فرماندار ساری' }));
    const ids = [];
    for (const [i, text] of texts.entries()) {
      const citizen = { ...validCitizen, county: i === 0 ? AMOL : SARI };
      ids.push((await must(sari, 'case/record', { meetingDayId: days[i % 2]!.id, citizen, text, order })).id);
    }
    await must(sari, 'group/board', {});
    const text = 'کود اوره برای شالیزار در تعاونی نیست';
    const before = await must(sari, 'case/suggest', { text });
    expect(before.group?.cases).toBe(3);
    await must(asCli(b), 'group/correct', { kind: 'notCollective', caseIds: ids, value: true });
    expect((await must(sari, 'case/suggest', { text })).group).toBeNull();
  });

  it("a county's desk hears of its own office's changes only; the province's desk hears of all", async () => {
    const b = await openForTest();
    const day = await openToday(b);
    const sari = await signedIn(b, 'sari.live', ['clerk'], SARI);
    const provinceDesk = await signedIn(b, 'province.live', ['clerk']);
    const heard = { sari: [] as ChangeNotice[], province: [] as ChangeNotice[] };
    const stops = [
      await b.watch({ kind: 'session', token: sari.token() }, (n) => heard.sari.push(n), () => undefined),
      await b.watch({ kind: 'session', token: provinceDesk.token() }, (n) => heard.province.push(n), () => undefined),
    ];
    const theirs = await must(asCli(b), 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست استانداری', order });
    await must(asCli(b), 'queue/arrive', { meetingDayId: day.id, name: 'مراجع استانداری', nationalId: '' });
    const own = await countyDay(sari, SARI, 'درخواست فرمانداری ساری');
    await new Promise((r) => setTimeout(r, 200)); // the county's notices are looked up in order before they are sent
    for (const stop of stops) stop!();
    const ids = (ns: ChangeNotice[]) => ns.flatMap((n) => n.changes.map((c) => c.id));
    expect(ids(heard.province)).toEqual(expect.arrayContaining([theirs.id, own.c.id, `${day.id}#1`, own.day.id]));
    expect(ids(heard.sari)).toEqual(expect.arrayContaining([own.c.id, own.day.id]));
    expect(ids(heard.sari).filter((id) => id === theirs.id || id.startsWith(day.id))).toEqual([]);
    expect(heard.sari.map((n) => n.by)).not.toContain('cli:tester');
  });

  it('two offices record at once: one province-wide sequence, every code once', async () => {
    const b = await openForTest();
    const day = await openToday(b);
    const sari = await signedIn(b, 'sari.clerk', ['clerk'], SARI);
    const sariDay = await must(sari, 'meetingDay/open', { date: '1405/09/02', place: { kind: 'county', county: SARI }, host: 'فرماندار' });
    const rec = (who: Caller, dayId: string, i: number) => must(who, 'case/record', { meetingDayId: dayId, citizen: validCitizen, text: `درخواست شماره ${i} درباره آب`, order });
    const province = asCli(b);
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? rec(sari, sariDay.id, i) : rec(province, day.id, i))));
    const codes = made.map((c) => c.code);
    expect(new Set(codes).size).toBe(12);
    expect(made.filter((c) => c.office === SARI).length).toBe(6);
    expect(codes.map((c) => parseTrackingCode(c).sequence).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("the county scorecard: the county governorate's own meeting days beside its citizens at the centre, with their share solved", async () => {
    const b = await openForTest();
    const day = await openToday(b);
    // two Sari citizens come to the centre; one of them is solved
    const atCentre = await Promise.all(['1', '2'].map((n) => ok(b, 'case/record', {
      meetingDayId: day.id, citizen: { ...validCitizen, county: SARI }, text: `درخواست مرکز ${n}`, order,
    })));
    await close(asCli(b), atCentre[0]!.id, 'solved');
    const sari = await signedIn(b, 'sari.office', ['clerk', 'inspector', 'office'], SARI);
    const own = await countyDay(sari, SARI, 'درخواست در فرمانداری');
    await close(sari, own.c.id, 'partly-solved');
    const period = { kind: 'year' as const, year: 1405 };
    const row = (await ok(b, 'report/counties', { period })).rows.find((r) => r.county === SARI)!;
    expect(row).toMatchObject({ citizens: 1, resolvedPct: 50, officeCases: [own.c.id], officeCitizens: 1, officeResolvedPct: 100 });
    expect(row.cases.sort()).toEqual(atCentre.map((c) => c.id).sort());
    // for one office: the county's own days only; the county's staff see the same of their own
    const ofSari = (await ok(b, 'report/counties', { period, office: SARI })).rows;
    expect(ofSari).toMatchObject([{ county: SARI, cases: [], officeCases: [own.c.id] }]);
    expect((await must(sari, 'report/counties', { period })).rows).toMatchObject([{ county: SARI, cases: [], officeCases: [own.c.id] }]);
    // the sheet carries both, and names the office it was run for
    const file = await ok(b, 'report/file', { period, office: SARI, table: 'counties', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^فرمانداری ساری — /);
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    const cells = (ws.getRow(3).values as unknown[]).slice(1);
    expect(cells[0]).toBe(SARI);
    expect(cells[headers.indexOf('درخواست‌های ثبت‌شده در فرمانداری')]).toBe(1);
    expect(cells[headers.indexOf('حل‌شده در فرمانداری (٪)')]).toBe(100);
  });

  it("accounts: the province's administrator gives an office; a county's manages only its own", async () => {
    const b = await openForTest();
    const created = await ok(b, 'accounts/create', { username: 'sari.admin', displayName: 'مدیر ساری', roles: ['admin'], password: TEST_PASSWORD, office: SARI });
    expect(created.office).toBe(SARI);
    expect(await b.dispatch('accounts/create', { username: 'x.clerk', displayName: 'ایکس', roles: ['clerk'], password: TEST_PASSWORD, office: 'تهران' }))
      .toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringContaining('فرمانداری') } });
    const amolClerk = await ok(b, 'accounts/create', { username: 'amol.clerk', displayName: 'کارمند آمل', roles: ['clerk'], password: TEST_PASSWORD, office: AMOL });
    const sariAdmin = await signedIn(b, 'sari.admin2', ['admin'], SARI);
    // created without an office: the administrator's own
    expect((await must(sariAdmin, 'accounts/create', { username: 'sari.clerk', displayName: 'کارمند ساری', roles: ['clerk'], password: TEST_PASSWORD })).office).toBe(SARI);
    const before = await snapshot(b);
    for (const r of [
      await sariAdmin.call('accounts/create', { username: 'amol.two', displayName: 'دو', roles: ['clerk'], password: TEST_PASSWORD, office: AMOL }),
      await sariAdmin.call('accounts/create', { username: 'prov.two', displayName: 'دو', roles: ['clerk'], password: TEST_PASSWORD, office: 'province' }),
      await sariAdmin.call('accounts/update', { id: amolClerk.id, displayName: 'نام دیگر' }),
      await sariAdmin.call('accounts/resetPassword', { id: amolClerk.id, password: `${TEST_PASSWORD} نو` }),
    ]) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('فرمانداری ساری') } });
    // the settings are the province's: a county's administrator may read them, not change them
    expect(await sariAdmin.call('settings/update', { thursdayOff: false })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('استانداری') } });
    expect(await snapshot(b)).toEqual(before);
    expect((await must(sariAdmin, 'accounts/list', {})).map((a) => a.username).sort()).toEqual(['sari.admin', 'sari.admin2', 'sari.clerk']);
    // the province moves an account to another office
    expect((await ok(b, 'accounts/update', { id: amolClerk.id, office: SARI })).office).toBe(SARI);
    expect((await ok(b, 'accounts/update', { id: amolClerk.id, office: 'province' })).office).toBeUndefined();
  });

  it('a store written before offices reads as the province: its days, cases and accounts are the province office', async () => {
    const at = await storeWith('test/fixtures/data-v3');
    const b = await openForTest(at);
    const cases = await b.store.scanCases({});
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.office === undefined)).toBe(true);
    expect((await b.store.scanCases({ office: 'province' })).length).toBe(cases.length);
    expect((await b.store.queryCases({ office: 'province', sort: 'due', offset: 0, limit: 1 })).total).toBe(cases.length);
    const sari = await signedIn(b, 'sari.clerk', ['clerk', 'inspector', 'office'], SARI);
    expect(await must(sari, 'meetingDay/list', {})).toEqual([]);
    expect((await must(sari, 'worklist/query', {})).total).toBe(0);
    const province = await signedIn(b, 'province.clerk', ['clerk', 'inspector', 'office']);
    expect((await must(province, 'worklist/query', {})).total).toBe(cases.length);
  });
});
