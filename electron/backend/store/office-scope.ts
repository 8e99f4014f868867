// What a county governorate's staff may see and change: the store seen through their office. Every read that
// lists or opens cases, meeting days or queues answers only the office's own (lists and scans pass the office
// to the store, which filters in its index or in SQL); a write to another office's record is refused. The
// one place the scope is applied: makeContext wraps the store with it for a county's caller.
import type { Case, CodedCase, MeetingDay, QueueEntry } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { officeLabel, officeOf, PROVINCE, type Office } from '../../../shared/offices';
import type { StoredAccount } from '../../../shared/accounts';
import type { Circular } from '../../../shared/circular';
import type { GroupCorrection } from '../../../shared/grouping/corrections';
import type { Settings } from '../../../shared/settings';
import type { CasePage, CaseQuery, CaseScan, DayCounts, Store, StoreReader, Tx } from './store';

const ROOT = Symbol('unscoped store');

type Scoped = { [ROOT]: object };

/**
 * The store the scope was put on, for what is kept per store whatever the caller's office (the grouping run of
 * the whole province: a county's board shows its own cases of the province-wide groups).
 */
export const unscoped = <T extends object>(s: T): T => ((s as Partial<Scoped>)[ROOT] as T | undefined) ?? s;

class ScopedReader implements StoreReader {
  readonly [ROOT]: object;

  constructor(
    protected readonly base: StoreReader,
    readonly office: Office,
  ) {
    this[ROOT] = unscoped(base);
  }

  get dataDir(): string {
    return this.base.dataDir;
  }

  protected own<T extends { readonly office?: string }>(r: T | undefined): T | undefined {
    return r && officeOf(r) === this.office ? r : undefined;
  }

  protected ownOnly<T extends { readonly office?: string }>(rs: readonly T[]): readonly T[] {
    return rs.filter((r) => officeOf(r) === this.office);
  }

  /** A day of another office is not there for this caller, as a day that does not exist. */
  protected async requireOwnDay(dayId: string): Promise<void> {
    if (!this.own(await this.base.getMeetingDay(dayId))) throw new DidarError('not-found', msg.meetingDayNotFound);
  }

  getSettings(): Promise<Settings> {
    return this.base.getSettings();
  }

  async listMeetingDays(): Promise<readonly MeetingDay[]> {
    return this.ownOnly(await this.base.listMeetingDays());
  }

  async getMeetingDay(id: string): Promise<MeetingDay | undefined> {
    return this.own(await this.base.getMeetingDay(id));
  }

  async getQueue(dayId: string): Promise<readonly QueueEntry[]> {
    await this.requireOwnDay(dayId);
    return this.base.getQueue(dayId);
  }

  async getCase(id: string): Promise<Case | undefined> {
    return this.own(await this.base.getCase(id));
  }

  async getCaseByCode(code: string): Promise<CodedCase | undefined> {
    return this.own(await this.base.getCaseByCode(code));
  }

  async listUncodedCases(): Promise<readonly Case[]> {
    return this.ownOnly(await this.base.listUncodedCases());
  }

  async getCases(ids: readonly string[]): Promise<readonly Case[]> {
    return this.ownOnly(await this.base.getCases(ids));
  }

  async listCasesOfDay(dayId: string): Promise<readonly Case[]> {
    await this.requireOwnDay(dayId);
    return this.base.listCasesOfDay(dayId);
  }

  async listCasesOfCitizen(nationalId: string): Promise<readonly Case[]> {
    return this.ownOnly(await this.base.listCasesOfCitizen(nationalId));
  }

  async countCases(): Promise<number> {
    return (await this.base.queryCases({ office: this.office, sort: 'recent', offset: 0, limit: 0 })).total;
  }

  /** Another office asked for by a county's caller: nothing of it (the reports' office picker is the province's). */
  queryCases(q: CaseQuery): Promise<CasePage> {
    if (q.office !== undefined && q.office !== this.office) return Promise.resolve({ total: 0, items: [] });
    return this.base.queryCases({ ...q, office: this.office });
  }

  async scanCases(s: CaseScan): Promise<readonly Case[]> {
    if (s.office !== undefined && s.office !== this.office) return [];
    return this.base.scanCases({ ...s, office: this.office });
  }

  async meetingDayCounts(): Promise<ReadonlyMap<string, DayCounts>> {
    const own = new Set((await this.listMeetingDays()).map((d) => d.id));
    return new Map([...(await this.base.meetingDayCounts())].filter(([id]) => own.has(id)));
  }

  /** A circular names the cases it rests on: an office sees it only when every one of them is its own. */
  protected async ownCircular(c: Circular | undefined): Promise<Circular | undefined> {
    if (!c) return undefined;
    const cases = await this.base.getCases(c.caseIds);
    return cases.length === new Set(c.caseIds).size && cases.every((x) => officeOf(x) === this.office) ? c : undefined;
  }

  async listCirculars(): Promise<readonly Circular[]> {
    const own: Circular[] = [];
    for (const c of await this.base.listCirculars()) if (await this.ownCircular(c)) own.push(c);
    return own;
  }

  async getCircular(id: string): Promise<Circular | undefined> {
    return this.ownCircular(await this.base.getCircular(id));
  }

  listGroupCorrections(): Promise<readonly GroupCorrection[]> {
    return this.base.listGroupCorrections();
  }

  peekCircularNumber(jalaliYear: number): Promise<number> {
    return this.base.peekCircularNumber(jalaliYear);
  }

  peekLetterNumber(jalaliYear: number): Promise<number> {
    return this.base.peekLetterNumber(jalaliYear);
  }

  listAccounts(): Promise<readonly StoredAccount[]> {
    return this.base.listAccounts();
  }

  getAccount(id: string): Promise<StoredAccount | undefined> {
    return this.base.getAccount(id);
  }

  getAccountByUsername(username: string): Promise<StoredAccount | undefined> {
    return this.base.getAccountByUsername(username);
  }
}

/** The store of a call: with the events and backups of the store itself. */
type CallStore = StoreReader & Pick<Store, 'logEvent' | 'backupStatus'>;

class ScopedStore extends ScopedReader {
  constructor(private readonly store: CallStore, office: Office) {
    super(store, office);
  }

  logEvent: CallStore['logEvent'] = (...a) => this.store.logEvent(...a);
  backupStatus: CallStore['backupStatus'] = () => this.store.backupStatus();
}

/** A unit of work of a county's caller: reads as above; what it writes must be, and stay, its office's. */
class ScopedTx extends ScopedReader implements Tx {
  constructor(private readonly tx: Tx, office: Office) {
    super(tx, office);
  }

  private refuse(): never {
    throw new DidarError('forbidden', msg.caseNotInOffice(officeLabel(this.office)));
  }

  hasChanges(): boolean {
    return this.tx.hasChanges();
  }

  /** The settings are the whole province's (its counties, departments, holidays: every office's deadlines). */
  putSettings(): Promise<void> {
    throw new DidarError('forbidden', msg.settingsOfProvince);
  }

  async addMeetingDay(day: MeetingDay): Promise<void> {
    if (officeOf(day) !== this.office) throw new DidarError('forbidden', msg.meetingDayNotInOffice(officeLabel(this.office)));
    return this.tx.addMeetingDay(day);
  }

  async putQueueEntry(dayId: string, entry: QueueEntry): Promise<void> {
    await this.requireOwnDay(dayId);
    return this.tx.putQueueEntry(dayId, entry);
  }

  async putCase(next: Case): Promise<void> {
    const before = await this.tx.getCase(next.id);
    if (officeOf(next) !== this.office || (before && officeOf(before) !== this.office)) this.refuse();
    return this.tx.putCase(next);
  }

  async putCircular(next: Circular): Promise<void> {
    if (!(await this.ownCircular(next))) this.refuse();
    return this.tx.putCircular(next);
  }

  addGroupCorrection(c: GroupCorrection): Promise<void> {
    return this.tx.addGroupCorrection(c);
  }

  putAccount(a: StoredAccount): Promise<void> {
    return this.tx.putAccount(a);
  }

  nextSequence(jalaliYear: number): Promise<number> {
    return this.tx.nextSequence(jalaliYear);
  }

  nextCircularNumber(jalaliYear: number): Promise<number> {
    return this.tx.nextCircularNumber(jalaliYear);
  }

  nextLetterNumber(jalaliYear: number): Promise<number> {
    return this.tx.nextLetterNumber(jalaliYear);
  }
}

/** The store as a caller of `office` sees it: the province sees the store itself. */
export function storeOfOffice<S extends CallStore>(store: S, office: Office): S {
  return office === PROVINCE ? store : (new ScopedStore(store, office) as unknown as S);
}

export function txOfOffice(tx: Tx, office: Office): Tx {
  return office === PROVINCE ? tx : new ScopedTx(tx, office);
}
