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
import type { BackendContext } from '../context';
import { migrateCases, SCHEMA_VERSION } from '../store/migrations';
import { recordCase } from './cases';
import { openMeetingDay } from './meeting-days';
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

export async function importCases(ctx: BackendContext, raw: unknown): Promise<ImportSummary> {
  if ((raw as { format?: unknown } | null)?.format === EXPORT_FORMAT) return restoreExport(ctx, raw);
  const rows: unknown[] = Array.isArray(raw) ? raw : Array.isArray((raw as { cases?: unknown })?.cases) ? (raw as { cases: unknown[] }).cases : [];
  const summary: ImportSummary = { imported: [], rejected: [] };
  const cal = await workCalendar(ctx);
  const settings = await ctx.store.getSettings();
  const byExternal = new Map((await ctx.store.listCases()).filter((c) => c.externalId).map((c) => [c.externalId!, c]));

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

  const days = new Map((await ctx.store.listMeetingDays()).filter((d) => d.place.kind === 'center').map((d) => [d.date, d.id]));
  for (const a of accepted) {
    const existing = byExternal.get(a.id);
    if (existing) {
      summary.imported.push({ id: a.id, code: existing.code, existing: true });
      continue;
    }
    let dayId = days.get(a.date);
    if (!dayId) {
      dayId = (await openMeetingDay(ctx, { date: a.date, place: { kind: 'center' }, host: DEFAULT_HOST })).id;
      days.set(a.date, dayId);
    }
    const c: Case = await recordCase(ctx, { ...a.draft, meetingDayId: dayId }, a.id);
    summary.imported.push({ id: a.id, code: c.code });
  }
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
  const days = new Map((await ctx.store.listMeetingDays()).map((d) => [d.id, d]));
  for (const day of parsed.data.meetingDays) {
    if (days.has(day.id)) continue;
    const d = day as unknown as MeetingDay;
    await ctx.store.createMeetingDay(d, ctx.actor);
    days.set(d.id, d);
  }
  for (const [i, rawCase] of parsed.data.cases.entries()) {
    const c = checkExportedCase(rawCase);
    if (typeof c === 'string') {
      summary.rejected.push({ id: `#${i + 1}`, reason: c });
      continue;
    }
    const existing = await ctx.store.getCase(c.id);
    if (existing) {
      summary.imported.push({ id: c.id, code: existing.code, existing: true });
      continue;
    }
    const holder = await ctx.store.getCaseByCode(c.code);
    if (holder) {
      summary.rejected.push({ id: c.id, reason: `code ${c.code} belongs to another case` });
      continue;
    }
    if (!days.has(c.meetingDayId)) {
      summary.rejected.push({ id: c.id, reason: 'meetingDayId: روز ملاقات این پرونده در فایل نیست' });
      continue;
    }
    await ctx.store.saveCase(c, ctx.actor, 'import/restore');
    summary.imported.push({ id: c.id, code: c.code });
  }
  return summary;
}
