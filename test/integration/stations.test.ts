// A meeting day split across stations: reception records the case before the order («در انتظار دستور»), the
// governor's table gives the order, the inspection desk allocates the tracking code and prints the slip.
// Each station's methods are limited by role, and codes stay unique when desks allocate them at once.
import { afterEach, describe, expect, it } from 'vitest';
import { CaseSchema } from '../../shared/stored-schemas';
import { STAGE_LABEL } from '../../shared/labels';
import { msg } from '../../shared/messages';
import { verhoeffValid } from '../../shared/tracking-code';

import type { Backend } from '../../electron/backend';
import { exportAll } from '../../electron/backend/services/export';
import { importCases } from '../../electron/backend/services/import';
import { checkStore, ok, openTestBackend, openToday, send, snapshot, validCitizen } from '../helpers/backend';
import { signedIn } from '../helpers/calls';

const isValidTrackingCode = (code: string): boolean => /^\d{10}$/.test(code) && verhoeffValid(code);

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function start(dir?: string) {
  const b = await openTestBackend(dir);
  open.push(b);
  return b;
}

const order = { type: 'act' as const, leadDepartment: 'اداره کل راه و شهرسازی', deadlineDays: 10, text: 'آسفالت جاده در برنامه امسال قرار گیرد' };
const citizen = (nationalId: string) => ({ ...validCitizen, nationalId });

describe('stations: a case recorded before its order', () => {
  it('reception → governor\'s table → inspection desk: the code comes last, once, and the slip carries it', async () => {
    const b = await start();
    const day = await openToday(b);
    await ok(b, 'settings/update', { noticeOnRecord: true });
    const reception = await signedIn(b, 'reception', ['clerk']);
    const table = await signedIn(b, 'table', ['office']);
    const inspection = await signedIn(b, 'inspection', ['inspector']);

    // reception: the citizen arrives and the issue is written down; no code, the citizen still waits
    const arrival = await reception.call('queue/arrive', { meetingDayId: day.id, name: 'مرتضی یوسفی', nationalId: validCitizen.nationalId });
    expect(arrival.ok).toBe(true);
    const pending = await reception.call('case/recordPending', {
      meetingDayId: day.id, citizen: validCitizen, text: 'جاده روستای ورسک خاکی است و زمستان بسته می‌شود', queueNumber: 1,
    });
    if (!pending.ok) throw new Error(JSON.stringify(pending));
    expect(pending.value.code).toBeUndefined();
    expect(pending.value.order).toBeUndefined();
    expect(pending.value.notices).toEqual([]);
    let queue = await ok(b, 'queue/list', { meetingDayId: day.id });
    expect(queue[0]).toMatchObject({ status: 'waiting', caseIds: [pending.value.id] });
    // the earlier cases the next desk sees say where this one stands
    const lookup = await ok(b, 'citizen/lookup', { nationalId: validCitizen.nationalId });
    expect(lookup.cases).toEqual([expect.objectContaining({ id: pending.value.id, hasOrder: false })]);
    expect(lookup.cases[0]!.code).toBeUndefined();
    // no slip and no follow-up without a code
    expect(await reception.call('slip/pdf', { caseId: pending.value.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: msg.awaitingOrder } });
    expect(await inspection.call('case/allocateCode', { id: pending.value.id })).toMatchObject({ ok: false, error: { message: msg.awaitingOrder } });

    // the governor's table: calls the citizen, sees the case waiting for the order, records it
    expect(await table.call('queue/callNext', { meetingDayId: day.id })).toMatchObject({ ok: true, value: { number: 1, status: 'called' } });
    const forOrder = await table.call('case/pending', { stage: 'order', meetingDayId: day.id });
    expect(forOrder.ok && forOrder.value.map((c) => c.id)).toEqual([pending.value.id]);
    const ordered = await table.call('case/giveOrder', { id: pending.value.id, order });
    if (!ordered.ok) throw new Error(JSON.stringify(ordered));
    expect(ordered.value.code).toBeUndefined();
    expect(ordered.value.deadline?.dueDate).toBe('1405/09/16'); // ten working days from the meeting day
    expect(ordered.value.departments).toEqual([order.leadDepartment]);
    expect(ordered.value.history.map((h) => h.action)).toEqual(['recorded', 'order']);
    queue = await ok(b, 'queue/list', { meetingDayId: day.id });
    expect(queue[0]).toMatchObject({ status: 'seen', caseIds: [pending.value.id] });
    expect(await table.call('case/giveOrder', { id: pending.value.id, order })).toMatchObject({ ok: false, error: { code: 'conflict', message: msg.orderExists } });
    expect(await ok(b, 'case/pending', { stage: 'order' })).toEqual([]);

    // the inspection desk: the case waits for its code; allocating it gives the next code of the year
    const forCode = await inspection.call('case/pending', { stage: 'code' });
    expect(forCode.ok && forCode.value.map((c) => c.id)).toEqual([pending.value.id]);
    const coded = await inspection.call('case/allocateCode', { id: pending.value.id });
    if (!coded.ok) throw new Error(JSON.stringify(coded));
    expect(isValidTrackingCode(coded.value.code)).toBe(true);
    expect(coded.value.code.slice(0, 2)).toBe('05');
    expect(coded.value.history.at(-1)).toMatchObject({ action: 'coded', ref: coded.value.code, by: 'inspection' });
    expect(coded.value.notices).toEqual([expect.objectContaining({ kind: 'recorded', text: expect.stringContaining('کد رهگیری') })]);
    expect(await inspection.call('case/allocateCode', { id: pending.value.id }))
      .toMatchObject({ ok: false, error: { code: 'conflict', message: msg.alreadyCoded(coded.value.code) } });
    expect(await ok(b, 'case/pending', { stage: 'code' })).toEqual([]);
    const slip = await inspection.call('slip/pdf', { caseId: pending.value.id });
    expect(slip).toMatchObject({ ok: true, value: { code: coded.value.code, duplicate: false } });
    expect((await ok(b, 'case/byCode', { code: coded.value.code })).id).toBe(pending.value.id);

    // a case recorded at one desk still gets the following code at once
    const oneDesk = await ok(b, 'case/record', { meetingDayId: day.id, citizen: citizen('0076229645'), text: 'پل روستا خراب است', order });
    expect(Number(oneDesk.code.slice(2, 9))).toBe(Number(coded.value.code.slice(2, 9)) + 1);
  });

  it('a case stored without its code validates, survives a restart, passes check and is coded after it', async () => {
    const b = await start();
    const day = await openToday(b);
    const waiting = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'آب آشامیدنی روستا قطع است' });
    const withOrder = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: citizen('0076229645'), text: 'مدرسه معلم ندارد', order });
    expect(CaseSchema.safeParse(waiting).success).toBe(true);
    await b.close();
    open.pop();
    expect((await checkStore(b.dataDir)).problems).toEqual([]);
    const again = await start(b.dataDir);
    expect((await ok(again, 'case/get', { id: waiting.id })).code).toBeUndefined();
    expect((await ok(again, 'case/pending', { stage: 'order' })).map((c) => c.id)).toEqual([waiting.id]);
    expect((await ok(again, 'case/pending', { stage: 'code' })).map((c) => c.id)).toEqual([withOrder.id]);
    // the day's list and its file show where each case stands instead of a code
    const summary = await ok(again, 'report/day', { meetingDayId: day.id });
    expect(summary.orders.map((o) => o.code).sort()).toEqual([STAGE_LABEL['awaiting-code'], STAGE_LABEL['awaiting-order']].sort());
    const coded = await ok(again, 'case/allocateCode', { id: withOrder.id });
    expect(isValidTrackingCode(coded.code)).toBe(true);
    // follow-up waits for the code
    expect(await send(again, 'case/refer', { ids: [waiting.id] })).toMatchObject({ ok: false, error: { message: msg.awaitingOrder } });
  });

  it('an export carries a case still waiting for its code; restored elsewhere, it gets the next code there', async () => {
    const a = await start();
    const day = await openToday(a);
    const coded = await ok(a, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'پل روستا خراب است', order });
    const waiting = await ok(a, 'case/recordPending', { meetingDayId: day.id, citizen: citizen('0076229645'), text: 'مدرسه معلم ندارد', order });
    const file = JSON.parse(JSON.stringify(await exportAll(a.ctx)));
    const b = await start();
    const summary = await importCases(b.ctx, file);
    expect(summary.rejected).toEqual([]);
    expect(summary.imported).toEqual(expect.arrayContaining([{ id: coded.id, code: coded.code }, { id: waiting.id }]));
    expect(await ok(b, 'case/get', { id: waiting.id })).toEqual(waiting);
    const given = await ok(b, 'case/allocateCode', { id: waiting.id });
    expect(Number(given.code.slice(2, 9))).toBe(Number(coded.code.slice(2, 9)) + 1); // never the restored case's code again
  });

  it('each station\'s method refuses another role in Persian and changes nothing', async () => {
    const b = await start();
    const day = await openToday(b);
    const waiting = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'جاده خاکی است' });
    const ordered = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: citizen('0076229645'), text: 'مدرسه معلم ندارد', order });
    const clerk = await signedIn(b, 'clerk', ['clerk']);
    const inspector = await signedIn(b, 'inspector', ['inspector']);
    const viewer = await signedIn(b, 'viewer', ['viewer']);
    const before = await snapshot(b);
    const refused = [
      await clerk.call('case/giveOrder', { id: waiting.id, order }),
      await inspector.call('case/giveOrder', { id: waiting.id, order }),
      await clerk.call('case/allocateCode', { id: ordered.id }),
      await viewer.call('case/allocateCode', { id: ordered.id }),
      await inspector.call('case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست تازه' }),
      await viewer.call('case/pending', { stage: 'code' }),
    ];
    for (const r of refused) expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden', message: msg.forbidden }) });
    expect(await snapshot(b)).toEqual(before);
    // a bad order is refused by the contract's schema, in Persian, naming the field
    const office = await signedIn(b, 'office', ['office']);
    const bad = await office.call('case/giveOrder', { id: waiting.id, order: { ...order, deadlineDays: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-args', message: msg.deadlineInvalid } });
    expect((await ok(b, 'case/get', { id: waiting.id })).order).toBeUndefined();
  });

  it('codes stay unique when desks allocate them at once, and one case is never coded twice', async () => {
    const b = await start();
    const day = await openToday(b);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = await ok(b, 'case/recordPending', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست شماره ${i + 1} درباره راه روستا`, order });
      ids.push(c.id);
    }
    const deskA = await signedIn(b, 'desk.a', ['inspector']);
    const deskB = await signedIn(b, 'desk.b', ['office']);
    // two desks allocate every case at once (each case asked twice), while a third records cases with codes
    const replies = await Promise.all([
      ...ids.map((id) => deskA.call('case/allocateCode', { id })),
      ...ids.map((id) => deskB.call('case/allocateCode', { id })),
      ...Array.from({ length: 10 }, (_, i) => send(b, 'case/record', { meetingDayId: day.id, citizen: citizen('0076229645'), text: `پرونده یک‌میزی ${i + 1}`, order })),
    ]);
    const codes = replies.flatMap((r) => (r.ok ? [r.value.code] : []));
    expect(codes).toHaveLength(40);
    expect(new Set(codes).size).toBe(40);
    for (const r of replies.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('پیش‌تر کد رهگیری') } });
    // the sequences are 1..40 without gaps, and every stored case has the code it was answered with
    expect(codes.map((c) => Number(c.slice(2, 9))).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const stored = await b.store.scanCases({});
    expect(stored.every((c) => c.code !== undefined)).toBe(true);
    expect(new Set(stored.map((c) => c.code)).size).toBe(40);
  });
});
