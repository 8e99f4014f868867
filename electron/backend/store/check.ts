// Integrity check of a data folder, read-only (it takes no lock and writes nothing): every file parses
// and has a known schema version, cases are consistent, codes are valid and unique, counters are ahead.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Case } from '../../../shared/domain';
import { isJalaliString } from '../../../shared/jalali';
import { isValidNationalId } from '../../../shared/national-id';
import { parseTrackingCode, verhoeffValid } from '../../../shared/tracking-code';
import { AUDIT_DIR, DAYS_DIR, SCHEMA_VERSION, type DayDoc } from './file-store';
import { verifyJournal } from './journal';

export type CheckProblem = { file: string; problem: string };
export type CheckReport = { ok: boolean; dataDir: string; files: number; meetingDays: number; cases: number; problems: CheckProblem[]; warnings: CheckProblem[] };

export async function checkDataDir(dataDir: string): Promise<CheckReport> {
  const dir = path.resolve(dataDir);
  const report: CheckReport = { ok: true, dataDir: dir, files: 0, meetingDays: 0, cases: 0, problems: [], warnings: [] };
  const problem = (file: string, p: string): void => void report.problems.push({ file, problem: p });

  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw new Error('not a directory');
  } catch {
    problem(dir, 'data folder does not exist');
    report.ok = false;
    return report;
  }

  const readDoc = async (rel: string, required: boolean): Promise<Record<string, unknown> | null> => {
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, rel), 'utf8');
    } catch {
      if (required) problem(rel, 'missing');
      return null;
    }
    report.files++;
    try {
      const v = JSON.parse(text) as Record<string, unknown>;
      const version = v.schemaVersion;
      if (typeof version !== 'number') problem(rel, 'no schemaVersion');
      else if (version > SCHEMA_VERSION) problem(rel, `schemaVersion ${version} is newer than this Didar (${SCHEMA_VERSION})`);
      else if (version < SCHEMA_VERSION) report.warnings.push({ file: rel, problem: `schemaVersion ${version}: upgraded to ${SCHEMA_VERSION} on next start (original kept in backups/schema-${version}/)` });
      return v;
    } catch (e) {
      problem(rel, `does not parse as JSON: ${(e as Error).message}`);
      return null;
    }
  };

  await readDoc('meta.json', true);
  await readDoc('settings.json', false);
  const counters = (await readDoc('counters.json', false))?.sequences as Record<string, number> | undefined;

  const codes = new Map<string, string>();
  const ids = new Set<string>();
  const maxSeq = new Map<string, number>();
  const names = (await fs.readdir(path.join(dir, DAYS_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  for (const name of names) {
    const rel = `${DAYS_DIR}/${name}`;
    const doc = (await readDoc(rel, true)) as unknown as DayDoc | null;
    if (!doc) continue;
    if (!doc.day?.id || !isJalaliString(doc.day.date ?? '') || !Array.isArray(doc.cases) || !Array.isArray(doc.queue)) {
      problem(rel, 'not a meeting-day file (day, queue, cases)');
      continue;
    }
    report.meetingDays++;
    doc.cases.forEach((c: Case, i) => {
      const where = `${rel} case #${i + 1}${c?.code ? ` (${c.code})` : ''}`;
      report.cases++;
      if (!c?.id || ids.has(c.id)) problem(where, 'missing or repeated id');
      ids.add(c?.id);
      if (typeof c?.code !== 'string' || !/^\d{10}$/.test(c.code) || !verhoeffValid(c.code)) problem(where, 'invalid tracking code');
      else if (codes.has(c.code)) problem(where, `tracking code also used in ${codes.get(c.code)}`);
      else {
        codes.set(c.code, where);
        const { yy, sequence } = parseTrackingCode(c.code);
        const key = String(yy).padStart(2, '0');
        maxSeq.set(key, Math.max(maxSeq.get(key) ?? 0, sequence));
      }
      if (c?.meetingDayId !== doc.day.id) problem(where, 'belongs to another meeting day');
      if (!isValidNationalId(c?.citizen?.nationalId ?? '')) problem(where, 'invalid national ID');
      if (typeof c?.text !== 'string' || !c.text.length || c.text.length > 2000) problem(where, 'issue text empty or too long');
    });
  }
  for (const [yy, seq] of maxSeq) {
    if ((counters?.[yy] ?? 0) < seq) report.warnings.push({ file: 'counters.json', problem: `counter of year ${yy} behind issued codes (${seq}); raised on next start` });
  }

  const journal = await verifyJournal(dir);
  report.problems.push(...journal.problems);
  report.warnings.push(...journal.warnings);
  report.files += (await fs.readdir(path.join(dir, AUDIT_DIR)).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).length;
  report.ok = report.problems.length === 0;
  return report;
}
