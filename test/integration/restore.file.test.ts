// `didar restore` is all or nothing: every crafted or damaged bundle is refused with a Persian and English
// message and leaves the folder exactly as it was; a good one replaces it whole and keeps the old files in backups/.
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../electron/backend';
import { backupDataDir, restoreDataDir } from '../../electron/backend/store/backup';
import { DidarError } from '../../shared/errors';
import { tempDir } from '../helpers/backend';
import { didar } from '../helpers/cli';

const FIXTURE = path.resolve('test/fixtures/data-v2');
const DAY = 'days/1405-09-02_md-14050902-ab25bb1d.json';

afterEach(() => vi.restoreAllMocks());

/** Every file under the folder, backups included, with its content: "exactly as it was". */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[path.relative(dir, p)] = await fs.readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

/** A folder of four cases (opened once, so that it has backups of its own) and a good backup of it. */
async function folderAndBackup(): Promise<{ dir: string; files: Record<string, string>; file: string }> {
  const dir = await tempDir('didar-restore-');
  await fs.cp(FIXTURE, dir, { recursive: true });
  const file = path.join(await tempDir(), 'good.json.gz');
  await backupDataDir(dir, file);
  const bundle = JSON.parse((await import('node:zlib')).gunzipSync(await fs.readFile(file)).toString('utf8')) as { files: Record<string, string> };
  return { dir, files: bundle.files, file };
}

async function bundleFile(content: unknown, raw = false): Promise<string> {
  const file = path.join(await tempDir(), 'b.json.gz');
  await fs.writeFile(file, gzipSync(raw ? (content as Buffer) : Buffer.from(JSON.stringify(content))));
  return file;
}
const bundle = (files: unknown) => ({ format: 'didar-backup', version: 1, createdAt: '2026-11-23T06:30:00.000Z', files });

/** Restoring `file` with `force` flags is refused; the folder is untouched and no staging folder is left. */
async function expectRefused(dir: string, file: string, force: number, message: RegExp, code = 'corrupt-file'): Promise<DidarError> {
  const before = await tree(dir);
  const e = await restoreDataDir(dir, file, force).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(DidarError);
  expect((e as DidarError).code).toBe(code);
  expect((e as DidarError).message).toMatch(message);
  expect((e as DidarError).english).toBeTruthy();
  expect(await tree(dir)).toEqual(before);
  expect((await fs.readdir(path.dirname(dir))).filter((n) => n.includes('.restore-'))).toEqual([]);
  return e as DidarError;
}

describe('restore refuses', () => {
  it('a bundle with an entry named "" (it once removed most of the folder and said «ذخیره نشد»)', async () => {
    const { dir, files } = await folderAndBackup();
    await expectRefused(dir, await bundleFile(bundle({ 'meta.json': files['meta.json'], [DAY]: files[DAY], '': '' })), 2, /«»/);
  });

  it('an empty bundle, and one without meta.json', async () => {
    const { dir, files } = await folderAndBackup();
    await expectRefused(dir, await bundleFile(bundle({})), 2, /خالی است/);
    await expectRefused(dir, await bundleFile(bundle({ [DAY]: files[DAY] })), 2, /خالی است/);
  });

  it('files that are not Didar\'s (evil.sh, a path outside the folder, backups/)', async () => {
    const { dir, files } = await folderAndBackup();
    for (const bad of ['evil.sh', '../outside.json', 'days/../../x.json', '/etc/passwd', 'backups/meta.json', 'didar.lock', '__proto__', 'constructor']) {
      const e = await expectRefused(dir, await bundleFile(bundle({ ...files, [bad]: '{}' })), 2, /از فایل‌های داده دیدار نیست/);
      expect(e.english).toContain(JSON.stringify(bad));
    }
  });

  it('wrong types: files as an array, null or strings of the wrong kind; a day file "" or of the wrong shape', async () => {
    const { dir, files } = await folderAndBackup();
    for (const f of [[1, 2], ['{"a":1}', 'x'], null, 'x', { 'meta.json': 5 }]) await expectRefused(dir, await bundleFile(bundle(f)), 2, /ساختار آن درست نیست/);
    await expectRefused(dir, await bundleFile({ format: 'didar-backup', version: 'x', files }), 2, /ساختار آن درست نیست/);
    await expectRefused(dir, await bundleFile(bundle({ ...files, [DAY]: '' })), 2, new RegExp(DAY));
    const day = JSON.parse(files[DAY]!) as { cases: Record<string, unknown>[] };
    day.cases[0]!.history = 'oops';
    const e = await expectRefused(dir, await bundleFile(bundle({ ...files, [DAY]: JSON.stringify(day) })), 2, new RegExp(DAY));
    expect(e.english).toMatch(/case #1 id .*history/);
    day.cases[0] = null as unknown as Record<string, unknown>;
    await expectRefused(dir, await bundleFile(bundle({ ...files, [DAY]: JSON.stringify(day) })), 2, new RegExp(DAY));
  });

  it('a file of a newer schema version, and a broken audit line', async () => {
    const { dir, files } = await folderAndBackup();
    const day = JSON.parse(files[DAY]!) as { schemaVersion: number };
    day.schemaVersion = 99;
    await expectRefused(dir, await bundleFile(bundle({ ...files, [DAY]: JSON.stringify(day) })), 2, /نسخه جدیدتری/, 'newer-schema');
    await expectRefused(dir, await bundleFile(bundle({ ...files, 'audit/1405-09.jsonl': '{"at":1}\n{}\n' })), 2, /audit\/1405-09\.jsonl/);
  });

  it('a gzip bomb: decompression is bounded by size and ratio', async () => {
    const { dir } = await folderAndBackup();
    const bomb = Buffer.concat([Buffer.from('{"format":"didar-backup","version":1,"createdAt":"x","files":{"meta.json":"'), Buffer.alloc(30 * 1024 * 1024, 'A'), Buffer.from('"}}')]);
    const e = await expectRefused(dir, await bundleFile(bomb, true), 2, /بزرگ‌تر است/);
    expect(e.english).toMatch(/inflates beyond 100 times/);
  });

  it('a bundle with far fewer cases than the folder, unless --force is given twice; the counts are shown', async () => {
    const { dir, files } = await folderAndBackup();
    const few = await bundleFile(bundle({ 'meta.json': files['meta.json'], 'days/1405-09-03_md-14050903-58d2b2f5.json': files['days/1405-09-03_md-14050903-58d2b2f5.json'] }));
    const e = await expectRefused(dir, few, 1, /پشتیبان ۰ پرونده دارد و پوشه کنونی ۴ پرونده/, 'conflict');
    expect(e.english).toContain('the backup holds 0 cases, the folder 4');
    expect(await restoreDataDir(dir, few, 2)).toMatchObject({ cases: 0, replacedCases: 4 });
  });

  it('a folder holding data without --force; a folder another Didar holds', async () => {
    const { dir, file } = await folderAndBackup();
    await expectRefused(dir, file, 0, /--force/, 'conflict');
    const b = await openBackend({ dataDir: dir, operator: 't' });
    try {
      await expectRefused(dir, file, 1, /در اختیار برنامه دیگری است/, 'data-locked');
    } finally {
      await b.close();
    }
  });
});

describe('restore is all or nothing', () => {
  it('a disk that fills while the new folder is written, or a swap that fails: the folder is as it was', async () => {
    const { dir, file } = await folderAndBackup();
    const before = await tree(dir);
    const realOpen = fs.open.bind(fs);
    let temps = 0;
    vi.spyOn(fs, 'open').mockImplementation(((f: string, ...rest: unknown[]) => {
      if (String(f).endsWith('.tmp') && ++temps === 4) return Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
      return (realOpen as (...a: unknown[]) => Promise<unknown>)(f, ...rest);
    }) as typeof fs.open);
    await expect(restoreDataDir(dir, file, 1)).rejects.toMatchObject({ code: 'write-failed', message: expect.stringContaining('دیسک پر است') });
    vi.restoreAllMocks();
    expect(await tree(dir)).toEqual(before);
    const realRename = fs.rename.bind(fs);
    vi.spyOn(fs, 'rename').mockImplementation((async (a: string, b: string) => {
      if (String(a).includes('.restore-') && !String(a).endsWith('.old') && b === dir) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
      return realRename(a, b);
    }) as typeof fs.rename);
    await expect(restoreDataDir(dir, file, 1)).rejects.toMatchObject({ code: 'write-failed' });
    vi.restoreAllMocks();
    expect(await tree(dir)).toEqual(before);
    expect((await fs.readdir(path.dirname(dir))).filter((n) => n.includes('.restore-'))).toEqual([]);
  });

  it('a good bundle replaces the folder whole; its files before are kept in backups/, the old backups too', async () => {
    const { dir, files } = await folderAndBackup();
    const b0 = await openBackend({ dataDir: dir, operator: 't' }); // a save makes a backup version of its own
    await b0.dispatch('settings/update', { officeUnit: 'واحد پیشین' });
    await b0.close();
    const oldBackups = Object.keys(await tree(path.join(dir, 'backups')));
    expect(oldBackups.length).toBeGreaterThan(0);
    const other = await tempDir();
    await fs.writeFile(path.join(other, 'meta.json'), files['meta.json']!);
    const partial = await bundleFile(bundle({ 'meta.json': files['meta.json'], [DAY]: files[DAY] }));
    expect(await restoreDataDir(dir, partial, 1)).toMatchObject({ files: 2, cases: 4, replacedCases: 4 });
    const after = await tree(dir);
    expect(Object.keys(after).filter((k) => !k.startsWith('backups'))).toEqual(['days/1405-09-02_md-14050902-ab25bb1d.json', 'meta.json'].map((k) => k.replace('/', path.sep)));
    for (const k of oldBackups) expect(after[path.join('backups', k)], k).toBeDefined();
    const keptSettings = Object.keys(after).filter((k) => k.startsWith(path.join('backups', 'settings.json')));
    expect(keptSettings.some((k) => after[k]!.includes('واحد پیشین'))).toBe(true);
    const b = await openBackend({ dataDir: dir, operator: 't' });
    expect((await b.dispatch('worklist/query', {})) as { value: { total: number } }).toMatchObject({ value: { total: 4 } });
    await b.close();
  });

  it('through the CLI: a refused bundle prints Persian and English and exits 1, without a stack trace', async () => {
    const { dir } = await folderAndBackup();
    const r = await didar('restore', '--data', dir, '--force', await bundleFile(bundle(null)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^خطا: .*\nerror: corrupt-file: .*files/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('restore of a folder written by the journal (schema 3)', () => {
  const V3 = path.resolve('test/fixtures/data-v3');
  const AUDIT = 'audit/1405-09.jsonl';

  async function v3Backup(): Promise<{ dir: string; files: Record<string, string> }> {
    const src = await tempDir('didar-restore-v3-');
    await fs.cp(V3, src, { recursive: true });
    const file = path.join(await tempDir(), 'v3.json.gz');
    await backupDataDir(src, file);
    const { files } = JSON.parse((await import('node:zlib')).gunzipSync(await fs.readFile(file)).toString('utf8')) as { files: Record<string, string> };
    return { dir: await tempDir('didar-restore-into-'), files };
  }

  it('a good backup holds the checkpoint and the journal, and restores to a folder that opens with every case', async () => {
    const { dir, files } = await v3Backup();
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['journal.json', AUDIT]));
    expect(await restoreDataDir(dir, await bundleFile(bundle(files)), 0)).toMatchObject({ cases: 5 });
    const b = await openBackend({ dataDir: dir, operator: 't' });
    expect((await b.dispatch('worklist/query', {})) as { value: { total: number } }).toMatchObject({ value: { total: 5 } });
    await b.close();
  });

  it('refuses a bundle without its checkpoint, with a checkpoint past the journal, or with a forged or edited journal line', async () => {
    const { dir, files } = await v3Backup();
    const { 'journal.json': _, ...noCheckpoint } = files;
    await expectRefused(dir, await bundleFile(bundle(noCheckpoint)), 0, /journal\.json/);
    const past = { ...JSON.parse(files['journal.json']!), offset: Buffer.byteLength(files[AUDIT]!) + 10 };
    await expectRefused(dir, await bundleFile(bundle({ ...files, 'journal.json': JSON.stringify(past) })), 0, /journal\.json/);
    const lines = files[AUDIT]!.trim().split('\n');
    const edited = lines.map((l) => l.replace('"action":"case/referred"', '"action":"case/cancel"')).join('\n');
    expect(edited).not.toBe(lines.join('\n'));
    await expectRefused(dir, await bundleFile(bundle({ ...files, [AUDIT]: `${edited}\n` })), 0, /1405-09\.jsonl/);
    const { [AUDIT]: __, ...noJournal } = files;
    await expectRefused(dir, await bundleFile(bundle(noJournal)), 0, /journal\.json/);
  });
});
