// The inspection office's worklist, the escalation list and the citizen's status lookup.
import type { ExportFile, NoticeRow, ParsedArgs, PublicStatus, WorkItem } from '../../../shared/api';
import { leadDepartment, type Case } from '../../../shared/domain';
import type { Notice } from '../../../shared/notices';
import { DidarError } from '../../../shared/errors';
import { isPaused, overdueDays } from '../../../shared/follow-up';
import { formatJalaliLong, formatJalaliShort, jalaliOf, parseJalali } from '../../../shared/jalali';
import { OUTCOME_LABEL, ORDER_TYPE_LABEL, STATUS_LABEL, codeOrStage } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import { isValidNationalId } from '../../../shared/national-id';
import { digitsOnly, foldForSearch, toPersianDigits } from '../../../shared/persian-text';
import type { ReportTable } from '../../../shared/reports/table';
import { worklistTable } from '../../../shared/reports/worklist-table';
import { tableBytes } from '../export/table-file';
import { normalizeTrackingCode } from '../../../shared/tracking-code';
import { csvText } from '../../../shared/reports/table';
import type { WorkCalendar } from '../../../shared/working-days';
import { AttemptLimit } from '../attempt-limit';
import type { BackendContext, ReadContext } from '../context';
import type { CasePage } from '../store/store';
import { unscoped } from '../store/office-scope';
import { requireCase } from './cases';
import { today } from './follow-up';
import { workCalendar } from './settings';
import { letterheadOf } from '../../../shared/offices';

const SUMMARY = 140;

export function workItem(c: Case, todayJ: ReturnType<typeof jalaliOf>, cal: WorkCalendar): WorkItem {
  return {
    id: c.id,
    code: codeOrStage(c.code, !!c.order),
    citizenName: `${c.citizen.firstName} ${c.citizen.lastName}`,
    county: c.county,
    department: leadDepartment(c),
    meetingDate: c.meetingDate,
    ...(c.order ? { orderType: ORDER_TYPE_LABEL[c.order.type] } : {}),
    status: c.status,
    ...(c.deadline ? { dueDate: c.deadline.dueDate } : {}),
    overdueDays: overdueDays(c, todayJ, cal),
    paused: isPaused(c.deadline),
    summary: c.text.length > SUMMARY ? `${c.text.slice(0, SUMMARY)}…` : c.text,
  };
}

/** Search words: folded like the index (letters, digits, ZWNJ), spaces inside a word dropped. */
export function searchWords(q: string): string[] {
  return foldForSearch(q).split(' ').filter(Boolean);
}

/**
 * Ways to read a search box, tried in order: a tracking code, a national ID (ten digits can be both),
 * then words. A code or ID is looked up directly instead of scanning every case.
 */
function searchesOf(q: string): { code?: string; nationalId?: string; words?: string[] }[] {
  if (!q.trim()) return [{}];
  const digits = digitsOnly(q);
  const code = normalizeTrackingCode(q);
  const nid = /^\d{10}$/.test(digits) && isValidNationalId(digits) ? digits : null;
  return [...(code ? [{ code }] : []), ...(nid ? [{ nationalId: nid }] : []), { words: searchWords(q) }];
}

type Filters = Omit<ParsedArgs<'worklist/query'>, 'offset' | 'limit'>;

export function queryWorklist(ctx: BackendContext, a: ParsedArgs<'worklist/query'>): Promise<{ total: number; items: WorkItem[] }> {
  return worklistPage(ctx, a, a.offset, a.limit);
}

async function worklistPage(ctx: BackendContext, a: Filters, offset: number, limit: number): Promise<{ total: number; items: WorkItem[] }> {
  const t = today(ctx);
  let page: CasePage = { total: 0, items: [] };
  for (const search of searchesOf(a.q ?? '')) {
    page = await ctx.store.queryCases({
      ...(a.statuses?.length ? { statuses: a.statuses } : {}),
      ...(a.department ? { department: a.department } : {}),
      ...(a.county ? { county: a.county } : {}),
      ...(a.meetingDayId ? { meetingDayId: a.meetingDayId } : {}),
      ...(a.orderType ? { orderType: a.orderType } : {}),
      ...(a.overdue ? { overdueBefore: t } : {}),
      ...search,
      sort: a.sort,
      offset,
      limit,
    });
    if (page.total > 0) break;
  }
  const cal = await workCalendar(ctx);
  const todayJ = jalaliOf(ctx.now());
  return { total: page.total, items: page.items.map((c) => workItem(c, todayJ, cal)) };
}

/** Cases overdue by more than the escalation threshold, most overdue first, for the governor's office. */
export async function escalationList(ctx: BackendContext): Promise<WorkItem[]> {
  const { escalationDays } = await ctx.store.getSettings();
  const page = await ctx.store.queryCases({ overdueBefore: today(ctx), sort: 'due', offset: 0, limit: 100_000 });
  const cal = await workCalendar(ctx);
  const todayJ = jalaliOf(ctx.now());
  return page.items.map((c) => workItem(c, todayJ, cal)).filter((w) => w.overdueDays > escalationDays)
    .sort((x, y) => y.overdueDays - x.overdueDays);
}

/** Most cases a printed or exported list holds (a filter narrows a longer one). */
const FILE_MAX = 10_000;

/** What a list's filter holds, in words, for the line above its table. */
async function filterText(ctx: BackendContext, a: Filters): Promise<string> {
  const parts: string[] = [];
  if (a.statuses?.length) parts.push(`وضعیت: ${a.statuses.map((s) => STATUS_LABEL[s]).join('، ')}`);
  if (a.department) parts.push(`دستگاه: ${a.department}`);
  if (a.county) parts.push(`شهرستان: ${a.county}`);
  if (a.meetingDayId) {
    const day = await ctx.store.getMeetingDay(a.meetingDayId);
    if (day) parts.push(`روز ملاقات: ${formatJalaliShort(parseJalali(day.date)!)}`);
  }
  if (a.orderType) parts.push(`نوع دستور: ${ORDER_TYPE_LABEL[a.orderType]}`);
  if (a.overdue) parts.push('فقط دارای تأخیر');
  if (a.q) parts.push(`جستجو: «${a.q}»`);
  return parts.length ? parts.join(' · ') : 'همه پرونده‌ها';
}

/** The worklist as its filter shows it, on A4 or as XLSX; audited like every export. */
export async function worklistFile(ctx: BackendContext, a: Filters & { format: 'pdf' | 'xlsx' }): Promise<ExportFile> {
  const { items } = await worklistPage(ctx, a, 0, FILE_MAX);
  const table = worklistTable(items, { title: 'فهرست پیگیری پرونده‌ها', filters: await filterText(ctx, a), today: today(ctx) });
  return listFile(ctx, table, a.format, 'worklist');
}

export async function escalationFile(ctx: BackendContext, format: 'pdf' | 'xlsx'): Promise<ExportFile> {
  const { escalationDays } = await ctx.store.getSettings();
  const table = worklistTable(await escalationList(ctx), {
    title: 'فهرست تأخیر برای دفتر استاندار', filters: `پرونده‌هایی که بیش از ${toPersianDigits(escalationDays)} روز کاری از مهلت گذشته‌اند`, today: today(ctx),
  });
  return listFile(ctx, table, format, 'escalation');
}

async function listFile(ctx: BackendContext, table: ReportTable, format: 'pdf' | 'xlsx', name: 'worklist' | 'escalation'): Promise<ExportFile> {
  const { officeName, officeUnit } = letterheadOf(await ctx.store.getSettings(), ctx.office);
  const bytes = format === 'pdf'
    ? await (await import('../pdf/table-pdf')).renderTablePdf(table, {
      officeName, officeUnit, widths: [24, 62, 70, 52, 80, 52, 50, 50, 34, 56, '*'], ltrColumns: [1], cellMax: 140,
    })
    : await tableBytes(table, 'xlsx');
  await ctx.store.logEvent(ctx.actor, `${name}/export-${format}`, 'report', `${name} ${table.rows.length}`);
  return { fileName: `didar-${name}-${today(ctx).replace(/\//g, '')}.${format}`, base64: bytes.toString('base64') };
}

/** Failed lookups allowed per tracking code: five in ten minutes (guessing a mobile's last four digits takes weeks). */
export const LOOKUP_ATTEMPTS = { max: 5, windowMs: 10 * 60_000 };

/** The backend's count of failed lookups, one per backend (the server's, whatever page or desk asks). */
export function lookupAttempts(ctx: ReadContext): AttemptLimit {
  return new AttemptLimit({ ...LOOKUP_ATTEMPTS, now: () => ctx.now().getTime() });
}

/**
 * A citizen's question by tracking code: answered only when the national ID (or the mobile's last four digits)
 * matches; a wrong identity gets the same answer as an unknown code, so nothing is revealed. A code that had too
 * many wrong answers lately answers nobody until they are old enough.
 */
export async function lookupStatus(ctx: BackendContext, a: ParsedArgs<'lookup/status'>, attempts: AttemptLimit): Promise<PublicStatus> {
  const nid = a.nationalId ? digitsOnly(a.nationalId) : '';
  const last4 = a.mobileLast4 ? digitsOnly(a.mobileLast4) : '';
  if (!nid && !last4) throw new DidarError('bad-args', msg.identityRequired, { nationalId: msg.identityRequired });
  attempts.refuseWhileLocked(a.code, msg.lookupLimited);
  // the citizen may ask at any office (the identity check is the lock): answered from the whole province
  const c = await unscoped(ctx.store).getCaseByCode(a.code);
  const matches = c && ((nid && c.citizen.nationalId === nid) || (last4.length === 4 && c.citizen.mobile.endsWith(last4)));
  if (!c || !matches) {
    attempts.count(a.code);
    throw new DidarError('not-found', msg.lookupNotFound);
  }
  const department = leadDepartment(c);
  const due = c.deadline ? formatJalaliLong(parseJalali(c.deadline.dueDate)!) : '';
  const status = STATUS_LABEL[c.status];
  const outcome = c.outcome ? OUTCOME_LABEL[c.outcome.kind] : undefined;
  const last = c.history.at(-1)!;
  const message = c.status === 'closed'
    ? `رسیدگی به درخواست شما پایان یافته است. نتیجه: ${outcome}.`
    : c.status === 'cancelled'
      ? 'این پرونده ابطال شده است.'
      : isPaused(c.deadline)
        ? 'رسیدگی در انتظار مدارک شماست. لطفاً با دفتر ارتباطات مردمی تماس بگیرید.'
        : `درخواست شما در وضعیت «${status}» نزد ${department} است${due ? ` و پاسخ تا ${due} اعلام می‌شود` : ''}.`;
  return {
    code: c.code, status, department, meetingDate: c.meetingDate,
    ...(c.deadline ? { dueDate: c.deadline.dueDate } : {}), ...(outcome ? { outcome } : {}),
    lastUpdate: last.at, message,
  };
}

export async function listNotices(ctx: ReadContext, pending: boolean): Promise<NoticeRow[]> {
  const rows: NoticeRow[] = [];
  for (const c of await ctx.store.scanCases(pending ? { pendingNotices: true } : {})) {
    const live = c.notices.filter((n) => !n.skippedAt);
    for (const n of c.notices) {
      if (pending && (n.exportedAt || n.skippedAt)) continue;
      const superseded = !n.exportedAt && !n.skippedAt && live.some((m) => m.createdAt > n.createdAt);
      rows.push({
        caseId: c.id, noticeId: n.id, code: codeOrStage(c.code, !!c.order), mobile: n.mobile, text: n.text, createdAt: n.createdAt, superseded,
        ...(n.exportedAt ? { exportedAt: n.exportedAt } : {}), ...(n.skippedAt ? { skippedAt: n.skippedAt } : {}),
      });
    }
  }
  return rows.sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}

/** CSV (UTF-8 with BOM, for Excel and SMS panels) of the pending notices; they are marked once the file is saved. */
export async function exportNotices(ctx: BackendContext): Promise<{ fileName: string; base64: string; count: number; notices: { caseId: string; noticeId: string }[] }> {
  const rows = await listNotices(ctx, true);
  // every cell neutralised like every CSV the app writes: a name starting with = is text, not a formula
  const csv = csvText([['mobile', 'text', 'code'], ...rows.map((r) => [r.mobile, r.text, r.code])], true);
  await ctx.store.logEvent(ctx.actor, 'notices/export', 'notices', String(rows.length));
  return {
    fileName: `didar-sms-${today(ctx).replace(/\//g, '-')}.csv`, base64: Buffer.from(csv, 'utf8').toString('base64'), count: rows.length,
    notices: rows.map((r) => ({ caseId: r.caseId, noticeId: r.noticeId })),
  };
}

/** Changes the named notices of each case, all in one unit of work (one not yet sent or kept back only). */
function changeNotices(
  ctx: BackendContext, refs: readonly { caseId: string; noticeId: string }[], change: (n: Notice) => Notice, action: string,
): Promise<{ count: number }> {
  const byCase = new Map<string, Set<string>>();
  for (const r of refs) (byCase.get(r.caseId) ?? byCase.set(r.caseId, new Set()).get(r.caseId)!).add(r.noticeId);
  return ctx.mutate(action, async (t) => {
    let count = 0;
    for (const [caseId, ids] of byCase) {
      const c = await requireCase(t, caseId);
      const before = count;
      const notices = c.notices.map((n) => (ids.has(n.id) && !n.exportedAt && !n.skippedAt ? (count++, change(n)) : n));
      if (count > before) await t.store.putCase({ ...c, notices }); // nothing left to mark: nothing written
    }
    return { count };
  });
}

export function markNoticesExported(ctx: BackendContext, refs: readonly { caseId: string; noticeId: string }[]): Promise<{ count: number }> {
  const at = ctx.now().toISOString();
  return changeNotices(ctx, refs, (n) => ({ ...n, exportedAt: at }), 'notices/exported');
}

export function skipNotice(ctx: BackendContext, ref: { caseId: string; noticeId: string }): Promise<{ count: number }> {
  const at = ctx.now().toISOString();
  return changeNotices(ctx, [ref], (n) => ({ ...n, skippedAt: at, skippedBy: ctx.actor.operator }), 'notices/skip');
}
