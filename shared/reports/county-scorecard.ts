// Counties measured by the citizens who had to come to the provincial centre: per 100,000 inhabitants,
// month by month, with the problems they brought most and how many belonged to recurring groups.
import type { Case, MeetingDay } from '../domain';
import { pct } from './department-scorecard';
import { inRange, monthsOf, type DateRange } from './period';

export type CountyRow = {
  county: string;
  population: number | null;
  /** Distinct citizens of the county seen at meeting days in the provincial centre. */
  citizens: number;
  per100k: number | null;
  /** Month ('YYYY/MM') → distinct citizens that month. */
  byMonth: [string, number][];
  cases: string[];
  /** Problems (group titles) most brought by the county's citizens, with their cases. */
  topProblems: [string, number][];
  recurringShare: number | null;
};

export type CaseGroup = { title: string; recurring: boolean };

export function countyScorecard(
  all: readonly Case[], days: readonly MeetingDay[], range: DateRange, populations: Readonly<Record<string, number>>,
  groupOf: ReadonlyMap<string, CaseGroup>,
): CountyRow[] {
  const atCentre = new Set(days.filter((d) => d.place.kind === 'center').map((d) => d.id));
  const months = monthsOf(range);
  const byCounty = new Map<string, Case[]>();
  for (const c of all) {
    if (c.status === 'cancelled' || !atCentre.has(c.meetingDayId) || !inRange(c.meetingDate, range)) continue;
    let l = byCounty.get(c.county);
    if (!l) byCounty.set(c.county, (l = []));
    l.push(c);
  }
  const rows = [...byCounty].map(([county, cases]): CountyRow => {
    const citizens = new Set(cases.map((c) => c.citizen.nationalId)).size;
    // a county is a plain string: «__proto__» or «constructor» must not find Object's own properties
    const population = Object.hasOwn(populations, county) ? populations[county]! : null;
    const perMonth = new Map(months.map((m) => [m, new Set<string>()]));
    for (const c of cases) perMonth.get(c.meetingDate.slice(0, 7))?.add(c.citizen.nationalId);
    const problems = new Map<string, number>();
    let recurring = 0;
    for (const c of cases) {
      const g = groupOf.get(c.id);
      if (!g) continue;
      if (g.recurring) recurring++;
      problems.set(g.title, (problems.get(g.title) ?? 0) + 1);
    }
    return {
      county, population, citizens,
      per100k: population ? Math.round((citizens / population) * 100_000 * 10) / 10 : null,
      byMonth: [...perMonth].map(([m, s]) => [m, s.size]),
      cases: cases.map((c) => c.id),
      topProblems: [...problems].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3),
      recurringShare: pct(recurring, cases.length),
    };
  });
  return rows.sort((a, b) => (b.per100k ?? -1) - (a.per100k ?? -1) || b.citizens - a.citizens || a.county.localeCompare(b.county));
}
