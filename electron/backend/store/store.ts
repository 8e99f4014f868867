// The storage interface every service uses. Reads go through query methods and return read-only values;
// every change is one unit of work, `mutate(by, action, tx => …)`: serialised per data folder, reading fresh
// inside, committing its data and its audit record together (both or neither). The file store keeps the data
// in memory and makes each unit one durable journal append; a PostgreSQL store runs it as BEGIN … COMMIT.
import type { StoredAccount } from '../../../shared/accounts';
import type { Case, CaseStatus, CodedCase, MeetingDay, OrderType, QueueEntry } from '../../../shared/domain';
import type { Circular } from '../../../shared/circular';
import type { GroupCorrection } from '../../../shared/grouping/corrections';
import type { Settings } from '../../../shared/settings';
import type { ChangeNotice } from '../../../shared/live';

export type Actor = { operator: string };

export type CaseQuery = {
  /** Only the cases of this office (shared/offices.ts: 'province' is the governor's office's own). */
  office?: string;
  statuses?: readonly CaseStatus[];
  department?: string;
  county?: string;
  meetingDayId?: string;
  orderType?: OrderType;
  /** Only cases awaiting their department, not paused, due before this Jalali day ('YYYY/MM/DD'). */
  overdueBefore?: string;
  /** Folded search words (foldForSearch, no spaces): each must occur in the case's text, names or numbers. */
  words?: readonly string[];
  /** Exactly this tracking code, or every case of this national ID (answered from their own indexes). */
  code?: string;
  nationalId?: string;
  sort: 'due' | 'recent';
  offset: number;
  limit: number;
};

export type CasePage = { total: number; items: readonly Case[] };

export type DayCounts = { cases: number; waiting: number };

/**
 * What reports, the board, exports and bulk changes ask of the whole record, in no particular order. Every
 * field narrows the answer; none given: every case.
 */
export type CaseScan = {
  /** Only the cases of this office. */
  office?: string;
  /** Meeting dates within [from, to] (Jalali 'YYYY/MM/DD', both included). */
  meetingFrom?: string;
  meetingTo?: string;
  statuses?: readonly CaseStatus[];
  /** Only cases holding a notice to the citizen not yet exported nor kept back. */
  pendingNotices?: boolean;
  /** The cases imported from these rows of an outside file. */
  externalIds?: readonly string[];
};

export type StoreReader = {
  /** Where the data lives, as the user would name it (a folder, a database). */
  readonly dataDir: string;

  getSettings(): Promise<Settings>;

  listMeetingDays(): Promise<readonly MeetingDay[]>;
  getMeetingDay(id: string): Promise<MeetingDay | undefined>;
  getQueue(dayId: string): Promise<readonly QueueEntry[]>;

  getCase(id: string): Promise<Case | undefined>;
  getCaseByCode(code: string): Promise<CodedCase | undefined>;
  /** Cases still without their tracking code (waiting at a station for the order or the inspection desk). */
  listUncodedCases(): Promise<readonly Case[]>;
  /** The cases of these ids that exist, in the order asked. */
  getCases(ids: readonly string[]): Promise<readonly Case[]>;
  listCasesOfDay(dayId: string): Promise<readonly Case[]>;
  listCasesOfCitizen(nationalId: string): Promise<readonly Case[]>;
  countCases(): Promise<number>;
  /** The worklist: filtered, searched, sorted and paged. */
  queryCases(q: CaseQuery): Promise<CasePage>;
  /** The cases a report or a bulk change works on. */
  scanCases(s: CaseScan): Promise<readonly Case[]>;
  /** Per meeting day (by id): its cases not cancelled and its queue entries waiting, for the day list. */
  meetingDayCounts(): Promise<ReadonlyMap<string, DayCounts>>;

  listCirculars(): Promise<readonly Circular[]>;
  getCircular(id: string): Promise<Circular | undefined>;
  /** The office's corrections to the recurring-issue groups, oldest first. */
  listGroupCorrections(): Promise<readonly GroupCorrection[]>;
  /** The number nextCircularNumber would give now, without giving it (suggested when issuing). */
  peekCircularNumber(jalaliYear: number): Promise<number>;
  /** The number nextLetterNumber would give now, without giving it (a referral draws its letters first). */
  peekLetterNumber(jalaliYear: number): Promise<number>;

  /** The staff's accounts, with their password hashes (never handed beyond the backend). */
  listAccounts(): Promise<readonly StoredAccount[]>;
  getAccount(id: string): Promise<StoredAccount | undefined>;
  getAccountByUsername(username: string): Promise<StoredAccount | undefined>;
};

/** One unit of work: reads see its own changes; nothing is visible to others or stored until it commits. */
export type Tx = StoreReader & {
  /** Whether this unit has changed anything yet (a unit that changes nothing writes nothing). */
  hasChanges(): boolean;
  putSettings(next: Settings): Promise<void>;
  /** A new meeting day (its id must be new). */
  addMeetingDay(day: MeetingDay): Promise<void>;
  /** Inserts or replaces the queue entry of the same number. */
  putQueueEntry(dayId: string, entry: QueueEntry): Promise<void>;
  /** Inserts or replaces a case; its code's year sequence is raised past it (a restored case keeps its code). */
  putCase(next: Case): Promise<void>;
  putCircular(next: Circular): Promise<void>;
  addGroupCorrection(c: GroupCorrection): Promise<void>;
  /** Inserts or replaces an account (user names are unique: the caller checks). */
  putAccount(a: StoredAccount): Promise<void>;
  /** The next tracking-code sequence of a Jalali year: never the same one twice, even across restarts. */
  nextSequence(jalaliYear: number): Promise<number>;
  /** The next circular number of a Jalali year. */
  nextCircularNumber(jalaliYear: number): Promise<number>;
  /** The next referral letter number of a Jalali year (a sequence that never restarts within the year). */
  nextLetterNumber(jalaliYear: number): Promise<number>;
};

export type { ChangeNotice };

/** Idempotency keys are kept a week: a desk retries within minutes, a restarted server within the day. */
export const SUBMISSION_KEEP_DAYS = 7;

/** A queue entry's id in the audit trail and the change notices: its meeting day and its number. */
export const queueKey = (dayId: string, n: number): string => `${dayId}#${n}`;
export const dayOfQueueKey = (key: string): string => key.slice(0, key.lastIndexOf('#'));

export type Store = StoreReader & {
  /**
   * Runs `fn` as one unit of work and commits what it changed with one audit record, or nothing if it throws
   * or the write fails (the error is passed on). Units of work on one store run one at a time. `submission`:
   * the desk's idempotency key of this change, stored with it; a second unit with the same key is refused.
   */
  mutate<T>(by: Actor, action: string, fn: (tx: Tx) => Promise<T>, submission?: string): Promise<T>;

  /** Whether a change with this idempotency key was committed (keys are kept for a week). */
  hasSubmission(key: string): Promise<boolean>;

  /** Called after every committed unit of work; returns the function that stops it. */
  onChange(listener: (c: ChangeNotice) => void): () => void;

  /** An event that changes no data but belongs in the audit trail (an export, a document produced). */
  logEvent(by: Actor, action: string, entity: string, id: string): Promise<void>;

  /** The automatic backups (after bringing the snapshots up to date): when the newest was made, how many are kept. */
  backupStatus(): Promise<{ lastAt: string | null; versions: number }>;

  /** Resolves when everything committed is also in the store's compacted files (tests, backups, shutdown). */
  settled(): Promise<void>;

  close(): Promise<void>;
};
