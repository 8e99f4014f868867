import type { ParsedArgs } from '../../../shared/api';
import type { QueueEntry } from '../../../shared/domain';
import { DidarError } from '../../../shared/errors';
import { msg } from '../../../shared/messages';
import type { BackendContext } from '../context';
import { requireMeetingDay } from './meeting-days';

export async function listQueue(ctx: BackendContext, dayId: string): Promise<QueueEntry[]> {
  await requireMeetingDay(ctx, dayId);
  return ctx.store.getQueue(dayId);
}

export async function registerArrival(ctx: BackendContext, a: ParsedArgs<'queue/arrive'>): Promise<QueueEntry> {
  await requireMeetingDay(ctx, a.meetingDayId);
  const queue = await ctx.store.getQueue(a.meetingDayId);
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
  await ctx.store.saveQueue(a.meetingDayId, [...queue, entry], ctx.actor, 'queue/arrive');
  return entry;
}

async function updateEntry(
  ctx: BackendContext, dayId: string, number: number, change: (q: QueueEntry) => QueueEntry, action: string,
): Promise<QueueEntry> {
  const queue = await ctx.store.getQueue(dayId);
  const i = queue.findIndex((q) => q.number === number);
  if (i < 0) throw new DidarError('not-found', msg.queueEntryNotFound);
  const next = change(queue[i]!);
  await ctx.store.saveQueue(dayId, queue.map((q, k) => (k === i ? next : q)), ctx.actor, action);
  return next;
}

/** Calls the first citizen still waiting, in arrival order. */
export async function callNext(ctx: BackendContext, dayId: string): Promise<QueueEntry> {
  await requireMeetingDay(ctx, dayId);
  const first = (await ctx.store.getQueue(dayId)).find((q) => q.status === 'waiting');
  if (!first) throw new DidarError('not-found', msg.queueEmpty);
  const at = ctx.now().toISOString();
  return updateEntry(ctx, dayId, first.number, (q) => ({ ...q, status: 'called', calledAt: at }), 'queue/call');
}

export async function markQueue(ctx: BackendContext, a: ParsedArgs<'queue/mark'>): Promise<QueueEntry> {
  await requireMeetingDay(ctx, a.meetingDayId);
  return updateEntry(ctx, a.meetingDayId, a.number, (q) => ({ ...q, status: a.status }), `queue/${a.status}`);
}

export async function markQueueSeen(ctx: BackendContext, dayId: string, number: number, caseId: string): Promise<void> {
  await updateEntry(ctx, dayId, number, (q) => ({ ...q, status: 'seen', caseIds: [...q.caseIds, caseId] }), 'queue/seen');
}
