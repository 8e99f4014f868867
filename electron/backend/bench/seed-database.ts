// The benchmark's cases written straight into a database with multi-row inserts (seeding 100,000 cases
// through the API would take the benchmark's whole budget), then VACUUM ANALYZE, as autovacuum would leave a
// table that has been in use: planner statistics and the visibility map that counts read from the index.
import { openPgStore } from '../store/pg/pg-store';
import { upsertCases } from '../store/pg/case-rows';
import { generatedDays, type SeedResult } from './generate';

export async function seedDatabase(url: string, n: number): Promise<SeedResult> {
  const store = await openPgStore(url);
  try {
    let days = 0;
    await store.bulk(async (run) => {
      for (const { day, cases } of generatedDays(n)) {
        await run('INSERT INTO meeting_days (id, date, doc) VALUES ($1, $2, $3)', [day.id, day.date, JSON.stringify(day)]);
        await upsertCases(run, cases);
        days++;
      }
    });
    await store.maintain();
    return { cases: n, days, nextSequence: n + 1 };
  } finally {
    await store.close();
  }
}
