// The database store keeps every case in memory for the reports and the board (case-cache.ts): what another
// server on the same database commits is in this server's next report at once, and a folder moved in with
// `didar migrate` too, without a restart.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { moveIn } from '../../electron/backend/store/pg/move-in';
import { FIXED_NOW, ok, openTestBackend, openToday, tempDir, tempStore, validCitizen } from '../helpers/backend';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const order = { type: 'investigate' as const, leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' };
const period = { kind: 'year' as const, year: 1405 };
const casesIn = async (b: Backend): Promise<string[]> => (await ok(b, 'report/departments', { period })).rows.flatMap((r) => r.cases).sort();

describe('the reports of a server on a shared database', () => {
  it("count what another server committed since this one's last report, and what it changed", async () => {
    const at = await tempStore();
    const a = await openTestBackend(at);
    const b = await openTestBackend(at);
    open.push(a, b);
    const day = await openToday(a);
    const first = await ok(a, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'قطعی برق', order });
    expect(await casesIn(a)).toEqual([first.id]);
    const second = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'افت ولتاژ', order });
    expect(await casesIn(a)).toEqual([first.id, second.id].sort());
    // another server's change of a case already held: the department moves with it
    await ok(b, 'case/reroute', { ids: [first.id], department: 'شرکت برق منطقه‌ای', reason: 'شبکه فشار قوی است' });
    const rows = (await ok(a, 'report/departments', { period })).rows;
    expect(rows.find((r) => r.department === 'شرکت برق منطقه‌ای')?.cases).toEqual([first.id]);
    // a cancelled case leaves the report
    await ok(b, 'case/cancel', { id: second.id, reason: 'ثبت تکراری' });
    expect(await casesIn(a)).toEqual([first.id]);
  });

  it('count a folder moved in while the server runs', async () => {
    const at = await tempStore();
    const a = await openTestBackend(at);
    open.push(a);
    await openToday(a);
    expect(await casesIn(a)).toEqual([]);
    const dir = await tempDir();
    const folder = await openTestBackend(dir);
    const fday = await ok(folder, 'meetingDay/open', { date: '1405/09/03', place: { kind: 'center' }, host: 'استاندار' });
    const moved = await ok(folder, 'case/record', { meetingDayId: fday.id, citizen: validCitizen, text: 'آب روستا', order });
    await folder.close();
    await moveIn(dir, at, 'tester', () => FIXED_NOW);
    expect(await casesIn(a)).toEqual([moved.id]);
  });
});
