// Following cases up: referral, re-routing, extensions, pauses, answers, outcomes, satisfaction, reopening.
// Every change goes through `update`, which checks the status machine, writes history and queues notices.
import { randomUUID } from 'node:crypto';
import type { ParsedArgs } from '../../../shared/api';
import { leadDepartment, type Case, type CaseStatus, type HistoryEntry } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { canMove, isPaused, newDeadline, withDueDate, type Deadline } from '../../../shared/follow-up';
import { formatJalali, jalaliOf } from '../../../shared/jalali';
import { STATUS_LABEL } from '../../../shared/labels';
import { msg } from '../../../shared/messages';
import { noticeText, type NoticeKind } from '../../../shared/notices';
import type { WorkCalendar } from '../../../shared/working-days';
import type { BackendContext, ReadContext, TxContext } from '../context';
import { codeOf, requireCase } from './cases';
import { workCalendar } from './settings';
import { letterheadOf, officeOf } from '../../../shared/offices';

type Change = {
  to?: CaseStatus;
  action: HistoryEntry['action'];
  ref?: string;
  note?: string;
  notice?: NoticeKind;
  patch?: (c: Case, today: string, cal: WorkCalendar) => Partial<Case>;
  /** A check that needs other records, made inside the same unit of work. */
  check?: (t: TxContext) => Promise<void>;
};

export function today(ctx: ReadContext): string {
  return formatJalali(jalaliOf(ctx.now()));
}

/** Builds the changed case: checks the transition, records history, queues the citizen's notice. */
async function prepare(ctx: TxContext, id: string, ch: Change): Promise<Case> {
  const c = await requireCase(ctx, id);
  const code = codeOf(c); // follow-up starts once the inspection desk has given the case its code
  await ch.check?.(ctx);
  if (ch.to && !canMove(c.status, ch.to)) {
    throw new DidarError('conflict', msg.illegalTransition(STATUS_LABEL[c.status], STATUS_LABEL[ch.to]));
  }
  const at = ctx.now().toISOString();
  const by = ctx.actor.operator;
  const cal = await workCalendar(ctx);
  const { officeName } = letterheadOf(await ctx.store.getSettings(), officeOf(c));
  const patched: Case = { ...c, ...(ch.patch ? ch.patch(c, today(ctx), cal) : {}), ...(ch.to ? { status: ch.to } : {}) };
  const notice = ch.notice && {
    id: randomUUID(), kind: ch.notice, mobile: c.citizen.mobile, createdAt: at,
    text: noticeText(ch.notice, { ...patched, code }, officeName, patched.outcome ? { outcome: patched.outcome.kind } : {}),
  };
  return {
    ...patched,
    history: [...c.history, { at, by, action: ch.action, ...(ch.ref ? { ref: ch.ref } : {}), ...(ch.note ? { note: ch.note } : {}) }],
    notices: notice ? [...c.notices, notice] : c.notices,
  };
}

function update(ctx: BackendContext, id: string, ch: Change): Promise<Case> {
  return ctx.mutate(`case/${ch.action}`, async (t) => {
    const next = await prepare(t, id, ch);
    await t.store.putCase(next);
    return next;
  });
}

/** A bulk change, one unit of work: every case is checked first, so one refusal leaves all of them unchanged. */
function each(ctx: BackendContext, ids: readonly string[], change: Change): Promise<Case[]> {
  if (!ids.length) throw new DidarError('bad-args', msg.nothingSelected);
  return ctx.mutate(`case/${change.action}`, (t) => stageEach(t, ids, change));
}

/** The cases changed alike inside a unit of work (all checked before any is written). */
async function stageEach(t: TxContext, ids: readonly string[], change: Change): Promise<Case[]> {
  const prepared: Case[] = [];
  for (const id of new Set(ids)) prepared.push(await prepare(t, id, change));
  for (const c of prepared) await t.store.putCase(c);
  return prepared;
}

const requireDeadline = (c: Case): Deadline => {
  if (!c.deadline) throw new DidarError('conflict', msg.noDeadline);
  return c.deadline;
};


/**
 * Inside the referral's unit of work: refers cases to their lead department (first referral) or again to the
 * same one; each keeps its letter's number, and its history names the letter that carried it.
 */
export async function referIn(t: TxContext, letterOf: ReadonlyMap<string, string>): Promise<Case[]> {
  const out: Case[] = [];
  for (const letterNo of new Set(letterOf.values())) {
    const ids = [...letterOf].filter(([, n]) => n === letterNo).map(([id]) => id);
    out.push(...await stageEach(t, ids, {
      to: 'referred',
      action: 'referred',
      ref: letterNo,
      notice: 'referred',
      patch: (c) => ({ referrals: [...c.referrals, { department: leadDepartment(c), at: t.now().toISOString(), by: t.actor.operator, letterNo }] }),
    }));
  }
  return out;
}

/** Another department becomes responsible: history kept, deadline restarted from today, reason recorded. */
export function rerouteCases(ctx: BackendContext, a: ParsedArgs<'case/reroute'>): Promise<Case[]> {
  return each(ctx, a.ids, {
    to: 'referred',
    action: 'rerouted',
    ref: a.department,
    note: a.reason,
    notice: 'rerouted',
    patch: (c, t, cal) => {
      const others = (c.order?.otherDepartments ?? []).filter((d) => d !== a.department);
      return {
        ...(c.order ? { order: { ...c.order, leadDepartment: a.department, otherDepartments: others } } : {}),
        departments: [a.department, ...others],
        deadline: newDeadline(t, c.deadline?.days ?? c.order?.deadlineDays ?? 10, cal),
        referrals: [...c.referrals, { department: a.department, at: ctx.now().toISOString(), by: ctx.actor.operator, reason: a.reason }],
      };
    },
  });
}

export function extendCases(ctx: BackendContext, a: ParsedArgs<'case/extend'>): Promise<Case[]> {
  return each(ctx, a.ids, {
    action: 'extended',
    ref: String(a.days),
    note: a.reason,
    notice: 'extended',
    patch: (c, _t, cal) => {
      const d = requireDeadline(c);
      return { deadline: withDueDate({ ...d, extensions: [...d.extensions, { days: a.days, reason: a.reason, at: ctx.now().toISOString(), by: ctx.actor.operator }] }, cal) };
    },
  });
}

export function pauseCase(ctx: BackendContext, a: ParsedArgs<'case/pause'>): Promise<Case> {
  return update(ctx, a.id, {
    action: 'paused',
    note: a.reason,
    notice: 'paused',
    patch: (c, t) => {
      const d = requireDeadline(c);
      if (isPaused(d)) throw new DidarError('conflict', msg.alreadyPaused);
      if (!['referred', 'in-progress', 'recorded'].includes(c.status)) throw new DidarError('conflict', msg.illegalTransition(STATUS_LABEL[c.status], 'توقف'));
      return { deadline: { ...d, pauses: [...d.pauses, { from: t, reason: a.reason, by: ctx.actor.operator }] } };
    },
  });
}

export function resumeCase(ctx: BackendContext, id: string): Promise<Case> {
  return update(ctx, id, {
    action: 'resumed',
    patch: (c, t, cal) => {
      const d = requireDeadline(c);
      if (!isPaused(d)) throw new DidarError('conflict', msg.notPaused);
      return { deadline: withDueDate({ ...d, pauses: d.pauses.map((p) => (p.to ? p : { ...p, to: t })) }, cal) };
    },
  });
}

export function startProgress(ctx: BackendContext, id: string): Promise<Case> {
  return update(ctx, id, { to: 'in-progress', action: 'in-progress' });
}

export function recordAnswer(ctx: BackendContext, a: ParsedArgs<'case/answer'>): Promise<Case> {
  return update(ctx, a.id, {
    to: 'answered',
    action: 'answered',
    ref: a.letterNo,
    note: a.text,
    notice: 'answered',
    patch: (c, t, cal) => {
      // dates are zero-padded 'YYYY/MM/DD', so they compare as strings
      if (a.date > t) throw new DidarError('bad-args', msg.answerDateFuture, { date: msg.answerDateFuture });
      return {
      answers: [...c.answers, { department: leadDepartment(c), letterNo: a.letterNo, date: a.date, text: a.text, at: ctx.now().toISOString(), by: ctx.actor.operator }],
      // an answer while waiting for the citizen ends the wait
      ...(c.deadline && isPaused(c.deadline) ? { deadline: withDueDate({ ...c.deadline, pauses: c.deadline.pauses.map((p) => (p.to ? p : { ...p, to: a.date })) }, cal) } : {}),
      };
    },
  });
}

export function closeCase(ctx: BackendContext, a: ParsedArgs<'case/close'>): Promise<Case> {
  return update(ctx, a.id, {
    to: 'closed',
    action: 'closed',
    note: a.note,
    notice: 'closed',
    check: async (t) => {
      if (a.outcome !== 'duplicate') return;
      const original = a.duplicateOf ? await t.store.getCaseByCode(a.duplicateOf) : undefined;
      if (!original || original.id === a.id) throw new DidarError('bad-args', msg.duplicateOfInvalid, { duplicateOf: msg.duplicateOfInvalid });
    },
    patch: () => ({
      outcome: { kind: a.outcome, note: a.note, ...(a.outcome === 'duplicate' && a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}), at: ctx.now().toISOString(), by: ctx.actor.operator },
    }),
  });
}

export function recordSatisfaction(ctx: BackendContext, a: ParsedArgs<'case/satisfaction'>): Promise<Case> {
  return update(ctx, a.id, {
    action: 'satisfaction',
    note: a.note,
    patch: (c) => {
      if (c.status !== 'closed' && c.status !== 'answered') throw new DidarError('conflict', msg.satisfactionNotYet);
      return { satisfaction: { level: a.level, note: a.note, at: ctx.now().toISOString(), by: ctx.actor.operator } };
    },
  });
}

export function reopenCase(ctx: BackendContext, a: ParsedArgs<'case/reopen'>): Promise<Case> {
  return update(ctx, a.id, {
    to: 'in-progress',
    action: 'reopened',
    note: a.reason,
    notice: 'reopened',
    patch: (c, t, cal) => ({
      outcome: undefined, // the earlier outcome stays in the history
      satisfaction: undefined,
      ...(c.deadline ? { deadline: newDeadline(t, c.deadline.days, cal) } : {}),
    }),
  });
}
