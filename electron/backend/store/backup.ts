// `didar backup` / `didar restore`: the data files of a folder (days, settings, counters, circulars, grouping,
// the journal and its checkpoint) in one gzipped JSON bundle. A restore is all or nothing: the bundle is checked whole with the loader's
// schemas, written to a staging folder beside the data folder and swapped in by rename, so any failure leaves
// the folder exactly as it was; the folder's previous files are kept in the new folder's backups/.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import { dayFileConflict, emptyFolderRecords, SCHEMA_VERSION, storedFileKind, type FolderRecords } from '../../../shared/stored-schemas';
import { BACKUP_DIR, Backups } from './backups';
import { fsyncDir, writeFileDurable } from './durable-file';
import { AUDIT_DIR, checkpointMismatch, verifyJournalTexts, type JournalPosition } from './journal';
import { acquireLock, LOCK_FILE } from './lock';
import { conformStoredFile } from './stored-file';

const FORMAT = 'didar-backup';
const VERSION = 1;

/** Largest bundle read back: the longest string JavaScript holds (some 400,000 cases). */
export const BUNDLE_MAX_BYTES = 512 * 1024 * 1024;
/** Data files compress about ten to one; a file that inflates a hundredfold is a bomb, not a backup. */
export const BUNDLE_MAX_RATIO = 100;
/** A bundle holding fewer cases than this share of the folder it replaces needs --force twice. */
const FEWER_SHARE = 0.5;

const BundleSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(1).max(VERSION),
  createdAt: z.string().max(64),
  files: z.record(z.string(), z.string()),
});
type Bundle = z.output<typeof BundleSchema>;

/** Every file of the folder (relative, '/' separators) but its backups, its lock and writes in progress. */
async function folderFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (r === BACKUP_DIR || e.name.startsWith(LOCK_FILE) || e.name.endsWith('.tmp')) continue;
    if (e.isDirectory()) out.push(...(await folderFiles(dir, r)));
    else out.push(r);
  }
  return out;
}

/**
 * The order a running folder is read in so that the bundle is one the loader opens: the checkpoint first (the
 * snapshots read after it hold at least what it says), the journal last (it holds every line they hold).
 */
const READ_RANK: Partial<Record<NonNullable<ReturnType<typeof storedFileKind>>, number>> = { checkpoint: 0, audit: 2 };
const readRank = (rel: string): number => READ_RANK[storedFileKind(rel)!] ?? 1;

export async function backupDataDir(dir: string, out: string, now = new Date()): Promise<{ files: number; bytes: number }> {
  const files: Record<string, string> = {};
  // only Didar's own files: anything else in the folder would make the bundle one a restore refuses
  const rels = (await folderFiles(path.resolve(dir))).filter((r) => storedFileKind(r)).sort((a, b) => readRank(a) - readRank(b) || (a < b ? -1 : 1));
  for (const rel of rels) files[rel] = await fs.readFile(path.join(dir, rel), 'utf8');
  const bundle: Bundle = { format: FORMAT, version: VERSION, createdAt: now.toISOString(), files };
  const gz = gzipSync(Buffer.from(JSON.stringify(bundle)));
  await writeFileDurable(path.resolve(out), gz);
  return { files: Object.keys(files).length, bytes: gz.length };
}

const refuse = (name: string, fa: string, en: string): DidarError => new DidarError('corrupt-file', msg.backupRefused(name, fa), undefined, `${name}: ${en}`);

/** The bundle in a file, inflated within bounds and checked as a whole; returns it and its number of cases. */
export async function readBundle(file: string): Promise<{ bundle: Bundle; cases: number }> {
  const name = path.basename(file);
  let raw: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.size > BUNDLE_MAX_BYTES) throw refuse(name, msg.backupTooLarge, `larger than ${BUNDLE_MAX_BYTES} bytes`);
    raw = await fs.readFile(file);
  } catch (e) {
    if (e instanceof DidarError) throw e;
    throw new DidarError('read-failed', msg.backupUnreadable(name), undefined, `cannot read ${file}: ${(e as Error).message}`);
  }
  let text: string;
  try {
    text = gunzipSync(raw, { maxOutputLength: Math.min(BUNDLE_MAX_BYTES, Math.max(raw.length, 1024) * BUNDLE_MAX_RATIO) }).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw refuse(name, msg.backupTooLarge, `inflates beyond ${BUNDLE_MAX_RATIO} times its size or ${BUNDLE_MAX_BYTES} bytes`);
    }
    throw new DidarError('corrupt-file', msg.backupUnreadable(name), undefined, `${name} is not a gzip file: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DidarError('corrupt-file', msg.backupUnreadable(name), undefined, `${name} is not JSON: ${(e as Error).message}`);
  }
  const parsed = BundleSchema.safeParse(json);
  if (!parsed.success) {
    const newer = (json as { format?: unknown; version?: unknown } | null)?.format === FORMAT && Number((json as { version?: unknown }).version) > VERSION;
    throw newer
      ? new DidarError('newer-schema', msg.newerSchema(name), undefined, `${name}: backup format version ${String((json as { version?: unknown }).version)} is newer than this Didar`)
      : refuse(name, msg.backupNotOurs, `not a Didar backup: ${parsed.error.issues[0]?.path.join('.') || 'bundle'}: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  const bundle = parsed.data;
  const rels = Object.keys(bundle.files);
  if (!rels.includes('meta.json')) throw refuse(name, msg.backupEmpty, `no meta.json (${rels.length} files): not the backup of a data folder`);
  let cases = 0;
  const seen = emptyFolderRecords();
  for (const rel of rels.sort()) {
    const kind = storedFileKind(rel);
    if (!kind) throw refuse(name, msg.backupUnknownFile(rel), `unknown file ${JSON.stringify(rel)}`);
    try {
      cases += checkBundledFile(kind, rel, bundle.files[rel]!, seen);
    } catch (e) {
      if (!(e instanceof DidarError)) throw e;
      // the data file's own message speaks of the folder's backups; here it is a file inside the bundle
      const why = e.code === 'newer-schema' ? msg.backupNewerFile(rel) : msg.backupBadFile(rel);
      throw new DidarError(e.code, msg.backupRefused(name, why), undefined, `${name}: ${e.english ?? e.message}`);
    }
  }
  checkBundledJournal(name, bundle);
  return { bundle, cases };
}

/** The journal as the loader replays it: chained, each record well formed, and the checkpoint inside it. */
function checkBundledJournal(name: string, bundle: Bundle): void {
  const audits = Object.keys(bundle.files).filter((r) => storedFileKind(r) === 'audit').sort();
  const journal = verifyJournalTexts(audits.map((rel) => ({ name: rel.slice(AUDIT_DIR.length + 1), text: bundle.files[rel]! })));
  const bad = (rel: string, en: string): DidarError => new DidarError('corrupt-file', msg.backupRefused(name, msg.backupBadFile(rel)), undefined, `${name}: ${rel}: ${en}`);
  const first = journal.problems[0];
  if (first) throw bad(first.file, first.problem);
  const checkpointText = bundle.files['journal.json'];
  if (checkpointText === undefined) {
    // a folder of the journal's schema without its checkpoint does not open (its files alone may be behind)
    const metaVersion = (JSON.parse(bundle.files['meta.json']!) as { schemaVersion: number }).schemaVersion;
    if (metaVersion >= 3 && metaVersion <= SCHEMA_VERSION) throw bad('journal.json', 'missing from a folder written by the journal');
    return;
  }
  const checkpoint = JSON.parse(checkpointText) as JournalPosition;
  const text = checkpoint.file ? bundle.files[`${AUDIT_DIR}/${checkpoint.file}`] : undefined;
  const mismatch = checkpointMismatch(text === undefined ? null : Buffer.from(text), checkpoint);
  if (mismatch) throw bad('journal.json', mismatch);
}

/** One file of a bundle read as the loader reads it; returns its number of cases. */
function checkBundledFile(kind: NonNullable<ReturnType<typeof storedFileKind>>, rel: string, content: string, seen: FolderRecords): number {
  if (kind === 'audit') return 0; // checked as one journal across its files (checkBundledJournal)
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw new DidarError('corrupt-file', msg.corruptFile(rel), undefined, `${rel} does not parse as JSON`);
  }
  if (kind !== 'day') {
    conformStoredFile(kind, rel, doc);
    return 0;
  }
  const day = conformStoredFile('day', rel, doc).doc;
  const conflict = dayFileConflict(rel, day, seen);
  if (conflict) throw conflict;
  return day.cases.length;
}

/** Cases in the folder's day files as they are now (a broken file counts as none: it is what is being replaced). */
async function casesIn(dir: string, files: readonly string[]): Promise<number> {
  let n = 0;
  for (const rel of files.filter((f) => storedFileKind(f) === 'day')) {
    try {
      const cases = (JSON.parse(await fs.readFile(path.join(dir, rel), 'utf8')) as { cases?: unknown }).cases;
      if (Array.isArray(cases)) n += cases.length;
    } catch {
      // unreadable: nothing to count
    }
  }
  return n;
}

/** Hard links (copies where links are not possible) of a folder tree: the old backups live on in the new folder. */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await fs.readdir(from, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) {
      await fs.mkdir(b, { recursive: true });
      await linkTree(a, b);
    } else if (e.isFile()) {
      await fs.link(a, b).catch(() => fs.copyFile(a, b));
    }
  }
}

/**
 * Replaces the folder with the bundle. `force` counts the --force flags: one to replace a folder holding data,
 * two when the bundle holds far fewer cases than the folder.
 */
export async function restoreDataDir(dir: string, file: string, force = 0): Promise<{ files: number; cases: number; replacedCases: number }> {
  const target = path.resolve(dir);
  const { bundle, cases } = await readBundle(file);
  await fs.mkdir(target, { recursive: true }).catch((e: unknown) => {
    throw Object.assign(new DidarError('write-failed', msg.writeFailed(target)), { cause: e });
  });
  const release = acquireLock(target);
  let swapped = false;
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restore-${randomBytes(4).toString('hex')}`);
  try {
    const existing = await folderFiles(target);
    const replacedCases = await casesIn(target, existing);
    if (existing.some((f) => f !== 'meta.json') && force < 1) {
      throw new DidarError('conflict', msg.restoreNeedsForce(target), undefined, `${target} holds data: give --force to replace it (its files are kept in backups/)`);
    }
    if (replacedCases > 0 && cases < replacedCases * FEWER_SHARE && force < 2) {
      throw new DidarError('conflict', msg.restoreFewerCases(cases, replacedCases), undefined,
        `the backup holds ${cases} cases, the folder ${replacedCases}: give --force twice to replace it`);
    }
    // the whole new folder first, beside the old one: nothing of the old one changes until the swap
    await fs.mkdir(staging);
    for (const [rel, text] of Object.entries(bundle.files)) {
      await fs.mkdir(path.dirname(path.join(staging, rel)), { recursive: true });
      await writeFileDurable(path.join(staging, rel), text);
    }
    await linkTree(path.join(target, BACKUP_DIR), path.join(staging, BACKUP_DIR));
    const kept = new Backups(staging);
    for (const rel of existing) await kept.keep(path.join(target, rel), path.join(staging, rel));
    await swapIn(target, staging);
    swapped = true;
    return { files: Object.keys(bundle.files).length, cases, replacedCases };
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  } finally {
    // after the swap the lock left with the old folder; a lock in the new one belongs to whoever opened it since
    if (!swapped) release();
  }
}

/** The old folder moves aside, the staged one takes its name; if the second rename fails, the first is undone. */
async function swapIn(target: string, staging: string): Promise<void> {
  const aside = `${staging}.old`;
  try {
    await fs.rename(target, aside);
  } catch (e) {
    throw Object.assign(new DidarError('write-failed', msg.writeFailed(target), undefined, `cannot move ${target} aside: ${(e as Error).message}`), { cause: e });
  }
  try {
    await fs.rename(staging, target);
  } catch (e) {
    await fs.rename(aside, target).catch(() => undefined);
    throw Object.assign(new DidarError('write-failed', msg.writeFailed(target), undefined, `cannot move the restored folder in: ${(e as Error).message}`), { cause: e });
  }
  await fsyncDir(path.dirname(target));
  await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined); // its files are kept in the new backups/
}
