// Recurring issues: the grouping run (in a worker thread), new cases attached to its groups one by one,
// the office's corrections replayed on top, the board summarised for the UI, and help at intake (the
// department, category and open group of a text being typed) from the same representation.
import type { CircularEffect, CorrectionRow, GroupBoard, IntakeSuggestion, ParsedArgs } from '../../../shared/api';
import { CASE_STATUSES, leadDepartment, type Case } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { Attacher, rerunNeed } from '../../../shared/grouping/attach';
import { rankGroups, summarizeGroup, type BoardGroup, type RecurringRules } from '../../../shared/grouping/board';
import { applyCorrections, undoneCorrections } from '../../../shared/grouping/corrections';
import { runGroupTitle, type GroupingInput, type GroupingRun } from '../../../shared/grouping/engine';
import { observe, vectorize, type Vector } from '../../../shared/grouping/features';
import { DEFAULT_LEXICON, lexiconPrior, mergeLexicon, problemTerms, type ProblemLexicon } from '../../../shared/grouping/problem-lexicon';
import { NO_SUGGESTION, Suggester } from '../../../shared/grouping/suggest';
import { groupTitle } from '../../../shared/grouping/title';
import type { Settings } from '../../../shared/settings';
import type { BackendContext } from '../context';
import { groupInWorker } from '../grouping/run-in-worker';
import { PROVINCE } from '../../../shared/offices';
import { unscoped } from '../store/office-scope';
import type { Store } from '../store/store';

/** The latest run of one store, kept in memory: re-created on demand after a restart. */
type RunState = {
  run: GroupingRun;
  runAt: string;
  runMs: number;
  /** The office's lexicon entries the run used: a change in Settings makes the next board re-run. */
  lexiconKey: string;
  indexOf: Map<string, number>;
  attacher: Attacher;
  suggester: Suggester;
  /** Cases recorded after the run: the run group they joined (or -1), and their vectors for titles. */
  attached: Map<string, { group: number; vector: Vector }>;
  /**
   * Per office, its board as last listed and which listed group holds most of each run group (for
   * suggestions): a county's board counts its own cases only.
   */
  boards: Map<string, { groups: BoardGroup[]; ofRunGroup: Map<number, BoardGroup> }>;
  /** How many cases the store held when it was last looked through for new ones, and the look under way. */
  seen: number;
  attaching: Promise<number>;
  /** A run of all cases started because this one grew stale, while this one still serves (see currentState). */
  next?: Promise<RunState>;
};

/** Keyed by the store object: one run per open data folder. */
const states = new WeakMap<object, Promise<RunState>>();

/** Every case the board counts (all but the cancelled ones). */
const COUNTED = CASE_STATUSES.filter((s) => s !== 'cancelled');

export function groupingInput(c: Case): GroupingInput {
  return { id: c.id, text: c.text, county: c.county, department: leadDepartment(c), date: c.meetingDate, office: true };
}

/** The shipped lexicon with the office's entries from Settings. */
export function officeLexicon(settings: Pick<Settings, 'problemLexicon'>): ProblemLexicon {
  return mergeLexicon(DEFAULT_LEXICON, settings.problemLexicon);
}

/** The run groups the whole province (the same problem in five counties is one group); a county's board lists its own cases of it. */
async function freshRun(ctx: BackendContext, asked = false): Promise<RunState> {
  const store = unscoped(ctx.store);
  // The run holds the cases as they stood when it started.
  const runAt = ctx.now().toISOString();
  const settings = await store.getSettings();
  const cases = await store.scanCases({ statuses: COUNTED });
  const counties = [...new Set(cases.map((c) => c.county))];
  const { run, ms } = await groupInWorker(cases.length, (i) => groupingInput(cases[i]!), counties, officeLexicon(settings));
  // Titles quote the texts, which stay here: only the groups the board lists need one.
  const members: number[][] = run.groups.map(() => []);
  run.labels.forEach((g, i) => members[g]!.push(i));
  run.groups.forEach((g, i) => {
    if (g.caseIds.length > 1) g.title = runGroupTitle(run, members[i]!, (k) => cases[k]?.text);
  });
  const indexOf = new Map(cases.map((c, i) => [c.id, i]));
  const attacher = new Attacher(run, cases.map(leadDepartment));
  const suggester = new Suggester(run.model);
  cases.forEach((c, i) => suggester.add(run.vectors[i]!, leadDepartment(c), c.category));
  // The log keeps a person's «گروه‌بندی دوباره», not the runs the board makes by itself as cases come in.
  if (asked) await ctx.store.logEvent(ctx.actor, 'group/run', 'grouping', String(cases.length));
  return {
    run, runAt, runMs: Math.round(ms), lexiconKey: JSON.stringify(settings.problemLexicon),
    indexOf, attacher, suggester, attached: new Map(), boards: new Map(), seen: 0, attaching: Promise.resolve(0),
  };
}

async function runState(ctx: BackendContext, rerun: boolean): Promise<RunState> {
  const key = unscoped(ctx.store);
  let p = states.get(key);
  let stale = false;
  if (p && !rerun) {
    const [state, settings] = await Promise.all([p, ctx.store.getSettings()]);
    stale = state.lexiconKey !== JSON.stringify(settings.problemLexicon);
  }
  if (!p || rerun || stale) {
    p = freshRun(ctx, rerun);
    states.set(key, p);
    // Only a failed run that is still the current one is forgotten (a newer re-run may have replaced it).
    p.catch(() => {
      if (states.get(key) === p) states.delete(key);
    });
  }
  return p;
}

/**
 * The run with every case recorded since attached, and redone when they call for it (see rerunNeed): a
 * small store waits for the new run, a large one keeps its stale run serving until the new one is ready.
 * `wait: false` never waits for a run.
 */
async function currentState(ctx: BackendContext, { rerun = false, wait = true } = {}): Promise<RunState> {
  const state = await runState(ctx, rerun);
  await attachNew(ctx, state);
  const need = rerunNeed(state.run.labels.length, state.attached.size);
  if (need === 'none') return state;
  const next = state.next ?? startNextRun(ctx, state);
  if (!wait || need === 'background') return state;
  const fresh = await next;
  await attachNew(ctx, fresh);
  return fresh;
}

/** A new run that replaces `stale` once it is ready, unless something else (a re-run, a restore) replaced it first. */
function startNextRun(ctx: BackendContext, stale: RunState): Promise<RunState> {
  const key = unscoped(ctx.store);
  const before = states.get(key);
  const next = freshRun(ctx);
  stale.next = next;
  next.then(
    async (fresh) => {
      if (states.get(key) === before && (await before) === stale) states.set(key, Promise.resolve(fresh));
    },
    (e: unknown) => {
      stale.next = undefined; // tried again on the next look
      console.warn('[didar] re-running the grouping failed', e);
    },
  );
  return next;
}

function rulesOf(s: { recurringMinCases: number; recurringMinCounties: number; recurringMinDays: number }): RecurringRules {
  return { minCases: s.recurringMinCases, minCounties: s.recurringMinCounties, minDays: s.recurringMinDays };
}

/**
 * Attaches the cases recorded since the run (each once) and counts them in the office's document
 * frequencies and the suggestions' index; returns how many were new. The store only ever gains cases, so
 * while it holds as many as at the last look there is nothing to look through (100,000 cases take 10 ms).
 */
function attachNew(ctx: BackendContext, state: RunState): Promise<number> {
  // One look at a time: a desk asking while another's look is under way waits for it instead of finding nothing new.
  const look = state.attaching.catch(() => 0).then(() => attachOnce(ctx, state));
  state.attaching = look;
  return look;
}

async function attachOnce(ctx: BackendContext, state: RunState): Promise<number> {
  const store = unscoped(ctx.store);
  const count = await store.countCases();
  if (count === state.seen) return 0;
  state.seen = count;
  const { run } = state;
  let n = 0;
  for (const c of await store.scanCases({ statuses: COUNTED })) {
    if (state.indexOf.has(c.id) || state.attached.has(c.id)) continue;
    const terms = problemTerms(c.text, run.places, run.lexicon);
    observe(terms, run.model);
    const vector = vectorize(terms, run.model);
    const hit = state.attacher.attachTerms(terms, vector, leadDepartment(c));
    state.attached.set(c.id, { group: hit?.group ?? -1, vector });
    state.suggester.add(vector, leadDepartment(c), c.category);
    n++;
  }
  return n;
}

/** For the benchmark: attach what arrived since the run. */
export async function attachPending(ctx: BackendContext): Promise<number> {
  const state = await runState(ctx, false);
  return attachNew(ctx, state);
}

export async function groupBoard(ctx: BackendContext, rerun = false): Promise<GroupBoard> {
  const state = await currentState(ctx, { rerun });
  const [all, corrections, settings] = await Promise.all([ctx.store.scanCases({ statuses: COUNTED }), ctx.store.listGroupCorrections(), ctx.store.getSettings()]);
  const byId = new Map(all.map((c) => [c.id, c]));
  const caseOf = (id: string): Case | undefined => byId.get(id);
  const { run } = state;
  const members = run.groups.map((g) => g.caseIds.filter((id) => caseOf(id)));
  const newcomers: string[] = [];
  let attached = 0;
  for (const [id, { group }] of state.attached) {
    if (!caseOf(id)) continue;
    if (group >= 0) {
      members[group]!.push(id);
      attached++;
    } else newcomers.push(id);
  }
  // the run's titles quote a case of the whole province: a county's board titles each group from its own cases
  const ownTitles = ctx.office !== PROVINCE;
  const machine = [
    ...members.map((caseIds, i) => ({ caseIds, title: ownTitles ? '' : run.groups[i]!.title })),
    ...newcomers.map((id) => ({ caseIds: [id], title: '' })),
  ].filter((g) => g.caseIds.length > 0);
  const corrected = applyCorrections(machine, corrections);
  const rules = rulesOf(settings);
  const summaries = corrected.map((g) => {
    // A group the office reshaped, or one a recorded case made of a lone one, is titled from its own cases.
    const needsTitle = g.caseIds.length > 1 && !g.named && (g.corrected || !g.title);
    const title = needsTitle ? titleOf(state, g.caseIds, caseOf) : g.title;
    return summarizeGroup({ ...g, title: title || g.title }, caseOf, rules);
  });
  const listed = rankGroups(summaries.filter((g) => g.cases > 1));
  state.boards.set(ctx.office, { groups: listed, ofRunGroup: byRunGroup(state, listed) });
  const meetingDates = new Set<string>();
  for (const c of all) meetingDates.add(c.meetingDate);
  return {
    runAt: state.runAt, runMs: state.runMs, cases: all.length, attached, rules,
    meetingDates: [...meetingDates].sort(),
    groups: listed, singles: summaries.length - listed.length,
  };
}

/** The title of a group of cases, from the run's vectors and, for cases recorded since, their own. */
function titleOf(state: RunState, caseIds: readonly string[], caseOf: (id: string) => Case | undefined): string {
  const vectors: Vector[] = [];
  const texts: string[] = [];
  for (const id of caseIds) {
    const c = caseOf(id);
    const i = state.indexOf.get(id);
    const v = i !== undefined ? state.run.vectors[i] : state.attached.get(id)?.vector;
    if (!c || !v) continue;
    vectors.push(v);
    texts.push(c.text);
  }
  return groupTitle(vectors, (k) => texts[k], state.run);
}

/** For each run group, the listed board group holding most of its cases. */
function byRunGroup(state: RunState, listed: readonly BoardGroup[]): Map<number, BoardGroup> {
  const best = new Map<number, { group: BoardGroup; n: number }>();
  for (const g of listed) {
    const votes = new Map<number, number>();
    for (const id of g.caseIds) {
      const i = state.indexOf.get(id);
      const r = i !== undefined ? state.run.labels[i]! : state.attached.get(id)?.group ?? -1;
      if (r >= 0) votes.set(r, (votes.get(r) ?? 0) + 1);
    }
    for (const [r, n] of votes) if (n > (best.get(r)?.n ?? 0)) best.set(r, { group: g, n });
  }
  return new Map([...best].map(([r, { group }]) => [r, group]));
}

export async function correctGroups(ctx: BackendContext, a: ParsedArgs<'group/correct'>): Promise<GroupBoard> {
  await ctx.mutate(`group/${a.kind}`, (t) => t.store.addGroupCorrection({ ...a, at: ctx.now().toISOString(), by: ctx.actor.operator }));
  return boardAfterCorrection(ctx);
}

/** A correction holds for every office: their boards are made again, the caller's now, the others' when next asked. */
async function boardAfterCorrection(ctx: BackendContext): Promise<GroupBoard> {
  (await states.get(unscoped(ctx.store))?.catch(() => undefined))?.boards.clear();
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
    index, kind: c.kind, ...(c.kind === 'notCollective' ? { value: c.value } : {}), ...(c.kind === 'title' ? { name: c.value } : {}),
    cases: c.caseIds.length, at: c.at, by: c.by,
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
  return boardAfterCorrection(ctx);
}

/** Per store and office, the run and board being made ready for intake (see prepareRun). */
const preparing = new WeakMap<object, Map<string, Promise<void>>>();

/** Makes the store's run and the office's board ready in the background, if they are not; a failure is only logged. */
function prepareRun(ctx: BackendContext): void {
  const key = unscoped(ctx.store);
  const offices = preparing.get(key) ?? new Map<string, Promise<void>>();
  preparing.set(key, offices);
  if (offices.has(ctx.office)) return;
  const p = currentState(ctx, { wait: false })
    .then(async (state) => void (state.boards.has(ctx.office) || (await groupBoard(ctx))))
    .catch((e: unknown) => console.warn('[didar] preparing the grouping for intake failed', e))
    .finally(() => offices.delete(ctx.office));
  offices.set(ctx.office, p);
}

/**
 * Closing waits this long at most for a run in progress. Quitting the desktop app then ends the run with the
 * process; under plain Node (CLI, web shell) its worker still finishes before the process exits.
 */
const SETTLE_MS = 3000;

/** Waits (SETTLE_MS at most) for the store's runs in progress: made ready for intake, or re-run in the background. */
export async function runsSettled(store: Store): Promise<void> {
  const key = unscoped(store);
  const settled = (async () => {
    await Promise.all(preparing.get(key)?.values() ?? []);
    const state = await states.get(key)?.catch(() => undefined);
    await state?.next?.catch(() => undefined);
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_MS)))]);
  clearTimeout(timer);
}

/** Texts shorter than this say too little to suggest anything. */
const SUGGEST_MIN_CHARS = 8;

/**
 * Help at intake, for the text being typed: the departments and categories of the office's most similar
 * recorded cases, and the open recurring group the case would join. Nothing is recorded or attached.
 */
export async function suggestForIntake(ctx: BackendContext, a: ParsedArgs<'case/suggest'>): Promise<IntakeSuggestion> {
  if (a.text.trim().length < SUGGEST_MIN_CHARS) {
    // The form asks with its text still empty (and any short text does the same): the first run after a
    // start, and this office's board, are made while the clerk types.
    prepareRun(ctx);
    return { ...NO_SUGGESTION, group: null };
  }
  // Typing never waits for a run: the suggestion comes from the newest one ready.
  let state = await currentState(ctx, { wait: false });
  if (!state.boards.has(ctx.office)) {
    await preparing.get(unscoped(ctx.store))?.get(ctx.office);
    state = await currentState(ctx, { wait: false });
    if (!state.boards.has(ctx.office)) await groupBoard(ctx);
    state = await currentState(ctx, { wait: false });
  }
  const { run } = state;
  const terms = problemTerms(a.text, run.places, run.lexicon);
  if (terms.stems.length === 0 && terms.tags.length === 0) return { ...NO_SUGGESTION, group: null };
  const vector = vectorize(terms, run.model);
  const suggestion = state.suggester.suggest(vector, -1, lexiconPrior(terms.profile, run.lexicon));
  const hit = state.attacher.attachTerms(terms, vector, a.department);
  const g = hit ? state.boards.get(ctx.office)?.ofRunGroup.get(hit.group) : undefined;
  const open = g && g.recurring && !g.notCollective
    && (await ctx.store.getCases(g.caseIds)).some((c) => c.status !== 'closed' && c.status !== 'cancelled');
  return {
    ...suggestion,
    group: g && open ? { id: g.id, title: g.title, cases: g.cases, citizens: g.citizens, counties: g.counties.length } : null,
  };
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
