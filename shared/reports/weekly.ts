// The weekly count the national follow-up system asks of provinces: for each week (Saturday to Friday),
// the cases per department and kind of request (the governor's order type).
import { leadDepartment, type Case, type OrderType } from '../domain';
import { dayNumber, formatJalali, fromDayNumber, parseJalali, weekdayOfDayNumber } from '../jalali';
import { ORDER_TYPE_LABEL } from '../labels';
import { inRange, type DateRange } from './period';
import type { ReportTable } from './table';

export type WeeklyRow = { weekStart: string; weekEnd: string; department: string; type: OrderType | 'none'; cases: number };

/** The Saturday that starts the week of a Jalali date. */
export function weekStart(date: string): string {
  const n = dayNumber(parseJalali(date)!);
  return formatJalali(fromDayNumber(n - weekdayOfDayNumber(n)));
}

export function weeklyCounts(all: readonly Case[], range: DateRange): WeeklyRow[] {
  const counts = new Map<string, WeeklyRow>();
  for (const c of all) {
    if (c.status === 'cancelled' || !inRange(c.meetingDate, range)) continue;
    const start = weekStart(c.meetingDate);
    const type = c.order?.type ?? 'none';
    const department = leadDepartment(c);
    const key = `${start}|${department}|${type}`;
    let row = counts.get(key);
    if (!row) {
      const end = formatJalali(fromDayNumber(dayNumber(parseJalali(start)!) + 6));
      counts.set(key, (row = { weekStart: start, weekEnd: end, department, type, cases: 0 }));
    }
    row.cases++;
  }
  return [...counts.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.department.localeCompare(b.department) || a.type.localeCompare(b.type));
}

export const WEEKLY_HEADERS = ['از تاریخ', 'تا تاریخ', 'دستگاه', 'نوع درخواست', 'تعداد'];

export function weeklyTable(rows: readonly WeeklyRow[], range: DateRange): ReportTable {
  return {
    title: 'آمار هفتگی',
    subtitle: `از ${range.from} تا ${range.to} — هفته از شنبه تا جمعه`,
    headers: WEEKLY_HEADERS,
    rows: rows.map((r) => [r.weekStart, r.weekEnd, r.department, r.type === 'none' ? 'بدون دستور' : ORDER_TYPE_LABEL[r.type], r.cases]),
  };
}
