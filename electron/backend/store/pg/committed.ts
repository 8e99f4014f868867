// What units of work read most — the settings, the meeting days, a day's queue, the cases they change — kept in
// the server's memory as last committed, so that a unit reads them without a round trip to the database (a
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

/** Days whose queues are held (today's and a few others a desk looked at), and cases (those units touched). */
const MAX_QUEUES = 8;
const MAX_CASES = 20_000;

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

  /** Values read from the database at `at` (null: not there); ignored unless that is what is held. */
  keepSettings(at: Mark, s: Settings): void {
    if (this.isAt(at)) this.settingsHeld = deepFreeze(s);
  }

  keepDay(at: Mark, id: string, d: MeetingDay | null): void {
    if (this.isAt(at)) this.days.set(id, d && deepFreeze(d));
  }

  keepQueue(at: Mark, dayId: string, q: readonly QueueEntry[]): void {
    if (this.isAt(at)) bounded(this.queues, MAX_QUEUES, dayId, deepFreeze(q));
  }

  keepCase(at: Mark, id: string, c: Case | null): void {
    if (this.isAt(at)) bounded(this.cases, MAX_CASES, id, c && deepFreeze(c));
  }

  /**
   * A unit that started at `from` committed as the next audit number with these changes: they are taken in (the
   * values are the unit's frozen afters). Anything else (it did not start from what is held) forgets all.
   */
  committed(from: Mark, changes: readonly Change[]): void {
    if (!this.isAt(from)) return this.forget();
    for (const ch of changes) {
      if (ch.entity === 'settings') this.settingsHeld = ch.after as Settings;
      else if (ch.entity === 'meetingDay') this.days.set(ch.id, ch.after as MeetingDay);
      else if (ch.entity === 'case') bounded(this.cases, MAX_CASES, ch.id, ch.after as Case);
      else if (ch.entity === 'queueEntry') {
        const dayId = dayOfQueueKey(ch.id);
        const q = this.queues.get(dayId);
        if (q) this.queues.set(dayId, withEntry(q, ch.after as QueueEntry));
      }
    }
    this.mark = { seq: from.seq + 1, epoch: from.epoch };
  }
}
