// Deadlines in Jalali working days: Fridays and official holidays are off; Thursday is a setting.
// Counting runs on day numbers (integers), so it stays cheap for long overdue periods.
import { dayNumber, fromDayNumber, parseJalali, weekdayOfDayNumber, type JalaliDate } from './jalali';

export type WorkCalendar = {
  /** Holiday dates as 'YYYY/MM/DD'. */
  holidays: ReadonlySet<string>;
  /** The same holidays as day numbers. */
  holidayDays: ReadonlySet<number>;
  /** Many offices close on Thursday; when true Thursday is not a working day. */
  thursdayOff: boolean;
};

const THURSDAY = 5;
const FRIDAY = 6;

function isWorkingDayNumber(n: number, cal: WorkCalendar): boolean {
  const w = weekdayOfDayNumber(n);
  if (w === FRIDAY || (w === THURSDAY && cal.thursdayOff)) return false;
  return !cal.holidayDays.has(n);
}

export function isWorkingDay(d: JalaliDate, cal: WorkCalendar): boolean {
  return isWorkingDayNumber(dayNumber(d), cal);
}

/** The day on which `n` working days after `start` have passed (start itself does not count). */
export function addWorkingDays(start: JalaliDate, n: number, cal: WorkCalendar): JalaliDate {
  return fromDayNumber(addWorkingDaysNumber(dayNumber(start), n, cal));
}

/** The day number on which `n` working days after day `start` have passed. */
export function addWorkingDaysNumber(start: number, n: number, cal: WorkCalendar): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = start;
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkingDayNumber(d, cal)) left--;
  }
  return d;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(from: JalaliDate, to: JalaliDate, cal: WorkCalendar): number {
  return workingDaysBetweenNumbers(dayNumber(from), dayNumber(to), cal);
}

/**
 * Running counts of working days over a span of day numbers, per calendar: a year's scorecard asks how
 * long 100,000 cases have been overdue, and counting day by day was most of its time.
 */
type WorkingDayCounts = { first: number; counts: Int32Array };
const countsOf = new WeakMap<WorkCalendar, WorkingDayCounts>();
/** Days added on either side of a requested span, so that later requests usually fit. */
const SPAN_MARGIN = 3 * 366;
/** Longer spans (dates decades apart) are counted day by day rather than tabled. */
const MAX_TABLE_SPAN = 40 * 366;

function workingDayCounts(lo: number, hi: number, cal: WorkCalendar): WorkingDayCounts {
  const known = countsOf.get(cal);
  // counts[hi + 1 - first] is read, so the table must reach one past `hi`.
  if (known && lo >= known.first && hi + 1 < known.first + known.counts.length) return known;
  const first = Math.min(lo, known?.first ?? lo) - SPAN_MARGIN;
  const last = Math.max(hi, known ? known.first + known.counts.length - 1 : hi) + SPAN_MARGIN;
  // counts[i] = working days in [first, first + i)
  const counts = new Int32Array(last - first + 2);
  for (let i = 1; i < counts.length; i++) counts[i] = counts[i - 1]! + (isWorkingDayNumber(first + i - 1, cal) ? 1 : 0);
  const made = { first, counts };
  countsOf.set(cal, made);
  return made;
}

/** Working days in (from, to] of two day numbers. */
export function workingDaysBetweenNumbers(from: number, to: number, cal: WorkCalendar): number {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError(`day numbers must be finite: ${from}, ${to}`);
  if (to <= from) return 0;
  if (to - from > MAX_TABLE_SPAN) {
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (isWorkingDayNumber(d, cal)) n++;
    return n;
  }
  const { first, counts } = workingDayCounts(from, to, cal);
  return counts[to + 1 - first]! - counts[from + 1 - first]!;
}

export type HolidayEntry = { date: string; title: string };

export function calendarFrom(holidays: readonly HolidayEntry[], thursdayOff: boolean): WorkCalendar {
  const days = new Set<number>();
  for (const h of holidays) {
    const d = parseJalali(h.date);
    if (d) days.add(dayNumber(d));
  }
  return { holidays: new Set(holidays.map((h) => h.date)), holidayDays: days, thursdayOff };
}
