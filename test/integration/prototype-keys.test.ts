// Names such as «__proto__» and «constructor» are plain strings everywhere: a county, a department or a template
// placeholder with such a name finds nothing of Object's own, in reports, their XLSX and CSV files and circulars.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { casesTable } from '../../electron/backend/services/export';
import { tableBytes } from '../../electron/backend/export/table-file';
import { ok, openTestBackend, openToday, validCitizen } from '../helpers/backend';

const KEYS = ['__proto__', 'constructor', 'toString'];

describe('prototype keys', () => {
  it('counties and departments named __proto__, constructor, toString: reports, XLSX and CSV show them as names', async () => {
    const b = await openTestBackend();
    try {
      const day = await openToday(b);
      const ids = [];
      for (const k of KEYS) {
        for (let i = 0; i < 2; i++) {
          const c = await ok(b, 'case/record', {
            meetingDayId: day.id, text: `جاده روستای ما خراب است ${i}`, confirmed: true, citizen: { ...validCitizen, county: k, firstName: k },
            order: { type: 'act', leadDepartment: k, deadlineDays: 5 },
          });
          ids.push(c.id);
        }
      }
      const period = { kind: 'year', year: 1405 } as const;
      const counties = await ok(b, 'report/counties', { period });
      expect(counties.rows.map((r) => r.county).sort()).toEqual([...KEYS].sort());
      for (const r of counties.rows) expect(r).toMatchObject({ population: null, per100k: null, citizens: 1 });
      const departments = await ok(b, 'report/departments', { period });
      expect(departments.rows.map((r) => r.department).sort()).toEqual([...KEYS].sort());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from((await ok(b, 'report/file', { period, table: 'counties', format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer);
      const sheet: unknown[][] = [];
      wb.worksheets[0]!.eachRow((row) => sheet.push((row.values as unknown[]).slice(1)));
      for (const k of KEYS) expect(sheet.find((r) => r[0] === k)?.[1] ?? '', k).toBe(''); // population: none, not «[object Object]»
      const csv = (await tableBytes(await casesTable(b.ctx, false), 'csv')).toString('utf8');
      expect(csv).not.toMatch(/\[object|function /);
      for (const k of KEYS) expect(csv).toContain(`,${k},`);
      // a circular template naming {constructor} keeps it as written
      await ok(b, 'settings/update', { circularBody: 'متن {constructor} و {count} و {__proto__}' });
      const circular = await ok(b, 'circular/draft', { caseIds: ids.slice(0, 2), problem: 'خرابی جاده' });
      expect(circular.body).toBe('متن {constructor} و ۲ و {__proto__}');
    } finally {
      await b.close();
    }
  });
});
