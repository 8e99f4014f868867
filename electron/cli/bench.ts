// `didar bench [--cases N | --desks N] [--db URL]`: measures the real backend on generated data and prints one JSON object.
// Seeding runs in a child process so that its memory does not count towards the measured peak RSS. With --db
// the same measures are taken on PostgreSQL too, in a child process of their own (its own peak RSS), in a
// schema made for the run in that database and dropped after it; they are printed under `postgres`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Case } from '../../shared/domain';
import { MAZANDARAN_COUNTIES, PROVINCIAL_DEPARTMENTS } from '../../shared/defaults';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openBackend, type Backend, type BackendOptions } from '../backend';
import { issueText, nationalId, rng, seedDataDir } from '../backend/bench/generate';
import { seedDatabase } from '../backend/bench/seed-database';
import type { PgStore } from '../backend/store/pg/pg-store';
import { renderCaseSlip } from '../backend/services/slips';
import { attachPending } from '../backend/services/grouping';
import { fail } from './index';
import { percentile, round } from './bench-stats';
import { benchDesks, DEFAULT_CITIZENS } from './bench-desks';
import { CLI } from './bench-server';

const SAVES = 300;
const SLIP_RUNS = 20;
const ATTACH_RUNS = 20;
const SUGGEST_RUNS = 20;

export async function benchSeedCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, db: { type: 'string' }, cases: { type: 'string' } }, strict: true });
  const n = Number(values.cases ?? 10_000);
  if (values.db) process.stdout.write(`${JSON.stringify(await seedDatabase(values.db, n))}\n`);
  else if (values.data) process.stdout.write(`${JSON.stringify(await seedDataDir(values.data, n))}\n`);
  else return fail('پوشه داده یا پایگاه داده را بدهید.', 'usage: didar bench-seed --data DIR | --db URL --cases N', 2);
  return 0;
}

export async function benchCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv, options: { cases: { type: 'string' }, desks: { type: 'string' }, citizens: { type: 'string' }, think: { type: 'string' }, keep: { type: 'boolean' }, db: { type: 'string' } }, strict: true,
  });
  if (values.desks !== undefined) {
    const desks = Number(values.desks);
    const citizens = Number(values.citizens ?? DEFAULT_CITIZENS);
    if (!Number.isInteger(desks) || desks < 1 || desks > 50) return fail('تعداد میزها نادرست است.', `--desks must be a whole number from 1 to 50: ${values.desks}`, 2);
    if (!Number.isInteger(citizens) || citizens < 1 || citizens > 5000) return fail('تعداد شهروندان نادرست است.', `--citizens must be a whole number from 1 to 5000: ${values.citizens}`, 2);
    const think = Number(values.think ?? 0);
    if (!Number.isInteger(think) || think < 0 || think > 60_000) return fail('زمان مکث میزها نادرست است.', `--think must be a whole number of milliseconds from 0 to 60000: ${values.think}`, 2);
    if (values.cases !== undefined) return fail('گزینه‌های فرمان نادرست است.', '--cases and --desks are two different benches: give one of them', 2);
    const day = { desks, citizens, thinkMs: think, keep: values.keep ?? false };
    const folder = await benchDesks(day);
    // the same day on PostgreSQL, beside the folder's in the same run
    const database = values.db ? await inBenchSchema(values.db, values.keep ?? false, (databaseUrl) => benchDesks({ ...day, databaseUrl })) : null;
    process.stdout.write(`${JSON.stringify({ ...folder.result, ...(database ? { postgres: database.result } : {}) })}\n`);
    const failure = folder.failure ?? (database?.failure ? `on PostgreSQL: ${database.failure}` : null);
    return failure ? fail('روز آزمایشی با خطا تمام شد.', failure) : 0;
  }
  if (values.citizens !== undefined || values.think !== undefined) return fail('گزینه‌های فرمان نادرست است.', '--citizens and --think go with --desks N', 2);
  const n = Number(values.cases ?? 10_000);
  if (!Number.isInteger(n) || n < 0) return fail('تعداد پرونده‌ها نادرست است.', `--cases must be a whole number: ${values.cases}`, 2);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'didar-bench-'));
  execFileSync(process.execPath, [CLI, 'bench-seed', '--data', dir, '--cases', String(n)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const result = await measure({ dataDir: dir }, n, dir);
  result.peakRssMb = round(process.resourceUsage().maxRSS / 1024);
  result.diskMb = round((await folderBytes(dir)) / 1024 / 1024);
  if (!values.keep) await fs.rm(dir, { recursive: true, force: true });
  const out: Record<string, unknown> = { ...result };
  if (values.db) {
    const child = execFileSync(process.execPath, [CLI, 'bench-db', '--cases', String(n), '--db', values.db, ...(values.keep ? ['--keep'] : [])],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 20 });
    out.postgres = JSON.parse(child) as unknown;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}

/** The PostgreSQL half of `didar bench --db`: a schema of its own in the given database, dropped afterwards. */
export async function benchDbCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { cases: { type: 'string' }, keep: { type: 'boolean' }, db: { type: 'string' } }, strict: true });
  if (!values.db) return fail('پایگاه داده را بدهید.', 'usage: didar bench-db --db URL --cases N', 2);
  const n = Number(values.cases ?? 10_000);
  await inBenchSchema(values.db, values.keep ?? false, async (url) => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'didar-bench-'));
    try {
      execFileSync(process.execPath, [CLI, 'bench-seed', '--db', url, '--cases', String(n)], { stdio: ['ignore', 'ignore', 'inherit'] });
      const result = await measure({ databaseUrl: url }, n, scratch, async (b) => ({
        diskMb: round((await (b.store as PgStore).sizeBytes()) / 1024 / 1024),
      }));
      result.peakRssMb = round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  });
  return 0;
}

/** Runs `fn` on a schema of its own in the given database (its URL sets the search path), dropped afterwards unless kept. */
async function inBenchSchema<T>(db: string, keep: boolean, fn: (url: string) => Promise<T>): Promise<T> {
  const schema = `didar_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: db });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const u = new URL(db);
    u.searchParams.set('options', `-c search_path=${schema},public`);
    return await fn(u.toString());
  } finally {
    if (!keep) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

/** Every measure on a seeded store; `fsyncDir` is where the disk's raw durable append is timed. */
async function measure(at: BackendOptions, n: number, fsyncDir: string, beforeClose?: (b: Backend) => Promise<Record<string, number>>): Promise<Record<string, number>> {
  const t0 = performance.now();
  const backend = await openBackend({ ...at, operator: 'bench' });
  const loadMs = performance.now() - t0;
  const result: Record<string, number> = { cases: n, loadMs: round(loadMs) };
  try {
    const day = (await backend.dispatch('meetingDay/open', { date: '1405/09/02', place: { kind: 'county', county: 'آمل' }, host: 'bench' })) as { ok: true; value: { id: string } };
    const r = rng(7);
    const saves: number[] = [];
    let lastId = '';
    for (let i = 0; i < SAVES; i++) {
      const draft = benchDraft(day.value.id, r, { firstName: 'علی', lastName: 'رضایی', county: 'آمل', locality: 'چمستان' }, 'فرمانداری');
      const s = performance.now();
      const reply = await backend.dispatch('case/record', draft);
      saves.push(performance.now() - s);
      if (!reply.ok) throw new Error(`save failed: ${JSON.stringify(reply.error)}`);
      lastId = (reply.value as { id: string }).id;
    }
    result.saveP50Ms = round(percentile(saves, 50));
    result.saveP95Ms = round(percentile(saves, 95));
    // the floor a save is read against: this disk's own durable append, measured in the same folder now
    result.fsyncP95Ms = round(percentile(await rawAppends(fsyncDir), 95));

    result.filterP95Ms = round(percentile(await timeQueries(backend, filterQueries()), 95));
    const sample = (await backend.store.queryCases({ sort: 'due', offset: 0, limit: 50 })).items;
    result.searchP95Ms = round(percentile(await timeQueries(backend, searchQueries(sample)), 95));

    const c = (await backend.store.getCase(lastId))!;
    await renderCaseSlip(backend.ctx, c, false); // cold: fonts and pdfmake load once
    const slips: number[] = [];
    for (let i = 0; i < SLIP_RUNS; i++) {
      const s = performance.now();
      await renderCaseSlip(backend.ctx, c, i % 2 === 1);
      slips.push(performance.now() - s);
    }
    result.slipMs = round(percentile(slips, 50));

    // Peak before the grouping run: the store, saves, searches and slips without the worker's heap.
    result.peakRssBeforeGroupingMb = round(process.resourceUsage().maxRSS / 1024);
    // Grouping: a full run of the board (worker thread included), then new cases attached one by one.
    const g0 = performance.now();
    const board = await backend.dispatch('group/board', { rerun: true });
    result.groupMs = round(performance.now() - g0);
    if (!board.ok) throw new Error(`grouping failed: ${JSON.stringify(board.error)}`);
    const attaches: number[] = [];
    for (let i = 0; i < ATTACH_RUNS; i++) {
      const draft = benchDraft(day.value.id, r, { firstName: 'زهرا', lastName: 'کریمی', county: 'ساری', locality: 'کیاسر' }, 'جهاد کشاورزی');
      const reply = await backend.dispatch('case/record', draft);
      if (!reply.ok) throw new Error(`save failed: ${JSON.stringify(reply.error)}`);
      const s = performance.now();
      const attached = await attachPending(backend.ctx);
      attaches.push(performance.now() - s);
      if (attached !== 1) throw new Error(`expected one case to attach, got ${attached}`);
    }
    result.attachMs = round(percentile(attaches, 50));

    // Help at intake: the suggestion for a text being typed (department, category, the group it would join).
    const suggestions: number[] = [];
    for (let i = 0; i < SUGGEST_RUNS; i++) {
      const text = issueText(r);
      const s = performance.now();
      const reply = await backend.dispatch('case/suggest', { text });
      suggestions.push(performance.now() - s);
      if (!reply.ok) throw new Error(`suggestion failed: ${JSON.stringify(reply.error)}`);
    }
    result.suggestMs = round(percentile(suggestions, 50));

    // A year's scorecards (all cases of 1405), median of 5 each, after the grouping run the county
    // scorecard draws its problems from; scorecardMs is the slower of the two.
    const timeScorecard = async (method: 'report/departments' | 'report/counties'): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        const card = await backend.dispatch(method, { period: { kind: 'year', year: 1405 } });
        times.push(performance.now() - s);
        if (!card.ok) throw new Error(`${method} failed: ${JSON.stringify(card.error)}`);
      }
      return percentile(times, 50);
    };
    result.scorecardMs = round(Math.max(await timeScorecard('report/departments'), await timeScorecard('report/counties')));
    Object.assign(result, await beforeClose?.(backend));
  } finally {
    await backend.close();
  }
  return result;
}

/** A case as the desk records it: a generated issue text and national ID for the given citizen and department. */
function benchDraft(
  meetingDayId: string, r: () => number, who: { firstName: string; lastName: string; county: string; locality: string }, department: string,
) {
  return {
    meetingDayId,
    citizen: { ...who, nationalId: nationalId(r), mobile: '+989121234567' },
    text: issueText(r),
    order: { type: 'investigate', leadDepartment: department, deadlineDays: 10, text: 'موضوع بررسی شود.' },
  };
}

const QUERY_ROUNDS = 5;

/** Worklist filters an inspection officer uses: by status, department, county, order type, overdue. */
function filterQueries(): Record<string, unknown>[] {
  const qs: Record<string, unknown>[] = [];
  for (let i = 0; i < QUERY_ROUNDS; i++) {
    qs.push(
      { statuses: ['recorded'] }, { department: PROVINCIAL_DEPARTMENTS[i] }, { county: MAZANDARAN_COUNTIES[i] },
      { orderType: 'act', county: MAZANDARAN_COUNTIES[i + 5] }, { overdue: true }, { overdue: true, department: PROVINCIAL_DEPARTMENTS[i + 3] },
      { sort: 'recent' }, { statuses: ['referred', 'in-progress'], sort: 'due' },
    );
  }
  return qs;
}

/** Searches as typed: words of issues (some with Arabic letters or no ZWNJ), codes, national IDs, names. */
function searchQueries(sample: readonly Case[]): Record<string, unknown>[] {
  const words = ['کود اوره', 'گراز', 'كالابرگ', 'طرح هادی', 'ميخواهم', 'وام ازدواج', 'مینی بوس', 'افت ولتاژ', 'شالیزار', 'سند روستایی'];
  const qs: Record<string, unknown>[] = words.map((q) => ({ q }));
  for (const c of sample.slice(0, 20)) qs.push({ q: c.code }, { q: c.citizen.nationalId }, { q: `${c.citizen.firstName} ${c.citizen.lastName}` });
  return qs;
}

async function timeQueries(b: Awaited<ReturnType<typeof openBackend>>, queries: Record<string, unknown>[]): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    const r = await b.dispatch('worklist/query', q);
    times.push(performance.now() - s);
    if (!r.ok) throw new Error(`query failed: ${JSON.stringify(r.error)}`);
  }
  return times;
}

/** 2 KB appended and flushed (fdatasync), SAVES times, to a scratch file beside the data. */
async function rawAppends(dir: string): Promise<number[]> {
  const file = path.join(dir, 'bench-fsync.tmp');
  const line = Buffer.alloc(2048, 0x61);
  const times: number[] = [];
  const fh = await fs.open(file, 'a');
  try {
    for (let i = 0; i < SAVES; i++) {
      const s = performance.now();
      await fh.write(line);
      await fh.datasync();
      times.push(performance.now() - s);
    }
  } finally {
    await fh.close();
    await fs.rm(file, { force: true });
  }
  return times;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await folderBytes(p) : (await fs.stat(p)).size;
  }
  return total;
}
