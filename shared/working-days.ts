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
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = dayNumber(start);
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkingDayNumber(d, cal)) left--;
  }
  return fromDayNumber(d);
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(from: JalaliDate, to: JalaliDate, cal: WorkCalendar): number {
  const end = dayNumber(to);
  let n = 0;
  for (let d = dayNumber(from) + 1; d <= end; d++) if (isWorkingDayNumber(d, cal)) n++;
  return n;
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
