// Domain types and their zod schemas. Input schemas normalise what a clerk types (digits, letters,
// mobile forms) so that what is stored is canonical; the stored forms are in stored-schemas.ts, and the
// domain types are inferred from them.
import { z } from 'zod';
import { isJalaliString, parseJalali, formatJalali } from './jalali';
import { msg } from './messages';
import { normalizeMobile } from './mobile';
import { nationalIdProblem, normalizeNationalId } from './national-id';
import { normalizeLine, normalizeText } from './persian-text';
import {
  CASE_STATUSES, CORRECTABLE_FIELDS, HISTORY_ACTIONS, ISSUE_MAX, ORDER_TEXT_MAX, ORDER_TYPES, QUEUE_STATUSES,
  type CaseSchema, type CitizenSchema, type FieldChangeSchema, type HistoryEntrySchema, type MeetingDaySchema, type OrderSchema, type QueueEntrySchema,
} from './stored-schemas';
import type { Outcome } from './follow-up';
import type { DeepReadonly } from './readonly';
import { normalizeTrackingCode } from './tracking-code';

export { CASE_STATUSES, HISTORY_ACTIONS, ISSUE_MAX, ORDER_TEXT_MAX, ORDER_TYPES, QUEUE_STATUSES };
/** Raw inputs longer than this are refused before any work is done on them. */
const RAW_MAX = 10_000;

/** A one-line text field: normalised, 1..max characters after normalisation. */
export const lineField = (max: number) =>
  z.string({ error: msg.required }).max(RAW_MAX, { error: msg.tooLong(max) })
    .transform(normalizeLine)
    .pipe(z.string().min(1, { error: msg.required }).max(max, { error: msg.tooLong(max) }));

/** A one-line text field that may be empty. */
export const textLine = (max: number) =>
  z.string().max(RAW_MAX, { error: msg.tooLong(max) }).transform(normalizeLine)
    .pipe(z.string().max(max, { error: msg.tooLong(max) }));

export const optionalLine = (max: number) => textLine(max).optional().default('');

export const JalaliDateString = z.string({ error: msg.dateInvalid }).max(32, { error: msg.dateInvalid })
  .refine(isJalaliString, { error: msg.dateInvalid })
  .transform((s) => formatJalali(parseJalali(s)!));

export const NationalIdInput = z.string({ error: msg.nationalIdInvalid }).max(32, { error: msg.nationalIdInvalid })
  .transform(normalizeNationalId)
  .superRefine((id, ctx) => {
    const problem = nationalIdProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: msg.nationalId[problem] });
  });

export const MobileInput = z.string({ error: msg.mobileInvalid }).max(32, { error: msg.mobileInvalid })
  .transform((s, ctx) => {
    const m = normalizeMobile(s);
    if (m === null) {
      ctx.addIssue({ code: 'custom', message: msg.mobileInvalid });
      return z.NEVER;
    }
    return m;
  });

export const IssueTextInput = z.string({ error: msg.issueEmpty }).max(RAW_MAX, { error: msg.issueTooLong(ISSUE_MAX) })
  .transform(normalizeText)
  .pipe(z.string().min(1, { error: msg.issueEmpty }).max(ISSUE_MAX, { error: msg.issueTooLong(ISSUE_MAX) }));

export const TrackingCodeInput = z.string({ error: msg.trackingCodeInvalid }).max(40, { error: msg.trackingCodeInvalid })
  .transform((s, ctx) => {
    const c = normalizeTrackingCode(s);
    if (c === null) {
      ctx.addIssue({ code: 'custom', message: msg.trackingCodeInvalid });
      return z.NEVER;
    }
    return c;
  });

export const IdInput = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

// ---- Meeting day ----

export const PlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('center') }),
  z.object({ kind: z.literal('county'), county: lineField(60) }),
]);
export type Place = z.infer<typeof PlaceSchema>;

export const MeetingDayDraftSchema = z.object({
  date: JalaliDateString,
  place: PlaceSchema,
  host: lineField(120),
});
export type MeetingDayDraft = z.input<typeof MeetingDayDraftSchema>;

export type MeetingDay = DeepReadonly<z.output<typeof MeetingDaySchema>>;

export type MeetingDaySummary = MeetingDay & { caseCount: number; waiting: number };

// ---- Queue of arrivals ----

export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type QueueEntry = DeepReadonly<z.output<typeof QueueEntrySchema>>;

// ---- Case ----

export type OrderType = (typeof ORDER_TYPES)[number];

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CitizenInputSchema = z.object({
  firstName: lineField(60),
  lastName: lineField(80),
  nationalId: NationalIdInput,
  mobile: MobileInput,
  county: lineField(60),
  locality: optionalLine(80),
  address: optionalLine(300),
});
export type Citizen = Readonly<z.output<typeof CitizenSchema>>;

export const OrderInputSchema = z.object({
  type: z.enum(ORDER_TYPES),
  leadDepartment: lineField(120),
  otherDepartments: z.array(lineField(120)).max(10).default([]),
  deadlineDays: z.number({ error: msg.deadlineInvalid }).int({ error: msg.deadlineInvalid })
    .min(1, { error: msg.deadlineInvalid }).max(365, { error: msg.deadlineInvalid }),
  text: z.string().max(RAW_MAX, { error: msg.tooLong(ORDER_TEXT_MAX) }).transform(normalizeText)
    .pipe(z.string().max(ORDER_TEXT_MAX, { error: msg.tooLong(ORDER_TEXT_MAX) })).default(''),
});
export type OrderInput = z.input<typeof OrderInputSchema>;

/** The governor's order. Its due date lives in the case's deadline, which extensions and pauses move. */
export type Order = DeepReadonly<z.output<typeof OrderSchema>>;

export const CaseDraftSchema = z.object({
  meetingDayId: IdInput,
  citizen: CitizenInputSchema,
  text: IssueTextInput,
  category: optionalLine(80),
  departments: z.array(lineField(120)).max(10).default([]),
  order: OrderInputSchema.optional(),
  attachments: z.array(lineField(200)).max(30).default([]),
  queueNumber: z.number().int().min(1).max(100_000).optional(),
});
export type CaseDraft = z.input<typeof CaseDraftSchema>;

export { CORRECTABLE_FIELDS };
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
/** One field a correction changed, as it was and as it became. */
export type FieldChange = z.output<typeof FieldChangeSchema>;
export type HistoryEntry = DeepReadonly<z.output<typeof HistoryEntrySchema>>;
/** A case as stored: read-only, so that a change is always a new value given to a unit of work. */
export type Case = DeepReadonly<z.output<typeof CaseSchema>>;

/** The case's citizen as the desk shows earlier cases (no issue text beyond a summary). */
export type CaseBrief = Pick<Case, 'id' | 'code' | 'meetingDate' | 'status' | 'departments' | 'category'> & {
  summary: string;
  open: boolean;
  dueDate?: string;
  outcome?: Outcome;
};

/** The department answerable for a case: the order's lead, else the first department named. */
export const leadDepartment = (c: Pick<Case, 'order' | 'departments'>): string => c.order?.leadDepartment ?? c.departments[0] ?? '';

export const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['recorded', 'referred', 'in-progress', 'answered']);
