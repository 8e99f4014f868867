// Kills a process that is saving cases with SIGKILL at random moments, 50 times, on either store (a data
// folder, or a server process of its own on the PostgreSQL database, killed mid-transaction): after every
// restart each acknowledged save is there, the integrity check passes, codes are never reused, and the audit
// trail and the data agree exactly (every change of the audit trail applied from its first record is what the
// store holds).
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { rng } from '../../electron/backend/bench/generate';
import { auditTrail, checkStore, locationOf, STORE, tempStore } from '../helpers/backend';

const CHILD = path.resolve('test/fixtures/save-forever.ts');
const ROUNDS = 50;

/** Every case as the audit trail says it is: each record's after-state applied in order. */
async function casesFromJournal(at: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const r of await auditTrail(at)) for (const ch of r.changes ?? []) if (ch.entity === 'case') out.set(ch.id, ch.after);
  return out;
}

/** Runs the saver until it has been killed `ms` after its first acknowledged save; returns the codes it acknowledged. */
function runAndKill(dir: string, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let err = '';
    readline.createInterface({ input: child.stdout }).on('line', (l) => {
      if (!/^\d{10}$/.test(l)) return;
      // timed from the first acknowledged save, so that every round is killed while saving, however slow
      // a loaded machine makes the process's start and its first save
      if (!acked.length) setTimeout(() => child.kill('SIGKILL'), ms);
      acked.push(l);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`saver exited on its own: ${err}`))));
  });
}

describe('crash safety', () => {
  it(`survives ${ROUNDS} SIGKILLs while saving (${STORE})`, async () => {
    const dir = await tempStore();
    const random = rng(8);
    const acknowledged = new Set<string>();
    let highest = '';
    for (let round = 0; round < ROUNDS; round++) {
      const acked = await runAndKill(dir, 20 + Math.floor(random() * 200));
      for (const code of acked) {
        expect(acknowledged.has(code), `code ${code} given twice`).toBe(false);
        expect(code > highest, `code ${code} not after ${highest}`).toBe(true);
        acknowledged.add(code);
        highest = code;
      }
      const report = await checkStore(dir);
      expect(report.problems, JSON.stringify(report.problems)).toEqual([]);
      // every acknowledged save is there after the restart, and the lock of the killed process is taken over
      const b = await openBackend({ ...locationOf(dir), operator: 'check' });
      try {
        const cases = await b.store.scanCases({});
        const stored = new Set(cases.map((c) => c.code!));
        for (const code of acknowledged) expect(stored.has(code), `acknowledged ${code} lost in round ${round}`).toBe(true);
        for (const code of stored) if (code > highest) highest = code; // saved but killed before acknowledging
        const journaled = await casesFromJournal(dir);
        expect(journaled.size, `round ${round}: cases in the data vs in the audit trail`).toBe(cases.length);
        for (const c of cases) expect(journaled.get(c.id), `round ${round}: ${c.code}`).toEqual(c);
      } finally {
        await b.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);
    console.log(`[crash] ${ROUNDS} kills survived, ${acknowledged.size} acknowledged saves all present`);
  }, 300_000);
});
