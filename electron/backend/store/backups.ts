// Rotating backups of every data file: before a file is replaced, its old version is kept by a hard link
// (no copying), the newest KEEP_LAST per file plus the first one of each of the last KEEP_DAYS days.
import fs from 'node:fs/promises';
import path from 'node:path';

export const BACKUP_DIR = 'backups';
/** Folders of originals kept before a schema upgrade (backups/schema-1/…): not rotating versions. */
export const SCHEMA_BACKUP_PREFIX = 'schema-';
const KEEP_LAST = 5;
const KEEP_DAYS = 14;

export class Backups {
  private known = new Map<string, string[]>();

  constructor(private readonly dataDir: string) {}

  private folderFor(file: string): string {
    const rel = path.relative(this.dataDir, file).replace(/[\\/]/g, '__');
    return path.join(this.dataDir, BACKUP_DIR, rel);
  }

  /** Keeps the current version of `file` (if any) before it is replaced; `as` is the data file it is a version of. */
  async keep(file: string, as = file): Promise<void> {
    const folder = this.folderFor(as);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `${stamp}-${process.pid}-${Math.random().toString(36).slice(2, 6)}.json`;
    try {
      await keepVersion(file, path.join(folder, name));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !(await exists(file))) return; // first write: nothing to keep
      if (code !== 'ENOENT') throw e;
      await fs.mkdir(folder, { recursive: true });
      await keepVersion(file, path.join(folder, name));
    }
    const list = await this.list(folder);
    list.push(name);
    await this.prune(folder, list);
  }

  private async list(folder: string): Promise<string[]> {
    let list = this.known.get(folder);
    if (!list) {
      list = (await fs.readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
      this.known.set(folder, list);
    }
    return list;
  }

  private async prune(folder: string, list: string[]): Promise<void> {
    const keep = new Set(list.slice(-KEEP_LAST));
    const firstOfDay = new Map<string, string>();
    for (const n of list) if (!firstOfDay.has(n.slice(0, 10))) firstOfDay.set(n.slice(0, 10), n);
    [...firstOfDay.values()].slice(-KEEP_DAYS).forEach((n) => keep.add(n));
    const drop = list.filter((n) => !keep.has(n));
    if (!drop.length) return;
    await Promise.all(drop.map((n) => fs.rm(path.join(folder, n), { force: true })));
    this.known.set(folder, list.filter((n) => keep.has(n)));
  }

  /** When the newest kept version of any data file was made, and how many versions are kept. */
  async status(): Promise<{ lastAt: string | null; versions: number }> {
    const root = path.join(this.dataDir, BACKUP_DIR);
    let last = 0;
    let versions = 0;
    for (const folder of await fs.readdir(root).catch(() => [] as string[])) {
      if (folder.startsWith(SCHEMA_BACKUP_PREFIX)) continue;
      for (const name of await fs.readdir(path.join(root, folder)).catch(() => [] as string[])) {
        versions++;
        const t = (await fs.stat(path.join(root, folder, name)).catch(() => null))?.ctimeMs ?? 0;
        if (t > last) last = t;
      }
    }
    return { lastAt: last ? new Date(last).toISOString() : null, versions };
  }
}

/** Errors of a hard link on a file system without them (FAT, some network drives): copy instead. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'ENOSYS']);

async function keepVersion(file: string, target: string): Promise<void> {
  try {
    await fs.link(file, target);
  } catch (e) {
    if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    await fs.copyFile(file, target);
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}
