// What units of work read most — the settings, the meeting days, a day's queue and cases, a citizen's cases,
// the cases they change, the counters they raise — kept in the server's memory as last committed, so that a unit reads them without a round trip to the database (a
// day's queue of 500 rows was sent and parsed for every arrival). It is only ever trusted at one audit number:
// every unit, under the store's lock, reads the audit counter first, and if anyone (another server) committed
// since, everything held is forgotten and read again. A unit's own changes join it only after its COMMIT.
// The number goes with the database server's start time: a server that restarted may have lost the last
// commits (they are flushed after COMMIT, see wal-flush.ts) and then hand out their audit numbers again.
import type { Case, MeetingDay, QueueEntry } from '../../../../shared/domain';
import { deepFreeze } from '../../../../shared/readonly';
import type { Settings } from '../../../../shared/settings';
import type { Change } from '../journal';
import { dayOfQueueKey } from '../store';
import { codeCounterOf } from './case-rows';

/**
 * Days whose queues and cases are held (today's and a few others a desk looked at), cases (those units touched
 * or listed), and citizens whose cases are listed (those looked up at reception).
 */
const MAX_DAYS = 8;
const MAX_CASES = 20_000;
const MAX_CITIZENS = 5_000;

/** Inserts into a map bounded in size, forgetting the oldest entries first. */
function bounded<K, V>(map: Map<K, V>, max: number, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}

/** The queue with one entry put in its place (by number). */
export function withEntry(queue: readonly QueueEntry[], entry: QueueEntry): readonly QueueEntry[] {
  const rest = queue.filter((e) => e.number !== entry.number);
  const at = rest.findIndex((e) => e.number > entry.number);
  return at < 0 ? [...rest, entry] : [...rest.slice(0, at), entry, ...rest.slice(at)];
}

/** A point in the database's history: its audit counter, and when the database server started. */
export type Mark = { seq: number; epoch: string };

export class Committed {
  /** The point everything held reflects; null: nothing is known. */
  private mark: Mark | null = null;
  private settingsHeld: Settings | undefined;
  private readonly days = new Map<string, MeetingDay | null>();
  private readonly queues = new Map<string, readonly QueueEntry[]>();
  private readonly cases = new Map<string, Case | null>();
  /** A citizen's cases and a day's, in the order recorded. */
  readonly ofCitizen = new CaseLists((c) => c.citizen.nationalId, MAX_CITIZENS);
  readonly ofDay = new CaseLists((c) => c.meetingDayId, MAX_DAYS);
  /** Counters (tracking codes, letter and circular numbers) by name. */
  private readonly counters = new Map<string, number>();

  /** The point what is held reflects (null: nothing is held). */
  heldMark(): Mark | null {
    return this.mark;
  }

  /** Whether what is held is the state committed at that point. */
  isAt(at: Mark): boolean {
    return this.mark !== null && this.mark.seq === at.seq && this.mark.epoch === at.epoch;
  }

  /** From now on what is held is the state at `at` (read under the store's lock): forgotten if it was another. */
  startAt(at: Mark): void {
    if (!this.isAt(at)) {
      this.forget();
      this.mark = at;
    }
  }

  /** Forgets everything (a bulk copy, a COMMIT whose outcome is unknown). */
  forget(): void {
    this.mark = null;
    this.settingsHeld = undefined;
    this.days.clear();
    this.queues.clear();
    this.cases.clear();
    this.ofCitizen.clear();
    this.ofDay.clear();
    this.counters.clear();
  }

  get settings(): Settings | undefined {
    return this.settingsHeld;
  }

  day(id: string): MeetingDay | null | undefined {
    return this.days.get(id);
  }

  queue(dayId: string): readonly QueueEntry[] | undefined {
    return this.queues.get(dayId);
  }

  case(id: string): Case | null | undefined {
    return this.cases.get(id);
  }

  /** The cases listed under that key as committed, in the order recorded; undefined when not all of them are held. */
  listed(lists: CaseLists, key: string): Case[] | undefined {
    return lists.get(key, this.cases);
  }

  counter(name: string): number | undefined {
    return this.counters.get(name);
  }

  /** Values read from the database at `at` (null: not there); ignored unless that is what is held. */
  keepSettings(at: Mark, s: Settings): void {
    if (this.isAt(at)) this.settingsHeld = deepFreeze(s);
  }

  keepDay(at: Mark, id: string, d: MeetingDay | null): void {
    if (this.isAt(at)) this.days.set(id, d && deepFreeze(d));
  }

  keepQueue(at: Mark, dayId: string, q: readonly QueueEntry[]): void {
    if (this.isAt(at)) bounded(this.queues, MAX_DAYS, dayId, deepFreeze(q));
  }

  keepCase(at: Mark, id: string, c: Case | null): void {
    if (this.isAt(at)) bounded(this.cases, MAX_CASES, id, c && deepFreeze(c));
  }

  /** Every case listed under that key (a citizen's, a day's), read at `at` in the order recorded. */
  keepListed(at: Mark, lists: CaseLists, key: string, cases: readonly Case[]): void {
    if (!this.isAt(at)) return;
    for (const c of cases) this.keepCase(at, c.id, c);
    lists.keep(key, cases.map((c) => c.id));
  }

  /**
   * A unit that started at `from` committed as the next audit number with these changes and counters: they are
   * taken in (the values are the unit's frozen afters). Anything else (it did not start from what is held)
   * forgets all.
   */
  committed(from: Mark, changes: readonly Change[], counters: ReadonlyMap<string, number> = new Map()): void {
    if (!this.isAt(from)) return this.forget();
    for (const [name, value] of counters) this.counters.set(name, value);
    for (const ch of changes) {
      if (ch.entity === 'settings') this.settingsHeld = ch.after as Settings;
      else if (ch.entity === 'meetingDay') this.days.set(ch.id, ch.after as MeetingDay);
      else if (ch.entity === 'case') this.caseCommitted(ch.after as Case);
      else if (ch.entity === 'queueEntry') {
        const dayId = dayOfQueueKey(ch.id);
        const q = this.queues.get(dayId);
        if (q) this.queues.set(dayId, withEntry(q, ch.after as QueueEntry));
      }
    }
    this.mark = { seq: from.seq + 1, epoch: from.epoch };
  }

  /** A case as committed: held, listed with its citizen's cases if those are held, its code's counter lifted past it. */
  private caseCommitted(c: Case): void {
    const was = this.cases.get(c.id);
    bounded(this.cases, MAX_CASES, c.id, c);
    this.ofCitizen.committed(c, was);
    this.ofDay.committed(c, was);
    if (c.code) {
      // as the case's row does in the database (case-rows.ts): no later case may get its code again
      const { name, sequence } = codeCounterOf(c.code);
      const held = this.counters.get(name);
      if (held !== undefined && held < sequence) this.counters.set(name, sequence);
    }
  }
}

/** Lists of cases by one of their fields, as ids in the order recorded (the cases themselves held beside them). */
export class CaseLists {
  private readonly lists = new Map<string, readonly string[]>();

  constructor(
    readonly keyOf: (c: Case) => string,
    private readonly max: number,
  ) {}

  /** The cases listed under `key`, out of those held; undefined unless every one of them is. */
  get(key: string, held: ReadonlyMap<string, Case | null>): Case[] | undefined {
    const ids = this.lists.get(key);
    if (!ids) return undefined;
    const out: Case[] = [];
    for (const id of ids) {
      const c = held.get(id);
      if (!c) return undefined;
      // a correction may have moved a case elsewhere since it was listed
      if (this.keyOf(c) === key) out.push(c);
    }
    return out;
  }

  keep(key: string, ids: readonly string[]): void {
    bounded(this.lists, this.max, key, ids);
  }

  /** A case committed (`was`: as held before): a new one comes last, as recorded; one moved here from elsewhere has its place there, so the list is read again. */
  committed(c: Case, was: Case | null | undefined): void {
    const key = this.keyOf(c);
    const ids = this.lists.get(key);
    if (!ids || ids.includes(c.id)) return;
    if (was) this.lists.delete(key);
    else this.lists.set(key, [...ids, c.id]);
  }

  clear(): void {
    this.lists.clear();
  }
}
