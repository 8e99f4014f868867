// The whole record in one JSON file: what `didar export --format json` writes and `didar import` reads
// back without loss (same ids, tracking codes, history). Reading it back trusts nothing: each case is read as if
// a clerk had typed it (the contract's input schemas, text normalised, controls stripped), then as the store
// keeps it (the stored schema: statuses, history, deadlines, codes with their check digit).
import { z } from 'zod';
import { CaseDraftSchema, lineField, type Case, type MeetingDay } from './domain';
import { parseJalali } from './jalali';
import { normalizeText } from './persian-text';
import { CaseSchema, MeetingDaySchema, SCHEMA_VERSION } from './stored-schemas';
import { parseTrackingCode } from './tracking-code';

export const EXPORT_FORMAT = 'didar-export';

/** `version` is the data folder's schema version the cases were written in (older ones are upgraded on import). */
export type DidarExport = { format: typeof EXPORT_FORMAT; version: number; exportedAt: string; meetingDays: MeetingDay[]; cases: Case[] };

export const DidarExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().min(1).max(SCHEMA_VERSION * 100),
  exportedAt: z.string().max(64),
  meetingDays: z.array(z.unknown()).max(100_000),
  cases: z.array(z.unknown()).max(1_000_000),
});

/**
 * Highest tracking sequence an imported code may carry. No office gives out a million codes a year; a code
 * above it (a crafted or garbled file) would use up the year's codes for every desk.
 */
export const IMPORTED_SEQUENCE_MAX = 1_000_000;

/** Every string of a parsed JSON value normalised as typed text (controls stripped, letters and digits canonical). */
function normalizeStrings(v: unknown): unknown {
  if (typeof v === 'string') return normalizeText(v);
  if (Array.isArray(v)) return v.map(normalizeStrings);
  if (v === null || typeof v !== 'object') return v;
  // fromEntries defines own properties: a `__proto__` key stays a plain key (and the schema drops it)
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalizeStrings(x)]));
}

/** What a clerk types, checked and normalised by the contract's own input schemas. */
const TypedFields = CaseDraftSchema.pick({ citizen: true, text: true, category: true, order: true, attachments: true })
  .extend({ departments: z.array(lineField(120)).max(20), county: lineField(60) });

export type ExportRowProblem = { issues: readonly z.core.$ZodIssue[] } | { reason: 'code-year' | 'code-too-high' };

/** An exported meeting day, normalised and checked as stored; or the zod issues. */
export function checkExportedDay(raw: unknown): MeetingDay | { issues: readonly z.core.$ZodIssue[] } {
  const r = MeetingDaySchema.safeParse(normalizeStrings(raw));
  return r.success ? r.data : { issues: r.error.issues };
}

/** Each exported case checked on its own: one broken row rejects that row only. */
export function checkExportedCase(raw: unknown): Case | ExportRowProblem {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { issues: [{ code: 'custom', path: [], message: 'not an object', input: raw }] };
  const row = raw as Record<string, unknown>;
  const typed = TypedFields.safeParse({
    citizen: row.citizen, text: row.text, category: row.category ?? '', order: row.order, attachments: row.attachments ?? [],
    departments: row.departments, county: row.county,
  });
  if (!typed.success) return { issues: typed.error.issues };
  const given = Object.fromEntries(Object.entries(typed.data).filter(([, v]) => v !== undefined));
  const r = CaseSchema.safeParse({ ...(normalizeStrings(row) as object), ...given });
  if (!r.success) return { issues: r.error.issues };
  const c = r.data;
  // the code names the year of its meeting day; its sequence must be one an office could have reached
  const { yy, sequence } = parseTrackingCode(c.code);
  if (yy !== parseJalali(c.meetingDate)!.jy % 100) return { reason: 'code-year' };
  if (sequence > IMPORTED_SEQUENCE_MAX) return { reason: 'code-too-high' };
  return c;
}
