// Group commit: units of work run one at a time, but the journal lines of the units that finish while a flush
// is under way share the next flush. Counted by watching the journal's own fdatasync calls: many units at once
// cost fewer flushes than units, no caller is answered before the flush that holds its line, and a failed
// flush fails its units and every unit sealed after it, leaving data and journal as they were.
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JournalWriter } from '../../electron/backend/store/journal';
import type { Backend } from '../../electron/backend';
import { ok, openForTest, openToday, send, snapshot, tempDir, validCitizen } from '../helpers/backend';

afterEach(() => vi.restoreAllMocks());

type Flush = { run: () => Promise<void>; journalText: () => string };

/**
 * Routes every fdatasync of a journal file (not of the snapshots) through `onFlush`, which gets the real flush
 * and the journal's text as written at that moment (the lines this flush makes durable). Installed before the
 * folder is opened, since the journal's file stays open.
 */
async function watchJournalFlushes(dataDir: string, onFlush: (f: Flush) => Promise<void>): Promise<void> {
  const journalHandles = new WeakSet<object>();
  const realOpen = fs.open.bind(fs);
  vi.spyOn(fs, 'open').mockImplementation((async (file: string, ...rest: unknown[]) => {
    const fh = await (realOpen as (...a: unknown[]) => Promise<fs.FileHandle>)(file, ...rest);
    if (String(file).endsWith('.jsonl')) journalHandles.add(fh);
    return fh;
  }) as typeof fs.open);
  const probe = await realOpen(os.devNull, 'r');
  const proto = Object.getPrototypeOf(probe) as { datasync: (this: fs.FileHandle) => Promise<void> };
  await probe.close();
  const realSync = proto.datasync;
  vi.spyOn(proto, 'datasync').mockImplementation(function (this: fs.FileHandle) {
    if (!journalHandles.has(this)) return realSync.call(this);
    return onFlush({ run: () => realSync.call(this), journalText: () => readJournalText(dataDir) });
  });
}

function readJournalText(dataDir: string): string {
  const dir = path.join(dataDir, 'audit');
  return fsSync.readdirSync(dir).sort().map((n) => fsSync.readFileSync(path.join(dir, n), 'utf8')).join('');
}

const record = (b: Backend, dayId: string, text: string) => send(b, 'case/record', { meetingDayId: dayId, citizen: validCitizen, text });

describe('group commit', () => {
  it('fifty units at once share a few flushes, and none is answered before the flush that holds its line', async () => {
    const dir = await tempDir();
    let flushes = 0;
    const durable = new Set<string>(); // ids of the cases whose journal line a finished flush held
    await watchJournalFlushes(dir, async (f) => {
      flushes++;
      const written = f.journalText();
      await new Promise((r) => setTimeout(r, 15)); // a slow disk: the units that finish meanwhile wait for the next flush
      await f.run();
      for (const m of written.matchAll(/"entity":"case","id":"([^"]+)"/g)) durable.add(m[1]!);
    });
    const b = await openForTest(dir);
    const day = await openToday(b);
    flushes = 0;
    const answeredEarly: string[] = [];
    const texts = Array.from({ length: 50 }, (_, i) => `درخواست شماره ${i + 1} در یک لحظه`);
    const replies = await Promise.all(texts.map(async (t) => {
      const r = await record(b, day.id, t);
      if (r.ok && !durable.has(r.value.id)) answeredEarly.push(r.value.id);
      return r;
    }));
    vi.restoreAllMocks();
    const saved = replies.map((r) => (r.ok ? r.value : null));
    expect(saved.every(Boolean)).toBe(true);
    expect(answeredEarly).toEqual([]);
    console.log(`[group commit] 50 units, ${flushes} journal flushes`);
    expect(flushes).toBeGreaterThan(1);
    expect(flushes).toBeLessThan(25);
    // each unit read the ones before it: distinct codes, every case stored once, and the journal in order after a restart
    expect(new Set(saved.map((c) => c!.code)).size).toBe(50);
    await b.close();
    const again = await openForTest(b.dataDir);
    const stored = await ok(again, 'case/listForDay', { meetingDayId: day.id });
    expect(stored.map((c) => c.text).sort()).toEqual([...texts].sort());
    expect((await ok(again, 'meetingDay/list', {}))[0]!.caseCount).toBe(50);
  });

  it('a failed flush fails its units, those sealed after it and one still reading through them; nothing of them stays', async () => {
    const dir = await tempDir();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let failNext = false;
    await watchJournalFlushes(dir, async (f) => {
      if (!failNext) return f.run();
      failNext = false;
      await held;
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    });
    const b = await openForTest(dir);
    const day = await openToday(b);
    const first = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'پیش از خطا' });
    const before = await snapshot(b);
    failNext = true;
    const sealed = vi.spyOn(JournalWriter.prototype, 'stage');
    const failing = [record(b, day.id, 'در میانه خطا ۱')];
    await vi.waitFor(() => expect(sealed).toHaveBeenCalledTimes(1)); // its flush is under way, held
    for (let i = 2; i <= 5; i++) failing.push(record(b, day.id, `در میانه خطا ${i}`));
    await vi.waitFor(() => expect(sealed).toHaveBeenCalledTimes(5)); // sealed after it, waiting for the next flush
    // a unit that has read through the sealed ones (five cases) and writes only after the flush failed
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    let resume!: () => void;
    const later = new Promise<void>((r) => (resume = r));
    const reading = b.store.mutate({ operator: 'tester' }, 'test/late', async (tx) => {
      const n = await tx.countCases();
      entered();
      await later;
      await tx.putCase({ ...first, text: 'پس از خواندن چیزی که ماند نشد' });
      return n;
    });
    reading.catch(() => undefined);
    await inside;
    release();
    const replies = await Promise.all(failing);
    for (const r of replies) expect(r).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/^دیسک پر است/) } });
    resume();
    await expect(reading).rejects.toMatchObject({ code: 'write-failed' });
    expect(await snapshot(b)).toEqual(before);
    expect((await ok(b, 'case/listForDay', { meetingDayId: day.id })).map((c) => c.text)).toEqual(['پیش از خطا']);
    // the next unit follows on the journal as it is on disk
    const next = await ok(b, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: 'پس از خطا' });
    expect(next.code > first.code).toBe(true);
    vi.restoreAllMocks();
    await b.close();
    const again = await openForTest(b.dataDir);
    expect((await ok(again, 'case/listForDay', { meetingDayId: day.id })).map((c) => c.text).sort()).toEqual(['پس از خطا', 'پیش از خطا']);
  });
});
