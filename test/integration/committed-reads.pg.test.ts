// PostgreSQL only: each server keeps what units read most (settings, days, a day's queue, the cases they
// change) as last committed, trusted only at the audit number it was read at. Two servers on one database
// (two stores, each with its own copy) take turns on one day's queue and cases: each sees what the other
// committed, in its units and in its reads, and a unit that fails leaves nothing of its own behind.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { Case, QueueEntry } from '../../shared/domain';
import { auditTrail, FIXED_NOW, ok, openTestBackend, openToday, send, tempStore, validCitizen } from '../helpers/backend';
import { sql } from '../helpers/pg';
import { parseTrackingCode } from '../../shared/tracking-code';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

type Server = Awaited<ReturnType<typeof openTestBackend>>;

async function twoServers(): Promise<[Server, Server]> {
  const at = await tempStore();
  const a = await openTestBackend(at);
  const b = await openTestBackend(at);
  open.push(a, b);
  return [a, b];
}

const CITIZENS = [
  { name: 'زهرا کریمی', nationalId: '0018692631' },
  { name: 'مرتضی یوسفی', nationalId: '2401179445' },
  { name: 'علی رضایی', nationalId: '0012345679' },
  { name: 'مریم احمدی', nationalId: '0499370899' },
];

describe('what a server holds of the last committed state', () => {
  it('two servers taking turns on one queue: numbers go on from each other, each lists and calls what the other did', async () => {
    const [a, b] = await twoServers();
    const day = await openToday(a);
    const arrive = (s: Backend, i: number) => ok(s, 'queue/arrive', { meetingDayId: day.id, ...CITIZENS[i]! });
    // a reads the queue (and holds it) before b changes it, then again after
    expect(await ok(a, 'queue/list', { meetingDayId: day.id })).toEqual([]);
    expect((await arrive(a, 0)).number).toBe(1);
    expect(await ok(a, 'queue/list', { meetingDayId: day.id })).toHaveLength(1);
    expect((await arrive(b, 1)).number).toBe(2);
    expect((await ok(a, 'queue/list', { meetingDayId: day.id })).map((e) => e.nationalId)).toEqual([CITIZENS[0]!.nationalId, CITIZENS[1]!.nationalId]);
    expect((await arrive(a, 2)).number).toBe(3);
    expect((await arrive(b, 3)).number).toBe(4);

    const called: QueueEntry[] = [];
    for (const s of [a, b, a, b]) called.push(await ok(s, 'queue/callNext', { meetingDayId: day.id }));
    expect(called.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    for (const s of [a, b]) {
      const q = await ok(s, 'queue/list', { meetingDayId: day.id });
      expect(q.map((e) => [e.number, e.status])).toEqual([[1, 'called'], [2, 'called'], [3, 'called'], [4, 'called']]);
    }
    expect((await send(b, 'queue/callNext', { meetingDayId: day.id })).ok).toBe(false);
  });

  it('a case changed on one server is what the other changes next: its order and code stay, its history has both', async () => {
    const [a, b] = await twoServers();
    const day = await openToday(a);
    const c = await ok(a, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'قطعی مکرر برق روستای ورسک' });
    expect((await ok(a, 'case/get', { id: c.id })).order).toBeUndefined(); // held by a now
    await ok(b, 'case/giveOrder', { id: c.id, order: { type: 'act', leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: 'رسیدگی شود' } });
    const coded = await ok(a, 'case/allocateCode', { id: c.id });
    expect(coded.order?.leadDepartment).toBe('شرکت توزیع برق');
    expect(coded.code).toMatch(/^\d{10}$/);
    const seen = await ok(b, 'case/get', { id: c.id });
    expect(seen.code).toBe(coded.code);
    expect(seen.order?.text).toBe('رسیدگی شود');
    // b held nothing of the case: its audit row's before is the row its write replaced, read in the same statement
    const rows = await auditTrail(b.dataDir);
    const ordered = rows.find((r) => r.action === 'case/order')!.changes.find((ch) => ch.entity === 'case')!;
    expect((ordered.before as Case).order).toBeUndefined();
    expect((ordered.before as Case).text).toBe('قطعی مکرر برق روستای ورسک');
    expect((ordered.after as Case).order?.text).toBe('رسیدگی شود');
    const codedRow = rows.find((r) => r.action === 'case/code')!.changes.find((ch) => ch.entity === 'case')!;
    expect((codedRow.before as Case).order?.text).toBe('رسیدگی شود');
  });

  it('a unit that fails after changing the queue and the case leaves the server holding what was committed', async () => {
    const [a] = await twoServers();
    const day = await openToday(a);
    await ok(a, 'queue/arrive', { meetingDayId: day.id, ...CITIZENS[0]! });
    const c = await ok(a, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'آب شرب روستا قطع است' });
    const before = await ok(a, 'queue/list', { meetingDayId: day.id });
    const failed = a.store.mutate({ operator: 'tester' }, 'test/fails', async (tx) => {
      const [entry] = await tx.getQueue(day.id);
      await tx.putQueueEntry(day.id, { ...entry!, status: 'called' });
      await tx.putCase({ ...(await tx.getCase(c.id))!, text: 'متن عوض شده' });
      // inside the unit its own changes are read back
      expect((await tx.getQueue(day.id))[0]!.status).toBe('called');
      expect((await tx.getCase(c.id))!.text).toBe('متن عوض شده');
      throw new Error('the unit fails');
    });
    await expect(failed).rejects.toThrow('the unit fails');
    expect(await ok(a, 'queue/list', { meetingDayId: day.id })).toEqual(before);
    expect((await ok(a, 'case/get', { id: c.id })).text).toBe('آب شرب روستا قطع است');
    // and the next unit starts from the committed state too
    expect((await ok(a, 'queue/callNext', { meetingDayId: day.id })).number).toBe(1);
    await a.store.mutate({ operator: 'tester' }, 'test/reads', async (tx) => {
      expect((await tx.getCase(c.id))!.text).toBe('آب شرب روستا قطع است');
    });
  });

  it('a row changed by hand (psql) is read again: the list shows it and the next unit keeps it instead of the copy held', async () => {
    const [a] = await twoServers();
    const day = await openToday(a);
    await ok(a, 'queue/arrive', { meetingDayId: day.id, ...CITIZENS[0]! });
    const c = await ok(a, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'آب شرب روستا قطع است' });
    await ok(a, 'queue/list', { meetingDayId: day.id }); // held now
    await sql(a.dataDir, `UPDATE queue_entries SET doc = jsonb_set(doc, '{name}', '"نام اصلاح‌شده"')`);
    await sql(a.dataDir, `UPDATE cases SET doc = jsonb_set(doc, '{text}', '"آب شرب روستای کیاسر قطع است"')`);
    expect((await ok(a, 'queue/list', { meetingDayId: day.id }))[0]!.name).toBe('نام اصلاح‌شده');
    const ordered = await ok(a, 'case/giveOrder', { id: c.id, order: { type: 'act', leadDepartment: 'آب و فاضلاب', deadlineDays: 10, text: '' } });
    expect(ordered.text).toBe('آب شرب روستای کیاسر قطع است');
    expect((await ok(a, 'queue/callNext', { meetingDayId: day.id })).name).toBe('نام اصلاح‌شده');
    // the year's code counter, held since the last code, raised by hand: the next code comes after it
    const first = await ok(a, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'جاده روستا خاکی است', order: { type: 'act', leadDepartment: 'آب و فاضلاب', deadlineDays: 10, text: '' } });
    expect(parseTrackingCode(first.code).sequence).toBe(1);
    await sql(a.dataDir, "UPDATE counters SET value = 41 WHERE name LIKE 'code:%'");
    expect(parseTrackingCode((await ok(a, 'case/allocateCode', { id: c.id })).code).sequence).toBe(42);
  });

  it("a unit's writes go with its next read or its COMMIT: it reads them back, and the audit row has each record's before", async () => {
    const [a, b] = await twoServers();
    const day = await openToday(a);
    const c = await ok(a, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'آب شرب روستا قطع است' });
    // b holds nothing of the case: its first write is sent with the read that follows, which finds it
    await b.store.mutate({ operator: 'tester' }, 'test/writes', async (tx) => {
      const [held] = await tx.getCases([c.id]);
      await tx.putCase({ ...held!, text: 'نخست' });
      expect((await tx.listCasesOfDay(day.id)).map((x) => x.text)).toEqual(['نخست']);
      await tx.putCase({ ...held!, text: 'دوم' });
      await tx.putQueueEntry(day.id, { number: 1, name: 'زهرا کریمی', nationalId: '0018692631', status: 'waiting', arrivedAt: FIXED_NOW.toISOString(), caseIds: [] });
    });
    expect((await ok(a, 'case/get', { id: c.id })).text).toBe('دوم');
    expect((await ok(a, 'queue/list', { meetingDayId: day.id })).map((e) => e.name)).toEqual(['زهرا کریمی']);
    const row = (await auditTrail(b.dataDir)).find((r) => r.action === 'test/writes')!;
    const ch = row.changes.find((x) => x.entity === 'case')!;
    expect([(ch.before as Case).text, (ch.after as Case).text]).toEqual(['آب شرب روستا قطع است', 'دوم']);
    expect(row.changes.find((x) => x.entity === 'queueEntry')!.before).toBeNull();
    // a new case is written with the audit row, its before read by the same statement
    const recorded = (await auditTrail(a.dataDir)).find((r) => r.action === 'case/record-pending')!.changes.find((x) => x.entity === 'case')!;
    expect(recorded.before).toBeNull();
    expect((recorded.after as Case).id).toBe(c.id);
  });

  it("a citizen's cases and a day's as a server holds them: the other server's case, and a case moved to another citizen by a correction", async () => {
    const [a, b] = await twoServers();
    const day = await openToday(a);
    const order = { type: 'act' as const, leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' };
    const [x, y] = [CITIZENS[0]!.nationalId, CITIZENS[1]!.nationalId];
    const draft = (nationalId: string) => ({ meetingDayId: day.id, citizen: { ...validCitizen, nationalId }, text: 'برق روستا هر شب قطع می‌شود', order });
    // a looks both citizens up (and holds their cases: none), b records one for x
    for (const id of [x, y]) expect((await ok(a, 'citizen/lookup', { nationalId: id })).cases).toEqual([]);
    const dayList = async () => (await ok(a, 'case/listForDay', { meetingDayId: day.id })).map((c) => [c.citizen.nationalId, c.text]);
    expect(await dayList()).toEqual([]);
    await ok(b, 'case/record', draft(x));
    expect(await dayList()).toEqual([[x, draft(x).text]]);
    const again = await send(a, 'case/record', draft(x));
    expect(again.ok || again.error.code).toBe('needs-confirmation');
    // a case of y moved to x by a correction: recording for y is not asked about, recording for x is
    const c = await ok(a, 'case/record', { ...draft(y), text: 'جاده روستا خاکی است' });
    await ok(a, 'case/correct', { id: c.id, reason: 'کد ملی اشتباه بود', citizen: { ...validCitizen, nationalId: x } });
    expect(await dayList()).toEqual([[x, draft(x).text], [x, 'جاده روستا خاکی است']]);
    const forY = await send(a, 'case/record', { ...draft(y), text: 'جاده روستا خاکی است' });
    expect(forY.ok).toBe(true);
    const forX = await send(a, 'case/record', { ...draft(x), text: 'جاده روستا خاکی است' });
    expect(forX.ok || forX.error.code).toBe('needs-confirmation');
  });
});
