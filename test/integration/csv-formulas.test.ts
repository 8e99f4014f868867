// Citizen names, departments and texts that a spreadsheet would run as formulas reach every CSV the app writes
// (the case export, the day's list, the reports, the SMS file) as plain text.
import { describe, expect, it } from 'vitest';
import { casesTable } from '../../electron/backend/services/export';
import { tableBytes } from '../../electron/backend/export/table-file';
import { ok, openTestBackend, openToday } from '../helpers/backend';

const FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)'];

/** The cells of a CSV file (quotes undone), enough of RFC 4180 for these files. */
function cells(csv: string): string[] {
  const out: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/gy;
  for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m && m[0] !== ''; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  }
  return out;
}
const live = (csv: string): string[] => cells(csv).filter((c) => /^[=+\-@\t\r]/.test(c));
const file = (f: { base64: string }): string => Buffer.from(f.base64, 'base64').toString('utf8');

describe('CSV files', () => {
  it('hold no cell a spreadsheet would run, and show the names as typed after the apostrophe', async () => {
    const b = await openTestBackend();
    try {
      const day = await openToday(b);
      for (const name of FORMULAS) {
        await ok(b, 'case/record', {
          meetingDayId: day.id, text: 'درخواست', confirmed: true, // the same citizen each time, on purpose
          citizen: { firstName: name, lastName: name, nationalId: '2401179445', mobile: '09121234567', county: 'ساری' },
          order: { type: 'act', leadDepartment: '=1+1', deadlineDays: 5, text: '=HYPERLINK("http://x","y")' },
        });
      }
      const exported = (await tableBytes(await casesTable(b.ctx, false), 'csv')).toString('utf8');
      expect(cells(exported)).toContain(`'${FORMULAS[0]}`);
      const files = {
        exported,
        day: file(await ok(b, 'report/dayFile', { meetingDayId: day.id, format: 'csv' })),
        departments: file(await ok(b, 'report/file', { period: { kind: 'year', year: 1405 }, table: 'departments', format: 'csv' })),
        counties: file(await ok(b, 'report/file', { period: { kind: 'year', year: 1405 }, table: 'counties', format: 'csv' })),
      };
      // an SMS notice whose text a spreadsheet would run (the texts are ours, but the file must hold anything safely)
      const c = (await ok(b, 'case/listForDay', { meetingDayId: day.id }))[0]!;
      await b.store.mutate(b.ctx.actor, 'test', (tx) => tx.putCase({ ...c, notices: [{ id: 'n1', kind: 'recorded', mobile: '09121234567', text: '=cmd()', createdAt: '2026-11-23T06:30:00.000Z' }] }));
      const sms = file(await ok(b, 'notices/export', {}));
      expect(cells(sms)).toContain("'=cmd()");
      for (const [name, csv] of Object.entries({ ...files, sms })) expect(live(csv), name).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
