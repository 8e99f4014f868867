// PostgreSQL only: units of work commit without waiting for the disk and are answered after a WAL flush that
// covers them. A database server that stops as in a power cut right after the answers (immediate mode: what
// was not flushed is lost) still has every answered change when it comes back, and the server that held the
// last committed state in memory reads it again instead of trusting it.
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { startCluster, type Cluster } from '../helpers/pg-cluster';
import { ok, openToday, send, tempDir } from '../helpers/backend';
import { nationalId, rng } from '../../electron/backend/bench/generate';

/** Distinct valid national IDs. */
const nationalIds = (n: number): string[] => {
  const r = rng(7);
  const ids = new Set<string>();
  while (ids.size < n) ids.add(nationalId(r));
  return [...ids];
};

let cluster: Cluster | null = null;
const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close().catch(() => undefined);
  await cluster?.stop();
  cluster = null;
});

async function backendOn(url: string): Promise<Backend> {
  const b = await openBackend({ databaseUrl: url, operator: 'tester', tlsHome: await tempDir('didar-tls-') });
  open.push(b);
  return b;
}

describe('a database server that crashes right after its answers', () => {
  it('keeps every answered arrival, and the queue is read again from the database', async () => {
    cluster = await startCluster();
    const a = await backendOn(cluster.url);
    const day = await openToday(a);
    const ids = nationalIds(40);
    const answered = await Promise.all(ids.map((nationalId, i) => ok(a, 'queue/arrive', { meetingDayId: day.id, name: `مراجع ${i + 1}`, nationalId })));
    await cluster.crash();

    const b = await backendOn(cluster.url);
    const q = await ok(b, 'queue/list', { meetingDayId: day.id });
    expect(q.map((e) => e.number).sort((x, y) => x - y)).toEqual(answered.map((e) => e.number).sort((x, y) => x - y));
    expect(new Set(q.map((e) => e.nationalId))).toEqual(new Set(ids));
    // the first server, its connections gone, answers from the database again: the next number follows on
    // (a connection the crash ended may fail the first call, with the message of an unreachable database)
    const args = { meetingDayId: day.id, name: 'مراجع تازه', nationalId: nationalIds(41)[40]! };
    const first = await send(a, 'queue/arrive', args);
    if (!first.ok) expect(first.error.code).toBe('db-unavailable');
    const next = first.ok ? first.value : await ok(a, 'queue/arrive', args);
    expect(next.number).toBe(41);
    expect(await ok(b, 'queue/list', { meetingDayId: day.id })).toHaveLength(41);
  });
});
