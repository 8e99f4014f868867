// The weekly count provinces send on to the follow-up system: for each week (Saturday to Friday), one row
// per department with its cases by kind of request (the governor's order type) and their total, and a
// total row for the week, the cross-table provincial inspection offices ask of departments every Saturday.
import { leadDepartment, ORDER_TYPES, type Case, type OrderType } from '../domain';
import { dayNumber, formatJalali, fromDayNumber, parseJalali, weekdayOfDayNumber } from '../jalali';
import { ORDER_TYPE_LABEL } from '../labels';
import { inRange, type DateRange } from './period';
import type { ReportTable } from './table';
import { toPersianDigits } from '../persian-text';

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

const KINDS = [...ORDER_TYPES, 'none'] as const;
const KIND_LABEL = (k: OrderType | 'none'): string => (k === 'none' ? 'بدون دستور' : ORDER_TYPE_LABEL[k]);
const WEEK_TOTAL = 'جمع هفته';

export const WEEKLY_HEADERS = ['از تاریخ', 'تا تاریخ', 'دستگاه', ...KINDS.map(KIND_LABEL), 'جمع'];

/** Rows of the cross-table: each week's departments in order, then the week's total row. */
export function weeklyTable(rows: readonly WeeklyRow[], range: DateRange): ReportTable {
  const out: (string | number)[][] = [];
  const line = (start: string, end: string, label: string, of: readonly WeeklyRow[]) => {
    const byKind = KINDS.map((k) => of.filter((r) => r.type === k).reduce((n, r) => n + r.cases, 0));
    out.push([start, end, label, ...byKind, byKind.reduce((a, b) => a + b, 0)]);
  };
  const weeks = [...new Set(rows.map((r) => r.weekStart))];
  for (const week of weeks) {
    const inWeek = rows.filter((r) => r.weekStart === week);
    const end = inWeek[0]!.weekEnd;
    for (const department of [...new Set(inWeek.map((r) => r.department))]) line(week, end, department, inWeek.filter((r) => r.department === department));
    line(week, end, WEEK_TOTAL, inWeek);
  }
  return {
    title: 'آمار هفتگی',
    subtitle: `از ${toPersianDigits(range.from)} تا ${toPersianDigits(range.to)} — هفته از شنبه تا جمعه، تعداد درخواست‌ها به تفکیک دستگاه و نوع دستور`,
    headers: WEEKLY_HEADERS,
    rows: out,
  };
}
