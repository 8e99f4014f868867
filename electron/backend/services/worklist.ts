// The inspection office's worklist, the escalation list and the citizen's status lookup.
import type { NoticeRow, ParsedArgs, PublicStatus, WorkItem } from '../../../shared/api';
import { leadDepartment, type Case } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { isPaused, overdueDays } from '../../../shared/follow-up';
import { formatJalaliLong, jalaliOf, parseJalali } from '../../../shared/jalali';
import { OUTCOME_LABEL, ORDER_TYPE_LABEL, STATUS_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import { isValidNationalId } from '../../../shared/national-id';
import { digitsOnly, foldForSearch } from '../../../shared/persian-text';
import { normalizeTrackingCode } from '../../../shared/tracking-code';
import { csvText } from '../../../shared/reports/table';
import type { WorkCalendar } from '../../../shared/working-days';
import { AttemptLimit } from '../attempt-limit';
import type { BackendContext } from '../context';
import { today } from './follow-up';
import { workCalendar } from './settings';

const SUMMARY = 140;

export function workItem(c: Case, todayJ: ReturnType<typeof jalaliOf>, cal: WorkCalendar): WorkItem {
  return {
    id: c.id,
    code: c.code,
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

export async function queryWorklist(ctx: BackendContext, a: ParsedArgs<'worklist/query'>): Promise<{ total: number; items: WorkItem[] }> {
  const t = today(ctx);
  let page = { total: 0, items: [] as Case[] };
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
      offset: a.offset,
      limit: a.limit,
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

/** Failed lookups allowed per tracking code: five in ten minutes (guessing a mobile's last four digits takes weeks). */
export const LOOKUP_ATTEMPTS = { max: 5, windowMs: 10 * 60_000 };

/** The backend's count of failed lookups, one per backend (the server's, whatever page or desk asks). */
export function lookupAttempts(ctx: BackendContext): AttemptLimit {
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
  const wait = attempts.waitMs(a.code);
  if (wait > 0) throw new DidarError('too-many-attempts', msg.lookupLimited(Math.ceil(wait / 60_000)));
  const c = await ctx.store.getCaseByCode(a.code);
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

export async function listNotices(ctx: BackendContext, pending: boolean): Promise<NoticeRow[]> {
  const rows: NoticeRow[] = [];
  for (const c of await ctx.store.listCases()) {
    for (const n of c.notices) {
      if (pending && n.exportedAt) continue;
      rows.push({ caseId: c.id, noticeId: n.id, code: c.code, mobile: n.mobile, text: n.text, createdAt: n.createdAt, ...(n.exportedAt ? { exportedAt: n.exportedAt } : {}) });
    }
  }
  return rows.sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}

/** CSV (UTF-8 with BOM, for Excel and SMS panels) of the pending notices; marks them exported. */
export async function exportNotices(ctx: BackendContext): Promise<{ fileName: string; base64: string; count: number }> {
  const rows = await listNotices(ctx, true);
  const at = ctx.now().toISOString();
  const lines = [['mobile', 'text', 'code'], ...rows.map((r) => [r.mobile, r.text, r.code])];
  const byCase = new Map<string, Set<string>>();
  for (const r of rows) (byCase.get(r.caseId) ?? byCase.set(r.caseId, new Set()).get(r.caseId)!).add(r.noticeId);
  // concurrent saves share the durable writes of each meeting-day file
  await Promise.all([...byCase].map(async ([caseId, ids]) => {
    const c = (await ctx.store.getCase(caseId))!;
    await ctx.store.saveCase({ ...c, notices: c.notices.map((n) => (ids.has(n.id) ? { ...n, exportedAt: at } : n)) }, ctx.actor, 'notices/export');
  }));
  const csv = csvText(lines, true);
  return { fileName: `didar-sms-${today(ctx).replace(/\//g, '-')}.csv`, base64: Buffer.from(csv, 'utf8').toString('base64'), count: rows.length };
}
