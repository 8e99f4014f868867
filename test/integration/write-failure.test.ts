// A full disk or a read-only folder (simulated by failing the temp-file open, since tests run as root):
// the save is refused with a Persian message, nothing half-saved stays in memory, and saving resumes after.
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok, openTestBackend, openToday, send, validCitizen } from '../helpers/backend';

afterEach(() => vi.restoreAllMocks());

describe('write failures', () => {
  it('a full disk refuses the save clearly and leaves no trace of it', async () => {
    const b = await openTestBackend();
    try {
      const day = await openToday(b);
      const first = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست نخست' });
      const realOpen = fs.open.bind(fs);
      vi.spyOn(fs, 'open').mockImplementation(((file: string, ...rest: unknown[]) => {
        if (String(file).endsWith('.tmp')) return Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
        return (realOpen as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
      }) as typeof fs.open);
      const r = await send(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'درخواست دوم' });
      expect(r).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringContaining('ذخیره نشد') } });
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
});
