// Import of cases in the sample-data format: every row is validated first; rejected rows change nothing.
import { z } from 'zod';
import { CaseDraftSchema, type Case, type MeetingDay } from '../../../shared/domain';
import { checkExportedCase, DidarExportSchema, EXPORT_FORMAT } from '../../../shared/export-format';
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
  id: z.union([z.string(), z.number()]).transform(String),
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
  rows.forEach((r, i) => {
    const row = RowSchema.safeParse(r);
    const id = row.success ? row.data.id : `#${i + 1}`;
    if (!row.success) return void summary.rejected.push({ id, reason: 'row is not an object with id, text, county, date and citizen' });
    const d = row.data;
    const date = typeof d.date === 'string' ? parseJalali(d.date) : null;
    if (!date) return void summary.rejected.push({ id, reason: 'date: تاریخ شمسی نادرست است' });
    const orderText = typeof d.order === 'string' ? d.order : '';
    const department = typeof d.department === 'string' ? d.department : '';
    const deadline = parseOrderDeadline(orderText);
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
          deadlineDays: deadline ? workingDaysFor(deadline, formatJalali(date), cal) : settings.defaultDeadlineDays,
          text: orderText,
        },
      } : {}),
    });
    if (!draft.success) {
      const e = validationError(draft.error);
      const [field, message] = Object.entries(e.fields ?? {})[0] ?? ['_', e.message];
      return void summary.rejected.push({ id, reason: `${field}: ${message}` });
    }
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

/** A deadline named in calendar days or «until the end of the month» as working days from the meeting day. */
function workingDaysFor(d: OrderDeadline, from: string, cal: WorkCalendar): number {
  const start = parseJalali(from)!;
  if (d.kind === 'working') return Math.min(365, d.days);
  const end = d.kind === 'calendar' ? addDays(start, d.days) : { ...start, jd: monthLength(start.jy, start.jm) };
  return Math.min(365, Math.max(1, workingDaysBetween(start, end, cal)));
}

/**
 * Reads a `didar export` file back: meeting days and cases with their own ids, codes and history. What is
 * already in the folder (same id) is kept; a case whose code belongs to another case is rejected.
 */
async function restoreExport(ctx: BackendContext, raw: unknown): Promise<ImportSummary> {
  const parsed = DidarExportSchema.safeParse(raw);
  if (!parsed.success) throw new DidarError('bad-args', `فایل خروجی دیدار درست نیست: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  if (parsed.data.version > SCHEMA_VERSION) throw new DidarError('newer-schema', msg.newerExport);
  migrateCases(parsed.data.cases, parsed.data.version);
  const summary: ImportSummary = { imported: [], rejected: [] };
  const known = new Set((await ctx.store.listMeetingDays()).map((d) => d.id));
  const newDays = parsed.data.meetingDays.filter((d) => !known.has(d.id)) as unknown as MeetingDay[];
  for (const d of parsed.data.meetingDays) known.add(d.id);
  const rows = parsed.data.cases.map((raw, i) => ({ raw, i }));
  const outcomes = await inUnits(ctx, 'import/restore', rows, async (t, { raw, i }): Promise<{ imported: ImportSummary['imported'][number] } | { rejected: ImportSummary['rejected'][number] }> => {
    // the meeting days come with the first unit, so that no case is ever stored without its day
    for (const d of newDays.splice(0)) await t.store.addMeetingDay(d);
    const c = checkExportedCase(raw);
    if (typeof c === 'string') return { rejected: { id: `#${i + 1}`, reason: c } };
    const existing = await t.store.getCase(c.id);
    if (existing) return { imported: { id: c.id, code: existing.code, existing: true } };
    if (await t.store.getCaseByCode(c.code)) return { rejected: { id: c.id, reason: `code ${c.code} belongs to another case` } };
    if (!known.has(c.meetingDayId)) return { rejected: { id: c.id, reason: 'meetingDayId: روز ملاقات این پرونده در فایل نیست' } };
    await t.store.putCase(c);
    return { imported: { id: c.id, code: c.code } };
  });
  for (const o of outcomes) {
    if ('imported' in o) summary.imported.push(o.imported);
    else summary.rejected.push(o.rejected);
  }
  return summary;
}
