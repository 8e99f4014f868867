// Report numbers checked against values computed by hand (calendar: Thursday and Friday off, no holidays;
// 1405/09/01 is a Sunday).
import { describe, expect, it } from 'vitest';
import type { Case, MeetingDay } from '../../shared/domain';
import { newDeadline, withDueDate } from '../../shared/follow-up';
import { parseJalali } from '../../shared/jalali';
import { departmentScorecard, median } from '../../shared/reports/department-scorecard';
import { countyScorecard } from '../../shared/reports/county-scorecard';
import { departmentTable, NO_ANSWERS } from '../../shared/reports/table';
import { weekStart, weeklyCounts } from '../../shared/reports/weekly';
import { casesPerMonth, monthsOf, periodRange } from '../../shared/reports/period';
import { calendarFrom } from '../../shared/working-days';

const cal = calendarFrom([], true);
const today = parseJalali('1405/09/15')!;

type Spec = {
  id: string; dept: string; start?: string; answer?: string; pause?: [string, string]; status?: Case['status'];
  outcome?: 'solved' | 'partly-solved'; satisfaction?: 'satisfied' | 'dissatisfied' | 'unreachable'; date?: string;
};

function fakeCase(s: Spec): Case {
  const start = s.start ?? '1405/09/01';
  const base = newDeadline(start, 5, cal);
  const deadline = s.pause ? withDueDate({ ...base, pauses: [{ from: s.pause[0], to: s.pause[1], reason: 'مدارک', by: 't' }] }, cal) : base;
  return {
    id: s.id, code: s.id, meetingDayId: 'd', meetingDate: s.date ?? start, createdAt: '', createdBy: '', text: '', category: '',
    citizen: { firstName: '', lastName: '', nationalId: '', mobile: '', county: 'ساری', locality: '', address: '' },
    departments: [s.dept], county: 'ساری', status: s.status ?? (s.answer ? 'answered' : 'referred'), deadline,
    referrals: [], answers: s.answer ? [{ department: s.dept, letterNo: '1', date: s.answer, text: '', at: '', by: '' }] : [],
    ...(s.outcome ? { outcome: { kind: s.outcome, note: '', at: '', by: '' } } : {}),
    ...(s.satisfaction ? { satisfaction: { level: s.satisfaction, note: '', at: '', by: '' } } : {}),
    notices: [], attachments: [], prints: [], history: [],
  } as Case;
}

const cases = [
  // X: A on time (4 days), B late (7), C on time after 2 paused days (6 − 2 = 4), D overdue, E not yet due.
  fakeCase({ id: 'A', dept: 'X', answer: '1405/09/07', outcome: 'solved', satisfaction: 'satisfied' }),
  fakeCase({ id: 'B', dept: 'X', answer: '1405/09/10', outcome: 'partly-solved', satisfaction: 'dissatisfied' }),
  fakeCase({ id: 'C', dept: 'X', answer: '1405/09/09', pause: ['1405/09/02', '1405/09/04'], satisfaction: 'unreachable' }),
  fakeCase({ id: 'D', dept: 'X' }),
  fakeCase({ id: 'E', dept: 'X', start: '1405/09/14' }),
  fakeCase({ id: 'X-cancelled', dept: 'X', status: 'cancelled' }),
  fakeCase({ id: 'X-outside', dept: 'X', date: '1405/08/30', start: '1405/08/30' }),
  // Y: 2 cases, both on time, too few to rank.
  fakeCase({ id: 'Y1', dept: 'Y', answer: '1405/09/02' }),
  fakeCase({ id: 'Y2', dept: 'Y', answer: '1405/09/03' }),
  // Z: 1 on time, 2 overdue → 33.3%.
  fakeCase({ id: 'Z1', dept: 'Z', answer: '1405/09/08' }),
  fakeCase({ id: 'Z2', dept: 'Z' }),
  fakeCase({ id: 'Z3', dept: 'Z' }),
];

describe('department scorecard', () => {
  const rows = departmentScorecard(cases, periodRange({ kind: 'month', year: 1405, month: 9 }), today, cal, 3);
  const row = (d: string) => rows.find((r) => r.department === d)!;

  it('counts on-time answers, not charging paused days, over the cases a deadline can judge', () => {
    const x = row('X');
    expect(x.cases).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(x.answered).toEqual(['A', 'B', 'C']);
    expect(x.answeredOnTime).toEqual(['A', 'C']);
    expect(x.judged).toEqual(['A', 'B', 'C', 'D']);
    expect(x.onTimePct).toBe(50);
    expect(x.medianDaysToAnswer).toBe(4);
    expect(x.overdueNow).toEqual(['D']);
    expect(x.outcomes).toEqual({ solved: ['A'], 'partly-solved': ['B'] });
    expect(x.satisfiedPct).toBe(50);
    expect(row('Z').onTimePct).toBe(33.3);
  });

  it('shows a department with too few cases but does not rank it', () => {
    expect(row('Y').onTimePct).toBe(100);
    expect(row('Y').rank).toBeNull();
    expect(rows.map((r) => [r.department, r.rank])).toEqual([['X', 1], ['Z', 2], ['Y', null]]);
  });

  it('gives no rank to a department without answers (rank 1 at 0% before), and says so in the table', () => {
    const silent = [...cases, ...['V1', 'V2', 'V3'].map((id) => fakeCase({ id, dept: 'V' }))];
    const r = departmentScorecard(silent, periodRange({ kind: 'month', year: 1405, month: 9 }), today, cal, 3);
    const v = r.find((x) => x.department === 'V')!;
    expect(v.onTimePct).toBe(0); // all three overdue, none answered
    expect(v.rank).toBeNull();
    expect(r.map((x) => [x.department, x.rank])).toEqual([['X', 1], ['Z', 2], ['V', null], ['Y', null]]);
    const table = departmentTable(r, periodRange({ kind: 'month', year: 1405, month: 9 }), 3);
    expect(table.rows.find((row) => row[1] === 'V')![0]).toBe(NO_ANSWERS);
    expect(table.rows.find((row) => row[1] === 'Y')![0]).toBeNull(); // too few cases: not ranked, but it answered
    expect(table.subtitle).toBe('از ۱۴۰۵/۰۹/۰۱ تا ۱۴۰۵/۰۹/۳۰ — دستگاه با کمتر از ۳ پرونده یا بدون پاسخ رتبه نمی‌گیرد');
  });

  it('gives equal records the same rank', () => {
    const tie = [...cases, fakeCase({ id: 'W1', dept: 'W', answer: '1405/09/07' }), fakeCase({ id: 'W2', dept: 'W', answer: '1405/09/10' }),
      fakeCase({ id: 'W3', dept: 'W', answer: '1405/09/09', pause: ['1405/09/02', '1405/09/04'] }), fakeCase({ id: 'W4', dept: 'W' })];
    const r = departmentScorecard(tie, periodRange({ kind: 'month', year: 1405, month: 9 }), today, cal, 3);
    expect(r.map((x) => [x.department, x.rank])).toEqual([['X', 1], ['W', 1], ['Z', 3], ['Y', null]]);
  });
});

describe('periods', () => {
  it('gives Jalali months, seasons, years and ranges', () => {
    expect(periodRange({ kind: 'month', year: 1405, month: 12 })).toEqual({ from: '1405/12/01', to: '1405/12/29' });
    expect(periodRange({ kind: 'month', year: 1403, month: 12 })).toEqual({ from: '1403/12/01', to: '1403/12/30' }); // leap year
    expect(periodRange({ kind: 'season', year: 1405, season: 2 })).toEqual({ from: '1405/04/01', to: '1405/06/31' });
    expect(periodRange({ kind: 'year', year: 1405 })).toEqual({ from: '1405/01/01', to: '1405/12/29' });
    expect(periodRange({ kind: 'range', from: '1405/09/10', to: '1405/8/1' })).toEqual({ from: '1405/08/01', to: '1405/09/10' });
    expect(monthsOf({ from: '1405/11/20', to: '1406/02/01' })).toEqual(['1405/11', '1405/12', '1406/01', '1406/02']);
  });

  it('counts cases per month, every month of the range listed', () => {
    const cs = [
      { meetingDate: '1405/07/10', status: 'recorded' }, { meetingDate: '1405/07/29', status: 'closed' },
      { meetingDate: '1405/09/01', status: 'referred' }, { meetingDate: '1405/09/02', status: 'cancelled' }, { meetingDate: '1405/10/01', status: 'recorded' },
    ];
    expect(casesPerMonth(cs, { from: '1405/07/01', to: '1405/09/30' })).toEqual([['1405/07', 2], ['1405/08', 0], ['1405/09', 1]]);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([7, 4, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('county scorecard', () => {
  const day = (id: string, date: string, kind: 'center' | 'county') =>
    ({ id, date, place: kind === 'center' ? { kind } : { kind, county: 'آمل' }, host: '', openedAt: '', openedBy: '' }) as MeetingDay;
  const days = [day('d1', '1405/07/10', 'center'), day('d2', '1405/07/15', 'county'), day('d3', '1405/08/05', 'center')];
  const visit = (id: string, county: string, nid: string, d: MeetingDay) =>
    ({ ...fakeCase({ id, dept: 'X', date: d.date, start: d.date }), county, meetingDayId: d.id, citizen: { nationalId: nid } }) as Case;
  const cs = [
    visit('a1', 'A', 'n1', days[0]!), visit('a2', 'A', 'n1', days[2]!), visit('a3', 'A', 'n2', days[2]!), visit('a4', 'A', 'n3', days[1]!),
    visit('b1', 'B', 'n4', days[0]!), visit('b2', 'B', 'n5', days[2]!), visit('c1', 'C', 'n6', days[0]!),
  ];
  const groups = new Map([
    ['a1', { title: 'G1', recurring: true }], ['a2', { title: 'G1', recurring: true }], ['a3', { title: 'G2', recurring: false }],
    ['b1', { title: 'G1', recurring: true }],
  ]);
  const rows = countyScorecard(cs, days, { from: '1405/07/01', to: '1405/08/30' }, { A: 200_000, B: 50_000 }, groups);

  it('counts distinct citizens at the provincial centre per 100,000 inhabitants, by month', () => {
    expect(rows.map((r) => [r.county, r.citizens, r.per100k])).toEqual([['B', 2, 4], ['A', 2, 1], ['C', 1, null]]);
    const a = rows.find((r) => r.county === 'A')!;
    expect(a.cases).toEqual(['a1', 'a2', 'a3']); // the county trip (d2) does not count
    expect(a.byMonth).toEqual([['1405/07', 1], ['1405/08', 2]]);
  });

  it('names the problems brought most and the share in recurring groups', () => {
    const a = rows.find((r) => r.county === 'A')!;
    expect(a.topProblems).toEqual([['G1', 2]]);
    expect(a.recurringShare).toBe(66.7);
    expect(rows.find((r) => r.county === 'B')!.recurringShare).toBe(50);
  });

  it("puts a county governorate's own meeting days beside its citizens at the centre, each with its share solved", () => {
    // B's governorate holds its own day at a «center» place: still not the provincial centre
    const own = { ...day('g1', '1405/07/20', 'center'), office: 'B' } as MeetingDay;
    const atOffice = (id: string, nid: string, outcome?: 'solved' | 'partly-solved') =>
      ({ ...visit(id, 'B', nid, own), office: 'B', ...(outcome ? { status: 'closed', outcome: { kind: outcome, note: '', at: '', by: '' } } : {}) }) as Case;
    const solvedAtCentre = { ...cs[4]!, status: 'closed', outcome: { kind: 'solved', note: '', at: '', by: '' } } as Case;
    const d = atOffice('g-d', 'n9', 'partly-solved');
    const withOwn = [...cs.filter((c) => c.id !== 'b1'), solvedAtCentre, atOffice('g-a', 'n7', 'solved'), atOffice('g-b', 'n7'), d, { ...atOffice('g-x', 'n8'), status: 'cancelled' } as Case];
    const r = countyScorecard(withOwn, [...days, own], { from: '1405/07/01', to: '1405/08/30' }, { A: 200_000, B: 50_000 }, groups);
    const b = r.find((x) => x.county === 'B')!;
    expect(b.cases.sort()).toEqual(['b1', 'b2']); // its citizens at the centre, as before
    expect(b.resolvedPct).toBe(50);
    expect(b.officeCases).toEqual(['g-a', 'g-b', 'g-d']); // not the cancelled one
    expect(b.officeCitizens).toBe(2);
    expect(b.officeResolvedPct).toBe(66.7);
    // a governorate with cases of its own but no citizen at the centre still has its row
    const onlyOwn = countyScorecard([{ ...atOffice('h1', 'n1'), county: 'D', office: 'D' } as Case], [{ ...own, office: 'D' }], { from: '1405/07/01', to: '1405/08/30' }, {}, groups);
    expect(onlyOwn).toMatchObject([{ county: 'D', citizens: 0, cases: [], officeCases: ['h1'] }]);
  });
});

describe('weekly counts', () => {
  it('counts cases per Saturday-to-Friday week, department and order type', () => {
    // 1405/09/01 is a Sunday: its week starts on Saturday 1405/08/30 and ends on Friday 1405/09/06.
    expect(weekStart('1405/09/01')).toBe('1405/08/30');
    expect(weekStart('1405/09/07')).toBe('1405/09/07'); // a Saturday
    const cs = [
      fakeCase({ id: '1', dept: 'X', date: '1405/09/01' }), fakeCase({ id: '2', dept: 'X', date: '1405/09/05' }),
      fakeCase({ id: '3', dept: 'Y', date: '1405/09/02' }), fakeCase({ id: '4', dept: 'X', date: '1405/09/08' }),
      fakeCase({ id: '5', dept: 'X', date: '1405/09/03', status: 'cancelled' }),
    ];
    expect(weeklyCounts(cs, { from: '1405/09/01', to: '1405/09/30' }).map((r) => [r.weekStart, r.weekEnd, r.department, r.cases])).toEqual([
      ['1405/08/30', '1405/09/06', 'X', 2], ['1405/08/30', '1405/09/06', 'Y', 1], ['1405/09/07', '1405/09/13', 'X', 1],
    ]);
  });
});
