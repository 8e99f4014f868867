// didar export from either store (--data or --db): JSON read back by didar import without loss (codes continue without reuse), and the case
// list as CSV/XLSX with national IDs masked unless asked for.
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { byTrackingCode } from '../../shared/domain';
import { locationOf, storeArgs, tempDir, tempStore, validCitizen } from '../helpers/backend';
import { didar, SAMPLE } from '../helpers/cli';

it('exports everything to JSON and imports it into an empty folder without loss; codes are not reused', async () => {
  const a = await tempStore();
  expect((await didar('import', ...storeArgs(a), SAMPLE)).code).toBe(0);
  // Some follow-up on one case, so that history, answers and outcome travel too.
  const ba = await openBackend({ ...locationOf(a), operator: 'tester' });
  const first = [...(await ba.store.scanCases({}))].sort(byTrackingCode)[0]!;
  expect((await ba.dispatch('case/refer', { ids: [first.id] })).ok).toBe(true);
  const answered = await ba.dispatch('case/answer', { id: first.id, letterNo: '۱۲۳/ب', date: '1405/08/25', text: 'کود به تعاونی رسید.' });
  expect(answered.ok).toBe(true);
  await ba.close();

  const file = path.join(await tempDir(), 'export.json');
  const out = await didar('export', ...storeArgs(a), '--format', 'json', '--out', file);
  expect(out.code).toBe(0);
  expect(JSON.parse(out.stdout)).toMatchObject({ format: 'json', cases: 160 });

  const b = await tempStore();
  const imported = await didar('import', ...storeArgs(b), file);
  expect(imported.code).toBe(0);
  const summary = JSON.parse(imported.stdout) as { imported: unknown[]; rejected: unknown[] };
  expect(summary.imported).toHaveLength(160);
  expect(summary.rejected).toEqual([]);

  const again = path.join(await tempDir(), 'export-again.json');
  expect((await didar('export', ...storeArgs(b), '--format', 'json', '--out', again)).code).toBe(0);
  const [x, y] = [JSON.parse(await fs.readFile(file, 'utf8')), JSON.parse(await fs.readFile(again, 'utf8'))];
  expect({ ...y, exportedAt: '' }).toEqual({ ...x, exportedAt: '' });
  expect(y.cases.find((c: { id: string }) => c.id === first.id).answers[0].letterNo).toBe('۱۲۳/ب');
  expect((await didar('check', ...storeArgs(b))).code).toBe(0);

  // A new case in the restored folder gets a code after the highest restored one.
  const bb = await openBackend({ ...locationOf(b), operator: 'tester' });
  const day = await bb.dispatch('meetingDay/open', { date: '1405/09/02', place: { kind: 'center' }, host: 'استاندار' });
  const rec = await bb.dispatch('case/record', {
    meetingDayId: (day as { ok: true; value: { id: string } }).value.id, citizen: validCitizen, text: 'درخواست تازه پس از بازگردانی',
    order: { type: 'act', leadDepartment: 'فرمانداری', deadlineDays: 10, text: '' },
  });
  expect(rec.ok).toBe(true);
  const codes = new Set(x.cases.map((c: { code: string }) => c.code));
  const fresh = (rec as { ok: true; value: { code: string } }).value.code;
  expect(codes.has(fresh)).toBe(false);
  expect(fresh.slice(4, 9) > [...codes].map((c) => (c as string).slice(4, 9)).sort().at(-1)!).toBe(true);
  await bb.close();
}, 120_000);

it('exports the case list to CSV and XLSX with national IDs masked unless asked for', async () => {
  const a = await tempStore();
  expect((await didar('import', ...storeArgs(a), SAMPLE)).code).toBe(0);
  const csvFile = path.join(await tempDir(), 'cases.csv');
  expect((await didar('export', ...storeArgs(a), '--format', 'csv', '--out', csvFile)).code).toBe(0);
  const csv = await fs.readFile(csvFile, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(161);
  expect(lines[0]).toContain('کد رهگیری');
  expect(csv).not.toContain('2401179445'); // s001's national ID
  const xlsxFile = path.join(path.dirname(csvFile), 'cases.xlsx');
  expect((await didar('export', ...storeArgs(a), '--format', 'xlsx', '--out', xlsxFile, '--national-ids')).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxFile);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]?.rightToLeft).toBe(true);
  expect(ws.getCell('F2').value).toBe('کد ملی');
  const ids: unknown[] = [];
  ws.getColumn(6).eachCell((cell, row) => { if (row > 2) ids.push(cell.value); });
  expect(ids).toContain('2401179445');
  expect((await didar('export', ...storeArgs(a), '--format', 'pdf', '--out', xlsxFile)).code).toBe(2);
}, 120_000);

it('imports an export whose cases leave out their empty lists; the store then opens and the case reads as empty lists', async () => {
  const a = await tempStore();
  expect((await didar('import', ...storeArgs(a), SAMPLE)).code).toBe(0);
  const file = path.join(await tempDir(), 'lists.json');
  expect((await didar('export', ...storeArgs(a), '--format', 'json', '--out', file)).code).toBe(0);
  const doc = JSON.parse(await fs.readFile(file, 'utf8'));
  const bare = doc.cases[0];
  for (const key of ['referrals', 'answers', 'notices', 'attachments', 'prints']) delete bare[key];
  delete doc.cases[1].text;
  delete doc.cases[2].createdAt; // the worklist orders by it: a case without it is a broken row
  await fs.writeFile(file, JSON.stringify(doc));

  const b = await tempStore();
  const imported = await didar('import', ...storeArgs(b), file);
  expect(imported.code).toBe(0);
  const summary = JSON.parse(imported.stdout) as { imported: unknown[]; rejected: { id: string; reason: string }[] };
  expect(summary.imported).toHaveLength(158);
  expect(summary.rejected).toEqual([ // rows are named by position
    { id: '#2', reason: expect.stringContaining('text') },
    { id: '#3', reason: expect.stringContaining('createdAt') },
  ]);

  const bb = await openBackend({ ...locationOf(b), operator: 'tester' });
  const got = await bb.dispatch('case/get', { id: bare.id });
  expect(got.ok).toBe(true);
  expect((got as { ok: true; value: unknown }).value).toMatchObject({ prints: [], notices: [], referrals: [] });
  await bb.close();
  expect((await didar('check', ...storeArgs(b))).code).toBe(0);
}, 120_000);
