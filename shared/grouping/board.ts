// The recurring-issues board: each group summarised for the office (counts by county, department and
// meeting day, sample texts), marked recurring by the thresholds in settings, and ranked.
import { countsBy } from '../counts';
import { leadDepartment, type Case } from '../domain';
import type { CorrectedGroup } from './corrections';

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
  /** The office reshaped or renamed it: a person's decision the next run keeps. */
  corrected: boolean;
};

/** Counts by a key, empty keys (no department recorded) left out. */
const counts = (cs: readonly Case[], key: (c: Case) => string): [string, number][] => countsBy(cs, key).filter(([k]) => k);

export function isRecurring(g: Pick<BoardGroup, 'cases' | 'counties' | 'days'>, rules: RecurringRules): boolean {
  return g.cases >= rules.minCases && (g.counties.length >= rules.minCounties || g.days.length >= rules.minDays);
}

/** The smallest of the ids, without sorting a copy of a group that may hold thousands. */
function firstId(ids: readonly string[]): string {
  let first = ids[0] ?? '';
  for (const id of ids) if (id < first) first = id;
  return first;
}

/** Near-identical wordings are common in a group: up to `n` different texts, shortest first. */
function sampleTexts(cs: readonly Case[], n: number): string[] {
  const best: string[] = [];
  for (const { text } of cs) {
    if (best.length === n && text.length >= best[n - 1]!.length) continue;
    if (best.includes(text)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.length > text.length) at--;
    best.splice(at, 0, text);
    if (best.length > n) best.pop();
  }
  return best;
}

/** A group as the board shows it; `caseOf` finds the group's cases (a case no longer counted is left out). */
export function summarizeGroup(g: CorrectedGroup, caseOf: (id: string) => Case | undefined, rules: RecurringRules): BoardGroup {
  const cs: Case[] = [];
  for (const id of g.caseIds) {
    const c = caseOf(id);
    if (c) cs.push(c);
  }
  const days = counts(cs, (c) => c.meetingDate).sort((a, b) => a[0].localeCompare(b[0]));
  const base = {
    id: `g-${firstId(g.caseIds)}`.slice(0, 64),
    title: g.title,
    cases: cs.length,
    citizens: new Set(cs.map((c) => c.citizen.nationalId)).size,
    counties: counts(cs, (c) => c.county),
    departments: counts(cs, leadDepartment),
    days,
    samples: sampleTexts(cs, 3),
    caseIds: cs.map((c) => c.id),
    notCollective: g.notCollective,
    corrected: g.corrected || g.named,
  };
  return { ...base, recurring: !g.notCollective && isRecurring(base, rules) };
}

/** Recurring groups first, then by citizens, counties and meeting days spanned. */
export function rankGroups(groups: BoardGroup[]): BoardGroup[] {
  return groups.sort((a, b) =>
    Number(b.recurring) - Number(a.recurring) || b.citizens - a.citizens || b.counties.length - a.counties.length
    || b.days.length - a.days.length || a.id.localeCompare(b.id));
}
