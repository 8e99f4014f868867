import type { ParsedArgs } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { calendarFrom, type WorkCalendar } from '../../../shared/working-days';
import type { BackendContext } from '../context';

export function getSettings(ctx: BackendContext): Promise<Settings> {
  return ctx.store.getSettings();
}

export async function updateSettings(ctx: BackendContext, patch: ParsedArgs<'settings/update'>): Promise<Settings> {
  const next: Settings = { ...(await ctx.store.getSettings()) };
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  }
  await ctx.store.saveSettings(next, ctx.actor);
  return next;
}

const calendars = new WeakMap<Settings, WorkCalendar>();

/** The working-day calendar of the current settings (built once per settings version). */
export async function workCalendar(ctx: BackendContext): Promise<WorkCalendar> {
  const s = await ctx.store.getSettings();
  let cal = calendars.get(s);
  if (!cal) calendars.set(s, (cal = calendarFrom(s.holidays, s.thursdayOff)));
  return cal;
}
