// Schema versions of the data files and the steps that bring an older file up to date. A file is migrated
// in memory as it is read; the store then writes it back once, after keeping the original untouched in
// backups/schema-N/ (never pruned), so an upgrade can always be undone by hand.
import fs from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_DIR, SCHEMA_BACKUP_PREFIX } from './backups';
import { SCHEMA_VERSION } from '../../../shared/stored-schemas';
import { writeFileDurable } from './durable-file';

/** The version this Didar writes (defined with the stored schemas). Raise it only together with a step in MIGRATIONS. */
export { SCHEMA_VERSION };

type Json = Record<string, unknown>;
type Migration = {
  /** The version data has after this step. */
  to: number;
  /** Changes one case of the previous version in place (day files and JSON exports hold cases). */
  case?(c: Json): void;
};

const isDayFile = (rel: string): boolean => /^days[\\/][^\\/]+\.json$/.test(rel);

const MIGRATIONS: readonly Migration[] = [
  {
    // 1 → 2: the order no longer keeps its own copy of the due date. The deadline holds it, and extensions,
    // pauses and holiday changes move only the deadline, so a reprinted slip showed the stale first date.
    to: 2,
    case: (c) => {
      const order = c.order as Json | undefined;
      if (order && typeof order === 'object') delete order.dueDate;
    },
  },
  {
    // 2 → 3: changes are written to the journal (audit month files) first and compacted into the files;
    // journal.json says up to which line they hold. No record changes shape; the files are only re-stamped,
    // so that a Didar of version 2, which would not replay the journal, refuses the folder.
    to: 3,
  },
];

/** Brings cases written in version `from` up to SCHEMA_VERSION, in place (anything not an object is left for validation). */
export function migrateCases(cases: readonly unknown[], from: number): void {
  for (const step of MIGRATIONS) {
    if (step.to <= from || !step.case) continue;
    for (const c of cases) if (c && typeof c === 'object') step.case(c as Json);
  }
}

/** Brings a parsed file of an older version up to SCHEMA_VERSION in place; returns the version it had. */
export function migrateDoc(rel: string, doc: Json & { schemaVersion: number }): number {
  const from = doc.schemaVersion;
  if (isDayFile(rel) && Array.isArray(doc.cases)) migrateCases(doc.cases, from);
  doc.schemaVersion = SCHEMA_VERSION;
  return from;
}

/**
 * The original of a file about to be rewritten by a migration, kept per old version and on disk (fsynced)
 * first. A copy with the same bytes is left alone (an earlier, interrupted upgrade kept it); a different
 * one (an older bundle restored since) is kept beside it under a time-stamped name.
 */
export async function keepOriginal(dataDir: string, rel: string, version: number): Promise<void> {
  const original = await fs.readFile(path.join(dataDir, rel));
  let target = path.join(dataDir, BACKUP_DIR, `${SCHEMA_BACKUP_PREFIX}${version}`, rel);
  const kept = await fs.readFile(target).catch(() => null);
  if (kept?.equals(original)) return;
  if (kept) target = target.replace(/(\.json)?$/, `-${new Date().toISOString().replace(/[:.]/g, '-')}$1`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeFileDurable(target, original);
}
