// File store only: failures of the folder's own writes (the database's are in pg-store.pg.test.ts).
// A full disk or a read-only folder (simulated by failing the write with the errno the system gives, since
// tests run as root and a chmod would not stop them): the save is refused with a Persian message that names
// the problem and what to do, nothing half-saved stays in memory, and saving resumes after.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../electron/backend';
import { ok, openTestBackend, openToday, send, snapshot, tempDir, validCitizen } from '../helpers/backend';
import { makeWorld } from '../helpers/calls';

/**
 * Makes every write of data fail with `code`, as the disk or the folder would: the journal a save is appended
 * to (its file may already be open) and the temporary files snapshots are written through.
 */
async function failWrites(code: string): Promise<void> {
  const fail = (): Promise<never> => Promise.reject(Object.assign(new Error(code), { code }));
  const realOpen = fs.open.bind(fs);
  const probe = await realOpen(os.devNull, 'r');
  const handle = Object.getPrototypeOf(probe) as { write: (...a: unknown[]) => Promise<unknown> };
  await probe.close();
  vi.spyOn(handle, 'write').mockImplementation(fail);
  vi.spyOn(fs, 'open').mockImplementation(((file: string, ...rest: unknown[]) => {
    if (/\.(tmp|jsonl)$/.test(String(file))) return fail();
    return (realOpen as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
  }) as typeof fs.open);
}

/** A second save fails through `inject`: refused with `message`, the folder and the day's cases as before. */
async function expectSaveRefused(inject: () => unknown, message: RegExp): Promise<void> {
  const b = await openTestBackend();
  try {
    const day = await openToday(b);
    await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست نخست' });
    const before = await snapshot(b);
    await inject();
    const r = await send(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست دوم' });
    expect(r).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(message) } });
    await b.store.settled(); // the counters file is written off the save path, and fails the same way
    vi.restoreAllMocks();
    expect(await snapshot(b)).toEqual(before);
    expect((await ok(b, 'case/listForDay', { meetingDayId: day.id })).map((c) => c.text)).toEqual(['درخواست نخست']);
  } finally {
    await b.close();
  }
}

const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (open.length) await open.pop()!.close();
});

describe('write failures', () => {
  it('a full disk refuses the save clearly and leaves no trace of it', async () => {
    const b = await openTestBackend();
    try {
      const day = await openToday(b);
      const first = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست نخست' });
      await failWrites('ENOSPC');
      const r = await send(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست دوم' });
      expect(r).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/^دیسک پر است.*ذخیره نشد.*فضای دیسک را آزاد کنید/) } });
      expect((await ok(b, 'case/listForDay', { meetingDayId: day.id })).map((c) => c.id)).toEqual([first.id]);
      vi.restoreAllMocks();
      const third = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست سوم' });
      expect(third.code > first.code).toBe(true);
      expect((await ok(b, 'case/listForDay', { meetingDayId: day.id })).map((c) => c.text).sort()).toEqual(['درخواست سوم', 'درخواست نخست']);
    } finally {
      await b.close();
    }
    // after a restart the refused save is still absent and the others are there
    const again = await openTestBackend(b.dataDir);
    try {
      const days = await ok(again, 'meetingDay/list', {});
      expect(days[0]!.caseCount).toBe(2);
    } finally {
      await again.close();
    }
  });

  it('a folder that became read-only refuses the save, says so and what to do, and keeps the day as it was', async () => {
    await expectSaveRefused(() => failWrites('EROFS'), /^پوشه داده فقط‌خواندنی است.*ذخیره نشد.*اجازه نوشتن/);
  });

  it('a read-only folder at start-up is refused with the same message, and nothing in it is touched', async () => {
    const dir = await tempDir();
    const seeded = await openTestBackend(dir);
    await ok(seeded, 'case/record', { meetingDayId: (await openToday(seeded)).id, citizen: validCitizen, text: 'درخواست' });
    await seeded.close();
    const before = await snapshot(dir);
    const realWrite = fsSync.writeFileSync.bind(fsSync);
    vi.spyOn(fsSync, 'writeFileSync').mockImplementation(((file: fsSync.PathOrFileDescriptor, ...rest: unknown[]) => {
      // the lock, or the file it is written to before it is linked into place
      if (/didar\.lock(\.[^/\\]*\.tmp)?$/.test(String(file))) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (realWrite as (...a: unknown[]) => void)(file, ...rest);
    }) as typeof fsSync.writeFileSync);
    await expect(openBackend({ dataDir: dir, operator: 'tester' })).rejects.toMatchObject({ code: 'write-failed', message: expect.stringMatching(/^پوشه داده فقط‌خواندنی است/) });
    vi.restoreAllMocks();
    expect(await snapshot(dir)).toEqual(before);
    expect(fsSync.existsSync(`${dir}/didar.lock`)).toBe(false);
  });

  it('the journal held by another program is reported as busy, not as a read-only folder', async () => {
    await expectSaveRefused(() => failWrites('EBUSY'), /^برنامه دیگری.*ذخیره نشد.*دوباره ذخیره کنید/);
  });

  it('a day file held by another program (denied rename) does not stop a save: its snapshot is written once it is free', async () => {
    const b = await openTestBackend();
    try {
      const day = await openToday(b);
      await b.store.settled();
      vi.spyOn(fs, 'rename').mockRejectedValue(Object.assign(new Error('EPERM'), { code: 'EPERM', syscall: 'rename' }));
      await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست نخست' });
      await expect(b.store.settled()).rejects.toMatchObject({ code: 'write-failed', message: expect.stringMatching(/^برنامه دیگری/) });
      vi.restoreAllMocks();
      await b.store.settled();
      const [file] = await fs.readdir(`${b.dataDir}/days`);
      const stored = JSON.parse(await fs.readFile(`${b.dataDir}/days/${file}`, 'utf8')) as { cases: { text: string }[] };
      expect(stored.cases.map((c) => c.text)).toEqual(['درخواست نخست']);
    } finally {
      await b.close();
    }
  });

  it('a system that cannot fsync a folder or make hard links still saves, and keeps backups by copying', async () => {
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(((file: string, flags?: unknown, ...rest: unknown[]) => {
      if (flags === 'r' && fsSync.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
        return Promise.reject(Object.assign(new Error('EISDIR'), { code: 'EISDIR', syscall: 'open' }));
      }
      return (realOpen as (...a: unknown[]) => Promise<unknown>)(file, flags, ...rest);
    }) as typeof fs.open);
    vi.spyOn(fs, 'link').mockRejectedValue(Object.assign(new Error('EPERM'), { code: 'EPERM', syscall: 'link' }));
    const b = await openTestBackend();
    try {
      const day = await openToday(b);
      await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست نخست' });
      await b.store.settled();
      await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست دوم' });
      await b.store.settled(); // the day file's snapshot replaced: its previous version is kept
      expect((await ok(b, 'case/listForDay', { meetingDayId: day.id })).map((c) => c.text).sort()).toEqual(['درخواست دوم', 'درخواست نخست']);
      expect((await b.store.backupStatus()).versions).toBeGreaterThan(0);
    } finally {
      await b.close();
      vi.restoreAllMocks();
    }
    const again = await openTestBackend(b.dataDir);
    try {
      expect((await ok(again, 'meetingDay/list', {}))[0]!.caseCount).toBe(2);
    } finally {
      await again.close();
    }
  });

  it('a write that fails after the data was handed to the disk, before it was flushed, is cut back: nothing stored, the caller told', async () => {
    const b = await openTestBackend();
    open.push(b);
    const w = await makeWorld(b);
    await ok(b, 'case/record', { meetingDayId: w.dayId, citizen: validCitizen, text: 'پیش از خطا' });
    const before = await snapshot(b);
    const probe = await fs.open(os.devNull, 'r');
    const handle = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    // the line is written to the file, then the flush fails as a full disk would make it
    vi.spyOn(handle, 'datasync').mockRejectedValueOnce(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    const r = await send(b, 'case/record', { meetingDayId: w.dayId, citizen: validCitizen, text: 'در میانه خطا' });
    expect(r).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/^دیسک پر است/) } });
    vi.restoreAllMocks();
    expect(await snapshot(b)).toEqual(before);
    expect((await ok(b, 'case/listForDay', { meetingDayId: w.dayId })).map((k) => k.text)).not.toContain('در میانه خطا');
    // and the next save follows on the same chain
    await ok(b, 'case/record', { meetingDayId: w.dayId, citizen: validCitizen, text: 'پس از خطا' });
    await b.close();
    open.pop();
    const again = await openTestBackend(b.dataDir);
    open.push(again);
    expect((await ok(again, 'case/listForDay', { meetingDayId: w.dayId })).map((k) => k.text)).toEqual(expect.arrayContaining(['پیش از خطا', 'پس از خطا']));
    expect((await ok(again, 'case/listForDay', { meetingDayId: w.dayId })).map((k) => k.text)).not.toContain('در میانه خطا');
  });
});
