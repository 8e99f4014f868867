// How each department answers the citizens referred to it in a period: on time, how fast, what came of
// it, how satisfied the citizens were. Time the case was paused for the citizen is not charged. A
// department with too few cases is shown but not ranked.
import { leadDepartment, type Case } from '../domain';
import { allowedDays, overdueDays, workingDaysToAnswer, type Outcome } from '../follow-up';
import { jalaliOf, parseJalali, type JalaliDate } from '../jalali';
import type { WorkCalendar } from '../working-days';
import { inRange, type DateRange } from './period';

export type DepartmentRow = {
  department: string;
  /** Case ids behind every number, for the drill-down. */
  cases: string[];
  answered: string[];
  answeredOnTime: string[];
  /** Answered, or past their due date unanswered: the cases a deadline can be judged on. */
  judged: string[];
  onTimePct: number | null;
  medianDaysToAnswer: number | null;
  overdueNow: string[];
  outcomes: Partial<Record<Outcome, string[]>>;
  satisfied: string[];
  /** Citizens asked who gave an opinion (not «unreachable»). */
  rated: string[];
  satisfiedPct: number | null;
  rank: number | null;
};

/** The department's answer: its own letter if there is one, else the first answer recorded. */
function answerOf(c: Case, department: string): JalaliDate | null {
  const a = c.answers.find((x) => x.department === department) ?? c.answers[0];
  if (!a) return null;
  return parseJalali(a.date) ?? jalaliOf(a.at);
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const pct = (part: number, whole: number): number | null => (whole ? Math.round((1000 * part) / whole) / 10 : null);

export function departmentScorecard(
  all: readonly Case[], range: DateRange, today: JalaliDate, cal: WorkCalendar, minCasesToRank: number,
): DepartmentRow[] {
  const byDept = new Map<string, Case[]>();
  for (const c of all) {
    if (c.status === 'cancelled' || !inRange(c.meetingDate, range)) continue;
    const d = leadDepartment(c);
    if (!d) continue;
    let l = byDept.get(d);
    if (!l) byDept.set(d, (l = []));
    l.push(c);
  }
  const rows = [...byDept].map(([department, cases]): DepartmentRow => {
    const row: DepartmentRow = {
      department, cases: cases.map((c) => c.id), answered: [], answeredOnTime: [], judged: [], onTimePct: null,
      medianDaysToAnswer: null, overdueNow: [], outcomes: {}, satisfied: [], rated: [], satisfiedPct: null, rank: null,
    };
    const days: number[] = [];
    for (const c of cases) {
      const overdue = overdueDays(c, today, cal) > 0;
      const answer = answerOf(c, department);
      if (answer && c.deadline) {
        const n = workingDaysToAnswer(c.deadline, answer, cal);
        days.push(n);
        row.answered.push(c.id);
        row.judged.push(c.id);
        if (n <= allowedDays(c.deadline)) row.answeredOnTime.push(c.id);
      } else if (overdue) {
        row.judged.push(c.id);
      }
      if (overdue) row.overdueNow.push(c.id);
      if (c.outcome) (row.outcomes[c.outcome.kind] ??= []).push(c.id);
      if (c.satisfaction && c.satisfaction.level !== 'unreachable') {
        row.rated.push(c.id);
        if (c.satisfaction.level === 'satisfied') row.satisfied.push(c.id);
      }
    }
    row.onTimePct = pct(row.answeredOnTime.length, row.judged.length);
    row.medianDaysToAnswer = median(days);
    row.satisfiedPct = pct(row.satisfied.length, row.rated.length);
    return row;
  });
  // Fair ranking: only departments with enough cases that answered at least once, best on-time share first, then the
  // faster (a department that never answered is «بدون پاسخ», not first at 0%).
  const ranked = rows
    .filter((r) => r.cases.length >= minCasesToRank && r.onTimePct !== null && r.answered.length > 0)
    .sort((a, b) => b.onTimePct! - a.onTimePct! || (a.medianDaysToAnswer ?? Infinity) - (b.medianDaysToAnswer ?? Infinity) || a.department.localeCompare(b.department));
  // Equal records share a rank (1, 1, 3): the order among them says nothing.
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && prev.onTimePct === r.onTimePct && prev.medianDaysToAnswer === r.medianDaysToAnswer ? prev.rank : i + 1;
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.cases.length - a.cases.length || a.department.localeCompare(b.department));
}
