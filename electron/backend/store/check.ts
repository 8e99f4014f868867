// Integrity check of a data folder, read-only (it takes no lock and writes nothing). Every file is read the way
// the loader reads it (stored-file.ts: JSON, schema version, stored schema, records across files), so every
// problem that would stop Didar from opening the folder is found; beyond that: tracking codes unique, counters
// ahead of the codes given out, the journal's lines chained and each record in them well formed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { dayFileConflict, emptyFolderRecords, RUNTIME_FILES, SCHEMA_VERSION, storedFileKind } from '../../../shared/stored-schemas';
import { parseTrackingCode } from '../../../shared/tracking-code';
import { AUDIT_DIR, CHECKPOINT_FILE, DAYS_DIR } from './file-store';
import { BACKUP_DIR } from './backups';
import { checkpointMismatch, verifyJournal } from './journal';
import { LOCK_FILE } from './lock';
import { conformStoredFile, type DocKind, type StoredDocs } from './stored-file';

/** `problem` in English for scripts and support; `message` in Persian when the loader would say it to a clerk. */
export type CheckProblem = { file: string; problem: string; message?: string };
export type CheckReport = { ok: boolean; dataDir: string; files: number; meetingDays: number; cases: number; problems: CheckProblem[]; warnings: CheckProblem[] };

export async function checkDataDir(dataDir: string): Promise<CheckReport> {
  const dir = path.resolve(dataDir);
  const report: CheckReport = { ok: true, dataDir: dir, files: 0, meetingDays: 0, cases: 0, problems: [], warnings: [] };
  const problem = (file: string, p: string, message?: string): void => void report.problems.push({ file, problem: p, ...(message ? { message } : {}) });

  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw new Error('not a directory');
  } catch {
    problem(dir, 'data folder does not exist');
    report.ok = false;
    return report;
  }

  const readText = async (rel: string, required: boolean): Promise<string | null> => {
    try {
      const text = await fs.readFile(path.join(dir, rel), 'utf8');
      report.files++;
      return text;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problem(rel, `cannot be read: ${(e as Error).message}`);
      else if (required) problem(rel, 'missing');
      return null;
    }
  };

  const migrated = new Set<string>();
  const readDoc = async <K extends DocKind>(kind: K, rel: string, required: boolean): Promise<StoredDocs[K] | null> => {
    const text = await readText(rel, required);
    if (text === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      problem(rel, `does not parse as JSON: ${(e as Error).message}`);
      return null;
    }
    try {
      const { doc, migratedFrom } = conformStoredFile(kind, rel, json);
      if (migratedFrom !== null) {
        migrated.add(rel);
        report.warnings.push({ file: rel, problem: `schemaVersion ${migratedFrom}: upgraded to ${SCHEMA_VERSION} on next start (original kept in backups/schema-${migratedFrom}/)` });
      }
      return doc;
    } catch (e) {
      if (!(e instanceof DidarError)) throw e;
      problem(rel, e.english ?? e.message, e.message);
      return null;
    }
  };

  const meta = await readDoc('meta', 'meta.json', true);
  // from schema 3 on the journal's checkpoint says which lines the files hold; without it the loader refuses the folder
  const checkpoint = await readDoc('checkpoint', CHECKPOINT_FILE, false);
  if (meta && !checkpoint && !migrated.has('meta.json') && !report.problems.some((p) => p.file === CHECKPOINT_FILE)) {
    problem(CHECKPOINT_FILE, 'missing (the folder was written by the journal: its files alone may be behind)', msg.checkpointMissing(CHECKPOINT_FILE));
  }
  await readDoc('settings', 'settings.json', false);
  const counters = (await readDoc('counters', 'counters.json', false))?.sequences;
  await readDoc('circulars', 'circulars.json', false);
  await readDoc('grouping', 'grouping.json', false);
  await readDoc('accounts', 'accounts.json', false);
  await readDoc('submissions', 'submissions.json', false);

  const codes = new Map<string, string>();
  const maxSeq = new Map<string, number>();
  const seen = emptyFolderRecords();
  const names = (await fs.readdir(path.join(dir, DAYS_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  for (const name of names) {
    const rel = `${DAYS_DIR}/${name}`;
    const doc = await readDoc('day', rel, true);
    if (!doc) continue;
    const conflict = dayFileConflict(rel, doc, seen);
    if (conflict) problem(rel, conflict.english ?? conflict.message, conflict.message);
    report.meetingDays++;
    doc.cases.forEach((c, i) => {
      const where = `${rel} case #${i + 1} (${c.code})`;
      report.cases++;
      const holder = codes.get(c.code);
      if (holder) return problem(where, `tracking code also used in ${holder}`);
      codes.set(c.code, where);
      const { yy, sequence } = parseTrackingCode(c.code);
      const key = String(yy).padStart(2, '0');
      maxSeq.set(key, Math.max(maxSeq.get(key) ?? 0, sequence));
    });
  }
  for (const [yy, seq] of maxSeq) {
    if ((counters?.[yy] ?? 0) < seq) report.warnings.push({ file: 'counters.json', problem: `counter of year ${yy} behind issued codes (${seq}); raised on next start` });
  }

  const journal = await verifyJournal(dir);
  report.problems.push(...journal.problems.map(({ file, problem: p }) => ({ file, problem: p })));
  report.warnings.push(...journal.warnings);
  // a changed journal moves its lines under the checkpoint too: the checkpoint is only blamed for a sound journal
  if (checkpoint && !journal.problems.length) {
    const journalFile = checkpoint.file ? await fs.readFile(path.join(dir, AUDIT_DIR, checkpoint.file)).catch(() => null) : null;
    const mismatch = checkpointMismatch(journalFile, checkpoint);
    if (mismatch) problem(CHECKPOINT_FILE, mismatch, msg.checkpointBroken(CHECKPOINT_FILE));
  }
  report.files += (await fs.readdir(path.join(dir, AUDIT_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).length;

  for (const rel of await unknownFiles(dir)) report.warnings.push({ file: rel, problem: 'not a Didar data file (left alone; not part of a backup)' });
  report.ok = report.problems.length === 0;
  return report;
}

/** Files in the folder that are none of Didar's (a backup leaves them out, a restore refuses them). */
async function unknownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    if (e.name === BACKUP_DIR || e.name.startsWith(LOCK_FILE) || RUNTIME_FILES.has(e.name)) continue;
    if (e.isDirectory() && (e.name === DAYS_DIR || e.name === AUDIT_DIR)) {
      for (const f of await fs.readdir(path.join(dir, e.name))) {
        const rel = `${e.name}/${f}`;
        if (!storedFileKind(rel) && !f.endsWith('.tmp')) out.push(rel);
      }
    } else if (!storedFileKind(e.name) && !e.name.endsWith('.tmp')) out.push(e.name);
  }
  return out;
}
