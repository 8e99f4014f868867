// Every change is one unit of work: one audit record (a journal line, or an audit row in the same transaction)
// with its data, committed whole or not at all, serialised per store; queries change nothing. Called 50 at a
// time, nothing acknowledged is lost. Runs on both stores.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, MUTATING_METHODS, type Method } from '../../shared/api';
import type { Case } from '../../shared/domain';
import type { Backend } from '../../electron/backend';
import { makeContext } from '../../electron/backend/context';
import { auditTrail, ok, openTestBackend, send, snapshot, validCitizen } from '../helpers/backend';
import { CONTRACT_CALLS, makeWorld, NOT_WALKED, signedIn } from '../helpers/calls';
import { ROLES } from '../../shared/roles';

type Line = { seq?: number; action: string; by: string; entity: string; id: string; changes?: { entity: string; id: string; before: unknown; after: unknown }[] };

const open: Backend[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (open.length) await open.pop()!.close();
});

async function start(dir?: string) {
  const b = await openTestBackend(dir);
  open.push(b);
  return b;
}

/** Every audit record of the store, oldest first. */
const journal = (at: string): Promise<Line[]> => auditTrail(at);

const changesOf = (lines: Line[]) => lines.filter((l) => l.changes?.length);

describe('one unit of work per change', () => {
  it('every method that changes data writes exactly one journal line, and every query none', async () => {
    const fresh = await start();
    const setup = await send(fresh, 'auth/setup', await CONTRACT_CALLS['auth/setup']({} as never));
    expect(setup.ok).toBe(true);
    expect(changesOf(await journal(fresh.dataDir)).map((l) => l.action)).toEqual(['auth/setup']);

    const b = await start();
    const w = await makeWorld(b);
    const walker = await signedIn(b, 'walker', ROLES);
    w.me.username = 'walker';
    for (const m of (Object.keys(CONTRACT_CALLS) as Method[]).filter((x) => !NOT_WALKED.has(x))) {
      const before = changesOf(await journal(b.dataDir)).length;
      const r = await walker.call(m, (await CONTRACT_CALLS[m](w)) as never);
      expect(r.ok, `${m}: ${JSON.stringify(r)}`).toBe(true);
      const added = changesOf(await journal(b.dataDir)).slice(before);
      expect(added.length, m).toBe(api[m].mutates ? 1 : 0);
    }
    // a bulk change is one line holding every case it changed
    const refer = changesOf(await journal(b.dataDir)).find((l) => l.action === 'case/referred')!;
    expect(refer.changes!.filter((c) => c.entity === 'case').map((c) => c.id).sort()).toEqual([w.cases.a.id, w.cases.b.id].sort());
    // recording a case called from the queue marks its entry seen in the same line
    const called = await ok(b, 'queue/callNext', { meetingDayId: w.dayId });
    const c = await ok(b, 'case/record', { meetingDayId: w.dayId, queueNumber: called.number, citizen: validCitizen, text: 'درخواست از نوبت' });
    const last = changesOf(await journal(b.dataDir)).at(-1)!;
    expect(last.changes!.map((ch) => ch.entity).sort()).toEqual(['case', 'codeSequence', 'queueEntry']);
    expect((await ok(b, 'queue/list', { meetingDayId: w.dayId })).find((q) => q.number === called.number)).toMatchObject({ status: 'seen', caseIds: [c.id] });
  });

  it('50 calls at once, mixed, on the same cases and queue: nothing acknowledged is lost, numbers and codes distinct, histories complete', async () => {
    const b = await start();
    const w = await makeWorld(b);
    const day = w.dayId;
    const { a, b: second, c, d } = w.cases;
    await ok(b, 'case/refer', { ids: [second.id] });
    const pending = (await b.store.scanCases({ pendingNotices: true })).flatMap((k) => k.notices.map((n) => ({ caseId: k.id, noticeId: n.id })));
    expect(pending.length).toBeGreaterThan(0);
    const calls: [Method, unknown][] = [
      ...Array.from({ length: 8 }, (_, i) => ['queue/arrive', { meetingDayId: day, name: `شهروند ${i}`, nationalId: '' }] as [Method, unknown]),
      ...Array.from({ length: 8 }, (_, i) => ['case/record', { meetingDayId: day, citizen: validCitizen, text: `درخواست هم‌زمان ${i}` }] as [Method, unknown]),
      ...Array.from({ length: 5 }, (_, i) => ['case/extend', { ids: [a.id], days: i + 1, reason: `تمدید ${i}` }] as [Method, unknown]),
      ['case/pause', { id: a.id, reason: 'مدارک' }],
      ['case/resume', { id: a.id }],
      ...Array.from({ length: 4 }, () => ['slip/pdf', { caseId: d.id }] as [Method, unknown]),
      ...Array.from({ length: 3 }, () => ['queue/callNext', { meetingDayId: day }] as [Method, unknown]),
      ['queue/mark', { meetingDayId: day, number: 2, status: 'absent' }],
      ['case/cancel', { id: c.id, reason: 'تکراری' }],
      ['case/cancel', { id: c.id, reason: 'تکراری' }],
      ['case/answer', { id: second.id, letterNo: '۱', date: '1405/09/02', text: 'پاسخ اول' }],
      ['case/start', { id: second.id }],
      ['meetingDay/open', { date: '1405/09/04', place: { kind: 'center' }, host: 'استاندار' }],
      ['meetingDay/open', { date: '1405/09/04', place: { kind: 'center' }, host: 'استاندار' }],
      ['circular/draft', { caseIds: [a.id, d.id], problem: 'برق' }],
      ['circular/approve', { id: w.circularId }],
      ['circular/update', { id: w.circularId, title: 'عنوان تازه' }],
      ['group/correct', { kind: 'split', caseIds: [a.id] }],
      ['group/correct', { kind: 'merge', caseIds: [a.id, d.id] }],
      ['settings/update', { officeName: 'دفتر یک' }],
      ['settings/update', { followUpPhone: '۰۱۱۳۳۳۳۳۳۳۳' }],
      ['notices/markExported', { notices: pending }],
      ['notices/markExported', { notices: pending }],
      ['case/refer', { ids: [a.id] }],
      ['case/reroute', { ids: [second.id], department: 'شرکت برق منطقه‌ای', reason: 'فشار قوی' }],
      ['case/extend', { ids: [second.id, d.id], days: 2, reason: 'دوتایی' }],
      ['case/satisfaction', { id: second.id, level: 'satisfied', note: '' }],
    ];
    expect(calls).toHaveLength(50);
    expect(new Set(calls.map(([m]) => m)).size).toBeGreaterThan(15);
    const before = changesOf(await journal(b.dataDir)).length;
    const replies = await Promise.all(calls.map(([m, args]) => b.dispatch(m, args)));
    const acked = calls.map((call, i) => ({ method: call[0], args: call[1] as Record<string, unknown>, reply: replies[i]! }));
    const okOf = (m: Method) => acked.filter((x) => x.method === m && x.reply.ok).map((x) => (x.reply as { ok: true; value: never }).value);
    for (const x of acked) if (!x.reply.ok) expect(['conflict', 'not-found'], `${x.method}: ${x.reply.error.message}`).toContain(x.reply.error.code);

    // every acknowledged change is one line of the journal (refusals wrote nothing)
    const lines = changesOf(await journal(b.dataDir)).slice(before);
    expect(lines).toHaveLength(acked.filter((x) => x.reply.ok && api[x.method].mutates && (x.method !== 'notices/markExported' || (x.reply as { value: { count: number } }).value.count > 0)).length);

    // queue numbers distinct and all kept; each citizen called once
    const queue = await ok(b, 'queue/list', { meetingDayId: day });
    const arrived = okOf('queue/arrive') as { number: number }[];
    expect(arrived).toHaveLength(8);
    expect(new Set(arrived.map((q) => q.number)).size).toBe(8);
    for (const q of arrived) expect(queue.some((e) => e.number === q.number)).toBe(true);
    const calledNumbers = (okOf('queue/callNext') as { number: number }[]).map((q) => q.number);
    expect(new Set(calledNumbers).size).toBe(calledNumbers.length);
    // codes distinct and every recorded case stored
    const recorded = okOf('case/record') as Case[];
    expect(recorded).toHaveLength(8);
    const all = await b.store.scanCases({});
    const coded = all.flatMap((k) => k.code ?? []);
    expect(coded.length).toBe(all.length - 2); // the world's two cases waiting at a station have none yet
    expect(new Set(coded).size).toBe(coded.length);
    for (const k of recorded) expect((await ok(b, 'case/get', { id: k.id })).code).toBe(k.code);
    // every acknowledged extension of case a is in its deadline and its history, none lost to a concurrent pause
    const finalA = await ok(b, 'case/get', { id: a.id });
    const extendedA = acked.filter((x) => x.method === 'case/extend' && x.reply.ok && (x.args.ids as string[]).includes(a.id)).length;
    expect(finalA.deadline!.extensions).toHaveLength(extendedA);
    expect(finalA.history.filter((h) => h.action === 'extended')).toHaveLength(extendedA);
    // one original slip, the rest reprints, each print in the history
    const slips = okOf('slip/pdf') as { duplicate: boolean }[];
    expect(slips).toHaveLength(4);
    expect(slips.filter((s) => !s.duplicate)).toHaveLength(1);
    const finalD = await ok(b, 'case/get', { id: d.id });
    expect(finalD.prints).toHaveLength(4);
    expect(finalD.history.filter((h) => h.action === 'printed' || h.action === 'reprinted')).toHaveLength(4);
    // one cancellation, one meeting day for the date
    expect(okOf('case/cancel')).toHaveLength(1);
    expect(okOf('meetingDay/open')).toHaveLength(1);
    // every notice marked sent exactly once across the two marks of the same file
    const exported = (okOf('notices/markExported') as { count: number }[]).reduce((n, e) => n + e.count, 0);
    expect(exported).toBe(pending.length);
    const notices = (await b.store.scanCases({})).flatMap((k) => k.notices);
    expect(notices.filter((n) => n.exportedAt)).toHaveLength(exported);
    // both settings changes kept
    expect(await ok(b, 'settings/get', {})).toMatchObject({ officeName: 'دفتر یک', followUpPhone: '۰۱۱۳۳۳۳۳۳۳۳' });

    // the journal replayed from scratch is what the store holds, and a restart reads the same
    const held = await snapshot(b);
    const heldCases = [...all].sort((x, y) => x.id.localeCompare(y.id));
    await b.close();
    open.pop();
    const again = await start(b.dataDir);
    expect([...(await again.store.scanCases({}))].sort((x, y) => x.id.localeCompare(y.id))).toEqual(heldCases);
    expect(await snapshot(again)).toEqual(held);
    console.log(`[unit of work] 50 concurrent calls: ${acked.filter((x) => x.reply.ok).length} acknowledged, ${acked.filter((x) => !x.reply.ok).length} refused, ${lines.length} journal lines`);
  });

  it('covers every method that changes data', () => {
    // the mixes above and the walk of the contract name each of them
    expect(MUTATING_METHODS.length).toBeGreaterThan(20);
    for (const m of MUTATING_METHODS) expect(Object.keys(CONTRACT_CALLS)).toContain(m);
  });
});

describe('a unit of work that fails half-way', () => {
  it('a throw inside the unit, after it staged a change, leaves data and journal as they were', async () => {
    const b = await start();
    const w = await makeWorld(b);
    const before = await snapshot(b);
    const c = await b.store.getCase(w.cases.a.id);
    await expect(b.ctx.mutate('test/boom', async (t) => {
      await t.store.putCase({ ...c!, text: 'نباید بماند' });
      expect((await t.store.getCase(c!.id))!.text).toBe('نباید بماند'); // the unit reads its own change
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect((await b.store.getCase(c!.id))!.text).toBe(c!.text);
    expect(await snapshot(b)).toEqual(before);
  });

  it('a unit whose change does not fit its stored schema is refused before it is committed, on either store', async () => {
    const b = await start();
    const w = await makeWorld(b);
    const before = await snapshot(b);
    const c = (await b.store.getCase(w.cases.a.id))!;
    // written, it would be refused when read back (a folder that no longer opens, a row refused)
    await expect(b.ctx.mutate('test/bad', (t) => t.store.putCase({ ...c, citizen: { ...c.citizen, nationalId: '12345' } })))
      .rejects.toMatchObject({ code: 'internal', english: expect.stringContaining('citizen.nationalId') });
    expect((await b.store.getCase(c.id))!.citizen.nationalId).toBe(c.citizen.nationalId);
    expect(await snapshot(b)).toEqual(before);
  });

  it('a query that tries to change data, or a change that commits twice, is refused before anything is written', async () => {
    const b = await start();
    const w = await makeWorld(b);
    const before = await snapshot(b);
    const c = (await b.store.getCase(w.cases.a.id))!;
    const tester = { operator: 'tester', roles: ROLES, office: 'province' };
    const asQuery = makeContext(b.store, tester, b.ctx.auth, () => new Date(), 'query');
    await expect(asQuery.mutate('x', (t) => t.store.putCase({ ...c, text: 'تغییر از پرسش' }))).rejects.toThrow(/query tried to change data/);
    expect(await snapshot(b)).toEqual(before);
    const asChange = makeContext(b.store, tester, b.ctx.auth, () => new Date(), 'mutation');
    await asChange.mutate('x', (t) => t.store.putCase({ ...c, category: 'یک' }));
    await expect(asChange.mutate('y', (t) => t.store.putCase({ ...c, category: 'دو' }))).rejects.toThrow(/committed twice/);
    expect((await b.store.getCase(c.id))!.category).toBe('یک');
  });
});
