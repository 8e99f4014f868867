// Two Didar servers on one database, in two processes (two county offices): both record, refer and answer at
// the same time. Nothing is lost, every code is unique, the audit trail is numbered without a gap, and what one
// server commits reaches the other's desks (its store's onChange, which /api/events sends on) through
// LISTEN/NOTIFY.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { auditTrail, checkStore, ok, openTestBackend, openToday, tempStore, validCitizen } from '../helpers/backend';

const CHILD = path.resolve('test/fixtures/second-server.ts');
const EACH = 15;

const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const within = async (ms: number, cond: () => boolean): Promise<void> => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('two servers in two processes on one database', () => {
  it('record, refer and answer at once: nothing lost, codes unique, each server told what the other did', async () => {
    const at = await tempStore();
    const a = await openTestBackend(at);
    open.push(a);
    const day = await openToday(a);
    const seenHere: { entity: string; id: string }[] = [];
    a.store.onChange((c) => seenHere.push(...c.changes));

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, at, day.id, String(EACH)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let err = '';
    readline.createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await within(30_000, () => lines.includes('ready') || err.length > 0);
      expect(err).toBe('');
      child.stdin.write('go\n');
      const mine: { id: string; code: string }[] = [];
      for (let i = 0; i < EACH; i++) {
        const c = await ok(a, 'case/record', {
          meetingDayId: day.id, citizen: validCitizen, text: `درخواست دفتر اول شماره ${i}`,
          order: { type: 'act', leadDepartment: 'شرکت توزیع برق', deadlineDays: 10, text: '' },
        });
        await ok(a, 'case/refer', { ids: [c.id] });
        await ok(a, 'case/answer', { id: c.id, letterNo: `الف-${i}`, date: '1405/09/02', text: 'برق روستا وصل شد.' });
        mine.push(c);
      }
      await within(60_000, () => lines.includes('done') || err.length > 0);
      expect(err).toBe('');
      const theirs = lines.filter((l) => l.startsWith('mine ')).map((l) => ({ id: l.split(' ')[1]!, code: l.split(' ')[2]! }));
      expect(theirs).toHaveLength(EACH);

      // nothing lost: every case of both servers stored, answered, with its letter numbers
      const stored = await ok(a, 'case/listForDay', { meetingDayId: day.id });
      expect(stored).toHaveLength(2 * EACH);
      expect(stored.every((c) => c.status === 'answered')).toBe(true);
      const codes = stored.map((c) => c.code!);
      expect(new Set(codes).size).toBe(2 * EACH);
      expect(codes.map((c) => Number(c.slice(2, 9))).sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * EACH }, (_, i) => i + 1));
      const letters = stored.flatMap((c) => c.referrals.map((r) => r.letterNo));
      expect(new Set(letters).size).toBe(2 * EACH); // the year's letter numbers too: none given twice

      // each server's onChange told it what the other committed (answers are the last change of each case)
      await within(5000, () => theirs.every((t) => seenHere.some((s) => s.entity === 'case' && s.id === t.id)));
      const seenThere = () => lines.filter((l) => l.startsWith('seen case ')).map((l) => l.split(' ')[2]);
      await within(5000, () => mine.every((m) => seenThere().includes(m.id)));

      const audit = await auditTrail(at);
      expect(audit.map((r) => r.seq)).toEqual(audit.map((_, i) => i + 1));
      expect(await checkStore(at)).toMatchObject({ ok: true, cases: 2 * EACH, problems: [] });
    } finally {
      child.stdin.end();
      await exited;
    }
  });

  it('a unit too large for one NOTIFY still reaches the other server, read back from its audit row', async () => {
    const at = await tempStore();
    const [a, b] = [await openTestBackend(at), await openTestBackend(at)];
    open.push(a, b);
    const day = await openToday(a);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push((await ok(a, 'case/record', { meetingDayId: day.id, citizen: validCitizen, text: `درخواست ${i}`, confirmed: true, order: { type: 'act', leadDepartment: 'جهاد کشاورزی', deadlineDays: 10, text: '' } })).id);
    const seen: { action: string; ids: string[]; bytes: number }[] = [];
    b.store.onChange((c) => seen.push({ action: c.action, ids: c.changes.filter((x) => x.entity === 'case').map((x) => x.id), bytes: JSON.stringify(c).length }));
    await new Promise((r) => setTimeout(r, 300)); // b is listening
    await ok(a, 'case/refer', { ids }); // 200 case ids: over NOTIFY's 8000 bytes
    await within(5000, () => seen.some((s) => s.action === 'case/referred'));
    const refer = seen.find((s) => s.action === 'case/referred')!;
    expect(refer.bytes).toBeGreaterThan(8000);
    expect(refer.ids.sort()).toEqual([...ids].sort());
  });
});
