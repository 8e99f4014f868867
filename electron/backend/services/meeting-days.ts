import { randomUUID } from 'node:crypto';
import type { MeetingDay, MeetingDayDraft, MeetingDaySummary } from '../../../shared/domain';
import type { ParsedArgs } from '../../../shared/api';
import { DidarError } from '../../../shared/errors';
import { formatJalali, jalaliOf } from '../../../shared/jalali';
import { msg } from '../../../shared/messages';
import { officeField, officeLabel, officeOf, PROVINCE } from '../../../shared/offices';
import type { BackendContext, ReadContext, TxContext } from '../context';

const samePlace = (a: MeetingDay['place'], b: MeetingDay['place']): boolean =>
  a.kind === b.kind && (a.kind === 'center' || (b.kind === 'county' && a.county === b.county));

export function openMeetingDay(ctx: BackendContext, draft: ParsedArgs<'meetingDay/open'>): Promise<MeetingDay> {
  return ctx.mutate('meetingDay/open', (t) => openMeetingDayIn(t, draft));
}

export async function openMeetingDayIn(t: TxContext, draft: ParsedArgs<'meetingDay/open'>): Promise<MeetingDay> {
  // each office holds its own days: a county governorate's day and the province's trip to that county are two
  const existing = (await t.store.listMeetingDays()).find((d) => d.date === draft.date && samePlace(d.place, draft.place) && officeOf(d) === t.office);
  if (existing) throw new DidarError('conflict', msg.meetingDayExists);
  const day: MeetingDay = {
    id: `md-${draft.date.replace(/\//g, '')}-${randomUUID().slice(0, 8)}`,
    date: draft.date,
    place: draft.place,
    host: draft.host,
    openedAt: t.now().toISOString(),
    openedBy: t.actor.operator,
    ...officeField(t.office),
  };
  await t.store.addMeetingDay(day);
  return day;
}

export async function listMeetingDays(ctx: ReadContext): Promise<MeetingDaySummary[]> {
  const [days, counts] = await Promise.all([ctx.store.listMeetingDays(), ctx.store.meetingDayCounts()]);
  const out: MeetingDaySummary[] = days.map((d) => ({ ...d, caseCount: counts.get(d.id)?.cases ?? 0, waiting: counts.get(d.id)?.waiting ?? 0 }));
  return out.sort((a, b) => b.date.localeCompare(a.date) || b.openedAt.localeCompare(a.openedAt));
}

/** Today's meeting day of the caller's office (the latest opened for today's Jalali date in Tehran), or null. */
export async function currentMeetingDay(ctx: ReadContext): Promise<MeetingDay | null> {
  const today = formatJalali(jalaliOf(ctx.now()));
  const todays = (await ctx.store.listMeetingDays()).filter((d) => d.date === today && officeOf(d) === ctx.office);
  return [...todays].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0] ?? null;
}

export async function requireMeetingDay(ctx: ReadContext, id: string): Promise<MeetingDay> {
  const day = await ctx.store.getMeetingDay(id);
  if (!day) throw new DidarError('not-found', ctx.office === PROVINCE ? msg.meetingDayNotFound : msg.meetingDayNotInOffice(officeLabel(ctx.office)));
  return day;
}

export type { MeetingDayDraft };
