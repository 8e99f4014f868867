import { randomUUID } from 'node:crypto';
import type { ParsedArgs } from '../../../shared/api';
import { OPEN_STATUSES, leadDepartment, type Case, type CaseBrief, type Citizen, type CorrectableField, type FieldChange, type Order } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { formatJalali, parseJalali } from '../../../shared/jalali';
import { msg } from '../../../shared/messages';
import { makeTrackingCode, SEQUENCE_MAX } from '../../../shared/tracking-code';
import { foldForSearch } from '../../../shared/persian-text';
import { noticeText } from '../../../shared/notices';
import { canMove, newDeadline } from '../../../shared/follow-up';
import { STATUS_LABEL } from '../../../shared/labels';
import { addWorkingDays } from '../../../shared/working-days';
import type { BackendContext, ReadContext, TxContext } from '../context';
import { requireMeetingDay } from './meeting-days';
import { markQueueSeen } from './queue';
import { workCalendar } from './settings';

/** A case of the same citizen with the same request on the same meeting day: most likely the same one saved twice. */
async function sameCaseToday(ctx: ReadContext, dayId: string, nationalId: string, text: string): Promise<Case | undefined> {
  const folded = foldForSearch(text);
  return (await ctx.store.listCasesOfCitizen(nationalId))
    .find((c) => c.meetingDayId === dayId && c.status !== 'cancelled' && foldForSearch(c.text) === folded);
}

type Draft = Omit<ParsedArgs<'case/record'>, 'confirmed'> & { confirmed?: boolean };

export function recordCase(ctx: BackendContext, draft: Draft): Promise<Case> {
  return ctx.mutate('case/record', (t) => recordCaseIn(t, draft));
}

/** Records a case inside a unit of work: its code, and the queue entry it was called from marked seen. */
export async function recordCaseIn(ctx: TxContext, draft: Draft, externalId?: string): Promise<Case> {
  const day = await requireMeetingDay(ctx, draft.meetingDayId);
  if (draft.queueNumber !== undefined && !(await ctx.store.getQueue(day.id)).some((q) => q.number === draft.queueNumber)) {
    throw new DidarError('not-found', msg.queueEntryNotFound);
  }
  // Imports have their own test of sameness (the row id); a clerk is asked.
  if (externalId === undefined && !draft.confirmed) {
    const twin = await sameCaseToday(ctx, day.id, draft.citizen.nationalId, draft.text);
    if (twin) throw new DidarError('needs-confirmation', msg.sameCaseToday(twin.code));
  }
  const meetingDate = parseJalali(day.date)!;
  const cal = await workCalendar(ctx);
  const deadline = draft.order ? newDeadline(day.date, draft.order.deadlineDays, cal) : undefined;
  const order: Order | undefined = draft.order && deadline ? draft.order : undefined;
  const departments = draft.departments.length
    ? draft.departments
    : order ? [order.leadDepartment, ...order.otherDepartments] : [];
  const sequence = await ctx.store.nextSequence(meetingDate.jy);
  if (sequence > SEQUENCE_MAX) throw new DidarError('conflict', msg.codesExhausted);
  const at = ctx.now().toISOString();
  const by = ctx.actor.operator;
  const settings = await ctx.store.getSettings();
  const c: Case = {
    id: randomUUID(),
    code: makeTrackingCode(meetingDate.jy, sequence),
    meetingDayId: day.id,
    meetingDate: day.date,
    createdAt: at,
    createdBy: by,
    citizen: draft.citizen,
    text: draft.text,
    category: draft.category,
    departments: [...new Set(departments)],
    county: draft.citizen.county,
    ...(order ? { order } : {}),
    status: 'recorded',
    ...(deadline ? { deadline } : {}),
    referrals: [],
    answers: [],
    notices: [],
    attachments: draft.attachments,
    ...(externalId ? { externalId } : {}),
    prints: [],
    history: [
      { at, by, action: 'recorded' },
      ...(order ? [{ at, by, action: 'order' as const, note: order.text }] : []),
    ],
  };
  // the code by SMS at once, where the office wants it (imports never send one)
  const recorded: Case = settings.noticeOnRecord && externalId === undefined
    ? { ...c, notices: [{ id: randomUUID(), kind: 'recorded', mobile: c.citizen.mobile, createdAt: at, text: noticeText('recorded', c, settings.officeName) }] }
    : c;
  await ctx.store.putCase(recorded);
  if (draft.queueNumber !== undefined) await markQueueSeen(ctx, day.id, draft.queueNumber, c.id);
  return recorded;
}

export async function requireCase(ctx: ReadContext, id: string): Promise<Case> {
  const c = await ctx.store.getCase(id);
  if (!c) throw new DidarError('not-found', msg.caseNotFound);
  return c;
}

export async function caseByCode(ctx: ReadContext, code: string): Promise<Case> {
  const c = await ctx.store.getCaseByCode(code);
  if (!c) throw new DidarError('not-found', msg.trackingCodeNotFound);
  return c;
}

export async function listCasesForDay(ctx: ReadContext, meetingDayId: string): Promise<Case[]> {
  await requireMeetingDay(ctx, meetingDayId);
  const cases = await ctx.store.listCasesOfDay(meetingDayId);
  return [...cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function cancelCase(ctx: BackendContext, a: ParsedArgs<'case/cancel'>): Promise<Case> {
  return ctx.mutate('case/cancel', async (t) => {
    const c = await requireCase(t, a.id);
    if (c.status === 'cancelled') throw new DidarError('conflict', msg.alreadyCancelled);
    if (!canMove(c.status, 'cancelled')) throw new DidarError('conflict', msg.illegalTransition(STATUS_LABEL[c.status], STATUS_LABEL.cancelled));
    const at = ctx.now().toISOString();
    const by = ctx.actor.operator;
    const next: Case = {
      ...c,
      status: 'cancelled',
      cancel: { reason: a.reason, at, by },
      history: [...c.history, { at, by, action: 'cancelled', note: a.reason }],
    };
    await t.store.putCase(next);
    return next;
  });
}

const SUMMARY_LENGTH = 120;

export function briefOf(c: Case): CaseBrief {
  return {
    id: c.id, code: c.code, meetingDate: c.meetingDate, status: c.status,
    departments: c.departments, category: c.category,
    summary: c.text.length > SUMMARY_LENGTH ? `${c.text.slice(0, SUMMARY_LENGTH)}…` : c.text,
    open: OPEN_STATUSES.has(c.status),
    ...(c.deadline ? { dueDate: c.deadline.dueDate } : {}),
    ...(c.outcome ? { outcome: c.outcome.kind } : {}),
  };
}

/** The citizen's earlier cases, newest first, and their latest details to prefill the form. */
export async function lookupCitizen(ctx: ReadContext, nationalId: string): Promise<{ citizen: Citizen | null; cases: CaseBrief[] }> {
  const cases = [...(await ctx.store.listCasesOfCitizen(nationalId))].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { citizen: cases[0]?.citizen ?? null, cases: cases.map(briefOf) };
}

export async function dueDate(ctx: ReadContext, from: string, days: number): Promise<{ dueDate: string }> {
  return { dueDate: formatJalali(addWorkingDays(parseJalali(from)!, days, await workCalendar(ctx))) };
}

/**
 * Corrects what was typed wrong at the desk. The tracking code stays; the history keeps each changed field before and
 * after. The department responsible is corrected only before referral (after it, rerouting tells the departments).
 */
export function correctCase(ctx: BackendContext, a: ParsedArgs<'case/correct'>): Promise<Case> {
  return ctx.mutate('case/correct', async (t) => {
    const c = await requireCase(t, a.id);
    if (c.status === 'cancelled') throw new DidarError('cancelled', msg.caseCancelled);
    if (a.department !== undefined && a.department !== leadDepartment(c) && c.status !== 'recorded') {
      throw new DidarError('conflict', msg.departmentAfterReferral, { department: msg.departmentAfterReferral });
    }
    const citizen: Citizen = { ...c.citizen, ...a.citizen };
    const department = a.department ?? leadDepartment(c);
    const others = (c.order?.otherDepartments ?? c.departments.slice(1)).filter((d) => d !== department);
    const next: Case = {
      ...c,
      citizen,
      county: citizen.county,
      text: a.text ?? c.text,
      category: a.category ?? c.category,
      ...(c.order ? { order: { ...c.order, leadDepartment: department, otherDepartments: others } } : {}),
      departments: department ? [department, ...others] : c.departments,
      // messages not yet sent go to the corrected number
      notices: citizen.mobile === c.citizen.mobile ? c.notices : c.notices.map((n) => (n.exportedAt ? n : { ...n, mobile: citizen.mobile })),
    };
    const changes = changedFields(c, next);
    if (!changes.length) throw new DidarError('bad-args', msg.nothingChanged);
    const at = ctx.now().toISOString();
    const corrected: Case = { ...next, history: [...c.history, { at, by: ctx.actor.operator, action: 'corrected', note: a.reason, changes }] };
    await t.store.putCase(corrected);
    return corrected;
  });
}

const FIELD_VALUE: Record<CorrectableField, (c: Case) => string> = {
  'citizen.nationalId': (c) => c.citizen.nationalId,
  'citizen.firstName': (c) => c.citizen.firstName,
  'citizen.lastName': (c) => c.citizen.lastName,
  'citizen.mobile': (c) => c.citizen.mobile,
  'citizen.county': (c) => c.citizen.county,
  'citizen.locality': (c) => c.citizen.locality,
  'citizen.address': (c) => c.citizen.address,
  text: (c) => c.text,
  category: (c) => c.category,
  department: leadDepartment,
};

function changedFields(before: Case, after: Case): FieldChange[] {
  return (Object.keys(FIELD_VALUE) as CorrectableField[])
    .map((field) => ({ field, before: FIELD_VALUE[field](before), after: FIELD_VALUE[field](after) }))
    .filter((ch) => ch.before !== ch.after);
}
