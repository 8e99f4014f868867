import type { ParsedArgs } from '../../../shared/api';
import type { QueueEntry } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import type { BackendContext, ReadContext, TxContext } from '../context';
import { requireMeetingDay } from './meeting-days';

export async function listQueue(ctx: ReadContext, dayId: string): Promise<readonly QueueEntry[]> {
  await requireMeetingDay(ctx, dayId);
  return ctx.store.getQueue(dayId);
}

export function registerArrival(ctx: BackendContext, a: ParsedArgs<'queue/arrive'>): Promise<QueueEntry> {
  return ctx.mutate('queue/arrive', async (t) => {
    await requireMeetingDay(t, a.meetingDayId);
    const queue = await t.store.getQueue(a.meetingDayId);
    const earlier = a.nationalId ? queue.find((q) => q.nationalId === a.nationalId) : undefined;
    if (earlier && !a.confirmed) throw new DidarError('needs-confirmation', msg.sameArrivalToday(earlier.number));
    const entry: QueueEntry = {
      number: queue.reduce((m, q) => Math.max(m, q.number), 0) + 1,
      name: a.name,
      nationalId: a.nationalId,
      arrivedAt: ctx.now().toISOString(),
      status: 'waiting',
      caseIds: [],
    };
    await t.store.putQueueEntry(a.meetingDayId, entry);
    return entry;
  });
}

async function updateEntry(t: TxContext, dayId: string, number: number, change: (q: QueueEntry) => QueueEntry): Promise<QueueEntry> {
  const entry = (await t.store.getQueue(dayId)).find((q) => q.number === number);
  if (!entry) throw new DidarError('not-found', msg.queueEntryNotFound);
  const next = change(entry);
  await t.store.putQueueEntry(dayId, next);
  return next;
}

/** Calls the first citizen still waiting, in arrival order. */
export function callNext(ctx: BackendContext, dayId: string): Promise<QueueEntry> {
  return ctx.mutate('queue/call', async (t) => {
    await requireMeetingDay(t, dayId);
    const first = (await t.store.getQueue(dayId)).find((q) => q.status === 'waiting');
    if (!first) throw new DidarError('not-found', msg.queueEmpty);
    const at = ctx.now().toISOString();
    return updateEntry(t, dayId, first.number, (q) => ({ ...q, status: 'called', calledAt: at }));
  });
}

export function markQueue(ctx: BackendContext, a: ParsedArgs<'queue/mark'>): Promise<QueueEntry> {
  return ctx.mutate(`queue/${a.status}`, async (t) => {
    await requireMeetingDay(t, a.meetingDayId);
    return updateEntry(t, a.meetingDayId, a.number, (q) => ({ ...q, status: a.status }));
  });
}

/** Inside the unit of work that records the case: the entry it was called from is seen, and holds the case. */
export async function markQueueSeen(t: TxContext, dayId: string, number: number, caseId: string): Promise<void> {
  await updateEntry(t, dayId, number, (q) => ({ ...q, status: 'seen', caseIds: [...q.caseIds, caseId] }));
}
