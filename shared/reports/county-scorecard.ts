// Counties measured by the citizens who had to come to the provincial centre: per 100,000 inhabitants,
// month by month, with the problems they brought most and how many belonged to recurring groups; beside them
// the cases the county governorate recorded at its own meeting days, and how many of each were solved.
import type { Case, MeetingDay } from '../domain';
import { officeOf, PROVINCE } from '../offices';
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
  /** Of the cases brought to the centre, the share closed as solved or partly solved. */
  resolvedPct: number | null;
  /** Cases the county governorate recorded at its own meeting days (held at the فرمانداری), its citizens, and their share solved. */
  officeCases: string[];
  officeCitizens: number;
  officeResolvedPct: number | null;
};

/** Closed with the problem solved, or partly: what a resolution rate counts. */
const resolved = (c: Case): boolean => c.status === 'closed' && (c.outcome?.kind === 'solved' || c.outcome?.kind === 'partly-solved');
const resolvedShare = (cases: readonly Case[]): number | null => pct(cases.filter(resolved).length, cases.length);

export type CaseGroup = { title: string; recurring: boolean };

export function countyScorecard(
  all: readonly Case[], days: readonly MeetingDay[], range: DateRange, populations: Readonly<Record<string, number>>,
  groupOf: ReadonlyMap<string, CaseGroup>,
): CountyRow[] {
  // the province's own days at its centre (a county trip of the governor is not «coming to the centre»)
  const atCentre = new Set(days.filter((d) => d.place.kind === 'center' && officeOf(d) === PROVINCE).map((d) => d.id));
  const months = monthsOf(range);
  const byCounty = new Map<string, Case[]>();
  const ofOffice = new Map<string, Case[]>();
  const add = (m: Map<string, Case[]>, k: string, c: Case): void => {
    const l = m.get(k);
    if (l) l.push(c);
    else m.set(k, [c]);
  };
  for (const c of all) {
    if (c.status === 'cancelled' || !inRange(c.meetingDate, range)) continue;
    const office = officeOf(c);
    if (office !== PROVINCE) add(ofOffice, office, c);
    else if (atCentre.has(c.meetingDayId)) add(byCounty, c.county, c);
  }
  for (const county of ofOffice.keys()) if (!byCounty.has(county)) byCounty.set(county, []);
  const rows = [...byCounty].map(([county, cases]): CountyRow => {
    const own = ofOffice.get(county) ?? [];
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
      resolvedPct: resolvedShare(cases),
      officeCases: own.map((c) => c.id),
      officeCitizens: new Set(own.map((c) => c.citizen.nationalId)).size,
      officeResolvedPct: resolvedShare(own),
    };
  });
  return rows.sort((a, b) => (b.per100k ?? -1) - (a.per100k ?? -1) || b.citizens - a.citizens || a.county.localeCompare(b.county));
}
