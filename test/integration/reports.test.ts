// Department scorecard through the API on the imported sample cases.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { importCases } from '../../electron/backend/services/import';
import { ok, openTestBackend, send } from '../helpers/backend';

const SAMPLE = path.resolve('../shared/data/sample-cases.json');
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
  for (const r of year.rows) expect(r.rank === null).toBe(r.cases.length < year.minCases || r.onTimePct === null);
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
