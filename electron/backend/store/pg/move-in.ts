// `didar migrate --data DIR --to URL`: copies an office's data folder into the database in one transaction, then
// verifies counts, codes and a checksum per case read back from both sides. Records already there unchanged are
// left as they are, so a second run adds nothing; a record the database holds differently (the same id or
// tracking code, another value) stops the move before anything is written.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Case } from '../../../../shared/domain';
import type { GroupCorrection } from '../../../../shared/grouping/corrections';
import { DidarError } from '../../../../shared/errors';
import { msg } from '../../../../shared/messages';
import { checksum } from '../canonical';
import { openFileStore, type FileStore } from '../file-store';
import { AUDIT_DIR, verifyJournal, type Change } from '../journal';
import { queueKey } from '../store';
import { circularCounter, codeCounter, letterCounter, upsertCases } from './case-rows';
import type { Run } from './connection';
import { openPgStore, type PgStore } from './pg-store';

export type Counts = { meetingDays: number; queueEntries: number; cases: number; circulars: number; groupCorrections: number; accounts: number; settings: number; auditRecords: number };

export type MoveInReport = {
  from: string;
  to: string;
  added: Counts;
  alreadyThere: Counts;
  /** Read back from the database after the commit: every case of the folder, by code, with the same checksum. */
  verified: { cases: number; codes: number; checksums: number };
  nothingToAdd: boolean;
};

/** Refused before anything was written: what the database holds differently, in English for the log. */
export class MoveInConflict extends DidarError {
  constructor(db: string, readonly details: string[]) {
    super('conflict', msg.migrateConflict(db, details.slice(0, 3).join('، ')));
  }
}

type AuditLine = { at: string; by: string; action: string; entity: string; id: string; changes: Change[] };

/** Every line of the folder's audit trail in order: journal lines, and the lines written before the journal. */
async function auditLines(dir: string): Promise<{ lines: AuditLine[]; lastSeq: number; firstHash: string }> {
  const names = (await fs.readdir(path.join(dir, AUDIT_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).sort();
  const lines: AuditLine[] = [];
  let lastSeq = 0;
  let firstHash = '';
  for (const name of names) {
    for (const text of (await fs.readFile(path.join(dir, AUDIT_DIR, name), 'utf8')).split('\n')) {
      if (!text) continue;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(text) as Record<string, unknown>;
      } catch {
        continue; // a last line cut off by a crash, never acknowledged (the folder's own start-up removes it)
      }
      const changes = Array.isArray(r.changes) ? (r.changes as Change[])
        : 'after' in r ? [{ entity: String(r.entity), id: String(r.id), before: r.before ?? null, after: r.after }] : [];
      lines.push({ at: String(r.at), by: String(r.by), action: String(r.action), entity: String(r.entity ?? ''), id: String(r.id ?? ''), changes });
      if (typeof r.seq === 'number') {
        lastSeq = r.seq;
        firstHash ||= String(r.hash);
      }
    }
  }
  return { lines, lastSeq, firstHash };
}

/** A correction from before corrections had ids is known by its content (the same on every run). */
const correctionId = (c: GroupCorrection): string => c.id ?? `content-${checksum(c).slice(0, 32)}`;

const zero = (): Counts => ({ meetingDays: 0, queueEntries: 0, cases: 0, circulars: 0, groupCorrections: 0, accounts: 0, settings: 0, auditRecords: 0 });

/** The records of one table the folder brings: each is added, already there (same checksum), or a conflict. */
async function sortOut<T>(
  run: Run, table: string, key: string, items: readonly { key: string; doc: unknown; value: T }[], kind: keyof Counts,
  report: MoveInReport, conflicts: string[],
): Promise<T[]> {
  if (!items.length) return [];
  const rows = await run<{ k: string; doc: unknown }>(`SELECT ${key} AS k, doc FROM ${table} WHERE ${key} = ANY($1::text[])`, [items.map((i) => i.key)]);
  const held = new Map(rows.map((r) => [r.k, checksum(r.doc)]));
  const missing: T[] = [];
  for (const i of items) {
    const there = held.get(i.key);
    if (there === undefined) missing.push(i.value);
    else if (there === checksum(i.doc)) report.alreadyThere[kind]++;
    else conflicts.push(`${table} ${i.key}`);
  }
  report.added[kind] = missing.length;
  return missing;
}

/** `operator` names who moved the folder in the audit row of the move (`cli:<os user>`). */
export async function moveIn(dataDir: string, url: string, operator: string, now: () => Date = () => new Date()): Promise<MoveInReport> {
  const dir = path.resolve(dataDir);
  const chain = await verifyJournal(dir);
  if (chain.problems.length) throw new DidarError('corrupt-file', msg.journalBroken(chain.problems[0]!.file, 0));
  let source: FileStore | null = null;
  let target: PgStore | null = null;
  try {
    source = await openFileStore(dir, { now });
    target = await openPgStore(url, { now });
    const report = await copy(source, target, dir, { operator, at: now().toISOString() });
    report.verified = await verify(source, target);
    return report;
  } finally {
    await target?.close();
    await source?.close();
  }
}

async function copy(source: FileStore, target: PgStore, dir: string, by: { operator: string; at: string }): Promise<MoveInReport> {
  const report: MoveInReport = { from: dir, to: target.dataDir, added: zero(), alreadyThere: zero(), verified: { cases: 0, codes: 0, checksums: 0 }, nothingToAdd: false };
  const days = await source.listMeetingDays();
  const queue = (await Promise.all(days.map(async (d) => (await source.getQueue(d.id)).map((q) => ({ dayId: d.id, entry: q }))))).flat();
  const cases = await source.scanCases({});
  const circulars = await source.listCirculars();
  const corrections = await source.listGroupCorrections();
  const accounts = await source.listAccounts();
  const settings = await source.getSettings();
  const { codeSequences, letterNumbers, circularNumbers } = source.counterValues();
  const audit = await auditLines(dir);
  const meta = JSON.parse(await fs.readFile(path.join(dir, 'meta.json'), 'utf8').catch(() => '{}')) as { createdAt?: string };
  // the same folder moved again is known by when it was made and its journal's first line
  const folder = `${meta.createdAt ?? dir}/${audit.firstHash}`;

  await target.bulk(async (run) => {
    const conflicts: string[] = [];
    const addDays = await sortOut(run, 'meeting_days', 'id', days.map((d) => ({ key: d.id, doc: d, value: d })), 'meetingDays', report, conflicts);
    const addQueue = await sortOut(run, 'queue_entries', "day_id || '#' || number",
      queue.map((q) => ({ key: queueKey(q.dayId, q.entry.number), doc: q.entry, value: q })), 'queueEntries', report, conflicts);
    const addCases = await sortOut(run, 'cases', 'id', cases.map((c) => ({ key: c.id, doc: c, value: c })), 'cases', report, conflicts);
    const addCirculars = await sortOut(run, 'circulars', 'id', circulars.map((c) => ({ key: c.id, doc: c, value: c })), 'circulars', report, conflicts);
    const addCorrections = await sortOut(run, 'group_corrections', 'id', corrections.map((c) => ({ key: correctionId(c), doc: c, value: c })), 'groupCorrections', report, conflicts);
    const addAccounts = await sortOut(run, 'accounts', 'id', accounts.map((a) => ({ key: a.id, doc: a, value: a })), 'accounts', report, conflicts);
    // the same tracking code or user name on another record: the province's codes and names must stay unique
    const codeClash = await run<{ code: string }>('SELECT code FROM cases WHERE code = ANY($1::text[]) AND NOT (id = ANY($2::text[]))',
      [addCases.map((c) => c.code), addCases.map((c) => c.id)]);
    for (const r of codeClash) conflicts.push(`tracking code ${r.code} on another case`);
    const nameClash = await run<{ username: string }>('SELECT username FROM accounts WHERE username = ANY($1::text[])', [addAccounts.map((a) => a.username)]);
    for (const r of nameClash) conflicts.push(`user name ${r.username} on another account`);
    const [held] = await run<{ doc: unknown }>('SELECT doc FROM settings');
    if (held && checksum({ ...settings, ...(held.doc as object) }) !== checksum(settings)) conflicts.push('settings');
    if (conflicts.length) throw new MoveInConflict(target.dataDir, conflicts);

    if (!held) {
      await run('INSERT INTO settings (only_row, doc) VALUES (true, $1)', [JSON.stringify(settings)]);
      report.added.settings = 1;
    } else report.alreadyThere.settings = 1;
    for (const d of addDays) await run('INSERT INTO meeting_days (id, date, doc) VALUES ($1, $2, $3)', [d.id, d.date, JSON.stringify(d)]);
    for (const q of addQueue) await run('INSERT INTO queue_entries (day_id, number, doc) VALUES ($1, $2, $3)', [q.dayId, q.entry.number, JSON.stringify(q.entry)]);
    await upsertCases(run, addCases as Case[]);
    for (const c of addCirculars) await run('INSERT INTO circulars (id, doc) VALUES ($1, $2)', [c.id, JSON.stringify(c)]);
    for (const c of addCorrections) await run('INSERT INTO group_corrections (id, doc) VALUES ($1, $2)', [correctionId(c), JSON.stringify(c)]);
    for (const a of addAccounts) await run('INSERT INTO accounts (id, username, doc) VALUES ($1, $2, $3)', [a.id, a.username, JSON.stringify(a)]);
    const counters = [
      ...Object.entries(codeSequences).map(([yy, n]) => [codeCounter(Number(yy)), n] as const),
      ...Object.entries(letterNumbers).map(([y, n]) => [letterCounter(Number(y)), n] as const),
      ...Object.entries(circularNumbers).map(([y, n]) => [circularCounter(Number(y)), n] as const),
    ];
    if (counters.length) {
      await run(`INSERT INTO counters (name, value) SELECT * FROM unnest($1::text[], $2::bigint[])
                 ON CONFLICT (name) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value)`, [counters.map((c) => c[0]), counters.map((c) => c[1])]);
    }

    // the folder's audit trail after what an earlier move brought (its journal lines are numbered; older lines come once)
    const [seen] = await run<{ journal_seq: string }>('SELECT journal_seq FROM imported_folders WHERE folder = $1', [folder]);
    const fromSeq = seen ? Number(seen.journal_seq) : -1;
    const legacy = audit.lines.length - (audit.lastSeq ? audit.lastSeq : 0);
    const newLines = fromSeq < 0 ? audit.lines : audit.lines.slice(legacy + fromSeq);
    report.alreadyThere.auditRecords = audit.lines.length - newLines.length;
    report.added.auditRecords = newLines.length;
    const added = Object.values(report.added).reduce((a, b) => a + b, 0);
    report.nothingToAdd = added === 0;
    if (report.nothingToAdd) return;
    const moved: AuditLine = { at: by.at, by: by.operator, action: 'migrate/folder', entity: 'dataFolder', id: dir, changes: [] };
    for (const l of [...newLines, moved]) {
      await run(`WITH n AS (INSERT INTO counters (name, value) VALUES ('audit', 1)
                            ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value)
                 INSERT INTO audit (seq, at, by, action, entity, entity_id, changes) SELECT n.value, $1, $2, $3, $4, $5, $6 FROM n`,
      [l.at, l.by, l.action, l.entity, l.id, JSON.stringify(l.changes)]);
    }
    await run(`INSERT INTO imported_folders (folder, journal_seq, at) VALUES ($1, $2, now())
               ON CONFLICT (folder) DO UPDATE SET journal_seq = EXCLUDED.journal_seq, at = EXCLUDED.at`, [folder, audit.lastSeq]);
  });
  return report;
}

/** Counts, codes and every case's checksum, read back from the database through the store's own reads. */
async function verify(source: FileStore, target: PgStore): Promise<MoveInReport['verified']> {
  const mine = await source.scanCases({});
  const there = new Map((await target.getCases(mine.map((c) => c.id))).map((c) => [c.id, c]));
  const problems: string[] = [];
  let codes = 0;
  let sums = 0;
  for (const c of mine) {
    const t = there.get(c.id);
    if (!t) {
      problems.push(`case ${c.code} missing`);
      continue;
    }
    if (t.code === c.code) codes++; // and the code is unique in the database (its UNIQUE constraint)
    else problems.push(`case ${c.id}: code ${t.code} instead of ${c.code}`);
    if (checksum(t) === checksum(c)) sums++;
    else problems.push(`case ${c.code}: checksum differs`);
  }
  const days = await source.listMeetingDays();
  for (const d of days) if (!(await target.getMeetingDay(d.id))) problems.push(`meeting day ${d.id} missing`);
  if (problems.length) throw new Error(`didar migrate: the database does not hold the folder as it was: ${problems.slice(0, 5).join('; ')}`);
  return { cases: there.size, codes, checksums: sums };
}
