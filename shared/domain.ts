// Domain types and their zod schemas. Input schemas normalise what a clerk types (digits, letters,
// mobile forms) so that what is stored is canonical; stored schemas describe the data files.
import { z } from 'zod';
import { isJalaliString, parseJalali, formatJalali } from './jalali';
import { msg } from './messages';
import { normalizeMobile } from './mobile';
import { nationalIdProblem, normalizeNationalId } from './national-id';
import { normalizeLine, normalizeText } from './persian-text';
import type { Answer, CaseOutcome, Deadline, Outcome, Referral, Satisfaction } from './follow-up';
import type { Notice } from './notices';
import type { DeepReadonly } from './readonly';
import { normalizeTrackingCode } from './tracking-code';

export const ISSUE_MAX = 2000;
export const ORDER_TEXT_MAX = 1000;
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

export type MeetingDay = DeepReadonly<{
  id: string;
  date: string; // Jalali 'YYYY/MM/DD'
  place: Place;
  host: string;
  openedAt: string; // ISO instant
  openedBy: string;
}>;

export type MeetingDaySummary = MeetingDay & { caseCount: number; waiting: number };

// ---- Queue of arrivals ----

export const QUEUE_STATUSES = ['waiting', 'called', 'seen', 'absent'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export type QueueEntry = DeepReadonly<{
  number: number;
  name: string;
  nationalId: string;
  arrivedAt: string;
  status: QueueStatus;
  calledAt?: string;
  caseIds: string[];
}>;

// ---- Case ----

export const ORDER_TYPES = ['investigate', 'act', 'financial-help', 'commission', 'inform', 'other'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const CASE_STATUSES = ['recorded', 'referred', 'in-progress', 'answered', 'closed', 'cancelled'] as const;
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
export type Citizen = Readonly<z.output<typeof CitizenInputSchema>>;

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
export type Order = DeepReadonly<z.output<typeof OrderInputSchema>>;

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

export const HISTORY_ACTIONS = [
  'recorded', 'order', 'printed', 'reprinted', 'cancelled', 'referred', 'rerouted', 'in-progress', 'extended',
  'paused', 'resumed', 'answered', 'closed', 'satisfaction', 'reopened', 'note', 'circular', 'corrected',
] as const;

/** One field a correction changed, as it was and as it became. */
export type FieldChange = { field: CorrectableField; before: string; after: string };

export const CORRECTABLE_FIELDS = [
  'citizen.nationalId', 'citizen.firstName', 'citizen.lastName', 'citizen.mobile', 'citizen.county', 'citizen.locality',
  'citizen.address', 'text', 'category', 'department',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type HistoryEntry = DeepReadonly<{
  at: string;
  by: string;
  action: (typeof HISTORY_ACTIONS)[number];
  /** What the action referred to, shown apart from the note: a letter or circular number, a department, a number of days. */
  ref?: string;
  note?: string;
  /** A correction's fields before and after. */
  changes?: FieldChange[];
}>;

/** A case as stored: read-only, so that a change is always a new value given to a unit of work. */
export type Case = DeepReadonly<{
  id: string;
  code: string;
  meetingDayId: string;
  meetingDate: string; // Jalali, denormalised for indexes and reports
  createdAt: string;
  createdBy: string;
  citizen: Citizen;
  text: string;
  category: string;
  departments: string[];
  county: string;
  order?: Order;
  status: CaseStatus;
  /** Present once the governor has given an order with a deadline. */
  deadline?: Deadline;
  referrals: Referral[];
  answers: Answer[];
  outcome?: CaseOutcome;
  satisfaction?: Satisfaction;
  /** Messages for the citizen, waiting for (or already in) an export to the SMS panel. */
  notices: Notice[];
  attachments: string[];
  /** Id of the row this case was imported from, so that importing the same file twice adds nothing. */
  externalId?: string;
  cancel?: { reason: string; at: string; by: string };
  prints: { at: string; by: string; duplicate: boolean }[];
  history: HistoryEntry[];
}>;

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
