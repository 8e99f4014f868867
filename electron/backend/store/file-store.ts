// File store: everything in memory with indexes; every unit of work one durable line in the journal (the audit
// month files, see journal.ts); the files of the folder (one per meeting day with its queue and cases, small
// ones for settings, counters, circulars and group corrections) are snapshots compacted from it in the
// background, each written crash-safe, with journal.json saying up to which journal line they hold.
import { ChangeListeners } from './change-listeners';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { StoredAccount } from '../../../shared/accounts';
import type { Circular } from '../../../shared/circular';
import type { GroupCorrection } from '../../../shared/grouping/corrections';
import type { Case, CodedCase, MeetingDay, QueueEntry } from '../../../shared/domain';
import { dayFileConflict, JOURNAL_ENTITIES, type FolderRecords } from '../../../shared/stored-schemas';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { deepFreeze } from '../../../shared/readonly';
import { defaultSettings, type Settings } from '../../../shared/settings';
import { parseTrackingCode } from '../../../shared/tracking-code';
import { BACKUP_DIR, Backups } from './backups';
import { matchesScan } from './case-scan';
import { asWriteError, readJsonFile, writeFileDurable } from './durable-file';
import { AUDIT_DIR, CHECKPOINT_FILE, JournalWriter, readJournal, type Change, type JournalPosition, type JournalRecord } from './journal';
import { acquireLock } from './lock';
import { CaseIndex } from './case-index';
import { frozenIfChecking } from './frozen';
import { CasesBy } from './cases-by';
import { dayOfQueueKey, queueKey, SUBMISSION_KEEP_DAYS, type Actor, type CasePage, type CaseQuery, type CaseScan, type ChangeNotice, type DayCounts, type Store, type Tx } from './store';
import { dayCountsOf } from './day-counts';
import { keepOriginal, SCHEMA_VERSION } from './migrations';
import { Serial } from './serial';
import { conformStoredFile, type DocKind } from './stored-file';
import { assertStorable } from './unit-check';
import { WriteQueue } from './write-queue';
import { openParallelReader, readTextHere, type ReadText } from './text-reader';

export { SCHEMA_VERSION, AUDIT_DIR, CHECKPOINT_FILE };
export const DAYS_DIR = 'days';

type Versioned = { schemaVersion: number };
export type DayDoc = Versioned & { day: MeetingDay; queue: readonly QueueEntry[]; cases: readonly Case[] };
type SettingsDoc = Versioned & { settings: Settings };
/** Tracking-code sequences per two-digit year; referral letter numbers per Jalali year (absent in older files). */
/** Tracking-code sequences per two-digit year, referral letter numbers per Jalali year. */
type CountersDoc = Versioned & { sequences: Record<string, number>; letters?: Record<string, number> };
type MetaDoc = Versioned & { app: 'didar'; createdAt: string };
type CircularsDoc = Versioned & { circulars: readonly Circular[]; numbers: Record<string, number> };
type GroupingDoc = Versioned & { corrections: readonly GroupCorrection[] };
type CheckpointDoc = Versioned & JournalPosition;
type AccountsDoc = Versioned & { accounts: readonly StoredAccount[] };
/** Idempotency keys of recent changes and when they were committed (ISO). */
type SubmissionsDoc = Versioned & { submissions: Record<string, string> };

/** lowdb adapter on durable writes; reads through the stored schemas (refusing what does not match), upgrades older files. */
class DurableJson<T extends Versioned> implements Adapter<T> {
  /** The version the file had on disk when it was older than SCHEMA_VERSION (it is then rewritten once). */
  migratedFrom: number | null = null;
  /** Whether the file was there when the folder was opened. */
  existed = false;

  constructor(
    readonly kind: DocKind,
    readonly file: string,
    readonly displayName: string,
    private readonly backups: Backups,
    private readonly readText: ReadText = readTextHere,
  ) {}

  async read(): Promise<T | null> {
    const v = await readJsonFile(this.file, this.displayName, this.readText);
    if (v === null) return null;
    this.existed = true;
    const { doc, migratedFrom } = conformStoredFile(this.kind, this.displayName, v);
    this.migratedFrom = migratedFrom;
    return doc as unknown as T;
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(data), (f) => this.backups.keep(f));
  }
}

/** A lowdb document whose writes never overlap (saves arriving meanwhile share the next write). */
class Doc<T extends Versioned> {
  readonly low: Low<T>;
  private readonly queue: WriteQueue;

  constructor(readonly adapter: DurableJson<T>, initial: T) {
    this.low = new Low(adapter, initial);
    this.queue = new WriteQueue(() => this.low.write());
  }

  get data(): T {
    return this.low.data;
  }

  save(): Promise<void> {
    return this.queue.flush();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }
}

/** A unit of work sealed in the journal, until the flush that holds its line is done (or failed). */
type Unflushed = {
  record: JournalRecord;
  /** The journal's position after its line. */
  after: JournalPosition;
  /** What it changed, read by the units after it until it is applied (null: an event that changes nothing). */
  tx: FileTx | null;
  submission: string | undefined;
  durable: Promise<void>;
  failed: unknown;
  settle: (e?: unknown) => void;
};

/** A document as compaction sees it. */
type Saveable = { save(): Promise<void> };

/** Day files read at once at start-up: reading overlaps parsing without holding every file in memory. */
const READ_CONCURRENCY = 8;
/** From this many day files on, a second thread decodes them (below it, starting the thread costs more than it saves). */
const PARALLEL_READ_MIN_FILES = 16;
/** Snapshots are written this long after the last change, or sooner once the journal has grown this much. */
const COMPACT_IDLE_MS = 1500;
const COMPACT_MAX_LAG_MS = 10_000;
const COMPACT_MAX_BYTES = 4 << 20;
const COMPACT_RETRY_MS = 5000;
/** The one key of the uncoded-cases index. */
const UNCODED = 'uncoded';

async function mapLimited<T, R>(items: T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One shared copy of each repeated string (departments, counties, names of operators…). */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    seen.set(s, s);
    return s;
  };
}

/**
 * One frozen empty list shared by every case that has none: most cases have no referral, answer, notice,
 * attachment, print, extension or pause yet, and 100,000 × 8 empty arrays cost about 24 MB.
 */
const NONE: never[] = Object.freeze([]) as never[];
// A list missing from an older or hand-edited file is read as empty rather than failing the load.
const shared = <T>(list: readonly T[] | undefined): readonly T[] => (list?.length ? list : NONE);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };


/**
 * Parsed JSON repeats the same short strings in every case; sharing them saves much of the heap at 100,000.
 * The case is still the parser's own object here, so it is changed in place.
 */
function internCase(parsed: Case, i: (s: string) => string): Case {
  const c = parsed as Mutable<Case>;
  c.status = i(c.status) as Case['status'];
  c.referrals = shared(c.referrals);
  c.answers = shared(c.answers);
  c.notices = shared(c.notices);
  c.attachments = shared(c.attachments);
  c.prints = shared(c.prints);
  c.meetingDayId = i(c.meetingDayId);
  c.meetingDate = i(c.meetingDate);
  c.createdBy = i(c.createdBy);
  c.county = i(c.county);
  c.category = i(c.category);
  c.departments = c.departments.map(i);
  const z = c.citizen as Mutable<Case['citizen']>;
  z.county = i(z.county);
  z.locality = i(z.locality);
  z.firstName = i(z.firstName);
  z.lastName = i(z.lastName);
  if (c.order) {
    const o = c.order as Mutable<NonNullable<Case['order']>>;
    o.type = i(o.type) as typeof o.type;
    o.otherDepartments = shared(o.otherDepartments);
    o.leadDepartment = i(o.leadDepartment);
    o.text = i(o.text);
  }
  if (c.deadline) {
    const d = c.deadline as Mutable<NonNullable<Case['deadline']>>;
    d.start = i(d.start);
    d.dueDate = i(d.dueDate);
    d.extensions = shared(d.extensions);
    d.pauses = shared(d.pauses);
  }
  for (const entry of c.history) {
    const h = entry as Mutable<typeof entry>;
    h.by = i(h.by);
    h.action = i(h.action) as typeof h.action;
    if (h.at === c.createdAt) h.at = c.createdAt;
  }
  return frozenIfChecking(c);
}

/** Counters are kept per two-digit Jalali year, as in the tracking code. */
const yearKey = (yy: number): string => String(yy).padStart(2, '0');

/** What a journal change is about: a record of the data (by its id) or a counter. */
type Entity = (typeof JOURNAL_ENTITIES)[number];

const dayFileOf = (day: MeetingDay): string => `${DAYS_DIR}/${day.date.replace(/\//g, '-')}_${day.id}.json`;

/** Replaces (or appends) the item matching `same` in a list that is never changed in place once handed out. */
function replaced<T>(list: readonly T[], item: T, same: (x: T) => boolean): readonly T[] {
  const i = list.findIndex(same);
  const next = i >= 0 ? [...list.slice(0, i), item, ...list.slice(i + 1)] : [...list, item];
  return Object.freeze(next);
}

export type OpenOptions = { now?: () => Date };

export async function openFileStore(dataDir: string, options: OpenOptions = {}): Promise<FileStore> {
  const dir = path.resolve(dataDir);
  try {
    await fs.mkdir(path.join(dir, DAYS_DIR), { recursive: true });
    await fs.mkdir(path.join(dir, AUDIT_DIR), { recursive: true });
  } catch (e) {
    throw asWriteError(e, dir);
  }
  const release = acquireLock(dir);
  try {
    const store = new FileStore(dir, release, options.now ?? (() => new Date()));
    await store.load();
    return store;
  } catch (e) {
    release();
    throw e;
  }
}

export class FileStore implements Store {
  private readonly backups: Backups;
  private meta!: Doc<MetaDoc>;
  private settingsDoc!: Doc<SettingsDoc>;
  private counters!: Doc<CountersDoc>;
  private circulars!: Doc<CircularsDoc>;
  private grouping!: Doc<GroupingDoc>;
  private checkpoint!: Doc<CheckpointDoc>;
  private accounts!: Doc<AccountsDoc>;
  private submissions!: Doc<SubmissionsDoc>;
  private readonly listeners = new ChangeListeners();
  private journal!: JournalWriter;
  /** The journal's position as the data in memory holds it: it moves when a flushed unit is applied. */
  private committed!: JournalPosition;
  /** Units of work sealed in the journal and waiting for the flush that holds them, oldest first. */
  private unflushed: Unflushed[] = [];
  private flushing: Promise<void> | null = null;
  private days = new Map<string, Doc<DayDoc>>();
  private byId = new Map<string, Case>();
  private byCode = new CasesBy((c) => c.code, () => this.byId.values());
  /** Few at any time (a meeting day's cases until the inspection desk codes them): one key holds them all. */
  private uncoded = new CasesBy((c) => (c.code === undefined ? UNCODED : undefined), () => this.byId.values());
  private byNationalId = new CasesBy((c) => c.citizen.nationalId, () => this.byId.values());
  private readonly serial = new Serial();
  private worklist = new CaseIndex((id) => this.byId.get(id), () => this.serial.busy);
  private closed = false;
  /** Documents changed since their last snapshot, and the compaction that writes them. */
  private dirty = new Set<Saveable>();
  private compacting: Promise<void> | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;

  constructor(
    readonly dataDir: string,
    private readonly releaseLock: () => void,
    private readonly now: () => Date,
  ) {
    this.backups = new Backups(dataDir);
  }

  private doc<T extends Versioned>(kind: DocKind, rel: string, initial: T, readText?: ReadText): Doc<T> {
    return new Doc(new DurableJson<T>(kind, path.join(this.dataDir, rel), rel, this.backups, readText), initial);
  }

  /** Temporary files of writes cut off by a crash: never the only copy (the rename had not happened). */
  private async removeTornTemps(): Promise<void> {
    for (const dir of [this.dataDir, path.join(this.dataDir, DAYS_DIR)]) {
      const names = await fs.readdir(dir);
      await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })));
    }
  }

  /** Reads every snapshot, replays the journal after its checkpoint, then builds the indexes. */
  async load(): Promise<void> {
    const names = (await fs.readdir(path.join(this.dataDir, DAYS_DIR))).filter((n) => n.endsWith('.json')).sort();
    // started first so that the thread is up by the time the small files are read
    const reader = names.length >= PARALLEL_READ_MIN_FILES ? openParallelReader() : null;
    try {
      await this.loadFiles(names, reader?.read);
    } finally {
      await reader?.close();
    }
    if (!this.meta.adapter.existed) await this.meta.save();
  }

  private async loadFiles(names: string[], readDay: ReadText | undefined): Promise<void> {
    await this.removeTornTemps();
    this.meta = this.doc<MetaDoc>('meta', 'meta.json', { schemaVersion: SCHEMA_VERSION, app: 'didar', createdAt: this.now().toISOString() });
    this.settingsDoc = this.doc<SettingsDoc>('settings', 'settings.json', { schemaVersion: SCHEMA_VERSION, settings: defaultSettings() });
    this.counters = this.doc<CountersDoc>('counters', 'counters.json', { schemaVersion: SCHEMA_VERSION, sequences: {} });
    this.circulars = this.doc<CircularsDoc>('circulars', 'circulars.json', { schemaVersion: SCHEMA_VERSION, circulars: [], numbers: {} });
    this.grouping = this.doc<GroupingDoc>('grouping', 'grouping.json', { schemaVersion: SCHEMA_VERSION, corrections: [] });
    this.checkpoint = this.doc<CheckpointDoc>('checkpoint', CHECKPOINT_FILE, { schemaVersion: SCHEMA_VERSION, seq: 0, file: '', offset: 0, hash: '' });
    this.accounts = this.doc<AccountsDoc>('accounts', 'accounts.json', { schemaVersion: SCHEMA_VERSION, accounts: [] });
    this.submissions = this.doc<SubmissionsDoc>('submissions', 'submissions.json', { schemaVersion: SCHEMA_VERSION, submissions: {} });
    for (const d of [this.meta, this.settingsDoc, this.counters, this.circulars, this.grouping, this.checkpoint, this.accounts, this.submissions]) await d.low.read();
    const metaVersion = this.meta.adapter.migratedFrom ?? (this.meta.adapter.existed ? SCHEMA_VERSION : null);
    this.settingsDoc.data.settings = deepFreeze({ ...defaultSettings(), ...this.settingsDoc.data.settings });
    frozenIfChecking(this.circulars.data.circulars);
    frozenIfChecking(this.grouping.data.corrections);
    deepFreeze(this.accounts.data.accounts);
    const intern = interner();
    const docs = await mapLimited(names, READ_CONCURRENCY, async (name) => {
      const rel = `${DAYS_DIR}/${name}`;
      const d = this.doc<DayDoc>('day', rel, null as unknown as DayDoc, readDay);
      await d.low.read();
      const data = d.low.data as DayDoc | null;
      if (!data) throw new DidarError('corrupt-file', msg.corruptFile(rel)); // vanished since the listing
      // while the file's objects are still young, so that the copies it drops cost the collector little
      data.cases = Object.freeze(data.cases.map((c) => internCase(c, intern)));
      data.queue = frozenIfChecking(data.queue);
      frozenIfChecking(data.day);
      return d;
    });
    // the index by id is where a case read twice shows: each case is indexed as it is checked
    const seen: FolderRecords = {
      days: new Map(),
      fileOfCase: (id) => {
        const c = this.byId.get(id);
        return c && seen.days.get(c.meetingDayId);
      },
      addCase: (c) => this.index(c),
    };
    for (const d of docs) {
      const conflict = dayFileConflict(d.adapter.displayName, d.data, seen);
      if (conflict) throw conflict;
      this.days.set(d.data.day.id, d);
    }
    await this.replayJournal(metaVersion);
    for (const c of this.byId.values()) if (c.code) this.raiseCounter(c.code, false);
    this.worklist.build(this.byId.values());
    await this.saveMigrated([this.meta, this.settingsDoc, this.counters, this.circulars, this.grouping, this.accounts, this.submissions, ...docs]);
  }

  /**
   * Applies the journal lines after the checkpoint. A folder from before the journal (schema 2) has every
   * change in its files already: its audit lines are kept as they are and the journal starts after them.
   */
  private async replayJournal(metaVersion: number | null): Promise<void> {
    let from: JournalPosition = this.checkpoint.data;
    if (!this.checkpoint.adapter.existed) {
      if (metaVersion !== null && metaVersion >= 3) throw new DidarError('corrupt-file', msg.checkpointMissing(CHECKPOINT_FILE));
      from = await this.endOfLegacyAudit();
    }
    const { records, position, tornTail } = await readJournal(this.dataDir, from);
    if (tornTail) await this.cutTornTail(tornTail);
    for (const r of records) for (const ch of r.changes) this.apply(ch, false);
    this.journal = new JournalWriter(this.dataDir, position);
    this.committed = position;
    this.checkpoint.data.schemaVersion = SCHEMA_VERSION;
    if (!this.checkpoint.adapter.existed || records.length) {
      Object.assign(this.checkpoint.data, position);
      await this.checkpoint.save();
      if (records.length) this.scheduleCompaction(0);
    }
  }

  private async endOfLegacyAudit(): Promise<JournalPosition> {
    const names = (await fs.readdir(path.join(this.dataDir, AUDIT_DIR))).filter((n) => n.endsWith('.jsonl')).sort();
    const last = names.at(-1);
    if (!last) return { seq: 0, file: '', offset: 0, hash: '' };
    const { size } = await fs.stat(path.join(this.dataDir, AUDIT_DIR, last));
    return { seq: 0, file: last, offset: size, hash: '' };
  }

  /** A line cut off by a crash while it was appended (never acknowledged): kept in backups/, then cut away. */
  private async cutTornTail(t: { file: string; offset: number; text: string }): Promise<void> {
    const kept = path.join(this.dataDir, BACKUP_DIR, 'torn-journal', `${t.file}-${t.offset}.txt`);
    await fs.mkdir(path.dirname(kept), { recursive: true });
    await writeFileDurable(kept, t.text);
    const fh = await fs.open(path.join(this.dataDir, AUDIT_DIR, t.file), 'r+');
    try {
      await fh.truncate(t.offset);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  /** Writes back the files read in an older schema version, each after its original is kept. */
  private async saveMigrated(docs: { adapter: { migratedFrom: number | null; displayName: string }; save(): Promise<void> }[]): Promise<void> {
    for (const d of docs) {
      const from = d.adapter.migratedFrom;
      if (from === null) continue;
      await keepOriginal(this.dataDir, d.adapter.displayName, from);
      await d.save();
      d.adapter.migratedFrom = null;
    }
  }

  /** Indexes a case; `live` also keeps the worklist index current (at start-up it is built once, in bulk). */
  private index(c: Case, live = false): void {
    const prev = this.byId.get(c.id);
    if (live) this.worklist.put(prev, c);
    this.byCode.put(prev, c);
    this.uncoded.put(prev, c);
    this.byNationalId.put(prev, c);
    this.byId.set(c.id, c);
  }

  /** `persist: false` at start-up: every start raises the counters again, so opening a folder writes nothing. */
  private raiseCounter(code: string, persist = true): void {
    const { yy, sequence } = parseTrackingCode(code);
    const key = yearKey(yy);
    const seqs = this.counters.data.sequences;
    if ((seqs[key] ?? 0) < sequence) {
      seqs[key] = sequence;
      if (persist) this.markDirty(this.counters);
    }
  }

  private dayDoc(dayId: string): Doc<DayDoc> {
    const d = this.days.get(dayId);
    if (!d) throw new DidarError('not-found', msg.meetingDayNotFound);
    return d;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }

  // ---- the one way to change data ----

  /**
   * Units run one at a time, each reading the data with the units before it applied, flushed or not (see
   * FileTx); their journal lines share flushes (group commit), and each is answered once its flush is done.
   * A unit that changed nothing, or threw, is answered once the units it read through are durable.
   */
  async mutate<T>(by: Actor, action: string, fn: (tx: Tx) => Promise<T>, submission?: string): Promise<T> {
    let durable: Promise<void> | undefined;
    const ran = this.serial.run(async () => {
      this.assertOpen();
      const under = this.unflushed.at(-1);
      durable = under?.durable;
      if (submission !== undefined) {
        const pending = this.unflushed.find((u) => u.submission === submission);
        if (pending) durable = pending.durable;
        if (pending || this.submissions.data.submissions[submission]) throw new DidarError('already-done', msg.alreadyDone);
      }
      const tx = new FileTx(this, this.unflushed.findLast((u) => u.tx)?.tx ?? this);
      const result = await fn(tx);
      const changes = tx.changes();
      if (!changes.length) return result;
      // what it read is gone with a failed flush: it is refused as they were
      if (under?.failed) throw under.failed;
      const at = this.now().toISOString();
      if (submission !== undefined) changes.push({ entity: 'submission', id: submission, before: null, after: at });
      assertStorable(changes);
      durable = this.stageUnit({ at, by: by.operator, action, entity: changes[0]!.entity, id: changes[0]!.id, changes }, tx, submission);
      return result;
    });
    const outcome = await ran.then((value) => ({ value }), (error: unknown) => ({ error }));
    await durable; // a failed flush is the answer, whatever the unit did
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /** Seals a unit's line in the journal and starts a flush if none is under way; resolves once the line is on disk. */
  private stageUnit(r: Omit<JournalRecord, 'seq' | 'prev' | 'hash'>, tx: FileTx | null, submission?: string): Promise<void> {
    const { record, after } = this.journal.stage(r, this.now());
    let settle!: (e?: unknown) => void;
    const durable = new Promise<void>((resolve, reject) => {
      settle = (e) => (e === undefined ? resolve() : reject(e));
    });
    durable.catch(() => undefined); // the caller awaits it; a unit read through awaits it too
    const unit: Unflushed = { record, after, tx, submission, durable, failed: null, settle };
    this.unflushed.push(unit);
    if (!this.flushing) this.flushing = this.flushJournal();
    return durable;
  }

  /**
   * Group commit: flushes what is sealed, then applies the units it held in their order (no await in between,
   * so that compaction never sees the position ahead of the data) and answers them. A failed flush fails its
   * units and every one sealed after it: they were chained onto it, and nothing of them was applied.
   */
  private async flushJournal(): Promise<void> {
    try {
      while (this.journal.stagedLines > 0) {
        let n: number;
        try {
          n = await this.journal.flush();
        } catch (e) {
          this.journal.dropStaged(); // with the units below, in one step: lines and units stay paired
          for (const u of this.unflushed.splice(0)) {
            u.failed = e;
            u.settle(e);
          }
          continue;
        }
        const batch = this.unflushed.splice(0, n);
        try {
          for (const u of batch) {
            for (const ch of u.record.changes) this.apply(ch, true);
            this.committed = u.after;
            u.tx?.markApplied();
            if (u.record.changes.length) this.notify({ seq: u.record.seq, action: u.record.action, by: u.record.by, changes: u.record.changes.map((c) => ({ entity: c.entity, id: c.id })) });
          }
        } catch (e) {
          // a change checked against the stored schemas that still cannot be applied: said, as before group commit
          for (const u of batch) u.settle(e);
        }
        this.scheduleCompaction();
        for (const u of batch) u.settle();
      }
    } finally {
      this.flushing = null;
    }
  }

  async hasSubmission(key: string): Promise<boolean> {
    return key in this.submissions.data.submissions;
  }

  onChange(listener: (c: ChangeNotice) => void): () => void {
    return this.listeners.add(listener);
  }

  private notify(c: ChangeNotice): void {
    this.listeners.notify(c);
  }

  async logEvent(by: Actor, action: string, entity: string, id: string): Promise<void> {
    // wrapped: a promise returned from the task would hold the next unit until this line's flush
    const { durable } = await this.serial.run(async () => {
      this.assertOpen();
      return { durable: this.stageUnit({ at: this.now().toISOString(), by: by.operator, action, entity, id, changes: [] }, null) };
    });
    await durable;
  }

  /** Makes one committed (or replayed) change what the store holds; `live` keeps the worklist index current. */
  private apply(ch: Change, live: boolean): void {
    const entity = ch.entity as Entity;
    switch (entity) {
      case 'case': {
        const c = deepFreeze(ch.after) as Case;
        const prev = this.byId.get(c.id);
        if (prev && prev.meetingDayId !== c.meetingDayId) {
          const old = this.dayDoc(prev.meetingDayId);
          old.data.cases = Object.freeze(old.data.cases.filter((x) => x.id !== c.id));
          this.markDirty(old);
        }
        const d = this.dayDoc(c.meetingDayId);
        d.data.cases = replaced(d.data.cases, c, (x) => x.id === c.id);
        this.markDirty(d);
        this.index(c, live);
        if (c.code) this.raiseCounter(c.code);
        return;
      }
      case 'meetingDay': {
        const day = deepFreeze(ch.after) as MeetingDay;
        const d = this.days.get(day.id);
        if (d) d.data.day = day;
        else this.days.set(day.id, this.doc<DayDoc>('day', dayFileOf(day), { schemaVersion: SCHEMA_VERSION, day, queue: NONE, cases: NONE }));
        this.markDirty(this.days.get(day.id)!);
        return;
      }
      case 'queueEntry': {
        const dayId = dayOfQueueKey(ch.id);
        const entry = deepFreeze(ch.after) as QueueEntry;
        const d = this.dayDoc(dayId);
        d.data.queue = replaced(d.data.queue, entry, (q) => q.number === entry.number);
        this.markDirty(d);
        return;
      }
      case 'settings':
        this.settingsDoc.data.settings = deepFreeze({ ...defaultSettings(), ...(ch.after as Partial<Settings>) });
        this.markDirty(this.settingsDoc);
        return;
      case 'codeSequence': {
        const seqs = this.counters.data.sequences;
        seqs[ch.id] = Math.max(seqs[ch.id] ?? 0, ch.after as number);
        this.markDirty(this.counters);
        return;
      }
      case 'letterNumber': {
        const letters = (this.counters.data.letters ??= {});
        letters[ch.id] = Math.max(letters[ch.id] ?? 0, ch.after as number);
        this.markDirty(this.counters);
        return;
      }
      case 'circularNumber': {
        const numbers = this.circulars.data.numbers;
        numbers[ch.id] = Math.max(numbers[ch.id] ?? 0, ch.after as number);
        this.markDirty(this.circulars);
        return;
      }
      case 'circular': {
        const c = deepFreeze(ch.after) as Circular;
        this.circulars.data.circulars = replaced(this.circulars.data.circulars, c, (x) => x.id === c.id);
        this.markDirty(this.circulars);
        return;
      }
      case 'groupCorrection': {
        const c = deepFreeze(ch.after) as GroupCorrection;
        const list = this.grouping.data.corrections;
        if (!list.some((x) => x.id === c.id)) this.grouping.data.corrections = Object.freeze([...list, c]);
        this.markDirty(this.grouping);
        return;
      }
      case 'submission': {
        this.submissions.data.submissions[ch.id] = ch.after as string;
        this.markDirty(this.submissions);
        return;
      }
      case 'account': {
        const a = deepFreeze(ch.after) as StoredAccount;
        this.accounts.data.accounts = replaced(this.accounts.data.accounts, a, (x) => x.id === a.id);
        this.markDirty(this.accounts);
        return;
      }
      default:
        throw new DidarError('corrupt-file', msg.journalBroken(`${AUDIT_DIR} (${String(entity)})`, 0));
    }
  }

  // ---- compaction: the journal's changes into the folder's files ----

  private markDirty(d: Saveable): void {
    if (!this.dirty.size) this.firstDirtyAt = Date.now();
    this.dirty.add(d);
  }

  /** Compacts once the store has been idle for a moment, but never lets the snapshots fall far behind. */
  private scheduleCompaction(delay = COMPACT_IDLE_MS): void {
    if (this.closed) return;
    const behind = this.committed.offset - this.checkpoint.data.offset;
    const late = Date.now() - this.firstDirtyAt > COMPACT_MAX_LAG_MS || behind > COMPACT_MAX_BYTES;
    if (this.compactTimer) {
      if (!late) this.compactTimer.refresh();
      return;
    }
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      this.compact().catch((e: unknown) => {
        console.error('[didar] compaction failed, retrying:', e);
        this.scheduleCompaction(COMPACT_RETRY_MS);
      });
    }, late ? 0 : delay);
    this.compactTimer.unref?.();
  }

  /**
   * Writes every document changed since its last snapshot, then the checkpoint. A snapshot may hold changes
   * made after the position it is written for: replaying those again gives the same values.
   */
  private compact(): Promise<void> {
    if (this.compacting) return this.compacting.then(() => (this.uncompacted() ? this.compact() : undefined));
    const run = async (): Promise<void> => {
      while (this.uncompacted()) {
        const upto = this.committed;
        this.forgetOldSubmissions();
        const docs = [...this.dirty];
        this.dirty.clear();
        try {
          for (const d of docs) await d.save();
          Object.assign(this.checkpoint.data, upto);
          await this.checkpoint.save();
        } catch (e) {
          for (const d of docs) this.dirty.add(d);
          throw e;
        }
      }
    };
    const p = run().finally(() => {
      if (this.compacting === p) this.compacting = null;
    });
    this.compacting = p;
    return p;
  }

  /** Documents to write, or journal lines past the checkpoint (a line that changed no document still moves it). */
  private uncompacted(): boolean {
    return this.dirty.size > 0 || this.committed.seq !== this.checkpoint.data.seq;
  }

  /** Idempotency keys older than their week are dropped with the next snapshot of submissions.json. */
  private forgetOldSubmissions(): void {
    if (!this.dirty.has(this.submissions)) return;
    const since = new Date(this.now().getTime() - SUBMISSION_KEEP_DAYS * 86_400_000).toISOString();
    const kept = Object.entries(this.submissions.data.submissions).filter(([, at]) => at >= since);
    this.submissions.data.submissions = Object.fromEntries(kept);
  }

  /** Resolves when everything committed is in the snapshots (and every write under way is done). */
  async settled(): Promise<void> {
    await this.journalIdle();
    if (this.compactTimer) {
      clearTimeout(this.compactTimer);
      this.compactTimer = null;
    }
    await this.compact();
    const docs: { idle(): Promise<void> }[] = [this.meta, this.settingsDoc, this.counters, this.circulars, this.grouping, this.checkpoint, this.accounts, this.submissions, ...this.days.values()];
    await Promise.all(docs.map((d) => d.idle()));
  }

  /** Resolves when no unit of work is running, waiting or being flushed. */
  private async journalIdle(): Promise<void> {
    do {
      await this.serial.idle();
      while (this.flushing) await this.flushing;
    } while (this.serial.busy);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.journalIdle();
    this.closed = true;
    try {
      await this.settled();
    } catch (e) {
      // the journal holds every change: the next start replays what could not be compacted now
      console.error('[didar] snapshots not written at close; they are replayed from the journal at the next start:', e);
    } finally {
      await this.journal.close();
      this.releaseLock();
    }
  }

  async backupStatus(): Promise<{ lastAt: string | null; versions: number }> {
    await this.settled();
    return this.backups.status();
  }

  // ---- reads (committed data only; values are frozen) ----

  async getSettings(): Promise<Settings> {
    return this.settingsDoc.data.settings;
  }

  async listMeetingDays(): Promise<readonly MeetingDay[]> {
    return [...this.days.values()].map((d) => d.data.day);
  }

  async getMeetingDay(id: string): Promise<MeetingDay | undefined> {
    return this.days.get(id)?.data.day;
  }

  async getQueue(dayId: string): Promise<readonly QueueEntry[]> {
    return this.dayDoc(dayId).data.queue;
  }

  async getCase(id: string): Promise<Case | undefined> {
    return this.byId.get(id);
  }

  async getCaseByCode(code: string): Promise<CodedCase | undefined> {
    return this.byCode.get(code)[0] as CodedCase | undefined;
  }

  async listUncodedCases(): Promise<readonly Case[]> {
    return this.uncoded.get(UNCODED);
  }

  async getCases(ids: readonly string[]): Promise<readonly Case[]> {
    return ids.flatMap((id) => this.byId.get(id) ?? []);
  }

  async listCasesOfDay(dayId: string): Promise<readonly Case[]> {
    return this.dayDoc(dayId).data.cases;
  }

  async listCasesOfCitizen(nationalId: string): Promise<readonly Case[]> {
    return [...this.byNationalId.get(nationalId)];
  }

  async countCases(): Promise<number> {
    return this.byId.size;
  }

  meetingDayCounts(): Promise<ReadonlyMap<string, DayCounts>> {
    return dayCountsOf(this);
  }

  async queryCases(q: CaseQuery): Promise<CasePage> {
    if (q.code !== undefined) return this.worklist.query(q, this.byCode.get(q.code));
    if (q.nationalId !== undefined) return this.worklist.query(q, this.byNationalId.get(q.nationalId));
    return this.worklist.query(q);
  }

  async scanCases(s: CaseScan): Promise<readonly Case[]> {
    const out: Case[] = [];
    for (const c of this.byId.values()) if (matchesScan(c, s)) out.push(c);
    return out;
  }

  async listCirculars(): Promise<readonly Circular[]> {
    return this.circulars.data.circulars;
  }

  async getCircular(id: string): Promise<Circular | undefined> {
    return this.circulars.data.circulars.find((c) => c.id === id);
  }

  async listGroupCorrections(): Promise<readonly GroupCorrection[]> {
    return this.grouping.data.corrections;
  }

  async listAccounts(): Promise<readonly StoredAccount[]> {
    return this.accounts.data.accounts;
  }

  async getAccount(id: string): Promise<StoredAccount | undefined> {
    return this.accounts.data.accounts.find((a) => a.id === id);
  }

  async getAccountByUsername(username: string): Promise<StoredAccount | undefined> {
    return this.accounts.data.accounts.find((a) => a.username === username);
  }

  /** Committed counters, for a unit of work's first look. */
  codeSequence(key: string): number {
    return this.counters.data.sequences[key] ?? 0;
  }

  circularNumber(key: string): number {
    return this.circulars.data.numbers[key] ?? 0;
  }

  letterNumber(key: string): number {
    return this.counters.data.letters?.[key] ?? 0;
  }

  async peekCircularNumber(jalaliYear: number): Promise<number> {
    return this.circularNumber(String(jalaliYear)) + 1;
  }

  async peekLetterNumber(jalaliYear: number): Promise<number> {
    return this.letterNumber(String(jalaliYear)) + 1;
  }

  /** Every committed counter by its journal key: code sequences, referral letter and circular numbers (for `didar migrate`). */
  counterValues(): { codeSequences: Readonly<Record<string, number>>; letterNumbers: Readonly<Record<string, number>>; circularNumbers: Readonly<Record<string, number>> } {
    return { codeSequences: { ...this.counters.data.sequences }, letterNumbers: { ...this.counters.data.letters }, circularNumbers: { ...this.circulars.data.numbers } };
  }
}

/**
 * A unit of work on the file store: its changes are kept aside (reads see them) until the store commits
 * them, so nobody else ever reads a change that is not yet on disk.
 */
class FileTx implements Tx {
  private staged = new Map<string, Change>();
  private applied = false;

  /** `under`: the store, or the unit before this one while its line waits for its flush. */
  constructor(
    private readonly store: FileStore,
    private under: FileStore | FileTx,
  ) {}

  get dataDir(): string {
    return this.store.dataDir;
  }

  /** What this unit reads beneath its own changes; once the unit under it is applied, the store holds the same. */
  private get base(): FileStore | FileTx {
    if (this.under instanceof FileTx && this.under.applied) this.under = this.store;
    return this.under;
  }

  /** Its changes are now the store's. */
  markApplied(): void {
    this.applied = true;
  }

  changes(): Change[] {
    return [...this.staged.values()];
  }

  hasChanges(): boolean {
    return this.staged.size > 0;
  }

  private stage(entity: Entity, id: string, before: unknown, after: unknown): void {
    const key = `${entity}:${id}`;
    const had = this.staged.get(key);
    this.staged.set(key, { entity, id, before: had ? had.before : (before ?? null), after });
  }

  private stagedOf<T>(entity: Entity): T[] {
    const out: T[] = [];
    for (const ch of this.staged.values()) if (ch.entity === entity) out.push(ch.after as T);
    return out;
  }

  private stagedValue<T>(entity: Entity, id: string): T | undefined {
    return this.staged.get(`${entity}:${id}`)?.after as T | undefined;
  }

  /** Committed cases with this unit's versions in their place and its new ones added. */
  private overlay(committed: readonly Case[], keep: (c: Case) => boolean): readonly Case[] {
    const mine = this.stagedOf<Case>('case');
    if (!mine.length) return committed;
    const ids = new Set(mine.map((c) => c.id));
    return [...committed.filter((c) => !ids.has(c.id)), ...mine.filter(keep)];
  }

  // reads

  async getSettings(): Promise<Settings> {
    return this.stagedValue<Settings>('settings', 'settings') ?? this.base.getSettings();
  }

  async listMeetingDays(): Promise<readonly MeetingDay[]> {
    const mine = this.stagedOf<MeetingDay>('meetingDay');
    return [...(await this.base.listMeetingDays()), ...mine];
  }

  async getMeetingDay(id: string): Promise<MeetingDay | undefined> {
    return this.stagedValue<MeetingDay>('meetingDay', id) ?? this.base.getMeetingDay(id);
  }

  async getQueue(dayId: string): Promise<readonly QueueEntry[]> {
    const committed = this.stagedValue<MeetingDay>('meetingDay', dayId) ? [] : await this.base.getQueue(dayId);
    let list = committed;
    for (const ch of this.staged.values()) {
      if (ch.entity === 'queueEntry' && ch.id.startsWith(`${dayId}#`)) {
        const entry = ch.after as QueueEntry;
        list = replaced(list, entry, (q) => q.number === entry.number);
      }
    }
    return list;
  }

  async getCase(id: string): Promise<Case | undefined> {
    return this.stagedValue<Case>('case', id) ?? this.base.getCase(id);
  }

  async getCaseByCode(code: string): Promise<CodedCase | undefined> {
    return this.stagedOf<Case>('case').find((c): c is CodedCase => c.code === code) ?? this.base.getCaseByCode(code);
  }

  async listUncodedCases(): Promise<readonly Case[]> {
    return this.overlay(await this.base.listUncodedCases(), (c) => c.code === undefined);
  }

  async getCases(ids: readonly string[]): Promise<readonly Case[]> {
    const out: Case[] = [];
    for (const id of ids) {
      const c = await this.getCase(id);
      if (c) out.push(c);
    }
    return out;
  }

  async listCasesOfDay(dayId: string): Promise<readonly Case[]> {
    const committed = this.stagedValue<MeetingDay>('meetingDay', dayId) ? [] : await this.base.listCasesOfDay(dayId);
    return this.overlay(committed, (c) => c.meetingDayId === dayId);
  }

  async listCasesOfCitizen(nationalId: string): Promise<readonly Case[]> {
    return this.overlay(await this.base.listCasesOfCitizen(nationalId), (c) => c.citizen.nationalId === nationalId);
  }

  async countCases(): Promise<number> {
    let n = await this.base.countCases();
    for (const c of this.stagedOf<Case>('case')) if (!(await this.base.getCase(c.id))) n++;
    return n;
  }

  meetingDayCounts(): Promise<ReadonlyMap<string, DayCounts>> {
    return dayCountsOf(this);
  }

  /** The worklist as committed: a unit of work changes cases by id, it does not page through its own changes. */
  queryCases(q: CaseQuery): Promise<CasePage> {
    return this.base.queryCases(q);
  }

  async scanCases(s: CaseScan): Promise<readonly Case[]> {
    return this.overlay(await this.base.scanCases(s), (c) => matchesScan(c, s));
  }

  async listCirculars(): Promise<readonly Circular[]> {
    let list = await this.base.listCirculars();
    for (const c of this.stagedOf<Circular>('circular')) list = replaced(list, c, (x) => x.id === c.id);
    return list;
  }

  async getCircular(id: string): Promise<Circular | undefined> {
    return this.stagedValue<Circular>('circular', id) ?? this.base.getCircular(id);
  }

  async listGroupCorrections(): Promise<readonly GroupCorrection[]> {
    return [...(await this.base.listGroupCorrections()), ...this.stagedOf<GroupCorrection>('groupCorrection')];
  }

  async listAccounts(): Promise<readonly StoredAccount[]> {
    let list = await this.base.listAccounts();
    for (const a of this.stagedOf<StoredAccount>('account')) list = replaced(list, a, (x) => x.id === a.id);
    return list;
  }

  async getAccount(id: string): Promise<StoredAccount | undefined> {
    return this.stagedValue<StoredAccount>('account', id) ?? this.base.getAccount(id);
  }

  async getAccountByUsername(username: string): Promise<StoredAccount | undefined> {
    return (await this.listAccounts()).find((a) => a.username === username);
  }

  // writes

  async putSettings(next: Settings): Promise<void> {
    this.stage('settings', 'settings', await this.base.getSettings(), next);
  }

  async addMeetingDay(day: MeetingDay): Promise<void> {
    if (await this.getMeetingDay(day.id)) throw new DidarError('conflict', msg.meetingDayExists);
    this.stage('meetingDay', day.id, null, day);
  }

  async putQueueEntry(dayId: string, entry: QueueEntry): Promise<void> {
    if (!(await this.getMeetingDay(dayId))) throw new DidarError('not-found', msg.meetingDayNotFound);
    const before = this.stagedValue<MeetingDay>('meetingDay', dayId) ? undefined : (await this.base.getQueue(dayId)).find((q) => q.number === entry.number);
    this.stage('queueEntry', queueKey(dayId, entry.number), before, entry);
  }

  async putCase(next: Case): Promise<void> {
    if (!(await this.getMeetingDay(next.meetingDayId))) throw new DidarError('not-found', msg.meetingDayNotFound);
    this.stage('case', next.id, await this.base.getCase(next.id), next);
  }

  async putCircular(next: Circular): Promise<void> {
    this.stage('circular', next.id, await this.base.getCircular(next.id), next);
  }

  async addGroupCorrection(c: GroupCorrection): Promise<void> {
    const withId = c.id ? c : { ...c, id: randomUUID() };
    this.stage('groupCorrection', withId.id!, null, withId);
  }

  async putAccount(a: StoredAccount): Promise<void> {
    this.stage('account', a.id, await this.base.getAccount(a.id), a);
  }

  // counters as the unit after this one sees them: what the store will hold once this unit is applied

  codeSequence(key: string): number {
    let n = this.stagedValue<number>('codeSequence', key) ?? this.base.codeSequence(key);
    // applying a case raises its year's sequence past its code (a restored case keeps its code)
    for (const c of this.stagedOf<Case>('case')) {
      if (!c.code) continue;
      const { yy, sequence } = parseTrackingCode(c.code);
      if (yearKey(yy) === key && sequence > n) n = sequence;
    }
    return n;
  }

  circularNumber(key: string): number {
    return this.stagedValue<number>('circularNumber', key) ?? this.base.circularNumber(key);
  }

  letterNumber(key: string): number {
    return this.stagedValue<number>('letterNumber', key) ?? this.base.letterNumber(key);
  }

  async nextSequence(jalaliYear: number): Promise<number> {
    const key = yearKey(jalaliYear % 100);
    const n = this.codeSequence(key) + 1;
    this.stage('codeSequence', key, this.base.codeSequence(key), n);
    return n;
  }

  async nextCircularNumber(jalaliYear: number): Promise<number> {
    const key = String(jalaliYear);
    const n = this.circularNumber(key) + 1;
    this.stage('circularNumber', key, this.base.circularNumber(key), n);
    return n;
  }

  async peekCircularNumber(jalaliYear: number): Promise<number> {
    return this.circularNumber(String(jalaliYear)) + 1;
  }

  async peekLetterNumber(jalaliYear: number): Promise<number> {
    return this.letterNumber(String(jalaliYear)) + 1;
  }

  async nextLetterNumber(jalaliYear: number): Promise<number> {
    const key = String(jalaliYear);
    const n = this.letterNumber(key) + 1;
    this.stage('letterNumber', key, this.base.letterNumber(key), n);
    return n;
  }
}
