import { randomUUID } from 'node:crypto';
import type { ParsedArgs } from '../../../shared/api';
import {
  OPEN_STATUSES, intakeStage, leadDepartment, type Case, type CaseBrief, type Citizen, type CodedCase, type CorrectableField, type FieldChange, type Order,
} from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { formatJalali, parseJalali } from '../../../shared/jalali';
import { msg } from '../../../shared/messages';
import { letterheadOf, officeField, officeLabel, officeOf, PROVINCE } from '../../../shared/offices';
import { makeTrackingCode, SEQUENCE_MAX } from '../../../shared/tracking-code';
import { foldForSearch } from '../../../shared/persian-text';
import { noticeText } from '../../../shared/notices';
import { canMove, newDeadline } from '../../../shared/follow-up';
import { STATUS_LABEL } from '../../../shared/labels';
import { addWorkingDays } from '../../../shared/working-days';
import type { BackendContext, ReadContext, TxContext } from '../context';
import { requireMeetingDay } from './meeting-days';
import { linkQueueCase, markQueueSeen } from './queue';
import { workCalendar } from './settings';

/** A case of the same citizen with the same request on the same meeting day: most likely the same one saved twice. */
async function sameCaseToday(ctx: ReadContext, dayId: string, nationalId: string, text: string): Promise<Case | undefined> {
  const folded = foldForSearch(text);
  return (await ctx.store.listCasesOfCitizen(nationalId))
    .find((c) => c.meetingDayId === dayId && c.status !== 'cancelled' && foldForSearch(c.text) === folded);
}

type Draft = Omit<ParsedArgs<'case/record'>, 'confirmed'> & { confirmed?: boolean };

export function recordCase(ctx: BackendContext, draft: Draft): Promise<CodedCase> {
  return ctx.mutate('case/record', (t) => recordCaseIn(t, draft));
}

/** A case recorded at a station: its code is given at the inspection desk once the governor's order is in. */
export function recordPendingCase(ctx: BackendContext, draft: Draft): Promise<Case> {
  return ctx.mutate('case/record-pending', (t) => newCase(t, draft, { code: false }));
}

/** Records a case with its code inside a unit of work (one desk, imports): the queue entry it was called from is seen. */
export async function recordCaseIn(ctx: TxContext, draft: Draft, externalId?: string): Promise<CodedCase> {
  return (await newCase(ctx, draft, { code: true, ...(externalId ? { externalId } : {}) })) as CodedCase;
}

type RecordAs = { code: true; externalId?: string } | { code: false; externalId?: undefined };

async function newCase(ctx: TxContext, draft: Draft, as: RecordAs): Promise<Case> {
  const day = await requireMeetingDay(ctx, draft.meetingDayId);
  if (draft.queueNumber !== undefined && !(await ctx.store.getQueue(day.id)).some((q) => q.number === draft.queueNumber)) {
    throw new DidarError('not-found', msg.queueEntryNotFound);
  }
  const { externalId } = as;
  // Imports have their own test of sameness (the row id); a clerk is asked.
  if (externalId === undefined && !draft.confirmed) {
    const twin = await sameCaseToday(ctx, day.id, draft.citizen.nationalId, draft.text);
    if (twin) throw new DidarError('needs-confirmation', msg.sameCaseToday(twin.code));
  }
  const cal = await workCalendar(ctx);
  const deadline = draft.order ? newDeadline(day.date, draft.order.deadlineDays, cal) : undefined;
  const order: Order | undefined = draft.order && deadline ? draft.order : undefined;
  const departments = draft.departments.length
    ? draft.departments
    : order ? [order.leadDepartment, ...order.otherDepartments] : [];
  const at = ctx.now().toISOString();
  const by = ctx.actor.operator;
  const c: Case = {
    id: randomUUID(),
    meetingDayId: day.id,
    ...officeField(officeOf(day)),
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
  // imports never send the citizen a message
  const recorded = as.code ? await withCode(ctx, c, { notify: externalId === undefined, logged: false }) : c;
  await ctx.store.putCase(recorded);
  if (draft.queueNumber !== undefined) {
    // recorded before the order (reception): the citizen still waits to be called to the governor's table
    if (order || as.code) await markQueueSeen(ctx, day.id, draft.queueNumber, c.id);
    else await linkQueueCase(ctx, day.id, draft.queueNumber, c.id);
  }
  return recorded;
}

/**
 * Gives a case the next tracking code of its meeting day's year, inside the unit of work that stores it: units of
 * work run one at a time on the store, so two desks never get the same sequence. `notify`: the code by SMS, where
 * the office wants it; `logged`: a history line of its own (when it comes after the recording, at the inspection desk).
 */
async function withCode(t: TxContext, c: Case, o: { notify: boolean; logged: boolean }): Promise<CodedCase> {
  const { jy } = parseJalali(c.meetingDate)!;
  const sequence = await t.store.nextSequence(jy);
  if (sequence > SEQUENCE_MAX) throw new DidarError('conflict', msg.codesExhausted);
  const code = makeTrackingCode(jy, sequence);
  const at = t.now().toISOString();
  const coded: CodedCase = {
    ...c,
    code,
    ...(o.logged ? { history: [...c.history, { at, by: t.actor.operator, action: 'coded' as const, ref: code }] } : {}),
  };
  const settings = await t.store.getSettings();
  if (!o.notify || !settings.noticeOnRecord) return coded;
  return { ...coded, notices: [...c.notices, { id: randomUUID(), kind: 'recorded', mobile: c.citizen.mobile, createdAt: at, text: noticeText('recorded', coded, letterheadOf(settings, officeOf(c)).officeName) }] };
}

/**
 * The governor's order for a case recorded before it (at reception): the deadline counts from the meeting day,
 * the order's departments become the case's, and the queue entry that brought the citizen is seen.
 */
export function giveOrder(ctx: BackendContext, a: ParsedArgs<'case/giveOrder'>): Promise<Case> {
  return ctx.mutate('case/order', async (t) => {
    const c = await requireCase(t, a.id);
    if (c.status === 'cancelled') throw new DidarError('cancelled', msg.caseCancelled);
    if (c.order || c.status !== 'recorded') throw new DidarError('conflict', msg.orderExists);
    const day = await requireMeetingDay(t, c.meetingDayId);
    const deadline = newDeadline(day.date, a.order.deadlineDays, await workCalendar(t));
    const at = ctx.now().toISOString();
    const next: Case = {
      ...c,
      order: a.order,
      deadline,
      departments: [...new Set([a.order.leadDepartment, ...a.order.otherDepartments])],
      history: [...c.history, { at, by: ctx.actor.operator, action: 'order', note: a.order.text }],
    };
    await t.store.putCase(next);
    const entry = (await t.store.getQueue(day.id)).find((q) => q.caseIds.includes(c.id) && q.status !== 'seen');
    if (entry) await markQueueSeen(t, day.id, entry.number, null);
    return next;
  });
}

/** The inspection desk: the tracking code for a case that has its order, in one unit of work (never twice). */
export function allocateCode(ctx: BackendContext, id: string): Promise<CodedCase> {
  return ctx.mutate('case/code', async (t) => {
    const c = await requireCase(t, id);
    if (c.status === 'cancelled') throw new DidarError('cancelled', msg.caseCancelled);
    if (c.code) throw new DidarError('conflict', msg.alreadyCoded(c.code));
    if (!c.order) throw new DidarError('conflict', msg.awaitingOrder);
    const coded = await withCode(t, c, { notify: true, logged: true });
    await t.store.putCase(coded);
    return coded;
  });
}

/** When a case reached the stage it waits in: its order for the inspection desk, its recording for the governor's table. */
const waitingSince = (c: Case): string => (c.order ? c.history.findLast((h) => h.action === 'order')?.at ?? c.createdAt : c.createdAt);

/**
 * Cases without their code (not cancelled) at one stage, the longest waiting first; of one meeting day if named.
 * A station's work is its own office's citizens: the province sees a county's cases, but their order and code
 * are given at the county's own table and inspection desk.
 */
export async function pendingCases(ctx: ReadContext, stage: 'order' | 'code', meetingDayId?: string): Promise<Case[]> {
  if (meetingDayId !== undefined) await requireMeetingDay(ctx, meetingDayId);
  const want = stage === 'order' ? 'awaiting-order' : 'awaiting-code';
  return (await ctx.store.listUncodedCases())
    .filter((c) => c.status !== 'cancelled' && intakeStage(c) === want && officeOf(c) === ctx.office && (meetingDayId === undefined || c.meetingDayId === meetingDayId))
    .sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
}

/** A case's tracking code where follow-up needs one (letters, notices by code): a case at a station has none yet. */
export function codeOf(c: Case): string {
  if (!c.code) throw new DidarError('conflict', c.order ? msg.notCoded : msg.awaitingOrder);
  return c.code;
}

export async function requireCase(ctx: ReadContext, id: string): Promise<Case> {
  const c = await ctx.store.getCase(id);
  if (!c) throw new DidarError('not-found', ctx.office === PROVINCE ? msg.caseNotFound : msg.caseNotInOffice(officeLabel(ctx.office)));
  return c;
}

export async function caseByCode(ctx: ReadContext, code: string): Promise<CodedCase> {
  const c = await ctx.store.getCaseByCode(code);
  if (!c) throw new DidarError('not-found', ctx.office === PROVINCE ? msg.trackingCodeNotFound : msg.trackingCodeNotInOffice(officeLabel(ctx.office)));
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
    hasOrder: c.order !== undefined,
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
