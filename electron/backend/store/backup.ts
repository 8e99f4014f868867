// `didar backup` / `didar restore`: the whole data folder (days, settings, counters, circulars, audit) in one
// gzipped JSON bundle. Restoring checks the bundle first and writes every file durably under the folder's lock.
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DidarError } from '../../../shared/errors';
import { BACKUP_DIR, Backups } from './backups';
import { writeFileDurable } from './durable-file';
import { acquireLock, LOCK_FILE } from './lock';

const FORMAT = 'didar-backup';
const VERSION = 1;

type Bundle = { format: typeof FORMAT; version: number; createdAt: string; files: Record<string, string> };

async function dataFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (r === BACKUP_DIR || e.name === LOCK_FILE || e.name.endsWith('.tmp')) continue;
    if (e.isDirectory()) out.push(...(await dataFiles(dir, r)));
    else out.push(r);
  }
  return out;
}

export async function backupDataDir(dir: string, out: string, now = new Date()): Promise<{ files: number; bytes: number }> {
  const files: Record<string, string> = {};
  for (const rel of await dataFiles(path.resolve(dir))) files[rel] = await fs.readFile(path.join(dir, rel), 'utf8');
  const bundle: Bundle = { format: FORMAT, version: VERSION, createdAt: now.toISOString(), files };
  const gz = gzipSync(Buffer.from(JSON.stringify(bundle)));
  await writeFileDurable(path.resolve(out), gz);
  return { files: Object.keys(files).length, bytes: gz.length };
}

export async function restoreDataDir(dir: string, file: string, force = false): Promise<{ files: number }> {
  let bundle: Bundle;
  try {
    bundle = JSON.parse(gunzipSync(await fs.readFile(file)).toString('utf8')) as Bundle;
  } catch {
    throw new DidarError('corrupt-file', `فایل پشتیبان «${path.basename(file)}» خوانده نشد.`);
  }
  if (bundle.format !== FORMAT || bundle.version > VERSION || typeof bundle.files !== 'object') {
    throw new DidarError('corrupt-file', `«${path.basename(file)}» فایل پشتیبان دیدار نیست یا با نسخه جدیدتری ساخته شده است.`);
  }
  for (const [rel, text] of Object.entries(bundle.files)) {
    if (rel.includes('..') || path.isAbsolute(rel) || typeof text !== 'string') throw new DidarError('corrupt-file', `مسیر نامعتبر در پشتیبان: ${rel}`);
    if (rel.endsWith('.json')) JSON.parse(text); // every data file must parse before anything is written
  }
  await fs.mkdir(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const existing = (await dataFiles(dir)).filter((f) => f !== 'meta.json');
    if (existing.length && !force) {
      throw new DidarError('conflict', `پوشه «${dir}» داده دارد. برای جایگزینی، --force را بدهید (نسخه فعلی در backups نگه داشته می‌شود).`);
    }
    // the folder's current files are kept in backups/ before they are replaced or removed
    const backups = new Backups(dir);
    for (const rel of existing.filter((f) => !(f in bundle.files))) {
      await backups.keep(path.join(dir, rel));
      await fs.rm(path.join(dir, rel));
    }
    for (const [rel, text] of Object.entries(bundle.files)) {
      await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFileDurable(path.join(dir, rel), text, (f) => backups.keep(f));
    }
    return { files: Object.keys(bundle.files).length };
  } finally {
    release();
  }
}
