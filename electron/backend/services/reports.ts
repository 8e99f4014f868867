// Reports over a period: the department scorecard, and the cases behind any number (drill-down).
import type { CaseRow, CountyReport, DepartmentReport, ExportFile } from '../../../shared/api';
import { leadDepartment } from '../../../shared/domain';
import { codeOrStage } from '../../../shared/labels';
import { formatJalali, jalaliOf } from '../../../shared/jalali';
import { daySummary, dayOrdersTable, type DaySummary } from '../../../shared/reports/day-summary';
import { departmentScorecard } from '../../../shared/reports/department-scorecard';
import { casesPerMonth, periodRange, type DateRange, type Period } from '../../../shared/reports/period';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { isKnownOffice, letterheadOf, type Office, officeLabel, officeOf, PROVINCE } from '../../../shared/offices';
import type { CaseScan } from '../store/store';
import { countyTable, departmentTable, type ReportTable } from '../../../shared/reports/table';
import { tableBytes } from '../export/table-file';
import { countyScorecard, type CaseGroup } from '../../../shared/reports/county-scorecard';
import { groupBoard } from './grouping';
import { weeklyCounts, weeklyTable } from '../../../shared/reports/weekly';
import type { BackendContext } from '../context';
import { requireMeetingDay } from './meeting-days';
import { workCalendar } from './settings';

/** The cases of a report: its period, and one office if one is asked for (a county's caller sees its own anyway). */
async function reportScan(ctx: BackendContext, range: DateRange, office: Office | undefined): Promise<CaseScan> {
  if (office !== undefined && !isKnownOffice(office, (await ctx.store.getSettings()).counties)) {
    throw new DidarError('bad-args', msg.officeUnknown, { office: msg.officeUnknown });
  }
  return { meetingFrom: range.from, meetingTo: range.to, ...(office !== undefined ? { office } : {}) };
}

export async function departmentReport(ctx: BackendContext, period: Period, office?: Office): Promise<DepartmentReport> {
  const range = periodRange(period);
  const today = jalaliOf(ctx.now());
  const minCases = (await ctx.store.getSettings()).reportMinCases;
  const cases = await ctx.store.scanCases(await reportScan(ctx, range, office));
  const rows = departmentScorecard(cases, range, today, await workCalendar(ctx), minCases);
  return { range, today: formatJalali(today), minCases, rows, perMonth: casesPerMonth(cases, range) };
}

/** Counties by citizens who came to the provincial centre, with the recurring-issue groups they belonged to. */
export async function countyReport(ctx: BackendContext, period: Period, office?: Office): Promise<CountyReport> {
  const range = periodRange(period);
  const scan = await reportScan(ctx, range, office);
  const s = await ctx.store.getSettings();
  const board = await groupBoard(ctx);
  const groupOf = new Map<string, CaseGroup>();
  for (const g of board.groups) for (const id of g.caseIds) groupOf.set(id, g);
  const cases = await ctx.store.scanCases(scan);
  const rows = countyScorecard(cases, await ctx.store.listMeetingDays(), range, s.countyPopulations, groupOf);
  return { range, populationSource: s.countyPopulationSource, rows };
}

/** A report table as CSV (UTF-8 with BOM) or XLSX (right-to-left sheet); the export is audited. */
export async function reportFile(
  ctx: BackendContext, period: Period, which: 'departments' | 'counties' | 'weekly', format: 'csv' | 'xlsx', office?: Office,
): Promise<ExportFile> {
  let table: ReportTable;
  if (which === 'departments') {
    const r = await departmentReport(ctx, period, office);
    table = departmentTable(r.rows, r.range, r.minCases);
  } else if (which === 'counties') {
    const r = await countyReport(ctx, period, office);
    table = countyTable(r.rows, r.range, r.populationSource);
  } else {
    const range = periodRange(period);
    table = weeklyTable(weeklyCounts(await ctx.store.scanCases(await reportScan(ctx, range, office)), range), range);
  }
  // the sheet says whose cases it counts
  const of = office ?? (ctx.office === PROVINCE ? undefined : ctx.office);
  if (of !== undefined) table = { ...table, subtitle: `${officeLabel(of)} — ${table.subtitle}` };
  const bytes = await tableBytes(table, format);
  const range = periodRange(period);
  await ctx.store.logEvent(ctx.actor, `report/export-${format}`, 'report', `${which} ${range.from}-${range.to}${of !== undefined ? ` ${of}` : ''}`);
  return { fileName: `didar-${which}-${range.from.replace(/\//g, '')}-${range.to.replace(/\//g, '')}.${format}`, base64: bytes.toString('base64') };
}

export async function meetingDaySummary(ctx: BackendContext, dayId: string): Promise<DaySummary> {
  return daySummary(await requireMeetingDay(ctx, dayId), await ctx.store.listCasesOfDay(dayId));
}

/** The day's summary on A4 for the governor, or its order list as XLSX/CSV; audited. */
export async function meetingDaySummaryFile(ctx: BackendContext, dayId: string, format: 'pdf' | 'xlsx' | 'csv'): Promise<ExportFile> {
  const summary = await meetingDaySummary(ctx, dayId);
  let bytes: Buffer;
  if (format === 'pdf') {
    const { officeName, officeUnit } = letterheadOf(await ctx.store.getSettings(), officeOf(await requireMeetingDay(ctx, dayId)));
    bytes = await (await import('../pdf/day-summary-pdf')).renderDaySummaryPdf({ ...summary, officeName, officeUnit });
  } else {
    bytes = await tableBytes(dayOrdersTable(summary), format);
  }
  await ctx.store.logEvent(ctx.actor, `report/day-${format}`, 'meetingDay', dayId);
  return { fileName: `didar-day-${summary.day.date.replace(/\//g, '')}.${format}`, base64: bytes.toString('base64') };
}

export async function caseRows(ctx: BackendContext, ids: readonly string[]): Promise<CaseRow[]> {
  const out: CaseRow[] = [];
  for (const id of ids) {
    const c = await ctx.store.getCase(id);
    if (c) out.push({ id: c.id, code: codeOrStage(c.code, !!c.order), county: c.county, department: leadDepartment(c), meetingDate: c.meetingDate, status: c.status, text: c.text });
  }
  return out.sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.code.localeCompare(b.code));
}
