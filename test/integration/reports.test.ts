// Department scorecard through the API on the imported sample cases.
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { COUNTY_HEADERS, DEPARTMENT_HEADERS } from '../../shared/reports/table';
import { WEEKLY_HEADERS } from '../../shared/reports/weekly';
import { DAY_ORDER_HEADERS } from '../../shared/reports/day-summary';
import { findWord, lineOf, pdfWords, readsRightToLeft, sameWord } from '../helpers/pdf-words';
import type { Backend } from '../../electron/backend';
import { importCases } from '../../electron/backend/services/import';
import { ok, openTestBackend, send, tempDir } from '../helpers/backend';
import { SAMPLE } from '../helpers/cli';

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

it('scores every department of a period, ranks only those with enough cases, and drills down', async () => {
  const b = await openTestBackend();
  open.push(b);
  await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  const year = await ok(b, 'report/departments', { period: { kind: 'year', year: 1405 } });
  expect(year.range).toEqual({ from: '1405/01/01', to: '1405/12/29' });
  expect(year.rows.reduce((n, r) => n + r.cases.length, 0)).toBe(160);
  for (const r of year.rows) expect(r.rank === null).toBe(r.cases.length < year.minCases || r.onTimePct === null || r.answered.length === 0);
  // Nothing answered yet: every case whose deadline passed (today 1405/09/02) is overdue and counts against it.
  const top = year.rows[0]!;
  expect(top.answered).toEqual([]);
  expect(top.onTimePct === null || top.onTimePct === 0).toBe(true);
  const rows = await ok(b, 'case/rows', { caseIds: top.cases.slice(0, 3) });
  expect(rows.map((r) => r.department)).toEqual([top.department, top.department, top.department].slice(0, rows.length));

  const month = await ok(b, 'report/departments', { period: { kind: 'month', year: 1405, month: 8 } });
  expect(month.rows.reduce((n, r) => n + r.cases.length, 0)).toBeLessThan(160);
  const bad = await send(b, 'report/departments', { period: { kind: 'month', year: 1405, month: 13 } });
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.error.message).toMatch(/[\u0600-\u06FF]/);
});

it('exports the scorecard to XLSX (right-to-left sheet, Persian headers, same numbers) and CSV with a BOM', async () => {
  const b = await openTestBackend();
  open.push(b);
  await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  const period = { kind: 'year', year: 1405 } as const;
  const report = await ok(b, 'report/departments', { period });
  const xlsx = await ok(b, 'report/file', { period, table: 'departments', format: 'xlsx' });
  expect(xlsx.fileName).toBe('didar-departments-14050101-14051229.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('کارنامه دستگاه‌ها');
  expect(ws.views[0]?.rightToLeft).toBe(true);
  expect(String(ws.getCell('A1').value)).toContain('از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۱۲/۲۹'); // the title row in Persian digits
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(DEPARTMENT_HEADERS);
  report.rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    expect(row.getCell(2).value).toBe(r.department);
    expect(row.getCell(3).value).toBe(r.cases.length);
    expect(row.getCell(7).value).toBe(r.overdueNow.length);
  });
  const csv = Buffer.from((await ok(b, 'report/file', { period, table: 'departments', format: 'csv' })).base64, 'base64').toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]!.split(',')).toEqual(DEPARTMENT_HEADERS);
  expect(lines).toHaveLength(report.rows.length + 1);
  expect(lines[1]!.split(',')[1]).toBe(report.rows[0]!.department);
});

it('summarises a meeting day and prints it on A4, right to left', async () => {
  const b = await openTestBackend();
  open.push(b);
  await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  const day = (await ok(b, 'meetingDay/list', {})).find((d) => d.date === '1405/08/20')!;
  const s = await ok(b, 'report/day', { meetingDayId: day.id });
  const gold: { date: string; department: string; citizen: { nationalId: string } }[] = JSON.parse(await fs.readFile(SAMPLE, 'utf8')).cases;
  const ofDay = gold.filter((c) => c.date === '1405/08/20' && !('invalid' in c));
  expect(s.cases).toBe(ofDay.length);
  expect(s.citizens).toBe(new Set(ofDay.map((c) => c.citizen.nationalId)).size);
  expect(s.byDepartment.reduce((n, [, k]) => n + k, 0)).toBe(ofDay.filter((c) => c.department).length);
  expect(s.orders).toHaveLength(ofDay.length);

  const file = await ok(b, 'report/dayFile', { meetingDayId: day.id, format: 'pdf' });
  const pdf = path.join(await tempDir(), 'day.pdf');
  await fs.writeFile(pdf, Buffer.from(file.base64, 'base64'));
  const words = pdfWords(pdf);
  expect(readsRightToLeft(words, 'خلاصه روز ملاقات مردمی')).toBe(true);
  expect(readsRightToLeft(words, 'فهرست دستورها')).toBe(true);
  // The order table runs right to left: «ردیف» is right of «کد رهگیری», which is right of «شهروند».
  const header = lineOf(words, findWord(words, 'ردیف')!);
  const x = (w: string) => header.find((h) => sameWord(h.text, w))!.xMin;
  expect(x('ردیف')).toBeGreaterThan(x('رهگیری'));
  expect(x('رهگیری')).toBeGreaterThan(x('شهروند'));

  const xlsx = await ok(b, 'report/dayFile', { meetingDayId: day.id, format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]?.rightToLeft).toBe(true);
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(DAY_ORDER_HEADERS);
  expect(ws.getRow(3).getCell(1).value).toBe(s.orders[0]!.code);
  expect(ws.rowCount).toBe(2 + s.orders.length);
});

it('scores counties by citizens who came to the provincial centre per 100,000 inhabitants, and exports them', async () => {
  const b = await openTestBackend();
  open.push(b);
  await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  await ok(b, 'settings/update', { countyPopulations: { 'ساری': 504298, 'آمل': 400000 } });
  const period = { kind: 'year', year: 1405 } as const;
  const r = await ok(b, 'report/counties', { period });
  const gold: { county: string; citizen: { nationalId: string }; invalid?: string }[] = JSON.parse(await fs.readFile(SAMPLE, 'utf8')).cases;
  const citizensOf = (county: string) => new Set(gold.filter((c) => !c.invalid && c.county === county).map((c) => c.citizen.nationalId)).size;
  const sari = r.rows.find((x) => x.county === 'ساری')!;
  expect(sari.citizens).toBe(citizensOf('ساری'));
  expect(sari.per100k).toBe(Math.round((citizensOf('ساری') / 504298) * 1e6) / 10);
  expect(r.rows.find((x) => x.county === 'نور')!.per100k).toBeNull(); // no population given
  expect(r.rows.reduce((n, x) => n + x.cases.length, 0)).toBe(160);
  expect(sari.byMonth.reduce((n, [, k]) => n + k, 0)).toBeGreaterThanOrEqual(sari.citizens);
  expect(r.rows.some((x) => (x.recurringShare ?? 0) > 0)).toBe(true);
  expect(r.populationSource).toContain('۱۳۹۵');

  const file = await ok(b, 'report/file', { period, table: 'counties', format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('کارنامه شهرستان‌ها');
  expect(ws.views[0]?.rightToLeft).toBe(true);
  expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(COUNTY_HEADERS);
  expect(ws.getRow(3).getCell(1).value).toBe(r.rows[0]!.county);
});

it('exports the weekly count per department and request type, totals matching the period', async () => {
  const b = await openTestBackend();
  open.push(b);
  await importCases(b.ctx, JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  const file = await ok(b, 'report/file', { period: { kind: 'year', year: 1405 }, table: 'weekly', format: 'csv' });
  const lines = Buffer.from(file.base64, 'base64').toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]!.split(',')).toEqual(WEEKLY_HEADERS);
  const rows = lines.slice(1).map((l) => l.split(','));
  const totals = rows.filter((r) => r[2] === 'جمع هفته');
  const departments = rows.filter((r) => r[2] !== 'جمع هفته');
  expect(totals).toHaveLength(8); // the eight meeting days fall in eight weeks, each closed by its total row
  const sum = (rs: string[][], col: number) => rs.reduce((n, r) => n + Number(r[col]), 0);
  expect(sum(totals, WEEKLY_HEADERS.length - 1)).toBe(160);
  expect(sum(departments, WEEKLY_HEADERS.length - 1)).toBe(160);
  // every row's total is the sum of its kinds, and each week's total row sums its departments
  for (const r of rows) expect(r.slice(3, -1).reduce((n, v) => n + Number(v), 0)).toBe(Number(r.at(-1)));
  for (const t of totals) {
    const week = departments.filter((r) => r[0] === t[0]);
    for (let col = 3; col < WEEKLY_HEADERS.length; col++) expect(sum(week, col)).toBe(Number(t[col]));
  }
  // the orders' kinds, counted by hand from the sample through the store
  const all = await b.store.scanCases({});
  expect(all).toHaveLength(160);
  const acts = all.filter((c) => c.order?.type === 'act').length;
  expect(acts).toBeGreaterThan(0);
  expect(sum(totals, WEEKLY_HEADERS.indexOf('اقدام'))).toBe(acts);
});
