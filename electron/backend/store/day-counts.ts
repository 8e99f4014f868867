// The meeting-day list's counts, read through the store's own methods: what the data folder answers from memory
// (a database answers the same with one GROUP BY, pg-store.ts).
import type { DayCounts, StoreReader } from './store';

export async function dayCountsOf(store: StoreReader): Promise<ReadonlyMap<string, DayCounts>> {
  const out = new Map<string, DayCounts>();
  for (const d of await store.listMeetingDays()) {
    const [cases, queue] = await Promise.all([store.listCasesOfDay(d.id), store.getQueue(d.id)]);
    out.set(d.id, { cases: cases.filter((c) => c.status !== 'cancelled').length, waiting: queue.filter((q) => q.status === 'waiting').length });
  }
  return out;
}
