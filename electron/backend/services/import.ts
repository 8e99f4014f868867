// Import of cases in the sample-data format: every row is validated first; rejected rows change nothing.
import { z } from 'zod';
import { CaseDraftSchema, type Case, type MeetingDay } from '../../../shared/domain';
import { DEADLINE_DAYS_MAX } from '../../../shared/stored-schemas';
import { checkExportedCase, checkExportedDay, DidarExportSchema, EXPORT_FORMAT } from '../../../shared/export-format';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { addDays, formatJalali, monthLength, parseJalali } from '../../../shared/jalali';
import { inferOrderType, parseOrderDeadline, type OrderDeadline } from '../../../shared/order-text';
import { workingDaysBetween, type WorkCalendar } from '../../../shared/working-days';
import { validationError } from '../dispatch';
import type { BackendContext, TxContext } from '../context';
import { migrateCases, SCHEMA_VERSION } from '../store/migrations';
import { recordCaseIn } from './cases';
import { openMeetingDayIn } from './meeting-days';
import { workCalendar } from './settings';

export type ImportSummary = {
  imported: { id: string; code: string; existing?: true }[];
  rejected: { id: string; reason: string }[];
};

const RowSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1).max(200)),
  text: z.unknown(),
  county: z.unknown(),
  department: z.unknown().optional(),
  date: z.unknown(),
  order: z.unknown().optional(),
  citizen: z.object({
    firstName: z.unknown(), lastName: z.unknown(), nationalId: z.unknown(), mobile: z.unknown(),
    village: z.unknown().optional(), address: z.unknown().optional(),
  }),
});

const DEFAULT_HOST = 'استاندار';
/** Rows committed per unit of work: a large file in a few journal lines of reasonable size. */
const ROWS_PER_UNIT = 200;

/** Runs `each` over the items in units of work of ROWS_PER_UNIT; what a unit returns counts once it is committed. */
async function inUnits<T, R>(ctx: BackendContext, action: string, items: readonly T[], each: (t: TxContext, item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_UNIT) {
    const chunk = items.slice(i, i + ROWS_PER_UNIT);
    out.push(...(await ctx.mutate(action, async (t) => {
      const done: R[] = [];
      for (const item of chunk) done.push(await each(t, item));
      return done;
    })));
  }
  return out;
}

export async function importCases(ctx: BackendContext, raw: unknown): Promise<ImportSummary> {
  if ((raw as { format?: unknown } | null)?.format === EXPORT_FORMAT) return restoreExport(ctx, raw);
  const rows: unknown[] = Array.isArray(raw) ? raw : Array.isArray((raw as { cases?: unknown })?.cases) ? (raw as { cases: unknown[] }).cases : [];
  const summary: ImportSummary = { imported: [], rejected: [] };
  const cal = await workCalendar(ctx);
  const settings = await ctx.store.getSettings();

  const accepted: { id: string; date: string; draft: z.output<typeof CaseDraftSchema> }[] = [];
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    const row = RowSchema.safeParse(r);
    const id = row.success ? row.data.id : `#${i + 1}`;
    if (!row.success) return void summary.rejected.push({ id, reason: 'row is not an object with id, text, county, date and citizen' });
    if (ids.has(id)) return void summary.rejected.push({ id, reason: `id: ${msg.importDuplicateRow}` });
    ids.add(id);
    const d = row.data;
    const date = typeof d.date === 'string' ? parseJalali(d.date) : null;
    if (!date) return void summary.rejected.push({ id, reason: 'date: تاریخ شمسی نادرست است' });
    const orderText = typeof d.order === 'string' ? d.order : '';
    const department = typeof d.department === 'string' ? d.department : '';
    const deadline = parseOrderDeadline(orderText);
    const deadlineDays = deadline ? workingDaysFor(deadline, formatJalali(date), cal) : settings.defaultDeadlineDays;
    if (deadlineDays === null) return void summary.rejected.push({ id, reason: `order: ${msg.deadlineInvalid}` });
    const draft = CaseDraftSchema.safeParse({
      meetingDayId: 'pending',
      citizen: {
        firstName: d.citizen.firstName, lastName: d.citizen.lastName, nationalId: d.citizen.nationalId,
        mobile: d.citizen.mobile, county: d.county, locality: d.citizen.village ?? '', address: d.citizen.address ?? '',
      },
      text: d.text,
      departments: department ? [department] : [],
      ...(department ? {
        order: {
          type: inferOrderType(orderText),
          leadDepartment: department,
          deadlineDays,
          text: orderText,
        },
      } : {}),
    });
    if (!draft.success) return void summary.rejected.push({ id, reason: rowReason(draft.error.issues) });
    accepted.push({ id, date: formatJalali(date), draft: draft.data });
  });

  const byExternal = new Map((await ctx.store.scanCases({ externalIds: accepted.map((a) => a.id) })).map((c) => [c.externalId!, c]));
  const days = new Map((await ctx.store.listMeetingDays()).filter((d) => d.place.kind === 'center').map((d) => [d.date, d.id]));
  summary.imported.push(...await inUnits(ctx, 'import/cases', accepted, async (t, a) => {
    const existing = byExternal.get(a.id);
    if (existing) return { id: a.id, code: existing.code, existing: true as const };
    let dayId = days.get(a.date);
    if (!dayId || !(await t.store.getMeetingDay(dayId))) {
      dayId = (await openMeetingDayIn(t, { date: a.date, place: { kind: 'center' }, host: DEFAULT_HOST })).id;
      days.set(a.date, dayId);
    }
    const c: Case = await recordCaseIn(t, { ...a.draft, meetingDayId: dayId }, a.id);
    return { id: a.id, code: c.code };
  }));
  return summary;
}

/**
 * A deadline named in calendar days or «until the end of the month» as working days from the meeting day;
 * null when it is longer than an order may give (a typo such as «ظرف 99999999999 روز»).
 */
function workingDaysFor(d: OrderDeadline, from: string, cal: WorkCalendar): number | null {
  const start = parseJalali(from)!;
  if (d.kind === 'working') return d.days <= DEADLINE_DAYS_MAX ? d.days : null;
  // more calendar days than two years cannot be 365 working days or fewer; no date arithmetic that far
  if (d.kind === 'calendar' && d.days > 2 * DEADLINE_DAYS_MAX) return null;
  const end = d.kind === 'calendar' ? addDays(start, d.days) : { ...start, jd: monthLength(start.jy, start.jm) };
  const days = Math.max(1, workingDaysBetween(start, end, cal));
  return days <= DEADLINE_DAYS_MAX ? days : null;
}

/** The first problem of a row as «field: Persian message», the way a clerk would have been told it. */
function rowReason(issues: readonly z.core.$ZodIssue[]): string {
  const e = validationError(new z.ZodError([...issues]));
  const [field, message] = Object.entries(e.fields ?? {})[0] ?? ['_', e.message];
  return `${field}: ${field === 'code' ? msg.trackingCodeInvalid : message}`;
}

const EXPORT_ROW_REASON = { 'code-year': msg.importCodeYear, 'code-too-high': msg.importCodeTooHigh } as const;

/**
 * Reads a `didar export` file back: meeting days and cases with their own ids, codes and history, each checked
 * as if typed and as stored. What is already in the folder (same id) is kept; a case whose code belongs to
 * another case, a second row with the same id or code, and a row that does not check are rejected on their own.
 */
async function restoreExport(ctx: BackendContext, raw: unknown): Promise<ImportSummary> {
  const parsed = DidarExportSchema.safeParse(raw);
  if (!parsed.success) throw new DidarError('bad-args', `فایل خروجی دیدار درست نیست: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  if (parsed.data.version > SCHEMA_VERSION) throw new DidarError('newer-schema', msg.newerExport);
  migrateCases(parsed.data.cases, parsed.data.version);
  const summary: ImportSummary = { imported: [], rejected: [] };
  const days = new Map((await ctx.store.listMeetingDays()).map((d) => [d.id, d]));
  const newDays: MeetingDay[] = [];
  for (const rawDay of parsed.data.meetingDays) {
    const d = checkExportedDay(rawDay);
    if ('issues' in d || days.has(d.id)) continue; // a broken day: its cases are rejected below
    newDays.push(d);
    days.set(d.id, d);
  }
  const idsInFile = new Set<string>();
  type Outcome = { imported: ImportSummary['imported'][number] } | { rejected: ImportSummary['rejected'][number] };
  const rows = parsed.data.cases.map((raw, i) => ({ raw, i }));
  const outcomes = await inUnits(ctx, 'import/restore', rows, async (t, { raw, i }): Promise<Outcome> => {
    // the meeting days come with the first unit, so that no case is ever stored without its day
    for (const d of newDays.splice(0)) await t.store.addMeetingDay(d);
    const c = checkExportedCase(raw);
    if ('issues' in c || 'reason' in c) {
      return { rejected: { id: `#${i + 1}`, reason: 'issues' in c ? rowReason(c.issues) : `code: ${EXPORT_ROW_REASON[c.reason]}` } };
    }
    if (idsInFile.has(c.id)) return { rejected: { id: c.id, reason: `id: ${msg.importDuplicateRow}` } };
    idsInFile.add(c.id);
    const existing = await t.store.getCase(c.id);
    if (existing) return { imported: { id: c.id, code: existing.code, existing: true } };
    if (await t.store.getCaseByCode(c.code)) return { rejected: { id: c.id, reason: `code: ${msg.importCodeTaken(c.code)}` } };
    if (days.get(c.meetingDayId)?.date !== c.meetingDate) return { rejected: { id: c.id, reason: 'meetingDayId: روز ملاقات این پرونده در فایل نیست' } };
    await t.store.putCase(c);
    return { imported: { id: c.id, code: c.code } };
  });
  for (const o of outcomes) {
    if ('imported' in o) summary.imported.push(o.imported);
    else summary.rejected.push(o.rejected);
  }
  return summary;
}
