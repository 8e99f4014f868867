// The recurring-issues board: each group summarised for the office (counts by county, department and
// meeting day, sample texts), marked recurring by the thresholds in settings, and ranked.
import { countsBy } from '../counts';
import type { CorrectedGroup } from './corrections';

export type BoardCase = { id: string; code: string; nationalId: string; county: string; department: string; meetingDate: string; text: string };

export type RecurringRules = { minCases: number; minCounties: number; minDays: number };

export const DEFAULT_RECURRING_RULES: RecurringRules = { minCases: 3, minCounties: 2, minDays: 2 };

export type BoardGroup = {
  /** Stable while the group keeps its first case: «g-» and the smallest case id. */
  id: string;
  title: string;
  cases: number;
  citizens: number;
  counties: [string, number][];
  departments: [string, number][];
  /** Meeting day (YYYY/MM/DD) → cases, oldest first. */
  days: [string, number][];
  samples: string[];
  caseIds: string[];
  recurring: boolean;
  notCollective: boolean;
  corrected: boolean;
};

/** Counts by a key, empty keys (no department recorded) left out. */
const counts = (cs: readonly BoardCase[], key: (c: BoardCase) => string): [string, number][] => countsBy(cs, key).filter(([k]) => k);

export function isRecurring(g: Pick<BoardGroup, 'cases' | 'counties' | 'days'>, rules: RecurringRules): boolean {
  return g.cases >= rules.minCases && (g.counties.length >= rules.minCounties || g.days.length >= rules.minDays);
}

export function summarizeGroup(g: CorrectedGroup, byId: ReadonlyMap<string, BoardCase>, rules: RecurringRules): BoardGroup {
  const cs = g.caseIds.map((id) => byId.get(id)).filter((c): c is BoardCase => !!c);
  const days = counts(cs, (c) => c.meetingDate).sort((a, b) => a[0].localeCompare(b[0]));
  const base = {
    id: `g-${[...g.caseIds].sort()[0] ?? ''}`.slice(0, 64),
    title: g.title,
    cases: cs.length,
    citizens: new Set(cs.map((c) => c.nationalId)).size,
    counties: counts(cs, (c) => c.county),
    departments: counts(cs, (c) => c.department),
    days,
    // Near-identical wordings are common in a group: three different texts, shortest first.
    samples: [...new Set([...cs].sort((a, b) => a.text.length - b.text.length).map((c) => c.text))].slice(0, 3),
    caseIds: cs.map((c) => c.id),
    notCollective: g.notCollective,
    corrected: g.corrected,
  };
  return { ...base, recurring: !g.notCollective && isRecurring(base, rules) };
}

/** Recurring groups first, then by citizens, counties and meeting days spanned. */
export function rankGroups(groups: BoardGroup[]): BoardGroup[] {
  return groups.sort((a, b) =>
    Number(b.recurring) - Number(a.recurring) || b.citizens - a.citizens || b.counties.length - a.counties.length
    || b.days.length - a.days.length || a.id.localeCompare(b.id));
}
