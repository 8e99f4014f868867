// PostgreSQL store: the same Store interface as the data folder, for a province whose offices share one
// database. Every unit of work is one transaction: BEGIN, a transaction-level advisory lock (units stay
// serialised as in the file store), reads inside it (or from what the server holds, committed.ts), its writes
// sent with the next read or with the audit row and COMMIT; ROLLBACK when the function throws.
import { ChangeListeners } from '../change-listeners';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { StoredAccount } from '../../../../shared/accounts';
import type { Circular } from '../../../../shared/circular';
import type { Case, CodedCase, MeetingDay, QueueEntry } from '../../../../shared/domain';
import { DidarError } from '../../../../shared/errors';
import { AWAITING_DEPARTMENT } from '../../../../shared/follow-up';
import type { GroupCorrection } from '../../../../shared/grouping/corrections';
import type { JOURNAL_ENTITIES, StoredRecordKind } from '../../../../shared/stored-schemas';
import { msg } from '../../../../shared/messages';
import { deepFreeze } from '../../../../shared/readonly';
import { defaultSettings, type Settings } from '../../../../shared/settings';
import type { SessionPersistence } from '../../auth/sessions';
import { frozenIfChecking } from '../frozen';
import type { Change } from '../journal';
import { Serial } from '../serial';
import { dayOfQueueKey, queueKey, SUBMISSION_KEEP_DAYS, type Actor, type CasePage, type CaseQuery, type CaseScan, type ChangeNotice, type DayCounts, type Store, type StoreReader, type Tx } from '../store';
import { assertStorable } from '../unit-check';
import { caseWrite, circularCounter, codeCounter, codeCounterOf, letterCounter } from './case-rows';
import { batchRunner, dbError, displayName, literal, openPool, runner, sqlValue, type Run } from './connection';
import { CaseLists, Committed, withEntry, type Mark } from './committed';
import { WalFlush } from './wal-flush';
import { applyMigrations } from './schema';
import { CaseCache } from './case-cache';
import { matchesScan } from '../case-scan';
import { channelOf, listenForChanges, notifyPayload } from './changes';
import { type DocRow, storedDoc } from './rows';
import { pgSessions } from './sessions';


/** `%word%` for LIKE, the word's own % _ and \ taken literally. */
const containing = (w: string): string => `%${w.replace(/[\\%_]/g, '\\$&')}%`;

/** Parameters of one statement: `p(v)` adds a value and names it ($1, $2, …). */
function params(): { list: unknown[]; p: (v: unknown) => string } {
  const list: unknown[] = [];
  return { list, p: (v) => `$${list.push(v)}` };
}

/** Cases awaiting their department with a running deadline (the overdue rule), as the index cases_awaiting says it. */
const AWAITING = `status IN (${[...AWAITING_DEPARTMENT].map((x) => `'${x}'`).join(', ')}) AND has_deadline AND NOT paused`;

/** The worklist's conditions (the file store's CaseIndex.query, as SQL). */
function worklistWhere(q: CaseQuery, p: (v: unknown) => string): string {
  const w: string[] = [];
  if (q.office !== undefined) w.push(`office = ${p(q.office)}`);
  if (q.code !== undefined) w.push(`code = ${p(q.code)}`);
  if (q.nationalId !== undefined) w.push(`national_id = ${p(q.nationalId)}`);
  if (q.statuses?.length) w.push(`status = ANY(${p(q.statuses)}::text[])`);
  if (q.meetingDayId) w.push(`meeting_day_id = ${p(q.meetingDayId)}`);
  if (q.county) w.push(`county = ${p(q.county)}`);
  if (q.department) w.push(`departments @> ARRAY[${p(q.department)}::text]`);
  if (q.orderType) w.push(`order_type = ${p(q.orderType)}`);
  // written out as the partial index cases_awaiting has it, so that the planner can use that index
  if (q.overdueBefore) w.push(`${AWAITING} AND due_key < ${p(q.overdueBefore)}`);
  for (const word of q.words ?? []) if (word) w.push(`search LIKE ${p(containing(word))}`);
  return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

function scanWhere(s: CaseScan, p: (v: unknown) => string): string {
  const w: string[] = [];
  if (s.office !== undefined) w.push(`office = ${p(s.office)}`);
  if (s.meetingFrom) w.push(`meeting_date >= ${p(s.meetingFrom)}`);
  if (s.meetingTo) w.push(`meeting_date <= ${p(s.meetingTo)}`);
  if (s.statuses) w.push(`status = ANY(${p(s.statuses)}::text[])`);
  if (s.pendingNotices) w.push('pending_notices');
  if (s.externalIds) w.push(`external_id = ANY(${p(s.externalIds)}::text[])`);
  return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

const ORDER: Record<CaseQuery['sort'], { keys: string; agg: string }> = {
  due: { keys: 'due_key, code', agg: 'k1, k2' },
  recent: { keys: 'created_at DESC, code DESC', agg: 'k1 DESC, k2 DESC' },
};

/**
 * Where the database stands, for what a server holds (committed.ts): the audit counter (every unit raises it),
 * and an epoch of the database server's start (a restart may lose commits not yet flushed) and of the writes
 * made outside units of work (migration 0006), either of which makes what is held stale. Defined once, in
 * migration 0007, for these reads and for didar_expect.
 */
const WHERE_IT_STANDS = 'didar_seq() AS seq, didar_epoch() AS epoch';

/** A case's row: its document and the columns that name it in a refusal. */
const CASE_ROW = 'doc, id, code';

/** Every read of the interface, on the pool (committed data) or on a unit's connection (its own changes too). */
class PgReader implements StoreReader {
  constructor(
    protected readonly run: Run,
    readonly dataDir: string,
  ) {}

  /** The rows' documents, each checked against its stored schema (see rows.ts). */
  protected docs<T>(kind: StoredRecordKind, rows: readonly DocRow[]): readonly T[] {
    return rows.map((r) => storedDoc<T>(this.dataDir, kind, r));
  }

  protected first<T>(kind: StoredRecordKind, rows: readonly DocRow[]): T | undefined {
    return rows[0] ? storedDoc<T>(this.dataDir, kind, rows[0]) : undefined;
  }

  async getSettings(): Promise<Settings> {
    const stored = this.first<Partial<Settings>>('settings', await this.run<DocRow>('SELECT doc FROM settings'));
    return frozenIfChecking({ ...defaultSettings(), ...stored });
  }

  async listMeetingDays(): Promise<readonly MeetingDay[]> {
    return this.docs('meetingDay', await this.run<DocRow>('SELECT doc, id FROM meeting_days ORDER BY pos'));
  }

  async getMeetingDay(id: string): Promise<MeetingDay | undefined> {
    return this.first('meetingDay', await this.run<DocRow>('SELECT doc, id FROM meeting_days WHERE id = $1', [id]));
  }

  /** Rows of a meeting day's own table; a day that does not exist is not-found, as in the file store. */
  private async ofDay<T>(kind: StoredRecordKind, sql: string, dayId: string): Promise<readonly T[]> {
    const rows = await this.run<DocRow & { day: boolean }>(
      `SELECT true AS day, x.* FROM meeting_days d LEFT JOIN LATERAL (${sql}) x ON true WHERE d.id = $1`, [dayId]);
    if (!rows.length) throw new DidarError('not-found', msg.meetingDayNotFound);
    return this.docs(kind, rows.filter((r) => r.doc !== null));
  }

  getQueue(dayId: string): Promise<readonly QueueEntry[]> {
    return this.ofDay<QueueEntry>('queueEntry', 'SELECT doc, day_id, number FROM queue_entries WHERE day_id = d.id ORDER BY number', dayId);
  }

  async getCase(id: string): Promise<Case | undefined> {
    return this.first('case', await this.run<DocRow>(`SELECT ${CASE_ROW} FROM cases WHERE id = $1`, [id]));
  }

  async getCaseByCode(code: string): Promise<CodedCase | undefined> {
    return this.first<CodedCase>('case', await this.run<DocRow>(`SELECT ${CASE_ROW} FROM cases WHERE code = $1`, [code]));
  }

  async listUncodedCases(): Promise<readonly Case[]> {
    return this.docs<Case>('case', await this.run<DocRow>(`SELECT ${CASE_ROW} FROM cases WHERE code IS NULL ORDER BY created_at`));
  }

  async getCases(ids: readonly string[]): Promise<readonly Case[]> {
    if (!ids.length) return [];
    const rows = await this.run<DocRow>(`SELECT ${CASE_ROW} FROM cases WHERE id = ANY($1::text[])`, [ids]);
    const found = new Map(this.docs<Case>('case', rows).map((c) => [c.id, c]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  listCasesOfDay(dayId: string): Promise<readonly Case[]> {
    return this.ofDay<Case>('case', `SELECT ${CASE_ROW} FROM cases WHERE meeting_day_id = d.id ORDER BY pos`, dayId);
  }

  async listCasesOfCitizen(nationalId: string): Promise<readonly Case[]> {
    return this.docs('case', await this.run<DocRow>(`SELECT ${CASE_ROW} FROM cases WHERE national_id = $1 ORDER BY pos`, [nationalId]));
  }

  async countCases(): Promise<number> {
    const [r] = await this.run<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    return r!.n;
  }

  /** The page and its total in one statement: both from one snapshot, in one round trip. */
  async queryCases(q: CaseQuery): Promise<CasePage> {
    const { list, p } = params();
    const where = worklistWhere(q, p);
    const order = ORDER[q.sort];
    const k = q.sort === 'due' ? 'due_key AS k1, code AS k2' : 'created_at AS k1, code AS k2';
    const [r] = await this.run<{ total: number; items: DocRow[] | null }>(
      `SELECT (SELECT count(*)::int FROM cases ${where}) AS total,
              (SELECT json_agg(json_build_object('doc', page.doc, 'id', page.id, 'code', page.code) ORDER BY ${order.agg}) FROM
                 (SELECT ${CASE_ROW}, ${k} FROM cases ${where} ORDER BY ${order.keys} LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}) page) AS items`,
      list);
    return { total: r!.total, items: frozenIfChecking(this.docs<Case>('case', r!.items ?? [])) };
  }

  /** One statement: the counts from the indexes on cases (meeting day) and queue entries (day), no document read. */
  async meetingDayCounts(): Promise<ReadonlyMap<string, DayCounts>> {
    const rows = await this.run<{ id: string; cases: number; waiting: number }>(
      `SELECT d.id,
              (SELECT count(*)::int FROM cases c WHERE c.meeting_day_id = d.id AND c.status <> 'cancelled') AS cases,
              (SELECT count(*)::int FROM queue_entries q WHERE q.day_id = d.id AND q.doc->>'status' = 'waiting') AS waiting
         FROM meeting_days d`);
    return new Map(rows.map((r) => [r.id, { cases: r.cases, waiting: r.waiting }]));
  }

  async scanCases(s: CaseScan): Promise<readonly Case[]> {
    const { list, p } = params();
    // in no particular order (the interface's promise): sorting 100,000 documents would spill to disk
    return this.docs('case', await this.run<DocRow>(`SELECT ${CASE_ROW} FROM cases ${scanWhere(s, p)}`, list));
  }

  async listCirculars(): Promise<readonly Circular[]> {
    return this.docs('circular', await this.run<DocRow>('SELECT doc, id FROM circulars ORDER BY pos'));
  }

  async getCircular(id: string): Promise<Circular | undefined> {
    return this.first('circular', await this.run<DocRow>('SELECT doc, id FROM circulars WHERE id = $1', [id]));
  }

  async listGroupCorrections(): Promise<readonly GroupCorrection[]> {
    return this.docs('groupCorrection', await this.run<DocRow>('SELECT doc, id FROM group_corrections ORDER BY pos'));
  }

  async listAccounts(): Promise<readonly StoredAccount[]> {
    return this.docs('account', await this.run<DocRow>('SELECT doc, id FROM accounts ORDER BY pos'));
  }

  async getAccount(id: string): Promise<StoredAccount | undefined> {
    return this.first('account', await this.run<DocRow>('SELECT doc, id FROM accounts WHERE id = $1', [id]));
  }

  async getAccountByUsername(username: string): Promise<StoredAccount | undefined> {
    return this.first('account', await this.run<DocRow>('SELECT doc, id FROM accounts WHERE username = $1', [username]));
  }

  /** The counter's committed value (0 when it was never raised). */
  protected async counter(name: string): Promise<number> {
    const [r] = await this.run<{ value: string }>('SELECT value FROM counters WHERE name = $1', [name]);
    return r ? Number(r.value) : 0;
  }

  async peekCircularNumber(jalaliYear: number): Promise<number> {
    return (await this.counter(circularCounter(jalaliYear))) + 1;
  }

  async peekLetterNumber(jalaliYear: number): Promise<number> {
    return (await this.counter(letterCounter(jalaliYear))) + 1;
  }
}

/** What a journal change is about, as in the file store's audit lines. */
type Entity = (typeof JOURNAL_ENTITIES)[number];

const json = (v: unknown): string => JSON.stringify(v);

/** A unit's statements of several at once (connection.ts batchRunner): each statement's rows. */
type Batch = (sql: string) => Promise<Record<string, unknown>[][]>;

/** What a unit sends with its COMMIT: its writes not sent yet, and the cases among them whose before is unknown. */
export type PendingWrites = { statements: string; blind: readonly Case[] };

/**
 * A unit of work. Its writes are held back and sent together — with the next statement that reads (so that
 * its reads see them), else with COMMIT — which takes a recorded case from five round trips under the lock to
 * two. Each record's first before and last after are kept for the audit row; a case written without having
 * been read (a new one) has its before read by the statement that writes it (`blind`).
 */
class PgTx extends PgReader implements Tx {
  private staged = new Map<string, Change>();
  /** Writes not sent yet, by record, in the order of their last put (a day comes before the cases put on it). */
  private readonly writes = new Map<string, string>();
  /** Cases put without a before known, not sent yet. */
  private readonly blind = new Map<string, Case>();
  /** Counters this unit raised, by name, to the value it raised them to. */
  private readonly raised = new Map<string, number>();

  /** `known`: what was committed at `top`, when this unit began under the lock. */
  constructor(run: Run, private readonly batch: Batch, dataDir: string, private readonly known: Committed, private readonly top: Mark) {
    const holder: { tx?: PgTx } = {};
    super(async (sql, params) => {
      await holder.tx!.sendWrites();
      return run(sql, params);
    }, dataDir);
    holder.tx = this;
  }

  /** What this unit has put so far under that key (undefined: not touched). */
  private put<T>(entity: Entity, id: string): T | undefined {
    return this.staged.get(`${entity}:${id}`)?.after as T | undefined;
  }

  /** The entries of that day's queue this unit has put, in the order it put them. */
  private stagedEntries(dayId: string): QueueEntry[] {
    return [...this.staged.values()].filter((ch) => ch.entity === 'queueEntry' && dayOfQueueKey(ch.id) === dayId).map((ch) => ch.after as QueueEntry);
  }

  private stagedCases(): Case[] {
    return [...this.staged.values()].filter((ch) => ch.entity === 'case').map((ch) => ch.after as Case);
  }

  /** A record this unit put, else held as committed (null: known not to exist), else read and then held. */
  private async readThrough<T>(held: T | null | undefined, read: () => Promise<T | undefined>, keep: (v: T | null) => void): Promise<T | undefined> {
    if (held !== undefined) return held ?? undefined;
    const v = await read();
    keep(v ?? null);
    return v;
  }

  private heldCase(id: string): Case | null | undefined {
    return this.put<Case>('case', id) ?? this.known.case(id);
  }

  override async getSettings(): Promise<Settings> {
    const s = await this.readThrough(this.put<Settings>('settings', 'settings') ?? this.known.settings, () => super.getSettings(), (v) => v && this.known.keepSettings(this.top, v));
    return s!;
  }

  override getMeetingDay(id: string): Promise<MeetingDay | undefined> {
    return this.readThrough(this.put<MeetingDay>('meetingDay', id) ?? this.known.day(id), () => super.getMeetingDay(id), (d) => this.known.keepDay(this.top, id, d));
  }

  override getCase(id: string): Promise<Case | undefined> {
    return this.readThrough(this.heldCase(id), () => super.getCase(id), (c) => this.known.keepCase(this.top, id, c));
  }

  override async getQueue(dayId: string): Promise<readonly QueueEntry[]> {
    const held = this.known.queue(dayId);
    const mine = this.stagedEntries(dayId);
    if (held) return mine.reduce(withEntry, held);
    const q = await super.getQueue(dayId);
    // with entries of its own put, the rows are not what was committed
    if (!mine.length) this.known.keepQueue(this.top, dayId, q);
    return q;
  }

  override listCasesOfCitizen(nationalId: string): Promise<readonly Case[]> {
    return this.listedCases(this.known.ofCitizen, nationalId, () => super.listCasesOfCitizen(nationalId));
  }

  override listCasesOfDay(dayId: string): Promise<readonly Case[]> {
    return this.listedCases(this.known.ofDay, dayId, () => super.listCasesOfDay(dayId));
  }

  /** Cases listed under a key as held, with this unit's changes to them, unless this unit put one there the list lacks. */
  private async listedCases(lists: CaseLists, key: string, read: () => Promise<readonly Case[]>): Promise<readonly Case[]> {
    const held = this.known.listed(lists, key);
    const mine = this.stagedCases();
    if (held) {
      const ids = new Set(held.map((c) => c.id));
      if (!mine.some((c) => lists.keyOf(c) === key && !ids.has(c.id))) {
        return held.map((c) => this.put<Case>('case', c.id) ?? c).filter((c) => lists.keyOf(c) === key);
      }
    }
    const cases = await read();
    // with cases of its own put, the rows are not what was committed
    if (!mine.length) this.known.keepListed(this.top, lists, key, cases);
    return cases;
  }

  hasChanges(): boolean {
    return this.staged.size > 0;
  }

  changes(): Change[] {
    return [...this.staged.values()];
  }

  /** The counters this unit raised (for what the server holds once it has committed). */
  counters(): ReadonlyMap<string, number> {
    return this.raised;
  }

  /** Records a change; `before` is read only the first time the unit touches the record. */
  private async stage(entity: Entity, id: string, before: () => Promise<unknown>, after: unknown): Promise<void> {
    const key = `${entity}:${id}`;
    const had = this.staged.get(key);
    this.staged.set(key, { entity, id, before: had ? had.before : ((await before()) ?? null), after });
  }

  /** A write to send later; put again, it goes after everything put meanwhile. */
  private write(key: string, sql: string): void {
    this.writes.delete(key);
    this.writes.set(key, sql);
  }

  /** The writes not sent yet, taken out (to go with the next read, or with COMMIT). */
  pending(): PendingWrites {
    const out = { statements: [...this.writes.values()].map((w) => `${w};\n`).join(''), blind: [...this.blind.values()] };
    this.writes.clear();
    this.blind.clear();
    return out;
  }

  /** Sends the writes held back, before a statement that reads; the befores of blind cases come back with them. */
  private async sendWrites(): Promise<void> {
    if (!this.writes.size && !this.blind.size) return;
    const { statements, blind } = this.pending();
    const results = await this.batch(`${statements}${blind.length ? `WITH ${caseWrite(blind, sqlValue)} SELECT * FROM old` : ''}`);
    if (!blind.length) return;
    const old = new Map((results.at(-1) as DocRow[]).map((r) => [r.id, r]));
    for (const c of blind) {
      const row = old.get(c.id);
      const ch = this.staged.get(`case:${c.id}`)!;
      if (ch.before === BLIND) ch.before = row ? storedDoc<Case>(this.dataDir, 'case', row) : null;
    }
  }

  async putSettings(next: Settings): Promise<void> {
    await this.stage('settings', 'settings', () => this.getSettings(), next);
    this.write('settings', `INSERT INTO settings (only_row, doc) VALUES (true, ${literal(json(next))}) ON CONFLICT (only_row) DO UPDATE SET doc = EXCLUDED.doc`);
  }

  async addMeetingDay(day: MeetingDay): Promise<void> {
    if (await this.getMeetingDay(day.id)) throw new DidarError('conflict', msg.meetingDayExists);
    await this.stage('meetingDay', day.id, async () => null, day);
    this.write(`meetingDay:${day.id}`, `INSERT INTO meeting_days (id, date, doc) VALUES (${literal(day.id)}, ${literal(day.date)}, ${literal(json(day))})`);
  }

  async putQueueEntry(dayId: string, entry: QueueEntry): Promise<void> {
    if (!(await this.getMeetingDay(dayId))) throw new DidarError('not-found', msg.meetingDayNotFound);
    const key = queueKey(dayId, entry.number);
    await this.stage('queueEntry', key, async () => (this.known.queue(dayId)
      ? (await this.getQueue(dayId)).find((e) => e.number === entry.number)
      : this.first('queueEntry', await this.run<DocRow>('SELECT doc, day_id, number FROM queue_entries WHERE day_id = $1 AND number = $2', [dayId, entry.number]))), entry);
    this.write(`queueEntry:${key}`, `INSERT INTO queue_entries (day_id, number, doc) VALUES (${literal(dayId)}, ${entry.number}, ${literal(json(entry))})
      ON CONFLICT (day_id, number) DO UPDATE SET doc = EXCLUDED.doc`);
  }

  async putCase(next: Case): Promise<void> {
    if (!(await this.getMeetingDay(next.meetingDayId))) throw new DidarError('not-found', msg.meetingDayNotFound);
    // before: what this unit or this server holds, else the row the write replaces (read by the statement that writes it)
    const held = this.heldCase(next.id);
    const key = `case:${next.id}`;
    if (held !== undefined || this.staged.has(key)) {
      await this.stage('case', next.id, async () => held, next);
      if (this.blind.has(next.id)) this.blind.set(next.id, next);
      else this.write(key, `WITH ${caseWrite([next], sqlValue)} SELECT 1`);
      return;
    }
    await this.stage('case', next.id, async () => BLIND, next);
    this.blind.set(next.id, next);
  }

  async putCircular(next: Circular): Promise<void> {
    await this.stage('circular', next.id, () => this.getCircular(next.id), next);
    this.write(`circular:${next.id}`, `INSERT INTO circulars (id, doc) VALUES (${literal(next.id)}, ${literal(json(next))}) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`);
  }

  async addGroupCorrection(c: GroupCorrection): Promise<void> {
    const withId = c.id ? c : { ...c, id: randomUUID() };
    await this.stage('groupCorrection', withId.id!, async () => null, withId);
    this.write(`groupCorrection:${withId.id}`, `INSERT INTO group_corrections (id, doc) VALUES (${literal(withId.id!)}, ${literal(json(withId))}) ON CONFLICT (id) DO NOTHING`);
  }

  async putAccount(a: StoredAccount): Promise<void> {
    await this.stage('account', a.id, () => this.getAccount(a.id), a);
    this.write(`account:${a.id}`, `INSERT INTO accounts (id, username, doc) VALUES (${literal(a.id)}, ${literal(a.username)}, ${literal(json(a))})
      ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, doc = EXCLUDED.doc`);
  }

  /**
   * Raises a counter: from what this unit or the server holds when it can (the write goes with the others),
   * else in the database at once. Its row lock holds until COMMIT, a ROLLBACK gives the number back.
   */
  private async next(entity: Entity, id: string, counter: string, floor = 0): Promise<number> {
    const held = this.raised.get(counter) ?? this.known.counter(counter);
    let n: number;
    if (held !== undefined) {
      n = Math.max(held, floor) + 1;
      this.write(`counter:${counter}`, `INSERT INTO counters (name, value) VALUES (${literal(counter)}, ${n}) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`);
    } else {
      const [r] = await this.run<{ value: string }>(
        'INSERT INTO counters (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value', [counter]);
      n = Number(r!.value);
    }
    this.raised.set(counter, n);
    await this.stage(entity, id, async () => n - 1, n);
    return n;
  }

  nextSequence(jalaliYear: number): Promise<number> {
    const yy = jalaliYear % 100;
    // the cases this unit put carry codes the database lifts the counter past when they are written (case-rows.ts)
    const counter = codeCounter(yy);
    const floor = Math.max(0, ...this.stagedCases().flatMap((c) => {
      const carried = c.code ? codeCounterOf(c.code) : null;
      return carried?.name === counter ? [carried.sequence] : [];
    }));
    return this.next('codeSequence', String(yy).padStart(2, '0'), counter, floor);
  }

  nextCircularNumber(jalaliYear: number): Promise<number> {
    return this.next('circularNumber', String(jalaliYear), circularCounter(jalaliYear));
  }

  nextLetterNumber(jalaliYear: number): Promise<number> {
    return this.next('letterNumber', String(jalaliYear), letterCounter(jalaliYear));
  }
}

/** A unit's body: given how it reads, sends statements, and where the database stood; tells what ends it. */
type UnitOut<T> = { value: T; end?: string; committed?: () => void };
type UnitBody<T> = (run: Run, batch: Batch, top: Mark) => Promise<UnitOut<T>>;

/** The error didar_expect raises when the database moved on (migration 0007), and how long units then skip what is held. */
const MOVED_ON = 'DD001';
const HELD_PAUSE_MS = 1000;

/** How a unit run on what the server holds reads the database: it may not (it is run again under the lock). */
const NO_READS = (): never => {
  throw new Error('a unit run on what the server holds read the database');
};

/** The before of a case written without having been read, until the statement that writes it tells it. */
const BLIND = Symbol('before unknown');

export type PgOpenOptions = { now?: () => Date };

export async function openPgStore(url: string, options: PgOpenOptions = {}): Promise<PgStore> {
  const name = displayName(url);
  const pool = openPool(url);
  try {
    const run = runner(pool, name);
    const [info] = await run<{ encoding: string; lock: number }>(
      "SELECT current_setting('server_encoding') AS encoding, hashtext('didar:' || current_schema()) AS lock");
    if (info!.encoding !== 'UTF8') throw new DidarError('db-unavailable', msg.dbNotUtf8(name, info!.encoding));
    await applyMigrations(pool, name);
    return new PgStore(pool, url, name, info!.lock, options.now ?? (() => new Date()));
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw dbError(e, name);
  }
}

export class PgStore extends PgReader implements Store {
  private readonly serial = new Serial();
  private readonly listeners = new ChangeListeners();
  /** This server's mark on its NOTIFYs, and the channel they go on (changes.ts). */
  private readonly origin = randomUUID();
  private readonly channel: string;
  private stopListening: (() => Promise<void>) | null = null;
  private closed = false;
  /** Every case, for the reads of the whole record (reports, the board, exports): see case-cache.ts. */
  private readonly allCases: CaseCache;
  /** What units read most, as last committed: see committed.ts. */
  private readonly known = new Committed();
  private readonly flushes = new WalFlush(() => this.flushWal());
  /** Until when units are not run on what is held (another server committed under one of them). */
  private heldAgainAt = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    name: string,
    /** The advisory lock every unit of work takes: one for the whole database (schema) for now. */
    private readonly lockKey: number,
    private readonly now: () => Date,
  ) {
    super(runner(pool, name), name);
    this.channel = channelOf(lockKey);
    this.allCases = new CaseCache(this.run, name);
  }

  /**
   * Cases by id and their count: from the server's copy once a report has read it (the board asks for a
   * group's hundreds of cases at every suggestion while the clerk types), else from the rows.
   */
  override async getCases(ids: readonly string[]): Promise<readonly Case[]> {
    if (!this.allCases.loaded) return super.getCases(ids);
    const all = await this.allCases.current();
    return ids.flatMap((id) => all.get(id) ?? []);
  }

  override async countCases(): Promise<number> {
    return this.allCases.loaded ? (await this.allCases.current()).size : super.countCases();
  }

  /** Out of the server's copy of every case, brought up to date first (the same predicate as the data folder's). */
  override async scanCases(s: CaseScan): Promise<readonly Case[]> {
    const out: Case[] = [];
    for (const c of (await this.allCases.current()).values()) if (matchesScan(c, s)) out.push(c);
    return out;
  }

  /** A day's queue (the desks reload it after every change): see `ofDayAtMark`. */
  override getQueue(dayId: string): Promise<readonly QueueEntry[]> {
    return this.ofDayAtMark<QueueEntry>('queueEntry', dayId, this.known.queue(dayId), 'SELECT doc, day_id, number, number AS ord FROM queue_entries WHERE day_id = d.id',
      (top, q) => this.known.keepQueue(top, dayId, q));
  }

  /** A day's cases (the day's list at the desks, the day summary): see `ofDayAtMark`. */
  override listCasesOfDay(dayId: string): Promise<readonly Case[]> {
    return this.ofDayAtMark<Case>('case', dayId, this.known.listed(this.known.ofDay, dayId), `SELECT ${CASE_ROW}, pos AS ord FROM cases WHERE meeting_day_id = d.id`,
      (top, cases) => this.known.keepListed(top, this.known.ofDay, dayId, cases));
  }

  /**
   * Rows of a day (`rows` selects them, with `ord` to order them by): what is held, when the database still
   * stands where it was read — one statement that returns no rows —; else the rows, in the same statement.
   */
  private async ofDayAtMark<T>(kind: StoredRecordKind, dayId: string, held: readonly T[] | undefined, rows: string, keep: (top: Mark, v: readonly T[]) => void): Promise<readonly T[]> {
    const mark = held ? this.known.heldMark() : null;
    const found = await this.run<DocRow & { top: string; epoch: string; day: boolean | null }>(
      `SELECT t.seq AS top, t.epoch, x.* FROM (SELECT ${WHERE_IT_STANDS}) t
         LEFT JOIN LATERAL (SELECT true AS day, r.* FROM meeting_days d LEFT JOIN LATERAL (${rows}) r ON true
          WHERE d.id = $1 AND (t.seq, t.epoch) IS DISTINCT FROM ($2::bigint, $3::text)) x ON true
        ORDER BY x.ord`, [dayId, mark?.seq ?? -1, mark?.epoch ?? '']);
    const top: Mark = { seq: Number(found[0]!.top), epoch: found[0]!.epoch };
    // nothing committed since what is held was read (compared with the mark it had when asked: a unit may have
    // moved it on meanwhile, and what was held is still what the database had at this statement)
    if (held && mark && top.seq === mark.seq && top.epoch === mark.epoch) return held;
    if (!found.some((r) => r.day)) throw new DidarError('not-found', msg.meetingDayNotFound);
    const v = this.docs<T>(kind, found.filter((r) => r.doc !== null));
    keep(top, v);
    return v;
  }

  /**
   * A citizen's cases (reception looks them up at arrival), read with where the database stands, so that the unit
   * recording the citizen's next case finds them held.
   */
  override async listCasesOfCitizen(nationalId: string): Promise<readonly Case[]> {
    const rows = await this.run<DocRow & { top: string; epoch: string }>(
      `SELECT t.seq AS top, t.epoch, x.* FROM (SELECT ${WHERE_IT_STANDS}) t
         LEFT JOIN LATERAL (SELECT ${CASE_ROW}, pos FROM cases WHERE national_id = $1) x ON true ORDER BY x.pos`, [nationalId]);
    const cases = this.docs<Case>('case', rows.filter((r) => r.doc !== null));
    this.known.keepListed({ seq: Number(rows[0]!.top), epoch: rows[0]!.epoch }, this.known.ofCitizen, nationalId, cases);
    return cases;
  }

  /** Where the sessions of this server are kept between runs. */
  sessions(): SessionPersistence {
    return pgSessions(this.pool, this.dataDir);
  }

  /**
   * One transaction under the store's lock. Units are also queued in this process (Serial), so that waiting
   * units do not each hold a connection the reads need; the lock serialises them with other servers.
   * A unit is first run on what this server holds (`onHeld`): when it needs nothing else, it goes to the
   * database in one round trip. Else, or when the database has moved on, it runs again `underLock`.
   * The COMMIT does not wait for the disk, so the next unit starts at once; the caller is answered after the
   * WAL flush that covers it (wal-flush.ts). `committed` runs in the unit's turn, right after its COMMIT.
   */
  private async transaction<T>(submission: string | undefined, body: UnitBody<T>, onHeld = true): Promise<T> {
    const out = await this.serial.run(async () => {
      if (this.closed) throw new Error('store is closed');
      return (onHeld ? await this.onHeld(body) : null) ?? await this.underLock(submission, body);
    });
    // a unit that wrote nothing has nothing to make durable
    if (out.end !== undefined) await this.flushes.after();
    return out.value;
  }

  /**
   * The unit run on what this server holds as committed, before it takes the lock; null when it cannot be: it
   * reads the database, throws (a refusal is made again under the lock, from the rows), or writes nothing. Its
   * one round trip takes the lock, checks that the database still stands where the server read it
   * (didar_expect, migration 0007), writes, keeps the idempotency key and commits; a check or a write that
   * fails (a key already kept among them) sends it under the lock.
   */
  private async onHeld<T>(body: UnitBody<T>): Promise<UnitOut<T> | null> {
    const top = this.known.heldMark();
    if (!top || performance.now() < this.heldAgainAt) return null;
    let out: UnitOut<T>;
    try {
      out = await body(NO_READS, NO_READS, top);
    } catch {
      return null;
    }
    if (!out.end) return null;
    return this.withConnection(async ({ batch, rollback }) => {
      try {
        await batch(`BEGIN; SET LOCAL synchronous_commit TO off; SET LOCAL didar.unit TO 'on'; SELECT pg_advisory_xact_lock(${this.lockKey});
          SELECT didar_expect(${top.seq}, ${literal(top.epoch)});
          ${out.end}COMMIT`);
      } catch (e) {
        await rollback();
        // the database moved on, the idempotency key is there, a write refused: all told again from the rows
        const code = (e as { code?: unknown }).code;
        if (!(e instanceof DidarError) && typeof code === 'string') {
          // other servers are committing too: for a while, units go under the lock at once
          if (code === MOVED_ON) this.heldAgainAt = performance.now() + HELD_PAUSE_MS;
          this.known.forget();
          return null;
        }
        // the connection lost during COMMIT: it may or may not have committed, nothing held is trusted
        this.known.forget();
        throw e;
      }
      out.committed?.();
      return out;
    });
  }

  /**
   * The unit under the lock: BEGIN, the lock, where the database stands (for `known`) and the idempotency key
   * in one round trip; the body's statements; then its writes, audit row and NOTIFY with COMMIT in one.
   * READ COMMITTED: every statement after the lock sees everything committed before it was granted.
   */
  private underLock<T>(submission: string | undefined, body: UnitBody<T>): Promise<UnitOut<T>> {
    return this.withConnection(async ({ batch, run, rollback }) => {
      let committing = false;
      try {
        const [, , , , [at], done] = (await batch(
          `BEGIN; SET LOCAL synchronous_commit TO off; SET LOCAL didar.unit TO 'on'; SELECT pg_advisory_xact_lock(${this.lockKey});
           SELECT ${WHERE_IT_STANDS};
           SELECT 1 FROM submissions WHERE key = ${submission === undefined ? 'NULL' : literal(submission)}`)) as [unknown, unknown, unknown, unknown, [{ seq: string; epoch: string }], unknown[]];
        if (done.length) throw new DidarError('already-done', msg.alreadyDone);
        const top: Mark = { seq: Number(at.seq), epoch: at.epoch };
        this.known.startAt(top);
        const out = await body(run, batch, top);
        committing = true;
        await batch(`${out.end ?? ''}COMMIT`);
        out.committed?.();
        return out;
      } catch (e) {
        // a COMMIT that did not answer may or may not have committed: what is held is not trusted any more
        if (committing) this.known.forget();
        await rollback();
        throw e;
      }
    });
  }

  /**
   * A connection of the pool for one unit; one whose ROLLBACK fails is dropped rather than given back, and the
   * server ending it mid-unit (a restart) is told to the unit's next query, not thrown here.
   */
  private async withConnection<R>(use: (c: { batch: Batch; run: Run; rollback: () => Promise<void> }) => Promise<R>): Promise<R> {
    const client = await this.connect();
    let broken: Error | undefined;
    const onError = (e: Error): void => void (broken = e);
    client.on('error', onError);
    const run = runner(client, this.dataDir);
    const rollback = (): Promise<void> => run('ROLLBACK').then(() => undefined, (err: unknown) => {
      broken = err instanceof Error ? err : new Error(String(err));
    });
    try {
      return await use({ batch: batchRunner(client, this.dataDir), run, rollback });
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** A connection of the pool, its failure told as the desk's message. */
  private connect(): Promise<pg.PoolClient> {
    return this.pool.connect().catch((e: unknown) => {
      throw dbError(e, this.dataDir);
    });
  }

  /**
   * One flush of the WAL up to now: a transaction that writes one WAL record (a logical decoding message, which
   * changes no table) and commits with synchronous_commit on (see wal-flush.ts).
   */
  private async flushWal(): Promise<void> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await batchRunner(client, this.dataDir)(
        `BEGIN; SET LOCAL synchronous_commit TO on;
         SELECT pg_logical_emit_message(true, 'didar', 'flush'); COMMIT`);
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  /**
   * The statements that end a unit numbered `seq` (the audit counter read under the lock, plus one): the unit's
   * writes not sent yet, the counter raised, the audit row (written by the statement that writes the cases whose
   * before is unknown, which reads those befores into it), the idempotency key kept (a week's old keys dropped),
   * the NOTIFY that the other servers get at COMMIT. Written as literals, to go with COMMIT in one round trip.
   */
  private ending(seq: number, by: Actor, action: string, subject: { entity: string; id: string }, changes: readonly Change[], at: string,
    submission?: string, writes: PendingWrites = { statements: '', blind: [] }): string {
    const row = `${seq}, ${literal(at)}, ${literal(by.operator)}, ${literal(action)}, ${literal(subject.entity)}, ${literal(subject.id)}`;
    const befores = writes.blind.reduce((sql, c) => {
      const at = changes.findIndex((ch) => ch.entity === 'case' && ch.id === c.id);
      return `jsonb_set(${sql}, ${literal(`{${at},before}`)}, coalesce((SELECT doc FROM old WHERE id = ${literal(c.id)}), 'null'::jsonb))`;
    }, `${literal(json(changes))}::jsonb`);
    const statements = [
      `INSERT INTO counters (name, value) VALUES ('audit', ${seq}) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
      `${writes.blind.length ? `WITH ${caseWrite(writes.blind, sqlValue)}\n` : ''}INSERT INTO audit (seq, at, by, action, entity, entity_id, changes) SELECT ${row}, ${befores}`,
    ];
    if (submission !== undefined) {
      const since = new Date(new Date(at).getTime() - SUBMISSION_KEEP_DAYS * 86_400_000).toISOString();
      statements.push(`DELETE FROM submissions WHERE at < ${literal(since)}`, `INSERT INTO submissions (key, at) VALUES (${literal(submission)}, ${literal(at)})`);
    }
    if (changes.length) {
      const notice: ChangeNotice = { seq, action, by: by.operator, changes: changes.map((c) => ({ entity: c.entity, id: c.id })) };
      statements.push(`SELECT pg_notify(${literal(this.channel)}, ${literal(notifyPayload(this.origin, notice))})`);
    }
    return `${writes.statements}${statements.join(';\n')};\n`;
  }

  async mutate<T>(by: Actor, action: string, fn: (tx: Tx) => Promise<T>, submission?: string): Promise<T> {
    let notice: ChangeNotice | null = null;
    const value = await this.transaction(submission, async (run, batch, top) => {
      notice = null; // a unit run on what is held may run again under the lock
      const tx = new PgTx(run, batch, this.dataDir, this.known, top);
      const value = await fn(tx);
      const changes = tx.changes();
      if (!changes.length) return { value };
      const at = this.now().toISOString();
      if (submission !== undefined) changes.push({ entity: 'submission', id: submission, before: null, after: at });
      assertStorable(changes);
      for (const ch of changes) deepFreeze(ch.after); // committed values are frozen, as in the file store
      const seq = top.seq + 1;
      notice = { seq, action, by: by.operator, changes: changes.map((c) => ({ entity: c.entity, id: c.id })) };
      const end = this.ending(seq, by, action, changes[0]!, changes, at, submission, tx.pending());
      return { value, end, committed: () => this.known.committed(top, changes, tx.counters()) };
    });
    // this server's desks hear of it once it is on disk
    if (notice) this.notify(notice);
    return value;
  }

  async hasSubmission(key: string): Promise<boolean> {
    const since = new Date(this.now().getTime() - SUBMISSION_KEEP_DAYS * 86_400_000).toISOString();
    return (await this.run('SELECT 1 FROM submissions WHERE key = $1 AND at >= $2', [key, since])).length > 0;
  }

  /** This server's units are told at once; other servers' through LISTEN, from the first listener on. */
  onChange(listener: (c: ChangeNotice) => void): () => void {
    if (!this.closed) {
      this.stopListening ??= listenForChanges(this.url, this.dataDir, this.channel, this.origin, (c) => {
        // another server committed: what this one holds is behind, its next unit would only find it out
        this.known.forget();
        this.notify(c);
      });
    }
    return this.listeners.add(listener);
  }

  private notify(c: ChangeNotice): void {
    this.listeners.notify(c);
  }

  /** An audit row that changes nothing (a print, a sign-in): numbered like a unit, without a NOTIFY. */
  async logEvent(by: Actor, action: string, entity: string, id: string): Promise<void> {
    await this.transaction(undefined, async (_run, _batch, top) => ({
      value: undefined,
      end: this.ending(top.seq + 1, by, action, { entity, id }, [], this.now().toISOString()),
      committed: () => this.known.committed(top, []),
    }));
  }

  /** Backups of a database are the server's own (pg_dump, its replication): Didar keeps none of its own here. */
  async backupStatus(): Promise<{ lastAt: string | null; versions: number }> {
    return { lastAt: null, versions: 0 };
  }

  /** Everything committed is in the database once its WAL flush is done: units and flushes under way are waited for. */
  async settled(): Promise<void> {
    await this.serial.idle();
    await this.flushes.idle();
  }

  /** A unit of work on the store's own connection pool, for bulk copies (`didar migrate`, the bench's seeding). */
  bulk<T>(body: (run: Run) => Promise<T>): Promise<T> {
    const forget = (): void => {
      this.allCases.drop();
      this.known.forget();
    };
    forget();
    return this.transaction(undefined, async (run) => ({ value: await body(run), end: '' }), false).finally(forget);
  }

  /** VACUUM ANALYZE (outside a transaction): after a bulk copy, what autovacuum would do in its own time. */
  async maintain(): Promise<void> {
    await this.run('VACUUM ANALYZE cases, meeting_days');
  }

  /** Bytes the store's tables and indexes take on the server. */
  async sizeBytes(): Promise<number> {
    const [r] = await this.run<{ n: string }>(
      "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'");
    return Number(r!.n);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serial.idle();
    this.closed = true;
    await this.stopListening?.();
    await this.pool.end();
  }
}
