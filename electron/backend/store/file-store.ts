// File store: lowdb documents on a crash-safe adapter, one file per meeting day (its queue and cases),
// small files for settings and counters, an append-only audit trail per Jalali month.
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Circular } from '../../../shared/circular';
import type { GroupCorrection } from '../../../shared/grouping/corrections';
import type { Case, MeetingDay, QueueEntry } from '../../../shared/domain';
import { dayFileConflict, type DayFile, type FolderRecords } from '../../../shared/stored-schemas';
import { DidarError } from '../../../shared/errors';
import { formatJalali, jalaliOf } from '../../../shared/jalali';
import { msg } from '../../../shared/messages';
import { defaultSettings, type Settings } from '../../../shared/settings';
import { parseTrackingCode } from '../../../shared/tracking-code';
import { Backups } from './backups';
import { appendLineDurable, asWriteError, readJsonFile, writeFileDurable } from './durable-file';
import { acquireLock } from './lock';
import { CaseIndex } from './case-index';
import { CasesBy } from './cases-by';
import type { Actor, AuditAction, CasePage, CaseQuery, Store } from './store';
import { keepOriginal, SCHEMA_VERSION } from './migrations';
import { conformStoredFile, type DocKind, type StoredDocs } from './stored-file';
import { WriteQueue } from './write-queue';
import { openParallelReader, readTextHere, type ReadText } from './text-reader';

export { SCHEMA_VERSION };
export const DAYS_DIR = 'days';
export const AUDIT_DIR = 'audit';

type Versioned = { schemaVersion: number };
export type DayDoc = DayFile;
/** Settings in memory: the file's fields over the defaults. */
type SettingsDoc = Versioned & { settings: Settings };

/** lowdb adapter on durable writes; reads through the stored schemas (refusing what does not match), upgrades older files. */
class DurableJson<T extends Versioned> implements Adapter<T> {
  /** The version the file had on disk when it was older than SCHEMA_VERSION (it is then rewritten once). */
  migratedFrom: number | null = null;

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
    const { doc, migratedFrom } = conformStoredFile(this.kind, this.displayName, v);
    this.migratedFrom = migratedFrom;
    return doc as unknown as T;
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(data), (f) => this.backups.keep(f));
  }
}

/** A lowdb document with group-committed durable writes. */
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

/** Day files read at once at start-up: reading overlaps parsing without holding every file in memory. */
const READ_CONCURRENCY = 8;
/** From this many day files on, a second thread decodes them (below it, starting the thread costs more than it saves). */
const PARALLEL_READ_MIN_FILES = 16;

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
 * attachment, print, extension or pause yet, and 100,000 × 8 empty arrays cost about 24 MB. Frozen, so a
 * change made in place instead of by replacing the list fails loudly rather than touching every case.
 */
const NONE: never[] = Object.freeze([]) as never[];
// (a list an older or hand-edited file left out has been filled by the stored schema)
const shared = <T>(list: T[] | undefined): T[] => (list?.length ? list : NONE);

/** Parsed JSON repeats the same short strings in every case; sharing them saves much of the heap at 100,000. */
function internCase(c: Case, i: (s: string) => string): Case {
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
  c.citizen.county = i(c.citizen.county);
  c.citizen.locality = i(c.citizen.locality);
  c.citizen.firstName = i(c.citizen.firstName);
  c.citizen.lastName = i(c.citizen.lastName);
  if (c.order) {
    c.order.type = i(c.order.type) as NonNullable<Case['order']>['type'];
    c.order.otherDepartments = shared(c.order.otherDepartments);
    c.order.leadDepartment = i(c.order.leadDepartment);
    c.order.text = i(c.order.text);
  }
  if (c.deadline) {
    c.deadline.start = i(c.deadline.start);
    c.deadline.dueDate = i(c.deadline.dueDate);
    c.deadline.extensions = shared(c.deadline.extensions);
    c.deadline.pauses = shared(c.deadline.pauses);
  }
  for (const h of c.history) {
    h.by = i(h.by);
    h.action = i(h.action) as typeof h.action;
    if (h.at === c.createdAt) h.at = c.createdAt;
  }
  return c;
}

/** Counters are kept per two-digit Jalali year, as in the tracking code. */
const yearKey = (yy: number): string => String(yy).padStart(2, '0');

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
  private meta!: Doc<StoredDocs['meta']>;
  private settingsDoc!: Doc<SettingsDoc>;
  private counters!: Doc<StoredDocs['counters']>;
  private circulars!: Doc<StoredDocs['circulars']>;
  private grouping!: Doc<StoredDocs['grouping']>;
  private days = new Map<string, Doc<DayDoc>>();
  private byId = new Map<string, Case>();
  private byCode = new CasesBy((c) => c.code, () => this.byId.values());
  private byNationalId = new CasesBy((c) => c.citizen.nationalId, () => this.byId.values());
  private worklist = new CaseIndex((id) => this.byId.get(id));
  private closed = false;

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

  /** Reads every file, then builds the indexes; nothing is written unless a file is missing. */
  async load(): Promise<void> {
    const names = (await fs.readdir(path.join(this.dataDir, DAYS_DIR))).filter((n) => n.endsWith('.json')).sort();
    // started first so that the thread is up by the time the small files are read
    const reader = names.length >= PARALLEL_READ_MIN_FILES ? openParallelReader() : null;
    try {
      await this.loadFiles(names, reader?.read);
    } finally {
      await reader?.close();
    }
    if (!fsSync.existsSync(path.join(this.dataDir, 'meta.json'))) await this.meta.save();
  }

  private async loadFiles(names: string[], readDay: ReadText | undefined): Promise<void> {
    await this.removeTornTemps();
    this.meta = this.doc('meta', 'meta.json', { schemaVersion: SCHEMA_VERSION, app: 'didar', createdAt: this.now().toISOString() });
    this.settingsDoc = this.doc<SettingsDoc>('settings', 'settings.json', { schemaVersion: SCHEMA_VERSION, settings: defaultSettings() });
    this.counters = this.doc<StoredDocs['counters']>('counters', 'counters.json', { schemaVersion: SCHEMA_VERSION, sequences: {} });
    await this.meta.low.read();
    await this.settingsDoc.low.read();
    await this.counters.low.read();
    this.circulars = this.doc<StoredDocs['circulars']>('circulars', 'circulars.json', { schemaVersion: SCHEMA_VERSION, circulars: [], numbers: {} });
    await this.circulars.low.read();
    this.grouping = this.doc<StoredDocs['grouping']>('grouping', 'grouping.json', { schemaVersion: SCHEMA_VERSION, corrections: [] });
    await this.grouping.low.read();
    this.settingsDoc.data.settings = { ...defaultSettings(), ...this.settingsDoc.data.settings };
    const intern = interner();
    const docs = await mapLimited(names, READ_CONCURRENCY, async (name) => {
      const rel = `${DAYS_DIR}/${name}`;
      const d = this.doc<DayDoc>('day', rel, null as unknown as DayDoc, readDay);
      await d.low.read();
      const data = d.low.data as DayDoc | null;
      if (!data) throw new DidarError('corrupt-file', msg.corruptFile(rel)); // vanished since the listing
      // while the file's objects are still young, so that the copies it drops cost the collector little
      for (const c of data.cases) internCase(c, intern);
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
    for (const c of this.byId.values()) this.raiseCounter(c.code);
    this.worklist.build(this.byId.values());
    await this.saveMigrated([this.meta, this.settingsDoc, this.counters, this.circulars, this.grouping, ...docs]);
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
    this.byNationalId.put(prev, c);
    this.byId.set(c.id, c);
  }

  private unindex(c: Case): void {
    this.worklist.remove(c);
    this.byId.delete(c.id);
    this.byCode.remove(c);
    this.byNationalId.remove(c);
  }

  private raiseCounter(code: string): void {
    const { yy, sequence } = parseTrackingCode(code);
    const key = yearKey(yy);
    const seqs = this.counters.data.sequences;
    if ((seqs[key] ?? 0) < sequence) seqs[key] = sequence;
  }

  private dayDoc(dayId: string): Doc<DayDoc> {
    const d = this.days.get(dayId);
    if (!d) throw new DidarError('not-found', msg.meetingDayNotFound);
    return d;
  }

  private async audit(by: Actor, action: AuditAction, entity: string, id: string, before: unknown, after: unknown): Promise<void> {
    const at = this.now();
    const month = formatJalali(jalaliOf(at)).slice(0, 7).replace('/', '-');
    const line = JSON.stringify({ at: at.toISOString(), by: by.operator, action, entity, id, before, after });
    await appendLineDurable(path.join(this.dataDir, AUDIT_DIR, `${month}.jsonl`), line);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }

  // ---- settings ----

  async getSettings(): Promise<Settings> {
    return this.settingsDoc.data.settings;
  }

  async saveSettings(next: Settings, by: Actor): Promise<void> {
    this.assertOpen();
    const before = this.settingsDoc.data.settings;
    this.settingsDoc.data.settings = next;
    try {
      await this.settingsDoc.save();
    } catch (e) {
      this.settingsDoc.data.settings = before;
      throw e;
    }
    await this.audit(by, 'settings/update', 'settings', 'settings', before, next);
  }

  // ---- meeting days and queues ----

  async listMeetingDays(): Promise<MeetingDay[]> {
    return [...this.days.values()].map((d) => d.data.day);
  }

  async getMeetingDay(id: string): Promise<MeetingDay | undefined> {
    return this.days.get(id)?.data.day;
  }

  async createMeetingDay(day: MeetingDay, by: Actor): Promise<void> {
    this.assertOpen();
    const rel = `${DAYS_DIR}/${day.date.replace(/\//g, '-')}_${day.id}.json`;
    const d = this.doc<DayDoc>('day', rel, { schemaVersion: SCHEMA_VERSION, day, queue: [], cases: [] });
    this.days.set(day.id, d);
    try {
      await d.save();
    } catch (e) {
      this.days.delete(day.id);
      throw e;
    }
    await this.audit(by, 'meetingDay/open', 'meetingDay', day.id, null, day);
  }

  async getQueue(dayId: string): Promise<QueueEntry[]> {
    return this.dayDoc(dayId).data.queue;
  }

  async saveQueue(dayId: string, queue: QueueEntry[], by: Actor, action: AuditAction): Promise<void> {
    this.assertOpen();
    const d = this.dayDoc(dayId);
    const before = d.data.queue;
    d.data.queue = queue;
    try {
      await d.save();
    } catch (e) {
      if (d.data.queue === queue) d.data.queue = before;
      throw e;
    }
    await this.audit(by, action, 'queue', dayId, null, queue.at(-1) ?? null);
  }

  // ---- cases ----

  async getCase(id: string): Promise<Case | undefined> {
    return this.byId.get(id);
  }

  async getCaseByCode(code: string): Promise<Case | undefined> {
    return this.byCode.get(code)[0];
  }

  async listCasesOfDay(dayId: string): Promise<Case[]> {
    return this.dayDoc(dayId).data.cases;
  }

  async listCasesOfCitizen(nationalId: string): Promise<Case[]> {
    return [...this.byNationalId.get(nationalId)];
  }

  async countCases(): Promise<number> {
    return this.byId.size;
  }

  async listCases(): Promise<Case[]> {
    return [...this.byId.values()];
  }

  async caseIndex(): Promise<ReadonlyMap<string, Case>> {
    return this.byId;
  }

  async queryCases(q: CaseQuery): Promise<CasePage> {
    if (q.code !== undefined) {
      return this.worklist.query(q, this.byCode.get(q.code));
    }
    if (q.nationalId !== undefined) return this.worklist.query(q, await this.listCasesOfCitizen(q.nationalId));
    return this.worklist.query(q);
  }

  async saveCase(next: Case, by: Actor, action: AuditAction): Promise<void> {
    this.assertOpen();
    const d = this.dayDoc(next.meetingDayId);
    const before = this.byId.get(next.id);
    const list = d.data.cases;
    const at = before ? list.indexOf(before) : -1;
    if (at >= 0) list[at] = next;
    else list.push(next);
    this.index(next, true);
    // A case restored from an export keeps its code: the counter must not give it out again.
    this.raiseCounter(next.code);
    try {
      await d.save();
    } catch (e) {
      this.revertCase(d, next, before);
      throw e;
    }
    await this.audit(by, action, 'case', next.id, before ?? null, next);
  }

  private revertCase(d: Doc<DayDoc>, next: Case, before: Case | undefined): void {
    const list = d.data.cases;
    const i = list.indexOf(next);
    if (i < 0) return; // a later save already replaced it
    if (before) {
      list[i] = before;
      this.index(before, true);
    } else {
      list.splice(i, 1);
      this.unindex(next);
    }
  }

  async nextSequence(jalaliYear: number): Promise<number> {
    this.assertOpen();
    const key = yearKey(jalaliYear % 100);
    const seqs = this.counters.data.sequences;
    const n = (seqs[key] ?? 0) + 1;
    seqs[key] = n;
    // Not awaited: a code is only ever given out inside a durably saved case, and start-up raises every
    // counter to the highest code stored, so the file is a record, not what prevents reuse.
    this.counters.save().catch((e: unknown) => console.error(`[didar] counters.json not written: ${(e as Error).message}`));
    return n;
  }

  logEvent(by: Actor, action: AuditAction, entity: string, id: string): Promise<void> {
    return this.audit(by, action, entity, id, null, null);
  }

  // ---- circulars ----

  async listCirculars(): Promise<Circular[]> {
    return this.circulars.data.circulars;
  }

  async getCircular(id: string): Promise<Circular | undefined> {
    return this.circulars.data.circulars.find((c) => c.id === id);
  }

  async saveCircular(next: Circular, by: Actor, action: AuditAction): Promise<void> {
    this.assertOpen();
    const list = this.circulars.data.circulars;
    const i = list.findIndex((c) => c.id === next.id);
    const before = i >= 0 ? list[i] : undefined;
    if (i >= 0) list[i] = next;
    else list.push(next);
    try {
      await this.circulars.save();
    } catch (e) {
      const j = list.indexOf(next);
      if (j >= 0) {
        if (before) list[j] = before;
        else list.splice(j, 1);
      }
      throw e;
    }
    await this.audit(by, action, 'circular', next.id, before ?? null, next);
  }

  async nextCircularNumber(jalaliYear: number): Promise<number> {
    const key = String(jalaliYear);
    const n = (this.circulars.data.numbers[key] ?? 0) + 1;
    this.circulars.data.numbers[key] = n;
    await this.circulars.save();
    return n;
  }

  // ---- recurring-issue groups ----

  async listGroupCorrections(): Promise<GroupCorrection[]> {
    return this.grouping.data.corrections;
  }

  async addGroupCorrection(c: GroupCorrection, by: Actor): Promise<void> {
    this.assertOpen();
    const list = this.grouping.data.corrections;
    list.push(c);
    try {
      await this.grouping.save();
    } catch (e) {
      list.splice(list.indexOf(c), 1);
      throw e;
    }
    await this.audit(by, `group/${c.kind}`, 'grouping', c.caseIds[0] ?? '', null, c);
  }

  /** Resolves when every write already started (including the unawaited counter record) is on disk. */
  async settled(): Promise<void> {
    const docs: { idle(): Promise<void> }[] = [this.meta, this.settingsDoc, this.counters, this.circulars, this.grouping, ...this.days.values()];
    await Promise.all(docs.map((d) => d.idle()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.settled();
    this.releaseLock();
  }

  backupStatus(): Promise<{ lastAt: string | null; versions: number }> {
    return this.backups.status();
  }

  /** Newest backups of a data file (for messages about a broken file). */
  backupsOf(rel: string): Promise<string[]> {
    return this.backups.versionsOf(path.join(this.dataDir, rel));
  }
}
