// Following a case up until a result: the status machine, deadlines with extensions and pauses, outcomes.
import type { DeepReadonly } from './readonly';
import type { z } from 'zod';
import type { Case, CaseStatus } from './domain';
import { dayNumber, dayNumberOf, formatJalali, fromDayNumber, parseJalali, type JalaliDate } from './jalali';
import {
  OUTCOMES, SATISFACTION_LEVELS,
  type AnswerSchema, type CaseOutcomeSchema, type DeadlineSchema, type ExtensionSchema, type PauseSchema, type ReferralSchema, type SatisfactionSchema,
} from './stored-schemas';
import { addWorkingDaysNumber, workingDaysBetweenNumbers, type WorkCalendar } from './working-days';

export { OUTCOMES, SATISFACTION_LEVELS };
export type Outcome = (typeof OUTCOMES)[number];
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export type Extension = z.output<typeof ExtensionSchema>;
/** Time the case waits for the citizen (missing documents): not charged to the department. */
export type Pause = DeepReadonly<z.output<typeof PauseSchema>>;
export type Deadline = DeepReadonly<z.output<typeof DeadlineSchema>>;
/** A referral to a department; `letterNo` is the letter that carried it (referrals since letters were numbered). */
export type Referral = DeepReadonly<z.output<typeof ReferralSchema>>;
export type Answer = DeepReadonly<z.output<typeof AnswerSchema>>;
export type CaseOutcome = DeepReadonly<z.output<typeof CaseOutcomeSchema>>;
export type Satisfaction = DeepReadonly<z.output<typeof SatisfactionSchema>>;

/** Which status may follow which. Closing is not solving: the outcome says how it ended. */
export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  recorded: ['referred', 'cancelled'],
  referred: ['referred', 'in-progress', 'answered', 'cancelled'],
  'in-progress': ['referred', 'answered', 'cancelled'],
  answered: ['referred', 'in-progress', 'closed'],
  closed: ['in-progress'],
  cancelled: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Working days the case has waited for the citizen up to `today` (open pauses count up to today). */
export function pausedWorkingDays(d: Deadline, today: JalaliDate, cal: WorkCalendar): number {
  return pausedDays(d, dayNumber(today), cal);
}

// Day-number forms of the deadline rules: scorecards apply them to every case of a year.
/** A stored deadline date as a day number; a date that is not valid is an error, never day 0. */
function day(raw: string): number {
  const n = dayNumberOf(raw);
  if (n === null) throw new RangeError(`not a valid Jalali date in a deadline: ${raw}`);
  return n;
}

/** Working days paused: an open pause counts up to `openUntil`; with `cutoff`, only the days before it count. */
function pausedDays(d: Deadline, openUntil: number, cal: WorkCalendar, cutoff = Infinity): number {
  let sum = 0;
  for (const p of d.pauses) {
    const from = day(p.from);
    if (from >= cutoff) continue;
    sum += workingDaysBetweenNumbers(from, Math.min(p.to ? day(p.to) : openUntil, cutoff), cal);
  }
  return sum;
}

/** Working days from the deadline's start to the answer, without the days paused for the citizen before it. */
export function workingDaysToAnswer(d: Deadline, answer: JalaliDate, cal: WorkCalendar): number {
  const a = dayNumber(answer);
  return Math.max(0, workingDaysBetweenNumbers(day(d.start), a, cal) - pausedDays(d, a, cal, a));
}

function dueDay(d: Deadline, today: number, cal: WorkCalendar): number {
  return addWorkingDaysNumber(day(d.start), allowedDays(d) + pausedDays(d, today, cal), cal);
}

export function allowedDays(d: Deadline): number {
  return d.days + d.extensions.reduce((s, e) => s + e.days, 0);
}

/** The day the answer is due: start + allowed working days, pushed back by the time paused. */
export function dueDateOf(d: Deadline, today: JalaliDate, cal: WorkCalendar): JalaliDate {
  return fromDayNumber(dueDay(d, dayNumber(today), cal));
}

export function isPaused(d: Deadline | undefined): boolean {
  return !!d?.pauses.some((p) => !p.to);
}

export const AWAITING_DEPARTMENT: ReadonlySet<CaseStatus> = new Set(['recorded', 'referred', 'in-progress']);

/** Working days past the due date (0 when not overdue, paused, or no longer awaiting the department). */
export function overdueDays(c: Pick<Case, 'status' | 'deadline'>, today: JalaliDate, cal: WorkCalendar): number {
  if (!c.deadline || !AWAITING_DEPARTMENT.has(c.status) || isPaused(c.deadline)) return 0;
  const t = dayNumber(today);
  return workingDaysBetweenNumbers(dueDay(c.deadline, t, cal), t, cal);
}

/** Recomputes the stored due date after any change to the deadline (open pauses are settled on resume). */
export function withDueDate(d: Omit<Deadline, 'dueDate'>, cal: WorkCalendar): Deadline {
  const closed = { ...d, pauses: d.pauses.filter((p) => p.to), dueDate: '' };
  const start = parseJalali(d.start)!;
  return { ...d, dueDate: formatJalali(dueDateOf(closed, start, cal)) };
}

export function newDeadline(start: string, days: number, cal: WorkCalendar): Deadline {
  return withDueDate({ start, days, extensions: [], pauses: [] }, cal);
}
