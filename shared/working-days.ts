// Deadlines in Jalali working days: Fridays and official holidays are off; Thursday is a setting.
import { addDays, formatJalali, weekdayOf, type JalaliDate } from './jalali';

export type WorkCalendar = {
  /** Holiday dates as 'YYYY/MM/DD'. */
  holidays: ReadonlySet<string>;
  /** Many offices close on Thursday; when true Thursday is not a working day. */
  thursdayOff: boolean;
};

const THURSDAY = 5;
const FRIDAY = 6;

export function isWorkingDay(d: JalaliDate, cal: WorkCalendar): boolean {
  const w = weekdayOf(d);
  if (w === FRIDAY || (w === THURSDAY && cal.thursdayOff)) return false;
  return !cal.holidays.has(formatJalali(d));
}

/** The day on which `n` working days after `start` have passed (start itself does not count). */
export function addWorkingDays(start: JalaliDate, n: number, cal: WorkCalendar): JalaliDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(from: JalaliDate, to: JalaliDate, cal: WorkCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); formatJalali(d) <= formatJalali(to); d = addDays(d, 1)) {
    if (isWorkingDay(d, cal)) n++;
  }
  return n;
}

export type HolidayEntry = { date: string; title: string };

export function calendarFrom(holidays: readonly HolidayEntry[], thursdayOff: boolean): WorkCalendar {
  return { holidays: new Set(holidays.map((h) => h.date)), thursdayOff };
}
