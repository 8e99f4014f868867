// Report periods in the Jalali calendar: a month, a season (three months from Farvardin), a year, or any
// range. Bounds are 'YYYY/MM/DD' strings, inclusive, which compare in order as plain strings.
import { z } from 'zod';
import { formatJalali, monthLength, parseJalali, type JalaliDate } from '../jalali';

export const PeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year: z.number().int().min(1300).max(1600), month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('season'), year: z.number().int().min(1300).max(1600), season: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('year'), year: z.number().int().min(1300).max(1600) }),
  z.object({ kind: z.literal('range'), from: z.string().refine((s) => !!parseJalali(s)), to: z.string().refine((s) => !!parseJalali(s)) }),
]);
export type Period = z.infer<typeof PeriodSchema>;

export type DateRange = { from: string; to: string };

const day = (jy: number, jm: number, jd: number): string => formatJalali({ jy, jm, jd });

export function periodRange(p: Period): DateRange {
  switch (p.kind) {
    case 'month':
      return { from: day(p.year, p.month, 1), to: day(p.year, p.month, monthLength(p.year, p.month)) };
    case 'season': {
      const first = (p.season - 1) * 3 + 1;
      return { from: day(p.year, first, 1), to: day(p.year, first + 2, monthLength(p.year, first + 2)) };
    }
    case 'year':
      return { from: day(p.year, 1, 1), to: day(p.year, 12, monthLength(p.year, 12)) };
    case 'range': {
      const [a, b] = [formatJalali(parseJalali(p.from)!), formatJalali(parseJalali(p.to)!)];
      return a <= b ? { from: a, to: b } : { from: b, to: a };
    }
  }
}

export const inRange = (date: string, r: DateRange): boolean => date >= r.from && date <= r.to;

/** The months a range touches, as 'YYYY/MM', oldest first (the x axis of monthly trends). */
export function monthsOf(r: DateRange): string[] {
  const a = parseJalali(r.from)!;
  const b = parseJalali(r.to)!;
  const out: string[] = [];
  let cur: JalaliDate = { jy: a.jy, jm: a.jm, jd: 1 };
  while (cur.jy < b.jy || (cur.jy === b.jy && cur.jm <= b.jm)) {
    out.push(`${cur.jy}/${String(cur.jm).padStart(2, '0')}`);
    cur = cur.jm === 12 ? { jy: cur.jy + 1, jm: 1, jd: 1 } : { jy: cur.jy, jm: cur.jm + 1, jd: 1 };
  }
  return out;
}

/** Cases (not cancelled) per month of the range, every month listed, oldest first. */
export function casesPerMonth(cases: readonly { meetingDate: string; status: string }[], r: DateRange): [string, number][] {
  const counts = new Map(monthsOf(r).map((m) => [m, 0]));
  for (const c of cases) {
    if (c.status === 'cancelled' || !inRange(c.meetingDate, r)) continue;
    const m = c.meetingDate.slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return [...counts];
}
