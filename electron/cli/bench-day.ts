// A meeting day at several desks, for `didar bench --desks N` and the server-fault tests. Each desk takes its
// share of the day's citizens and, for each, makes the calls of VISIT_STEPS in order; the desks run at once,
// so their calls interleave at the server as on a real day (compressed: no clerk's thinking time). The steps
// are data: a station's flow (the order at the governor's table, the code at the inspection desk) is more steps.
import type { Args, Method } from '../../shared/api';
import type { Case, CaseBrief, OrderInput, QueueEntry } from '../../shared/domain';
import { PROVINCIAL_DEPARTMENTS } from '../../shared/defaults';
import { ORDER_TYPES } from '../../shared/domain';
import { benchCitizen, issueText, rng } from '../backend/bench/generate';
import { LIVE_GATHER_MS } from '../../shared/live';
import type { ChangeNotice, StoreReader } from '../backend/store/store';
import type { CallRecord, DeskClient } from './bench-client';

/** A citizen at the desks: who they are, what they ask, and what the desks were given for them so far. */
export type Visit = {
  citizen: Case['citizen'];
  text: string;
  order: OrderInput;
  queueNumber?: number;
  caseId?: string;
  code?: string;
};

/** What the desks of the day share: the meeting day, and the citizens waiting in the hall (by national ID). */
export class Hall {
  private readonly waiting = new Map<string, Visit>();
  /** Codes handed out today, which citizens come back to ask about. */
  readonly codes: string[] = [];

  constructor(readonly dayId: string, readonly today: string) {}

  enter(v: Visit): void {
    this.waiting.set(v.citizen.nationalId, v);
  }

  /** The citizen of a queue entry walks to the desk that called it. */
  take(nationalId: string): Visit {
    const v = this.waiting.get(nationalId);
    if (!v) throw new Error(`nobody with national ID ${nationalId} waits in the hall`);
    this.waiting.delete(nationalId);
    return v;
  }

  isWaiting(nationalId: string): boolean {
    return this.waiting.has(nationalId);
  }
}

/** One desk during the day: its client, the citizen in front of it, and the cases it follows up. */
export type Desk = {
  username: string;
  client: DeskClient;
  hall: Hall;
  visit: Visit;
  /** How many citizens this desk has seen so far (the steps' `when` counts by it). */
  visits: number;
  /** Cases this desk referred and whose department's answer it will record later in the day. */
  referred: string[];
  r: () => number;
};

/** One call of a visit. `args` is made once per call (a retry sends the same); `keep` learns from the answer. */
export type Step = {
  method: Method;
  /** Whether this visit makes the call (every visit when absent). */
  when?: (d: Desk) => boolean;
  args: (d: Desk) => unknown;
  keep?: (d: Desk, value: unknown) => void;
  /**
   * The server said the change was already made (its answer was lost, e.g. in a restart): how the desk finds out
   * what it made, as a clerk would look at the screen again; resolves with what the answer would have said.
   */
  recover?: (d: Desk) => Promise<unknown>;
  /** Whether what an answer said was saved is in the store after the day. */
  stored?: (s: StoreReader, value: unknown, args: unknown) => Promise<boolean>;
};

/** A step typed by its method, stored untyped in the list. */
function step<M extends Method>(method: M, s: Omit<Step, 'method' | 'args'> & { args: (d: Desk) => Args<M> }): Step {
  return { method, ...s };
}

const every = (n: number, at = 0) => (d: Desk): boolean => d.visits % n === at;
const atStations = every(2, 1);
/** The case the desk's citizen brought today, as the clerk finds it again after a lost answer. */
async function todaysCase(d: Desk): Promise<CaseBrief> {
  const { cases } = await d.client.value('citizen/lookup', { nationalId: d.visit.citizen.nationalId });
  return cases.find((x) => x.meetingDate === d.hall.today)!;
}
const queueEntry = (s: StoreReader, dayId: string, n: number): Promise<QueueEntry | undefined> =>
  s.getQueue(dayId).then((q) => q.find((e) => e.number === n));
const SEARCH_WORDS = ['کود اوره', 'گراز', 'كالابرگ', 'طرح هادی', 'وام ازدواج', 'مینی بوس', 'افت ولتاژ', 'سند روستایی'];

/** Today's flow at one PC doing the whole cycle (the station flow adds its steps here). */
export const VISIT_STEPS: readonly Step[] = [
  // reception: the citizen arrives; their earlier cases are shown
  step('queue/arrive', {
    args: (d) => ({ meetingDayId: d.hall.dayId, name: `${d.visit.citizen.firstName} ${d.visit.citizen.lastName}`, nationalId: d.visit.citizen.nationalId }),
    keep: (d, e) => void (d.visit.queueNumber = (e as QueueEntry).number),
    recover: async (d) => {
      const q = await d.client.value('queue/list', { meetingDayId: d.hall.dayId });
      const e = q.find((x) => x.nationalId === d.visit.citizen.nationalId)!;
      d.visit.queueNumber = e.number;
      return e;
    },
    stored: async (s, e, a) => (await queueEntry(s, (a as { meetingDayId: string }).meetingDayId, (e as QueueEntry).number))?.nationalId === (e as QueueEntry).nationalId,
  }),
  step('citizen/lookup', { args: (d) => ({ nationalId: d.visit.citizen.nationalId }) }),
  // the table: the next citizen in the queue is called (whoever they are) and their case recorded with the order
  step('queue/callNext', {
    args: (d) => ({ meetingDayId: d.hall.dayId }),
    keep: (d, e) => {
      d.visit = d.hall.take((e as QueueEntry).nationalId);
      d.visit.queueNumber = (e as QueueEntry).number;
    },
    recover: async (d) => {
      // the citizen this desk called is one called but not yet at any desk: the earliest such (a call answered
      // since the restart is later in the queue, and its desk takes its citizen as soon as the answer comes)
      const q = await d.client.value('queue/list', { meetingDayId: d.hall.dayId });
      const mine = q.filter((e) => e.status === 'called' && d.hall.isWaiting(e.nationalId)).sort((a, b) => a.number - b.number)[0]!;
      d.visit = d.hall.take(mine.nationalId);
      d.visit.queueNumber = mine.number;
      return mine;
    },
    stored: async (s, e, a) => (await queueEntry(s, (a as { meetingDayId: string }).meetingDayId, (e as QueueEntry).number))?.status !== 'waiting',
  }),
  // every other visit goes through the stations: the case recorded before its order, the order given at the
  // governor's table, the code at the inspection desk (the same desk here plays the three in turn)
  step('case/record', {
    when: (d) => !atStations(d),
    args: (d) => ({ meetingDayId: d.hall.dayId, queueNumber: d.visit.queueNumber!, citizen: d.visit.citizen, text: d.visit.text, order: d.visit.order }),
    keep: (d, c) => recorded(d, c as Case),
    recover: async (d) => {
      const c = await todaysCase(d);
      recorded(d, c);
      return c;
    },
    stored: async (s, c) => (await s.getCase((c as Case).id))?.code === (c as Case).code,
  }),
  step('case/recordPending', {
    when: atStations,
    args: (d) => ({ meetingDayId: d.hall.dayId, queueNumber: d.visit.queueNumber!, citizen: d.visit.citizen, text: d.visit.text }),
    keep: (d, c) => void (d.visit.caseId = (c as Case).id),
    recover: async (d) => {
      const c = await todaysCase(d);
      d.visit.caseId = c.id;
      return c;
    },
    stored: async (s, c) => (await s.getCase((c as Case).id)) !== undefined,
  }),
  step('case/giveOrder', {
    when: atStations,
    args: (d) => ({ id: d.visit.caseId!, order: d.visit.order }),
    recover: (d) => d.client.value('case/get', { id: d.visit.caseId! }),
    stored: async (s, _v, a) => (await s.getCase((a as { id: string }).id))?.order !== undefined,
  }),
  step('case/allocateCode', {
    when: atStations,
    args: (d) => ({ id: d.visit.caseId! }),
    keep: (d, c) => recorded(d, c as Case),
    recover: async (d) => {
      const c = await d.client.value('case/get', { id: d.visit.caseId! });
      recorded(d, c);
      return c;
    },
    stored: async (s, c) => (await s.getCase((c as Case).id))?.code === (c as Case).code,
  }),
  step('slip/pdf', {
    args: (d) => ({ caseId: d.visit.caseId! }),
    // the slip was printed but its file lost: the clerk prints it again (a reprint, marked as such)
    recover: (d) => d.client.value('slip/pdf', { caseId: d.visit.caseId! }),
    stored: async (s, _v, a) => ((await s.getCase((a as { caseId: string }).caseId))?.prints.length ?? 0) > 0,
  }),
  // questions at the desks: a citizen asks by code, the day's list is looked at, the worklist searched
  step('case/byCode', { when: (d) => d.hall.codes.length > 0, args: (d) => ({ code: d.hall.codes[Math.floor(d.r() * d.hall.codes.length)]! }) }),
  step('worklist/query', { when: every(3, 1), args: (d) => ({ q: SEARCH_WORDS[Math.floor(d.r() * SEARCH_WORDS.length)]! }) }),
  step('case/listForDay', { when: every(10, 5), args: (d) => ({ meetingDayId: d.hall.dayId }) }),
  // follow-up the same day: one case in four referred to its department, whose answer is recorded later
  step('case/refer', {
    when: every(4, 0),
    args: (d) => ({ ids: [d.visit.caseId!] }),
    keep: (d) => void d.referred.push(d.visit.caseId!),
    recover: async (d) => {
      d.referred.push(d.visit.caseId!);
      return null;
    },
    stored: async (s, _v, a) => ((await s.getCase((a as { ids: string[] }).ids[0]!))?.referrals.length ?? 0) > 0,
  }),
  step('case/answer', {
    when: (d) => d.referred.length > 0 && d.visits % 4 === 2,
    args: (d) => ({ id: d.referred.shift()!, letterNo: `۱۴۰۵/${d.visits}`, date: d.hall.today, text: 'موضوع بررسی و به متقاضی پاسخ داده شد.' }),
    stored: async (s, _v, a) => ((await s.getCase((a as { id: string }).id))?.answers.length ?? 0) > 0,
  }),
];

function recorded(d: Desk, c: Pick<Case, 'id' | 'code'>): void {
  // recorded with its order, a case has its code at once
  if (!c.code) throw new Error(`case ${c.id} was recorded without a tracking code`);
  d.visit.caseId = c.id;
  d.visit.code = c.code;
  d.hall.codes.push(c.code);
}

/** The citizens of the day, the same for every run with the same seed. */
export function citizensOfDay(n: number, seed = 1405): Visit[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => ({
    citizen: benchCitizen(r),
    text: issueText(r),
    order: {
      type: ORDER_TYPES[Math.floor(r() * ORDER_TYPES.length)]!, leadDepartment: PROVINCIAL_DEPARTMENTS[Math.floor(r() * PROVINCIAL_DEPARTMENTS.length)]!,
      deadlineDays: 10, text: 'موضوع بررسی و نتیجه به متقاضی اعلام شود.',
    },
  }));
}

/** A change the server acknowledged (saved, or «already done» for a retry), with what was sent and what it made. */
export type Acknowledged = { step: Step; args: unknown; value: unknown; call: CallRecord };

/** What a day left behind at the desks: every call, the acknowledged changes, the notices each stream got. */
export type DayLog = {
  /** Every answered call of every desk, in the order the answers came (the steps', recoveries', refreshes'). */
  calls: CallRecord[];
  /** The steps' acknowledged changes. */
  acknowledged: Acknowledged[];
  /** Refused calls of the steps (none expected), by method and error code. */
  refused: Record<string, number>;
  /** Per desk: the sequence numbers of the change notices it received, and when (performance.now()). */
  notices: Map<string, { seq: number; at: number }[]>;
  /** Per desk: how often its live-update stream was opened (1 when it never dropped). */
  streamOpens: Map<string, number>;
  /** Desks whose live-update stream ended for good (refused, signed out) before the day ended. */
  streamsEnded: string[];
};

export type DayOptions = {
  desks: readonly { username: string; client: DeskClient }[];
  hall: Hall;
  citizens: readonly Visit[];
  steps?: readonly Step[];
  /** Called after each visit of any desk (the fault tests kill the server at some point of the day). */
  afterVisit?: (done: number) => void | Promise<void>;
  /**
   * The clerk's time before each call, on average (from half to one and a half times it): 0, the default,
   * is desks that never pause, the day compressed into the least time the server allows.
   */
  thinkMs?: number;
};

/**
 * Runs the day: every desk listens to the live updates (and keeps its queue on screen current from them),
 * then sees its citizens one after the other. Resolves with what the desks saw once all are done.
 */
export async function runDay(o: DayOptions): Promise<DayLog> {
  const steps = o.steps ?? VISIT_STEPS;
  const log: DayLog = { calls: [], acknowledged: [], refused: {}, notices: new Map(), streamOpens: new Map(), streamsEnded: [] };
  let done = 0;
  const refreshes = o.desks.map((d) => {
    const seen: { seq: number; at: number }[] = [];
    log.notices.set(d.username, seen);
    d.client.onCall = (c) => log.calls.push(c);
    const refresh = gathered(async () => {
      await d.client.call('queue/list', { meetingDayId: o.hall.dayId });
    });
    const stream = d.client.listen((n: ChangeNotice, at) => {
      seen.push({ seq: n.seq, at });
      if (n.changes.some((c) => c.entity === 'queueEntry')) refresh.run();
    });
    return { desk: d.username, refresh, stream };
  });
  await Promise.all(refreshes.map((r) => r.stream.opened()));

  const run = async (i: number): Promise<void> => {
    const me = o.desks[i]!;
    const mine = o.citizens.filter((_, k) => k % o.desks.length === i);
    if (!mine.length) return;
    const desk: Desk = { ...me, hall: o.hall, visit: mine[0]!, visits: 0, referred: [], r: rng(100 + i) };
    for (const citizen of mine) {
      desk.visit = { ...citizen };
      o.hall.enter(desk.visit);
      for (const s of steps) {
        if (s.when && !s.when(desk)) continue;
        if (o.thinkMs) await sleep(o.thinkMs * (0.5 + desk.r()));
        const args = s.args(desk);
        const call = await desk.client.call(s.method, args as never);
        if (call.reply.ok) {
          s.keep?.(desk, call.reply.value);
          if (call.key) log.acknowledged.push({ step: s, args, value: call.reply.value, call });
        } else if (call.reply.error.code === 'already-done') {
          log.acknowledged.push({ step: s, args, value: (await s.recover?.(desk)) ?? null, call });
        } else {
          const k = `${s.method} ${call.reply.error.code}`;
          log.refused[k] = (log.refused[k] ?? 0) + 1;
        }
      }
      desk.visits++;
      await o.afterVisit?.(++done);
    }
  };
  await Promise.all(o.desks.map((_, i) => run(i)));
  await Promise.all(refreshes.map((r) => r.refresh.idle()));
  for (const r of refreshes) {
    log.streamOpens.set(r.desk, r.stream.opens);
    if (r.stream.ended) log.streamsEnded.push(`${r.desk}: ${r.stream.ended}`);
  }
  return log;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A refresh as the queue screen makes it: the notices of LIVE_GATHER_MS taken as one, and at most one read at
 * a time; asked again meanwhile, it reads once more after.
 */
function gathered(task: () => Promise<void>): { run: () => void; idle: () => Promise<void> } {
  let busy: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (busy) {
      again = true;
      return;
    }
    busy = (async () => {
      do {
        await sleep(LIVE_GATHER_MS);
        again = false; // what was heard so far, this read shows
        await task();
      } while (again);
    })().finally(() => (busy = null));
  };
  return {
    run,
    idle: async () => {
      while (busy) await busy;
    },
  };
}
