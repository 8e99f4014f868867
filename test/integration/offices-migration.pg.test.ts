// PostgreSQL only: a database from before offices (schema 4) is upgraded by migration 0005; every case it held is
// the province office's, read through the office column and its indexes.
import { latestVersion } from '../../electron/backend/store/pg/schema';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { ok, openTestBackend, openToday, tempStore, validCitizen } from '../helpers/backend';
import { signedIn } from '../helpers/calls';
import { sql } from '../helpers/pg';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const order = { type: 'investigate' as const, leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' };

describe('a database from before offices', () => {
  it('is upgraded by migration 5: its cases are the province office, on an indexed column', async () => {
    const at = await tempStore();
    let b = await openTestBackend(at);
    const day = await openToday(b);
    const c = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'قطعی برق', order });
    await b.close();
    // the database as schema 4 left it: no office column, migration 5 not applied
    await sql(at, 'DROP INDEX cases_office_due, cases_office_created, cases_office_date');
    await sql(at, 'ALTER TABLE cases DROP COLUMN office');
    await sql(at, 'DELETE FROM schema_migrations WHERE version = 5');
    b = await openTestBackend(at);
    open.push(b);
    expect(await sql(at, 'SELECT office FROM cases')).toEqual([{ office: 'province' }]);
    expect((await sql<{ version: number }>(at, 'SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(Array.from({ length: latestVersion() }, (_, i) => i + 1));
    const province = await signedIn(b, 'province.clerk', ['clerk', 'inspector']);
    expect(await province.call('case/byCode', { code: c.code })).toMatchObject({ ok: true, value: { id: c.id } });
    const sari = await signedIn(b, 'sari.clerk', ['clerk', 'inspector'], 'ساری');
    expect(await sari.call('worklist/query', {})).toMatchObject({ ok: true, value: { total: 0 } });
    // a county's lists have the office's own indexes (its worklist orders and its reports' dates)
    const indexes = await sql<{ indexname: string }>(at, "SELECT indexname FROM pg_indexes WHERE tablename = 'cases' AND indexname LIKE 'cases_office%' AND schemaname = current_schema() ORDER BY 1");
    expect(indexes.map((r) => r.indexname)).toEqual(['cases_office_created', 'cases_office_date', 'cases_office_due']);
  });
});
