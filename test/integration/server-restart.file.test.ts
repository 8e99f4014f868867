// The office's server killed in the middle of a meeting day (SIGKILL of its process: a power cut) and started
// again on the same folder and port. The desks are Node clients that behave as the renderer's: they send a
// change again with the same idempotency key until it is answered and reopen the live-update stream by
// themselves. Afterwards nothing a desk was told was saved is missing, no code was given twice, nothing
// was saved twice, and the journal holds one line per acknowledged change.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDay } from '../../electron/cli/bench-check';
import { citizensOfDay, Hall, runDay } from '../../electron/cli/bench-day';
import { prepareDay, signInDesks } from '../../electron/cli/bench-desks';
import { freePort, startServerProcess, type ServerProcess } from '../../electron/cli/bench-server';
import { tempDir } from '../helpers/backend';

const DESKS = 3;
const CITIZENS = 45;
/** The server is killed after this many visits of the day, and started again after DOWN_MS. */
const KILL_AFTER = 15;
const DOWN_MS = 1500;

/** How long the answers are cut off before the kill: the changes of the calls in flight commit meanwhile. */
const CUT_MS = 400;

const started: ServerProcess[] = [];
const closers: (() => void)[] = [];
afterAll(async () => {
  for (const s of started) await s.kill(); // never left running, whatever failed
  for (const c of closers) c();
});

/**
 * The office network between the desks and the server: passes everything, except while `cut` is set, when
 * what the server sends is dropped (the desks' calls arrive and are done; their answers never come back).
 */
async function network(serverPort: number): Promise<{ port: number; cut: (on: boolean) => void }> {
  let cut = false;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((desk) => {
    const server = net.connect(serverPort, '127.0.0.1');
    for (const s of [desk, server]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        desk.destroy();
        server.destroy();
      });
    }
    desk.pipe(server);
    server.on('data', (b: Buffer) => void (cut || desk.write(b)));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    for (const s of sockets) s.destroy();
    proxy.close();
  });
  return { port: (proxy.address() as net.AddressInfo).port, cut: (on) => void (cut = on) };
}

describe('server killed mid-day and restarted', () => {
  it('the desks carry on by themselves and nothing acknowledged is lost or saved twice', async () => {
    const dir = await tempDir('didar-restart-');
    const folder = await prepareDay({ dataDir: dir }, DESKS);
    const port = await freePort();
    const first = await startServerProcess(dir, port);
    started.push(first);
    const office = await network(port);
    const desks = await signInDesks(first, folder, office.port);
    let restart: Promise<ServerProcess> | null = null;
    let killedAt = 0;

    const log = await runDay({
      desks, hall: new Hall(folder.day.id, folder.day.date), citizens: citizensOfDay(CITIZENS, 19),
      // not awaited: the other desks' calls are in flight when the server dies, and go on failing until it is back
      afterVisit: (done) => {
        if (done !== KILL_AFTER) return;
        restart = (async () => {
          office.cut(true);
          await new Promise((r) => setTimeout(r, CUT_MS));
          killedAt = performance.now();
          await first.kill();
          office.cut(false);
          await new Promise((r) => setTimeout(r, DOWN_MS));
          const again = await startServerProcess(dir, port);
          started.push(again);
          return again;
        })();
      },
    });
    expect(restart, 'the server was killed during the day').not.toBeNull();
    const second = await restart!;
    expect(second.pid).not.toBe(first.pid);
    expect(second.fingerprint).toBe(first.fingerprint); // the same certificate: the desks trust it again unasked
    for (const d of desks) d.client.close();
    await second.stop();

    // the fault reached the desks: calls made before the kill were sent again and answered by the new server
    const carried = log.calls.filter((c) => c.attempts > 1 && c.at - c.ms < killedAt && c.at > second.startedAt);
    expect(carried.length).toBeGreaterThan(0);
    // and changes done whose answers were lost with the server were told «already done» by the new one, not
    // made again: the desks found what they had made (as a clerk looks at the screen again)
    const alreadyDone = log.acknowledged.filter((a) => !a.call.reply.ok);
    expect(alreadyDone.length).toBeGreaterThan(0);
    for (const a of alreadyDone) expect(a.call.lostAnswers, a.step.method).toBeGreaterThan(0);
    expect(log.refused).toEqual({});
    // every desk's stream dropped with the server and opened again by itself, and carried notices after
    for (const d of desks) {
      expect(log.streamOpens.get(d.username), d.username).toBeGreaterThanOrEqual(2);
      const afterRestart = log.notices.get(d.username)!.filter((n) => n.at > second.startedAt);
      expect(afterRestart.length, d.username).toBeGreaterThan(0);
    }
    expect(log.streamsEnded).toEqual([]);

    const check = await checkDay({ dataDir: dir }, folder.day.id, log, folder.desks);
    expect(check.problems).toEqual([]);
    expect({ lost: check.lost, duplicateCodes: check.duplicateCodes, savedTwice: check.savedTwice, auditGaps: check.auditGaps })
      .toEqual({ lost: 0, duplicateCodes: 0, savedTwice: 0, auditGaps: 0 });
    expect(check.cases).toBe(CITIZENS); // every citizen of the day has their case, once
    // each case recorded once: with its order at once, or before it and then coded at the inspection desk
    const made = (m: string): number => log.acknowledged.filter((a) => a.step.method === m).length;
    expect(made('case/record') + made('case/recordPending')).toBe(CITIZENS);
    expect(made('case/allocateCode')).toBe(made('case/recordPending'));
  }, 240_000);
});
