// The whole record out of a data folder: JSON that `didar import` reads back without loss, and the case
// list as a table for CSV/XLSX (national IDs masked unless asked for).
import { byTrackingCode, leadDepartment, type Case } from '../../../shared/domain';
import { EXPORT_FORMAT, type DidarExport } from '../../../shared/export-format';
import { ORDER_TYPE_LABEL, OUTCOME_LABEL, STATUS_LABEL, codeOrStage } from '../../../shared/labels';
import { maskNationalId } from '../../../shared/national-id';
import type { ReportTable } from '../../../shared/reports/table';
import type { BackendContext } from '../context';
import { SCHEMA_VERSION } from '../store/migrations';

export async function exportAll(ctx: BackendContext): Promise<DidarExport> {
  const meetingDays = [...(await ctx.store.listMeetingDays())].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const cases = [...(await ctx.store.scanCases({}))].sort(byTrackingCode);
  await ctx.store.logEvent(ctx.actor, 'export/json', 'export', String(cases.length));
  return { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: ctx.now().toISOString(), meetingDays, cases };
}

const CASE_HEADERS = ['کد رهگیری', 'تاریخ ملاقات', 'شهرستان', 'نام', 'نام خانوادگی', 'کد ملی', 'دستگاه', 'نوع دستور', 'مهلت', 'وضعیت', 'نتیجه', 'متن درخواست', 'دستور'];

export async function casesTable(ctx: BackendContext, withNationalIds: boolean): Promise<ReportTable> {
  const cases: Case[] = [...(await ctx.store.scanCases({}))].sort(byTrackingCode);
  await ctx.store.logEvent(ctx.actor, withNationalIds ? 'export/table-with-national-ids' : 'export/table', 'export', String(cases.length));
  return {
    title: 'درخواست‌ها',
    subtitle: `${cases.length} درخواست`,
    headers: CASE_HEADERS,
    rows: cases.map((c) => [
      codeOrStage(c.code, !!c.order), c.meetingDate, c.county, c.citizen.firstName, c.citizen.lastName,
      withNationalIds ? c.citizen.nationalId : maskNationalId(c.citizen.nationalId), leadDepartment(c),
      c.order ? ORDER_TYPE_LABEL[c.order.type] : '', c.deadline?.dueDate ?? '', STATUS_LABEL[c.status],
      c.outcome ? OUTCOME_LABEL[c.outcome.kind] : '', c.text, c.order?.text ?? '',
    ]),
  };
}
