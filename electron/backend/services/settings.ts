import type { ParsedArgs } from '../../../shared/api';
import type { Case } from '../../../shared/domain';
import { AWAITING_DEPARTMENT, withDueDate } from '../../../shared/follow-up';
import type { Settings } from '../../../shared/settings';
import { calendarFrom, type WorkCalendar } from '../../../shared/working-days';
import type { BackendContext } from '../context';

export function getSettings(ctx: BackendContext): Promise<Settings> {
  return ctx.store.getSettings();
}

export async function updateSettings(ctx: BackendContext, patch: ParsedArgs<'settings/update'>): Promise<Settings> {
  const before = await ctx.store.getSettings();
  const next: Settings = { ...before };
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  }
  await ctx.store.saveSettings(next, ctx.actor);
  if (patch.holidays !== undefined || (patch.thursdayOff !== undefined && patch.thursdayOff !== before.thursdayOff)) {
    await redateOpenCases(ctx);
  }
  return next;
}

/**
 * A changed holiday table or Thursday rule moves the due dates of cases still awaiting their department
 * (e.g. when the official lunar calendar replaces the estimated one).
 */
async function redateOpenCases(ctx: BackendContext): Promise<void> {
  const cal = await workCalendar(ctx);
  const changed: Case[] = [];
  for (const c of await ctx.store.listCases()) {
    if (!c.deadline || !AWAITING_DEPARTMENT.has(c.status)) continue;
    const deadline = withDueDate(c.deadline, cal);
    if (deadline.dueDate !== c.deadline.dueDate) changed.push({ ...c, deadline });
  }
  await Promise.all(changed.map((c) => ctx.store.saveCase(c, ctx.actor, 'settings/redate')));
}

const calendars = new WeakMap<Settings, WorkCalendar>();

/** The working-day calendar of the current settings (built once per settings version). */
export async function workCalendar(ctx: BackendContext): Promise<WorkCalendar> {
  const s = await ctx.store.getSettings();
  let cal = calendars.get(s);
  if (!cal) calendars.set(s, (cal = calendarFrom(s.holidays, s.thursdayOff)));
  return cal;
}
