// `didar bench --desks N` at a small size: two desks over HTTPS through a short meeting day, with the folder
// read back afterwards. The figures are numbers, every citizen has one case, nothing acknowledged is lost,
// no code is given twice, the journal matches the acknowledged changes, and no folder or server is left.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkDay } from '../../electron/cli/bench-check';
import { citizensOfDay, Hall, runDay } from '../../electron/cli/bench-day';
import { prepareDay, signInDesks } from '../../electron/cli/bench-desks';
import { freePort, startServerProcess } from '../../electron/cli/bench-server';
import { didar, didarWith } from '../helpers/cli';
import { tempDir } from '../helpers/backend';

const DAY_METHODS = [
  'queue/arrive', 'citizen/lookup', 'queue/callNext', 'case/record', 'case/recordPending', 'case/giveOrder', 'case/allocateCode', 'slip/pdf', 'case/byCode', 'worklist/query',
  'case/listForDay', 'case/refer', 'case/answer', 'queue/list',
];

describe('didar bench --desks', () => {
  it('runs a short day at two desks and prints the calls\' figures with nothing lost, duplicated or unaudited', async () => {
    const tmp = await tempDir('didar-bench-desks-tmp-');
    const r = await didarWith({ TMPDIR: tmp }, 'bench', '--desks', '2', '--citizens', '12');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { calls: Record<string, { count: number; p50Ms: number; p95Ms: number }> };
    expect(out).toMatchObject({ desks: 2, citizens: 12, cases: 12, lost: 0, duplicateCodes: 0, savedTwice: 0, auditGaps: 0, noticesMissed: 0, refused: {} });
    expect(Object.keys(out.calls).sort()).toEqual([...DAY_METHODS].sort());
    for (const [m, f] of Object.entries(out.calls)) {
      expect(f.count, m).toBeGreaterThan(0);
      expect(f.p95Ms, m).toBeGreaterThanOrEqual(f.p50Ms);
      expect(f.p50Ms, m).toBeGreaterThan(0);
    }
    // every other visit through the stations: recorded before the order, the order, then the code
    for (const m of ['case/record', 'case/recordPending', 'case/giveOrder', 'case/allocateCode']) expect(out.calls[m]!.count, m).toBe(6);
    expect(out.calls['slip/pdf']!.count).toBe(12);
    expect(out.recordP95Ms).toBe(out.calls['case/record']!.p95Ms);
    for (const k of ['wallMs', 'callsPerSecond', 'noticeP95Ms', 'recordP50Ms']) expect(Number.isFinite(out[k]), k).toBe(true);
    expect((await fs.readdir(tmp)).filter((f) => f.startsWith('didar-'))).toEqual([]);
  }, 180_000);

  it('refuses a desk count that is not a whole number, and --cases with --desks, in Persian', async () => {
    const r = await didar('bench', '--desks', 'ده');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/تعداد میزها نادرست است/);
    expect(r.stdout).toBe('');
    const both = await didar('bench', '--desks', '2', '--cases', '100');
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
  });

  it('the read-back finds a change the desks were told of that is not stored, a code given twice and an unaudited change', async () => {
    const dir = await tempDir('didar-bench-check-');
    const folder = await prepareDay({ dataDir: dir }, 2);
    const server = await startServerProcess(dir, await freePort());
    let log;
    try {
      const desks = await signInDesks(server, folder);
      log = await runDay({ desks, hall: new Hall(folder.day.id, folder.day.date), citizens: citizensOfDay(4) });
      for (const d of desks) d.client.close();
    } finally {
      await server.stop();
    }
    const clean = await checkDay({ dataDir: dir }, folder.day.id, log, folder.desks);
    expect(clean.problems).toEqual([]);
    expect(clean.cases).toBe(4);

    // the desks' log as if: one more case acknowledged (never stored) holding the code of another, and one
    // acknowledged slip print forgotten by the desk (its journal line now answers to nobody)
    const record = log.acknowledged.find((a) => a.step.method === 'case/record')!;
    const phantom = { ...record, value: { ...(record.value as object), id: '00000000-0000-4000-8000-000000000000' } };
    const slipKey = log.acknowledged.find((a) => a.step.method === 'slip/pdf')!.call.key;
    const tampered = { ...log, acknowledged: [...log.acknowledged, phantom], calls: log.calls.filter((c) => c.key !== slipKey) };
    const found = await checkDay({ dataDir: dir }, folder.day.id, tampered, folder.desks);
    expect({ lost: found.lost, duplicateCodes: found.duplicateCodes, auditGaps: found.auditGaps }).toEqual({ lost: 1, duplicateCodes: 1, auditGaps: 1 });
  }, 120_000);
});
