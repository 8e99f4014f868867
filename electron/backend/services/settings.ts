import type { ParsedArgs } from '../../../shared/api';
import { AWAITING_DEPARTMENT, withDueDate } from '../../../shared/follow-up';
import type { Settings } from '../../../shared/settings';
import { calendarFrom, type WorkCalendar } from '../../../shared/working-days';
import type { BackendContext, ReadContext } from '../context';

export function getSettings(ctx: ReadContext): Promise<Settings> {
  return ctx.store.getSettings();
}

/**
 * Saves the settings; a changed holiday table or Thursday rule moves, in the same unit of work, the due dates
 * of cases still awaiting their department (e.g. when the official lunar calendar replaces the estimated one).
 */
export function updateSettings(ctx: BackendContext, patch: ParsedArgs<'settings/update'>): Promise<Settings> {
  return ctx.mutate('settings/update', async (t) => {
    const before = await t.store.getSettings();
    const next = { ...before } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) next[k] = v;
    const settings = next as Settings;
    await t.store.putSettings(settings);
    if (patch.holidays !== undefined || (patch.thursdayOff !== undefined && patch.thursdayOff !== before.thursdayOff)) {
      const cal = calendarOf(settings);
      for (const c of await t.store.scanCases({ statuses: [...AWAITING_DEPARTMENT] })) {
        if (!c.deadline) continue;
        const deadline = withDueDate(c.deadline, cal);
        if (deadline.dueDate !== c.deadline.dueDate) await t.store.putCase({ ...c, deadline });
      }
    }
    return settings;
  });
}

const calendars = new WeakMap<Settings, WorkCalendar>();

/** The working-day calendar of these settings (built once per settings version). */
function calendarOf(s: Settings): WorkCalendar {
  let cal = calendars.get(s);
  if (!cal) calendars.set(s, (cal = calendarFrom(s.holidays, s.thursdayOff)));
  return cal;
}

/** The working-day calendar of the current settings. */
export async function workCalendar(ctx: ReadContext): Promise<WorkCalendar> {
  return calendarOf(await ctx.store.getSettings());
}
