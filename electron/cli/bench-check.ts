// What a day at several desks left in the store, read back after the server stopped: every change a desk was
// told was saved is there, no tracking code was given twice, nothing was saved twice, and the audit trail (the
// folder's journal, or the database's audit table) holds exactly one line for each acknowledged change and none
// that no desk made.
import type { Case } from '../../shared/domain';
import type { StoreLocation } from '../backend/data-dir';
import { readJournal } from '../backend/store/journal';
import { openStore } from '../backend/store/open-store';
import { readAuditTrail } from '../backend/store/pg/changes';
import type { CallRecord } from './bench-client';
import type { DayLog } from './bench-day';

export type DayCheck = {
  /** Acknowledged changes whose effect is not in the store read back. */
  lost: number;
  /** Tracking codes held by more than one case (in the store, or in the desks' answers). */
  duplicateCodes: number;
  /** Citizens of the day with more than one case or more than one place in the queue. */
  savedTwice: number;
  /**
   * Acknowledged changes without exactly one journal line by their desk, plus journal lines of changes by
   * the desks that no desk was told of.
   */
  auditGaps: number;
  /** The cases of the meeting day in the store. */
  cases: number;
  /** The journal's lines of the desks' changes: seq → the idempotency key it carried. */
  keyOfSeq: Map<number, string>;
  /** What went wrong, one line each (empty when all is well), for the tests' messages. */
  problems: string[];
};

const acknowledgedCall = (c: CallRecord): c is CallRecord & { key: string } =>
  c.key !== undefined && (c.reply.ok || c.reply.error.code === 'already-done');

/** One line of the audit trail: which unit of work, by whom, and what it changed (a desk's key among it). */
type AuditLine = { seq: number; by: string; action: string; changes: readonly { entity: string; id: string }[] };

/** Reads the store of a finished day (the server stopped, or killed and not restarted). */
export async function checkDay(at: StoreLocation, dayId: string, log: DayLog, desks: readonly string[]): Promise<DayCheck> {
  const problems: string[] = [];
  const { store } = await openStore(at, () => new Date());
  let lost = 0;
  let all: readonly Case[];
  let ofDay: readonly Case[];
  let queue;
  try {
    for (const a of log.acknowledged) {
      if (a.step.stored && !(await a.step.stored(store, a.value, a.args))) {
        lost++;
        problems.push(`lost: ${a.call.desk} ${a.step.method} ${JSON.stringify(a.args).slice(0, 120)}`);
      }
    }
    all = await store.scanCases({});
    ofDay = await store.listCasesOfDay(dayId);
    queue = await store.getQueue(dayId);
  } finally {
    await store.close();
  }

  const holders = new Map<string, Set<string>>();
  // a case recorded before its order has no code yet: nothing to hold
  const hold = (code: string | undefined, id: string): void => {
    if (code) (holders.get(code) ?? holders.set(code, new Set()).get(code)!).add(id);
  };
  for (const c of all) hold(c.code, c.id);
  for (const a of log.acknowledged) {
    if ((a.step.method === 'case/record' || a.step.method === 'case/allocateCode') && a.value) hold((a.value as Case).code, (a.value as Case).id);
  }
  const duplicated = [...holders].filter(([, ids]) => ids.size > 1);
  for (const [code, ids] of duplicated) problems.push(`code ${code} held by ${[...ids].join(', ')}`);

  const twice = (ids: readonly string[]): string[] => [...new Set(ids.filter((x, i) => ids.indexOf(x) !== i))];
  const savedTwice = [...twice(ofDay.map((c) => c.citizen.nationalId)), ...twice(queue.map((e) => e.nationalId))];
  for (const id of savedTwice) problems.push(`saved twice for national ID ${id}`);

  const records: readonly AuditLine[] = at.databaseUrl !== undefined
    ? await readAuditTrail(at.databaseUrl)
    : (await readJournal(at.dataDir, { seq: 0, file: '', offset: 0, hash: '' })).records;
  const audit = auditGaps(records, log.calls, new Set(desks));
  problems.push(...audit.problems);
  return {
    lost, duplicateCodes: duplicated.length, savedTwice: savedTwice.length, auditGaps: audit.problems.length,
    cases: ofDay.length, keyOfSeq: audit.keyOfSeq, problems,
  };
}

/** Journal lines against the desks' acknowledged changes, by the idempotency key each line carries. */
function auditGaps(records: readonly AuditLine[], calls: readonly CallRecord[], desks: ReadonlySet<string>) {
  const problems: string[] = [];
  const keyOfSeq = new Map<number, string>();
  const linesOf = new Map<string, AuditLine[]>();
  for (const r of records) {
    const key = r.changes.find((c) => c.entity === 'submission')?.id;
    if (key) {
      keyOfSeq.set(r.seq, key);
      (linesOf.get(key) ?? linesOf.set(key, []).get(key)!).push(r);
    } else if (desks.has(r.by) && r.changes.length > 0) {
      problems.push(`journal line ${r.seq} (${r.action} by ${r.by}) changes data without a desk's submission`);
    }
  }
  const acknowledged = new Map<string, CallRecord>();
  for (const c of calls) if (acknowledgedCall(c)) acknowledged.set(c.key, c);
  for (const [key, c] of acknowledged) {
    const lines = linesOf.get(key) ?? [];
    if (lines.length !== 1) problems.push(`${c.desk} ${c.method} ${key}: ${lines.length} journal lines`);
    else if (lines[0]!.by !== c.desk) problems.push(`${c.desk} ${c.method} ${key}: journal line by ${lines[0]!.by}`);
  }
  for (const [key, lines] of linesOf) {
    if (!acknowledged.has(key) && lines.some((l) => desks.has(l.by))) problems.push(`journal line ${lines[0]!.seq} (${lines[0]!.action}): no desk was told of it`);
  }
  return { problems, keyOfSeq };
}
