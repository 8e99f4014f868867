// Recurring issues: the grouping run (in a worker thread), new cases attached to its groups one by one,
// the office's corrections replayed on top, and the board summarised for the UI.
import type { CircularEffect, CorrectionRow, GroupBoard, ParsedArgs } from '../../../shared/api';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { CASE_STATUSES, leadDepartment, type Case } from '../../../shared/domain';
import { Attacher } from '../../../shared/grouping/attach';
import { rankGroups, summarizeGroup, type BoardGroup, type RecurringRules } from '../../../shared/grouping/board';
import { DEFAULT_CLUSTER } from '../../../shared/grouping/cluster';
import { applyCorrections, undoneCorrections } from '../../../shared/grouping/corrections';
import { groupTitle, type GroupingInput, type GroupingRun } from '../../../shared/grouping/engine';
import { vectorize } from '../../../shared/grouping/features';
import { contentTerms } from '../../../shared/grouping/text';
import type { BackendContext } from '../context';
import { groupInWorker } from '../grouping/run-in-worker';

/** The latest run of one store, kept in memory: re-created on demand after a restart. */
type RunState = {
  run: GroupingRun;
  runAt: string;
  runMs: number;
  indexOf: Map<string, number>;
  attacher: Attacher;
  /** Cases recorded after the run: the run group they joined, or -1. */
  attached: Map<string, number>;
};

/** Keyed by the store object: one run per open data folder. */
const states = new WeakMap<object, Promise<RunState>>();

const counted = (c: Case): boolean => c.status !== 'cancelled';
/** Every case the board counts (all but the cancelled ones). */
const COUNTED = CASE_STATUSES.filter((s) => s !== 'cancelled');

export function groupingInput(c: Case): GroupingInput {
  return { id: c.id, text: c.text, county: c.county, department: leadDepartment(c), date: c.meetingDate };
}

async function freshRun(ctx: BackendContext): Promise<RunState> {
  const cases = await ctx.store.scanCases({ statuses: COUNTED });
  const counties = [...new Set(cases.map((c) => c.county))];
  const { run, ms } = await groupInWorker(cases.length, (i) => groupingInput(cases[i]!), counties);
  const indexOf = new Map(cases.map((c, i) => [c.id, i]));
  const attacher = new Attacher(run, DEFAULT_CLUSTER.centroidThreshold, DEFAULT_CLUSTER.hintBonus, cases.map(leadDepartment));
  await ctx.store.logEvent(ctx.actor, 'group/run', 'grouping', String(cases.length));
  return { run, runAt: ctx.now().toISOString(), runMs: Math.round(ms), indexOf, attacher, attached: new Map() };
}

async function runState(ctx: BackendContext, rerun: boolean): Promise<RunState> {
  let p = states.get(ctx.store);
  if (!p || rerun) {
    p = freshRun(ctx);
    states.set(ctx.store, p);
    // Only a failed run that is still the current one is forgotten (a newer re-run may have replaced it).
    p.catch(() => {
      if (states.get(ctx.store) === p) states.delete(ctx.store);
    });
  }
  return p;
}

function rulesOf(s: { recurringMinCases: number; recurringMinCounties: number; recurringMinDays: number }): RecurringRules {
  return { minCases: s.recurringMinCases, minCounties: s.recurringMinCounties, minDays: s.recurringMinDays };
}

/** Attaches the cases recorded since the run (each once); returns how many were new. */
function attachNew(state: RunState, cases: Iterable<Case>): number {
  let n = 0;
  for (const c of cases) {
    if (!counted(c) || state.indexOf.has(c.id) || state.attached.has(c.id)) continue;
    state.attached.set(c.id, state.attacher.attach(groupingInput(c))?.group ?? -1);
    n++;
  }
  return n;
}

/** For the benchmark: attach what arrived since the run. */
export async function attachPending(ctx: BackendContext): Promise<number> {
  const state = await runState(ctx, false);
  return attachNew(state, await ctx.store.scanCases({ statuses: COUNTED }));
}

export async function groupBoard(ctx: BackendContext, rerun = false): Promise<GroupBoard> {
  const state = await runState(ctx, rerun);
  const [all, corrections, settings] = await Promise.all([ctx.store.scanCases({ statuses: COUNTED }), ctx.store.listGroupCorrections(), ctx.store.getSettings()]);
  const byId = new Map(all.map((c) => [c.id, c]));
  const caseOf = (id: string): Case | undefined => byId.get(id);
  attachNew(state, all);
  const { run } = state;
  const members = run.groups.map((g) => g.caseIds.filter((id) => caseOf(id)));
  const newcomers: string[] = [];
  let attached = 0;
  for (const [id, g] of state.attached) {
    if (!caseOf(id)) continue;
    if (g >= 0) {
      members[g]!.push(id);
      attached++;
    } else newcomers.push(id);
  }
  const machine = [
    ...members.map((caseIds, i) => ({ caseIds, title: run.groups[i]!.title })),
    ...newcomers.map((id) => ({ caseIds: [id], title: '' })),
  ].filter((g) => g.caseIds.length > 0);
  const corrected = applyCorrections(machine, corrections);
  const rules = rulesOf(settings);
  const summaries = corrected.map((g) => {
    // A group the office reshaped is titled from its own cases.
    // Cases recorded after the run are vectorised with the run's model, so they can be titled too.
    const needsTitle = g.corrected || !g.title;
    const vectors = needsTitle ? g.caseIds.flatMap((id) => {
      const i = state.indexOf.get(id);
      if (i !== undefined) return [run.vectors[i]!];
      const c = caseOf(id);
      return c ? [vectorize(contentTerms(c.text, run.places).stems, run.model)] : [];
    }) : [];
    const title = needsTitle && vectors.length ? groupTitle(vectors, run.model, run.surfaces) : g.title;
    return summarizeGroup({ ...g, title: title || g.title }, caseOf, rules);
  });
  const listed = rankGroups(summaries.filter((g) => g.cases > 1));
  const meetingDates = new Set<string>();
  for (const c of all) meetingDates.add(c.meetingDate);
  return {
    runAt: state.runAt, runMs: state.runMs, cases: all.length, attached, rules,
    meetingDates: [...meetingDates].sort(),
    groups: listed, singles: summaries.length - listed.length,
  };
}

export async function correctGroups(ctx: BackendContext, a: ParsedArgs<'group/correct'>): Promise<GroupBoard> {
  await ctx.mutate(`group/${a.kind}`, (t) => t.store.addGroupCorrection({ ...a, at: ctx.now().toISOString(), by: ctx.actor.operator }));
  return groupBoard(ctx);
}

/** The office's corrections, newest first, each with the group its first case is in now and whether it was taken back. */
export async function listCorrections(ctx: BackendContext): Promise<CorrectionRow[]> {
  const corrections = await ctx.store.listGroupCorrections();
  const board = await groupBoard(ctx);
  const titleOf = new Map<string, string>();
  for (const g of board.groups) for (const id of g.caseIds) titleOf.set(id, g.title);
  const undone = undoneCorrections(corrections);
  return corrections.flatMap((c, index): CorrectionRow[] => (c.kind === 'undo' ? [] : [{
    index, kind: c.kind, ...(c.kind === 'notCollective' ? { value: c.value } : {}), cases: c.caseIds.length, at: c.at, by: c.by,
    undone: undone.has(index), title: titleOf.get(c.caseIds[0] ?? '') ?? '',
  }])).reverse();
}

/** Takes a correction back: the corrections are replayed without it (it stays in the list, marked). */
export async function undoCorrection(ctx: BackendContext, index: number): Promise<GroupBoard> {
  await ctx.mutate('group/undo', async (t) => {
    const corrections = await t.store.listGroupCorrections();
    const c = corrections[index];
    if (!c || c.kind === 'undo') throw new DidarError('not-found', msg.correctionNotFound);
    if (undoneCorrections(corrections).has(index)) throw new DidarError('conflict', msg.correctionUndone);
    await t.store.addGroupCorrection({ kind: 'undo', index, caseIds: [], at: ctx.now().toISOString(), by: ctx.actor.operator });
  });
  return groupBoard(ctx);
}

/**
 * A circular's effect: the group that now holds most of its cases, and that group's cases per meeting day
 * before and after the issue date (new cases of the problem should fall after a good circular).
 */
export async function circularEffect(ctx: BackendContext, circular: { caseIds: readonly string[]; issuedOn?: string; title: string }): Promise<CircularEffect> {
  const board = await groupBoard(ctx);
  const linked = new Set(circular.caseIds);
  let best: BoardGroup | undefined;
  let bestOverlap = 0;
  for (const g of board.groups) {
    const overlap = g.caseIds.reduce((n, id) => n + (linked.has(id) ? 1 : 0), 0);
    if (overlap > bestOverlap) [best, bestOverlap] = [g, overlap];
  }
  const perDay = new Map(best?.days ?? []);
  const issued = circular.issuedOn;
  const days = board.meetingDates.map((date) => ({ date, cases: perDay.get(date) ?? 0, after: !!issued && date > issued }));
  const sum = (after: boolean) => days.filter((d) => d.after === after).reduce((n, d) => n + d.cases, 0);
  return { ...(issued ? { issuedOn: issued } : {}), groupTitle: best?.title ?? circular.title, days, before: sum(false), after: sum(true) };
}
