// The storage interface every service uses. The file implementation below keeps all data in memory with
// indexes and writes each change durably to small files; a PostgreSQL implementation can replace it.
import type { Case, CaseStatus, MeetingDay, OrderType, QueueEntry } from '../../../shared/domain';
import type { Circular } from '../../../shared/circular';
import type { GroupCorrection } from '../../../shared/grouping/corrections';
import type { Settings } from '../../../shared/settings';

export type Actor = { operator: string };

export type AuditAction = string;

export type CaseQuery = {
  statuses?: CaseStatus[];
  department?: string;
  county?: string;
  meetingDayId?: string;
  orderType?: OrderType;
  /** Only cases awaiting their department, not paused, due before this Jalali day ('YYYY/MM/DD'). */
  overdueBefore?: string;
  /** Folded search words (foldForSearch, no spaces): each must occur in the case's text, names or numbers. */
  words?: string[];
  /** Exactly this tracking code, or every case of this national ID (answered from their own indexes). */
  code?: string;
  nationalId?: string;
  sort: 'due' | 'recent';
  offset: number;
  limit: number;
};

export type CasePage = { total: number; items: Case[] };

export type Store = {
  readonly dataDir: string;

  getSettings(): Promise<Settings>;
  saveSettings(next: Settings, by: Actor): Promise<void>;

  listMeetingDays(): Promise<MeetingDay[]>;
  getMeetingDay(id: string): Promise<MeetingDay | undefined>;
  createMeetingDay(day: MeetingDay, by: Actor): Promise<void>;

  getQueue(dayId: string): Promise<QueueEntry[]>;
  saveQueue(dayId: string, queue: QueueEntry[], by: Actor, action: AuditAction): Promise<void>;

  getCase(id: string): Promise<Case | undefined>;
  getCaseByCode(code: string): Promise<Case | undefined>;
  listCasesOfDay(dayId: string): Promise<Case[]>;
  listCasesOfCitizen(nationalId: string): Promise<Case[]>;
  countCases(): Promise<number>;
  listCases(): Promise<Case[]>;
  /** Every case by id, the store's own index (not a copy): for reports that look up 100,000 cases without copying them. */
  caseIndex(): Promise<ReadonlyMap<string, Case>>;
  queryCases(q: CaseQuery): Promise<CasePage>;
  /** Inserts or replaces a case; the audit trail gets the before and after. */
  saveCase(next: Case, by: Actor, action: AuditAction): Promise<void>;

  /** Allocates the next tracking sequence of a Jalali year; never returns the same one twice. */
  nextSequence(jalaliYear: number): Promise<number>;
  /** Allocates the next referral letter number of a Jalali year (a sequence that never restarts within the year). */
  nextLetterNumber(jalaliYear: number): Promise<number>;

  /** The automatic backups: when the newest was made and how many versions are kept. */
  backupStatus(): Promise<{ lastAt: string | null; versions: number }>;

  /** An event that changes no data but belongs in the audit trail (an export, a document produced). */
  logEvent(by: Actor, action: AuditAction, entity: string, id: string): Promise<void>;

  listCirculars(): Promise<Circular[]>;
  getCircular(id: string): Promise<Circular | undefined>;
  saveCircular(next: Circular, by: Actor, action: AuditAction): Promise<void>;
  /** Allocates the next circular number of a Jalali year. */
  nextCircularNumber(jalaliYear: number): Promise<number>;
  /** The number nextCircularNumber would give, without giving it. */
  peekCircularNumber(jalaliYear: number): Promise<number>;

  /** The office's corrections to the recurring-issue groups, oldest first. */
  listGroupCorrections(): Promise<GroupCorrection[]>;
  addGroupCorrection(c: GroupCorrection, by: Actor): Promise<void>;

  close(): Promise<void>;
};
