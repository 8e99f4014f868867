// The data folder's lock: two processes taking over a stale lock at the same moment, 100 times, exactly one
// wins each time; a lock from another computer or of a reused pid is explained, and `didar unlock` removes a
// lock only when no Didar holds the folder.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { acquireLock, LOCK_FILE, unlockDataDir } from '../../electron/backend/store/lock';
import { DidarError } from '../../shared/errors';
import { tempDir } from '../helpers/backend';
import { didar } from '../helpers/cli';

const TAKER = path.resolve('test/fixtures/lock-taker.ts');
const TRIALS = 100;
/** A pid that runs on no machine here (beyond Linux's pid_max). */
const DEAD_PID = 2 ** 22 + 12345;

type Taker = { child: ChildProcessWithoutNullStreams; next: () => Promise<string> };

function startTaker(): Taker {
  const child = spawn(process.execPath, ['--import', 'tsx', TAKER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return { child, next: async () => String((await lines.next()).value) };
}

const stale = (host = os.hostname(), pid = DEAD_PID) => JSON.stringify({ pid, host, startedAt: '2026-11-22T06:30:00.000Z' });
const old = new Date(Date.now() - 10 * 60_000);

describe('lock takeover', () => {
  let a: Taker;
  let b: Taker;
  beforeAll(() => {
    a = startTaker();
    b = startTaker();
  });
  afterAll(() => {
    a.child.kill();
    b.child.kill();
  });

  it(`two processes on a stale lock at the same moment: exactly one wins, ${TRIALS} times out of ${TRIALS}`, async () => {
    const outcomes: string[] = [];
    for (let t = 0; t < TRIALS; t++) {
      const dir = await tempDir('didar-lock-');
      await fs.writeFile(path.join(dir, LOCK_FILE), stale());
      const at = Date.now() + 150;
      a.child.stdin.write(`go ${dir} ${at}\n`);
      b.child.stdin.write(`go ${dir} ${at}\n`);
      const got = [await a.next(), await b.next()].sort();
      outcomes.push(got.join('/'));
      const holder = JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
      expect([a.child.pid, b.child.pid]).toContain(holder.pid);
      a.child.stdin.write('release\n');
      b.child.stdin.write('release\n');
      await a.next();
      await b.next();
      await fs.rm(dir, { recursive: true, force: true });
    }
    expect(outcomes.filter((o) => o !== 'lost data-locked/won')).toEqual([]);
  }, 120_000);
});

describe('a lock that cannot be taken over', () => {
  it('from another computer: the message says how to clear it safely; a fresh one is not removed by unlock', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, LOCK_FILE), stale('office-pc-7', 4242));
    const e = await openBackend({ dataDir: dir }).then(() => null, (x: unknown) => x) as DidarError;
    expect(e.code).toBe('data-locked');
    expect(e.message).toContain('رایانه \u2068office-pc-7\u2069');
    expect(e.message).toContain(`didar unlock --data ${dir}`);
    expect(e.english).toContain(`didar unlock --data ${dir}`);
    // touched less than a minute ago: that Didar may be running
    expect(() => unlockDataDir(dir)).toThrow(/هنوز از آن استفاده می‌کند/);
    await fs.utimes(path.join(dir, LOCK_FILE), old, old);
    expect(unlockDataDir(dir)).toMatchObject({ removed: true, owner: { host: 'office-pc-7', pid: 4242 } });
    const b = await openBackend({ dataDir: dir });
    await b.close();
  });

  it('of a pid that another program now uses: explained, and unlock removes it once it is not touched', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, LOCK_FILE), stale(os.hostname(), process.ppid)); // alive, but no Didar
    await fs.utimes(path.join(dir, LOCK_FILE), old, old);
    const e = await openBackend({ dataDir: dir }).then(() => null, (x: unknown) => x) as DidarError;
    expect(e.code).toBe('data-locked');
    expect(e.message).toContain('همین رایانه');
    expect(e.message).toContain('didar unlock');
    const r = await didar('unlock', '--data', dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ removed: true });
    await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toThrow();
  });

  it('held by a running Didar: unlock refuses in Persian and English, and the folder stays locked', async () => {
    const dir = await tempDir();
    const release = acquireLock(dir);
    try {
      const child = await didar('unlock', '--data', dir);
      expect(child.code).toBe(1);
      expect(child.stderr).toMatch(/^خطا: قفل پوشه .* برداشته نشد/);
      expect(child.stderr).toMatch(/\nerror: data-locked: .*still holds the folder/);
      await expect(fs.access(path.join(dir, LOCK_FILE))).resolves.toBeUndefined();
    } finally {
      release();
    }
    expect(JSON.parse((await didar('unlock', '--data', dir)).stdout)).toMatchObject({ removed: false, owner: null });
  });
});
