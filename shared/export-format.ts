// The whole record in one JSON file: what `didar export --format json` writes and `didar import` reads
// back without loss (same ids, tracking codes, history). Cases are checked for the fields the store
// indexes; the rest travels as written.
import { z } from 'zod';
import type { Case, MeetingDay } from './domain';
import { IdInput, JalaliDateString } from './domain';

export const EXPORT_FORMAT = 'didar-export';

/** `version` is the data folder's schema version the cases were written in (older ones are upgraded on import). */
export type DidarExport = { format: typeof EXPORT_FORMAT; version: number; exportedAt: string; meetingDays: MeetingDay[]; cases: Case[] };

const DaySchema = z.object({ id: IdInput, date: JalaliDateString, place: z.object({ kind: z.enum(['center', 'county']) }).loose(), host: z.string() }).loose();
/** A list a hand-edited or older export leaves out is read as empty, so the store never meets a case without it. */
const list = z.array(z.unknown()).default([]);
const CaseSchema = z.object({
  id: IdInput, code: z.string().regex(/^\d{10}$/), meetingDayId: IdInput, meetingDate: JalaliDateString, createdAt: z.string().min(1),
  citizen: z.object({ nationalId: z.string() }).loose(), status: z.string(), history: z.array(z.unknown()),
  text: z.string(), county: z.string(), departments: z.array(z.string()),
  referrals: list, answers: list, notices: list, attachments: list, prints: list,
}).loose();

export const DidarExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.string(),
  meetingDays: z.array(DaySchema),
  cases: z.array(z.unknown()),
});

/** Each exported case checked on its own: one broken row rejects that row only. */
export function checkExportedCase(raw: unknown): Case | string {
  const r = CaseSchema.safeParse(raw);
  return r.success ? (r.data as unknown as Case) : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}
