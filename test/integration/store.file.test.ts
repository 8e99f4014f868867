// File store only: the data folder's own format — one file per meeting day, the lock file, a corrupt or
// unreadable file refused by name, a file written by a newer Didar. (The database's equivalents are in pg-store.pg.test.ts.)
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { ok, openTestBackend, openToday, snapshot, tempDir, validCitizen } from '../helpers/backend';

const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
async function start(dir?: string) {
  const b = await openTestBackend(dir ?? (await tempDir()));
  open.push(b);
  return b;
}

describe('file store', () => {
  it('splits data so that a save rewrites only its meeting day', async () => {
    const b = await start();
    const d1 = await openToday(b);
    const d2 = await ok(b, 'meetingDay/open', { date: '1405/09/03', place: { kind: 'county', county: 'آمل' }, host: 'معاون استاندار' });
    await ok(b, 'case/record', { meetingDayId: d1.id, citizen: validCitizen, text: 'درخواست نخست' });
    await b.store.settled();
    const files = await fs.readdir(path.join(b.dataDir, 'days'));
    expect(files).toHaveLength(2);
    const other = files.find((f) => f.includes(d2.id))!;
    const before = await fs.stat(path.join(b.dataDir, 'days', other));
    await ok(b, 'case/record', { meetingDayId: d1.id, citizen: validCitizen, text: 'درخواست دوم' });
    await b.store.settled();
    const after = await fs.stat(path.join(b.dataDir, 'days', other));
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses a second process on the same data folder with a clear message', async () => {
    const b = await start();
    await expect(openBackend({ dataDir: b.dataDir })).rejects.toMatchObject({ code: 'data-locked', message: expect.stringContaining('در اختیار برنامه دیگری است') });
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'didar.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: '' }));
    const b = await start(dir);
    expect(await ok(b, 'meetingDay/list', {})).toEqual([]);
  });

  it('never overwrites a corrupt file: start-up fails naming it and the file is kept', async () => {
    const b = await start();
    const day = await openToday(b);
    await b.store.settled();
    await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست' });
    await b.close(); // the day file's snapshot written a second time: the first is kept in backups/
    open.pop();
    const dayFile = path.join(b.dataDir, 'days', (await fs.readdir(path.join(b.dataDir, 'days')))[0]!);
    const broken = '{"schemaVersion":1,"day":{"id":';
    await fs.writeFile(dayFile, broken);
    const err = await openBackend({ dataDir: b.dataDir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'corrupt-file', message: expect.stringContaining(path.basename(dayFile)) });
    expect(await fs.readFile(dayFile, 'utf8')).toBe(broken);
    // the lock was released, and a backup of the last good version exists
    await expect(fs.access(path.join(b.dataDir, 'didar.lock'))).rejects.toThrow();
    const backups = await fs.readdir(path.join(b.dataDir, 'backups', `days__${path.basename(dayFile)}`));
    expect(backups.length).toBeGreaterThan(0);
  });

  it('a day file that cannot be read: start-up names it in Persian and changes nothing', async () => {
    const b = await start();
    await openToday(b);
    await b.close();
    open.pop();
    await fs.mkdir(path.join(b.dataDir, 'days', 'md-14050902-zz.json')); // not readable as a file (EISDIR)
    const before = await snapshot(b.dataDir);
    const err = await openBackend({ dataDir: b.dataDir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'read-failed', message: expect.stringContaining('md-14050902-zz.json') });
    expect((err as Error).message).toContain('خوانده نشد');
    expect(await snapshot(b.dataDir)).toEqual(before);
    await expect(fs.readdir(b.dataDir)).resolves.not.toContain('didar.lock');
  });

  it('refuses a file written by a newer Didar', async () => {
    const b = await start();
    await b.close();
    open.pop();
    await fs.writeFile(path.join(b.dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 99, settings: {} }));
    await expect(openBackend({ dataDir: b.dataDir })).rejects.toMatchObject({ code: 'newer-schema' });
  });
});
