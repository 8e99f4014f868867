// The audit trail records who printed and who took personal data out: the first slip and every reprint,
// each export of the record (and whether national IDs were in it), reports and circular files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditTrail, ok, openTestBackend, openToday, storeArgs, tempDir, validCitizen } from '../helpers/backend';
import { didar } from '../helpers/cli';

describe('audit of prints and exports', () => {
  it('records the slip, each reprint, the day summary and every export with who did it', async () => {
    const b = await openTestBackend();
    const day = await openToday(b);
    const c = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست', departments: ['فرمانداری'] });
    expect((await ok(b, 'slip/pdf', { caseId: c.id })).duplicate).toBe(false);
    expect((await ok(b, 'slip/pdf', { caseId: c.id })).duplicate).toBe(true);
    expect((await ok(b, 'slip/pdf', { caseId: c.id })).duplicate).toBe(true);
    await ok(b, 'report/dayFile', { meetingDayId: day.id, format: 'xlsx' });
    await ok(b, 'report/file', { period: { kind: 'year', year: 1405 }, table: 'departments', format: 'csv' });
    await b.close();

    const out = path.join(await tempDir(), 'export');
    expect((await didar('export', ...storeArgs(b.dataDir), '--format', 'json', '--out', `${out}.json`)).code).toBe(0);
    expect((await didar('export', ...storeArgs(b.dataDir), '--format', 'csv', '--out', `${out}.csv`)).code).toBe(0);
    expect((await didar('export', ...storeArgs(b.dataDir), '--format', 'xlsx', '--out', `${out}.xlsx`, '--national-ids')).code).toBe(0);
    await Promise.all(['json', 'csv', 'xlsx'].map((e) => fs.rm(`${out}.${e}`)));

    const lines = await auditTrail(b.dataDir);
    const slips = lines.filter((l) => l.entity === 'case' && l.id === c.id && l.action.startsWith('slip/')).map((l) => l.action);
    expect(slips).toEqual(['slip/print', 'slip/reprint', 'slip/reprint']);
    expect(lines.filter((l) => l.action.startsWith('slip/')).every((l) => l.by === 'tester')).toBe(true);
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['report/day-xlsx', 'report/export-csv']));
    const exports = lines.filter((l) => l.entity === 'export').map((l) => [l.action, l.id]);
    expect(exports).toEqual([['export/json', '1'], ['export/table', '1'], ['export/table-with-national-ids', '1']]);
  });
});
