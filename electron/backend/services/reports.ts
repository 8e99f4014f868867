// Reports over a period: the department scorecard, and the cases behind any number (drill-down).
import type { CaseRow, DepartmentReport } from '../../../shared/api';
import { leadDepartment } from '../../../shared/domain';
import { formatJalali, jalaliOf } from '../../../shared/jalali';
import { departmentScorecard } from '../../../shared/reports/department-scorecard';
import { periodRange, type Period } from '../../../shared/reports/period';
import type { BackendContext } from '../context';
import { workCalendar } from './settings';

export async function departmentReport(ctx: BackendContext, period: Period): Promise<DepartmentReport> {
  const range = periodRange(period);
  const today = jalaliOf(ctx.now());
  const minCases = (await ctx.store.getSettings()).reportMinCases;
  const rows = departmentScorecard(await ctx.store.listCases(), range, today, await workCalendar(ctx), minCases);
  return { range, today: formatJalali(today), minCases, rows };
}

export async function caseRows(ctx: BackendContext, ids: readonly string[]): Promise<CaseRow[]> {
  const out: CaseRow[] = [];
  for (const id of ids) {
    const c = await ctx.store.getCase(id);
    if (c) out.push({ id: c.id, code: c.code, county: c.county, department: leadDepartment(c), meetingDate: c.meetingDate, status: c.status, text: c.text });
  }
  return out.sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.code.localeCompare(b.code));
}
