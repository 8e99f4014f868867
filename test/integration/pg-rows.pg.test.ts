// PostgreSQL only: a row edited by hand (psql) is read through the same stored schemas as a data file. A document
// that no longer fits is refused with a Persian and English message naming the table and the record, never
// passed on to fail as a TypeError; the other rows still read, and `didar check --db` names the row too.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { checkStore, ok, openTestBackend, openToday, send, validCitizen } from '../helpers/backend';
import { sql } from '../helpers/pg';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function withTwoCases() {
  const b = await openTestBackend();
  open.push(b);
  const day = await openToday(b);
  const order = { type: 'act' as const, leadDepartment: 'جهاد کشاورزی', deadlineDays: 10, text: '' };
  const good = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'کود اوره نرسیده است', order });
  const bad = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'جاده روستا خراب است', order });
  return { b, day, good, bad };
}

describe('rows edited by hand', () => {
  it('a case whose national ID was changed with psql is refused, naming the table and the case; the others read', async () => {
    const { b, day, good, bad } = await withTwoCases();
    await sql(b.dataDir, `UPDATE cases SET doc = jsonb_set(doc, '{citizen,nationalId}', '"12345"') WHERE id = $1`, [bad.id]);
    const r = await send(b, 'case/get', { id: bad.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('corrupt-file');
    expect(r.error.message).toMatch(/ردیف .*از جدول/);
    expect(r.error.message).toContain('cases');
    expect(r.error.message).toContain(bad.code);
    expect(r.error.message).toContain('citizen.nationalId');
    await expect(b.store.getCase(bad.id)).rejects.toMatchObject({
      english: expect.stringMatching(new RegExp(`table cases, row id ${bad.id}, code ${bad.code}: citizen\\.nationalId: `)),
    });
    // every way of reading it refuses the same (the worklist, the day's list, a report's scan); the other case reads
    for (const [method, args] of [['worklist/query', { limit: 10 }], ['case/listForDay', { meetingDayId: day.id }]] as const) {
      expect(await send(b, method, args as never)).toMatchObject({ ok: false, error: { code: 'corrupt-file' } });
    }
    await expect(b.store.scanCases({})).rejects.toMatchObject({ code: 'corrupt-file' });
    expect((await ok(b, 'case/get', { id: good.id })).text).toBe('کود اوره نرسیده است');
    // didar check --db names the row as well
    const report = await checkStore(b.dataDir);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.problem).join('\n')).toContain('citizen.nationalId');
  });

  it('a document that is not an object, a meeting day without its date, an account with an unknown role: each refused by name', async () => {
    const { b, day, bad } = await withTwoCases();
    await sql(b.dataDir, `UPDATE cases SET doc = '"hello"' WHERE id = $1`, [bad.id]);
    expect(await send(b, 'case/get', { id: bad.id })).toMatchObject({ ok: false, error: { code: 'corrupt-file', message: expect.stringContaining(bad.code) } });
    await sql(b.dataDir, `UPDATE meeting_days SET doc = doc - 'date' WHERE id = $1`, [day.id]);
    const days = await send(b, 'meetingDay/list', {});
    expect(days).toMatchObject({ ok: false, error: { code: 'corrupt-file', message: expect.stringContaining('meeting_days') } });
    if (!days.ok) expect(days.error.message).toContain(day.id);
    await ok(b, 'accounts/create', { username: 'reception', displayName: 'پذیرش', roles: ['clerk'], password: 'a-long-test-password-1' });
    await sql(b.dataDir, `UPDATE accounts SET doc = jsonb_set(doc, '{roles}', '["root"]') WHERE username = 'reception'`);
    await expect(b.store.getAccountByUsername('reception')).rejects.toMatchObject({ code: 'corrupt-file', english: expect.stringContaining('table accounts') });
  });
});
