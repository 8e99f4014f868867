// The one API contract: every method the UI can call, its input schema and its result type.
// The backend's handler map, the IPC wiring, the web shell and the renderer client all derive from it.
import { z } from 'zod';
import {
  CaseDraftSchema, CitizenInputSchema, IdInput, ISSUE_MAX, IssueTextInput, JalaliDateString, MeetingDayDraftSchema, NationalIdInput,
  OrderInputSchema, TrackingCodeInput, lineField, optionalLine, textLine,
  type Case, type CaseBrief, type CodedCase, type Citizen, type MeetingDay, type MeetingDaySummary, type QueueEntry,
} from './domain';
import { OUTCOMES, SATISFACTION_LEVELS } from './follow-up';
import type { Circular } from './circular';
import type { BoardGroup, RecurringRules } from './grouping/board';
import { GroupCorrectionSchema } from './grouping/corrections';
import type { DaySummary } from './reports/day-summary';
import type { CountyRow } from './reports/county-scorecard';
import type { DepartmentRow } from './reports/department-scorecard';
import { PeriodSchema, type DateRange } from './reports/period';
import { msg } from './messages';
import { toAsciiDigits } from './persian-text';
import { CASE_STATUSES, ORDER_TYPES } from './domain';
import { SettingsPatchSchema, type Settings } from './settings';
import { OfficeInput } from './offices';
import { AccountDraftSchema, NewPasswordInput, PasswordInput, RolesInput, UsernameInput, type Account } from './accounts';
import { ADMIN, CASE_DESKS, FOLLOW_UP, GOVERNOR_TABLE, INSPECTION_DESK, INTAKE, LOOKUP, OFFICE, REPORTS, type Access, type Role } from './roles';

/** Result types are not validated at run time (the backend produces them), only typed. */
const out = <T>() => z.custom<T>(() => true);
const none = z.object({}).strict();
const dayRef = z.object({ meetingDayId: IdInput });
/** A report's period, and the office it is run for (absent: every office the caller sees, the whole province for its staff). */
const reportOf = z.object({ period: PeriodSchema, office: OfficeInput.optional() });
const idsRef = z.object({ ids: z.array(IdInput).min(1, { error: msg.nothingSelected }).max(1000) });
const reason = lineField(300).pipe(z.string().min(1, { error: msg.reasonRequired }));

/** What the inspection office filters the worklist by (the list on screen, on paper and in a file). */
const worklistFilters = z.object({
  statuses: z.array(z.enum(CASE_STATUSES)).max(6).optional(),
  department: optionalLine(120),
  county: optionalLine(60),
  meetingDayId: z.union([z.literal(''), IdInput]).optional(),
  orderType: z.union([z.literal(''), z.enum(ORDER_TYPES)]).optional(),
  overdue: z.boolean().optional(),
  q: optionalLine(200),
  sort: z.enum(['due', 'recent']).default('due'),
});

/** One row of the inspection office's worklist. */
export type WorkItem = {
  id: string; code: string; citizenName: string; county: string; department: string; meetingDate: string;
  orderType?: string; status: Case['status']; dueDate?: string; overdueDays: number; paused: boolean; summary: string;
};

/** What a citizen may learn by code: no personal data beyond what they already know. */
export type PublicStatus = {
  code: string; status: string; department: string; meetingDate: string; dueDate?: string; outcome?: string;
  lastUpdate: string; message: string;
};

/** The recurring-issues board: the groups of the latest run with the office's corrections. */
export type GroupBoard = {
  runAt: string;
  runMs: number;
  cases: number;
  /** Cases recorded since the run, attached to groups one by one (a re-run regroups everything). */
  attached: number;
  rules: RecurringRules;
  /** Every meeting day with cases, oldest first (the trend's x axis). */
  meetingDates: string[];
  groups: BoardGroup[];
  /** Groups of one case (not listed). */
  singles: number;
};

/** One of the office's corrections to the board, as the list of corrections shows it. */
export type CorrectionRow = {
  index: number; kind: 'merge' | 'split' | 'notCollective' | 'title'; value?: boolean; cases: number; at: string; by: string;
  /** The title the office gave (kind 'title'). */
  name?: string;
  /** Taken back with 'group/undo'. */
  undone: boolean;
  /** The group its first case is in now. */
  title: string;
};

/**
 * Help at intake for the text being typed: departments and categories of the office's most similar recorded
 * cases (best first, with their share), and the open recurring group the case would join.
 */
export type IntakeSuggestion = {
  departments: { name: string; share: number }[];
  categories: { name: string; share: number }[];
  /** How many recorded cases the suggestion rests on, and how many of them were filed under a department, a category. */
  neighbours: number;
  voters: { departments: number; categories: number };
  group: { id: string; title: string; cases: number; citizens: number; counties: number } | null;
};

/** A case as report and board drill-downs list it. */
export type CaseRow = { id: string; code: string; county: string; department: string; meetingDate: string; status: Case['status']; text: string };

/** Counties by citizens who came to the provincial centre; populations from settings (and their source). */
export type CountyReport = { range: DateRange; populationSource: string; rows: CountyRow[] };

/** A file made for download (base64). */
export type ExportFile = { fileName: string; base64: string };

/** The department scorecard of a period; departments below `minCases` are shown but not ranked. */
export type DepartmentReport = { range: DateRange; today: string; minCases: number; rows: DepartmentRow[]; perMonth: [string, number][] };

/** New cases of a circular's problem per meeting day, before and after its issue date. */
export type CircularEffect = { issuedOn?: string; groupTitle: string; days: { date: string; cases: number; after: boolean }[]; before: number; after: number };

export type NoticeRow = {
  caseId: string; noticeId: string; code: string; mobile: string; text: string; createdAt: string; exportedAt?: string; skippedAt?: string;
  /** A later message about the same case waits too: this one may no longer be true. */
  superseded: boolean;
};

const noticeRef = z.object({ caseId: IdInput, noticeId: IdInput });

export type AppInfo = {
  today: string; // Jalali 'YYYY/MM/DD' in Tehran
  /** Who is signed in, as the audit trail names them. */
  operator: string;
  dataDir: string;
  version: string;
};

export type SlipFile = { fileName: string; base64: string; duplicate: boolean; code: string };

/** Where the page stands before and after sign-in. */
export type AuthStatus = {
  /** No account exists yet: the first start asks for the administrator. */
  needsSetup: boolean;
  account: Account | null;
  /** The roles the caller acts in (the command line and the script token hold every role). */
  roles: readonly Role[];
  mustChangePassword: boolean;
};

/** How this Didar is reached: on this PC only, or as the office network's server (its addresses and certificate). */
export type ServerStatus = {
  mode: 'local' | 'server';
  urls: readonly string[];
  /** SHA-256 fingerprint of the certificate desks must see (and pin) when they connect. */
  fingerprint: string | null;
  certificate: 'generated' | 'office' | null;
  validTo: string | null;
};

/** The day's summary is read at the desks that record cases and by viewers. */
const DAY_REPORT: readonly Role[] = [...INTAKE, 'viewer'];
const signIn = z.object({ username: UsernameInput, password: PasswordInput });
const caseDraft = CaseDraftSchema.extend({ confirmed: z.boolean().default(false) });

/**
 * `mutates`: the method changes stored data, in exactly one unit of work (dispatch refuses a second one, and a
 * query that tries to change data). Methods that only add an audit event (a file produced) are queries.
 */
export const api = {
  'app/info': { args: none, result: out<AppInfo>(), mutates: false, access: 'signed-in' },
  'settings/get': { args: none, result: out<Settings>(), mutates: false, access: 'signed-in' },
  'settings/update': { args: SettingsPatchSchema, result: out<Settings>(), mutates: true, access: ADMIN },
  'backup/status': { args: none, result: out<{ lastAt: string | null; versions: number; dataDir: string }>(), mutates: false, access: ADMIN },

  'meetingDay/open': { args: MeetingDayDraftSchema, result: out<MeetingDay>(), mutates: true, access: INTAKE },
  'meetingDay/list': { args: none, result: out<readonly MeetingDaySummary[]>(), mutates: false, access: 'signed-in' },
  'meetingDay/current': { args: none, result: out<MeetingDay | null>(), mutates: false, access: 'signed-in' },

  'queue/list': { args: dayRef, result: out<readonly QueueEntry[]>(), mutates: false, access: INTAKE },
  'queue/arrive': {
    args: dayRef.extend({
      name: lineField(140),
      nationalId: z.union([z.literal(''), NationalIdInput]).default(''),
      /** Given after the clerk was told the same national ID already arrived today. */
      confirmed: z.boolean().default(false),
    }),
    result: out<QueueEntry>(), mutates: true, access: INTAKE,
  },
  'queue/callNext': { args: dayRef, result: out<QueueEntry>(), mutates: true, access: INTAKE },
  'queue/mark': {
    args: dayRef.extend({ number: z.number().int().min(1), status: z.enum(['waiting', 'absent', 'seen']) }),
    result: out<QueueEntry>(), mutates: true, access: INTAKE,
  },

  'case/record': {
    // `confirmed` after the clerk was told the same citizen brought the same request today
    args: caseDraft,
    result: out<CodedCase>(), mutates: true, access: INTAKE,
  },
  /**
   * A case recorded at reception (or at the governor's table with its order) without its tracking code: «در انتظار
   * دستور» until 'case/giveOrder', then waiting at the inspection desk for 'case/allocateCode'.
   */
  'case/recordPending': { args: caseDraft, result: out<Case>(), mutates: true, access: INTAKE },
  /** The governor's order for a case recorded before it; the queue entry that brought the citizen is seen. */
  'case/giveOrder': { args: z.object({ id: IdInput, order: OrderInputSchema }), result: out<Case>(), mutates: true, access: GOVERNOR_TABLE },
  /** The inspection desk: the next tracking code for a case that has its order (its slip is then 'slip/pdf'). */
  'case/allocateCode': { args: z.object({ id: IdInput }), result: out<CodedCase>(), mutates: true, access: INSPECTION_DESK },
  /** Cases without their code at one stage (waiting for the order, or for the code), longest waiting first. */
  'case/pending': {
    args: z.object({ stage: z.enum(['order', 'code']), meetingDayId: IdInput.optional() }),
    result: out<readonly Case[]>(), mutates: false, access: CASE_DESKS,
  },
  /** Corrects what was typed wrong: the code stays, the history keeps every field before and after. */
  'case/correct': {
    args: z.object({
      id: IdInput,
      reason,
      citizen: CitizenInputSchema.partial().optional(),
      text: IssueTextInput.optional(),
      category: textLine(80).optional(),
      /** The department responsible, only while the case is not yet referred. */
      department: lineField(120).optional(),
    }),
    result: out<Case>(), mutates: true, access: CASE_DESKS,
  },
  'case/listForDay': { args: dayRef, result: out<readonly Case[]>(), mutates: false, access: CASE_DESKS },
  'case/get': { args: z.object({ id: IdInput }), result: out<Case>(), mutates: false, access: CASE_DESKS },
  'case/byCode': { args: z.object({ code: TrackingCodeInput }), result: out<CodedCase>(), mutates: false, access: CASE_DESKS },
  'case/cancel': {
    args: z.object({
      id: IdInput,
      reason: optionalLine(300).pipe(z.string().min(1, { error: msg.cancelReasonRequired })),
    }),
    result: out<Case>(), mutates: true, access: CASE_DESKS,
  },

  'citizen/lookup': {
    args: z.object({ nationalId: NationalIdInput }),
    result: out<{ citizen: Citizen | null; cases: CaseBrief[] }>(), mutates: false, access: CASE_DESKS,
  },
  'order/dueDate': {
    args: z.object({ from: JalaliDateString, days: z.number().int().min(1).max(365) }),
    result: out<{ dueDate: string }>(), mutates: false, access: INTAKE,
  },
  'slip/pdf': { args: z.object({ caseId: IdInput }), result: out<SlipFile>(), mutates: true, access: CASE_DESKS },

  'worklist/query': {
    args: worklistFilters.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    result: out<{ total: number; items: WorkItem[] }>(), mutates: false, access: FOLLOW_UP,
  },
  /** The worklist as its filter shows it, on A4 (right-to-left table) or as XLSX. */
  'worklist/file': { args: worklistFilters.extend({ format: z.enum(['pdf', 'xlsx']) }), result: out<ExportFile>(), mutates: false, access: FOLLOW_UP },
  'escalation/list': { args: none, result: out<readonly WorkItem[]>(), mutates: false, access: FOLLOW_UP },
  'escalation/file': { args: z.object({ format: z.enum(['pdf', 'xlsx']) }), result: out<ExportFile>(), mutates: false, access: FOLLOW_UP },
  /** The letters a referral would send, unnumbered: nothing changes until 'case/refer'. */
  'case/referPreview': { args: idsRef, result: out<{ letters: SlipFile[]; cases: number }>(), mutates: false, access: FOLLOW_UP },
  'case/refer': { args: idsRef, result: out<{ cases: readonly Case[]; letters: SlipFile[] }>(), mutates: true, access: FOLLOW_UP },
  'case/reroute': { args: idsRef.extend({ department: lineField(120), reason }), result: out<readonly Case[]>(), mutates: true, access: FOLLOW_UP },
  'case/extend': { args: idsRef.extend({ days: z.number().int().min(1, { error: msg.deadlineInvalid }).max(365, { error: msg.deadlineInvalid }), reason }), result: out<readonly Case[]>(), mutates: true, access: FOLLOW_UP },
  'case/pause': { args: z.object({ id: IdInput, reason }), result: out<Case>(), mutates: true, access: FOLLOW_UP },
  'case/resume': { args: z.object({ id: IdInput }), result: out<Case>(), mutates: true, access: FOLLOW_UP },
  'case/start': { args: z.object({ id: IdInput }), result: out<Case>(), mutates: true, access: FOLLOW_UP },
  'case/answer': {
    args: z.object({ id: IdInput, letterNo: lineField(60), date: JalaliDateString, text: IssueTextInput }),
    result: out<Case>(), mutates: true, access: FOLLOW_UP,
  },
  'case/close': {
    args: z.object({ id: IdInput, outcome: z.enum(OUTCOMES), note: optionalLine(1000), duplicateOf: z.union([z.literal(''), TrackingCodeInput]).optional() }),
    result: out<Case>(), mutates: true, access: FOLLOW_UP,
  },
  'case/satisfaction': { args: z.object({ id: IdInput, level: z.enum(SATISFACTION_LEVELS), note: optionalLine(500) }), result: out<Case>(), mutates: true, access: FOLLOW_UP },
  'case/reopen': { args: z.object({ id: IdInput, reason }), result: out<Case>(), mutates: true, access: FOLLOW_UP },
  'lookup/status': {
    args: z.object({
      code: TrackingCodeInput,
      nationalId: z.string().max(32).optional(),
      mobileLast4: z.string().max(16).optional(),
    }),
    result: out<PublicStatus>(), mutates: false, access: LOOKUP,
  },
  'notices/list': { args: z.object({ pending: z.boolean().default(true) }), result: out<readonly NoticeRow[]>(), mutates: false, access: FOLLOW_UP },
  /** The pending messages as a CSV for the SMS panel; nothing is marked until 'notices/markExported'. */
  'notices/export': { args: none, result: out<{ fileName: string; base64: string; count: number; notices: { caseId: string; noticeId: string }[] }>(), mutates: false, access: FOLLOW_UP },
  /** Marks the messages of a saved export as sent to the SMS panel. */
  'notices/markExported': { args: z.object({ notices: z.array(noticeRef).min(1, { error: msg.nothingSelected }).max(100_000) }), result: out<{ count: number }>(), mutates: true, access: FOLLOW_UP },
  /** One message the office will not send (wrong, or superseded by a later one). */
  'notices/skip': { args: noticeRef, result: out<{ count: number }>(), mutates: true, access: FOLLOW_UP },

  'group/board': { args: z.object({ rerun: z.boolean().default(false) }), result: out<GroupBoard>(), mutates: false, access: OFFICE },
  'group/correct': { args: GroupCorrectionSchema, result: out<GroupBoard>(), mutates: true, access: OFFICE },
  'group/corrections': { args: none, result: out<readonly CorrectionRow[]>(), mutates: false, access: OFFICE },
  /** Takes back a merge, split, move-out or «not collective» made by mistake. */
  'group/undo': { args: z.object({ index: z.number().int().min(0).max(1_000_000) }), result: out<GroupBoard>(), mutates: true, access: OFFICE },
  'case/suggest': {
    args: z.object({ text: z.string().max(ISSUE_MAX, { error: msg.tooLong(ISSUE_MAX) }), department: optionalLine(120) }),
    result: out<IntakeSuggestion>(), mutates: false, access: INTAKE,
  },
  'case/rows': { args: z.object({ caseIds: z.array(IdInput).min(1).max(20_000) }), result: out<readonly CaseRow[]>(), mutates: false, access: REPORTS },
  'report/departments': { args: reportOf, result: out<DepartmentReport>(), mutates: false, access: REPORTS },
  'report/day': { args: dayRef, result: out<DaySummary>(), mutates: false, access: DAY_REPORT },
  'report/dayFile': { args: dayRef.extend({ format: z.enum(['pdf', 'xlsx', 'csv']) }), result: out<ExportFile>(), mutates: false, access: DAY_REPORT },
  'report/counties': { args: reportOf, result: out<CountyReport>(), mutates: false, access: REPORTS },
  'report/file': { args: reportOf.extend({ table: z.enum(['departments', 'counties', 'weekly']), format: z.enum(['csv', 'xlsx']) }), result: out<ExportFile>(), mutates: false, access: REPORTS },

  'circular/list': { args: none, result: out<readonly Circular[]>(), mutates: false, access: OFFICE },
  'circular/get': { args: z.object({ id: IdInput }), result: out<Circular>(), mutates: false, access: OFFICE },
  'circular/draft': {
    args: z.object({ caseIds: z.array(IdInput).min(2, { error: msg.circularNeedsCases }).max(20_000), problem: lineField(200), groupId: IdInput.optional() }),
    result: out<Circular>(), mutates: true, access: OFFICE,
  },
  'circular/update': {
    args: z.object({
      id: IdInput,
      title: lineField(300),
      addressees: z.array(lineField(200)).min(1).max(60),
      body: IssueTextInput,
      instruction: IssueTextInput,
      complianceDays: z.number().int().min(1).max(365),
      copies: z.array(z.object({ to: lineField(200), purpose: lineField(60) })).max(20),
    }).partial().required({ id: true }),
    result: out<Circular>(), mutates: true, access: OFFICE,
  },
  'circular/approve': { args: z.object({ id: IdInput }), result: out<Circular>(), mutates: true, access: OFFICE },
  /** The number and date suggested for issuing: the year's next number, today. */
  'circular/nextNumber': { args: none, result: out<{ number: string; date: string }>(), mutates: false, access: OFFICE },
  'circular/issue': {
    args: z.object({ id: IdInput, number: lineField(40).transform(toAsciiDigits), date: JalaliDateString }),
    result: out<Circular>(), mutates: true, access: OFFICE,
  },
  'circular/file': { args: z.object({ id: IdInput, format: z.enum(['pdf', 'docx']) }), result: out<SlipFile>(), mutates: false, access: OFFICE },
  'circular/effect': { args: z.object({ id: IdInput }), result: out<CircularEffect>(), mutates: false, access: OFFICE },

  'server/status': { args: none, result: out<ServerStatus>(), mutates: false, access: 'signed-in' },
  /**
   * The office's own certificate and key (PEM) for server mode instead of the generated one, used from the next
   * start; kept beside the data like the generated one, not in the journal (its install is an audited event).
   */
  'server/installCertificate': {
    args: z.object({ cert: z.string().trim().min(1).max(20_000), key: z.string().trim().min(1).max(20_000) }),
    result: out<{ fingerprint: string }>(), mutates: false, access: ADMIN,
  },
  'auth/status': { args: none, result: out<AuthStatus>(), mutates: false, access: 'public' },
  'auth/setup': { args: AccountDraftSchema.omit({ roles: true, office: true }), result: out<AuthStatus>(), mutates: true, access: 'public' },
  'auth/signIn': { args: signIn, result: out<AuthStatus>(), mutates: false, access: 'public' },
  'auth/signOut': { args: none, result: out<AuthStatus>(), mutates: false, access: 'signed-in' },
  'auth/changePassword': { args: z.object({ current: PasswordInput, next: NewPasswordInput }), result: out<AuthStatus>(), mutates: true, access: 'signed-in' },
  /** Who is who, for the names the history shows (user name → full name); no roles or state. */
  'accounts/directory': { args: none, result: out<readonly { username: string; displayName: string }[]>(), mutates: false, access: 'signed-in' },
  'accounts/list': { args: none, result: out<readonly (Account & { sessions: number })[]>(), mutates: false, access: ADMIN },
  'accounts/create': { args: AccountDraftSchema, result: out<Account>(), mutates: true, access: ADMIN },
  'accounts/update': {
    args: z.object({
      id: IdInput, displayName: lineField(80).optional(), roles: RolesInput.optional(), office: OfficeInput.optional(), disabled: z.boolean().optional(),
    }),
    result: out<Account>(), mutates: true, access: ADMIN,
  },
  'accounts/resetPassword': { args: z.object({ id: IdInput, password: NewPasswordInput }), result: out<Account>(), mutates: true, access: ADMIN },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType; mutates: boolean; access: Access }>;

export type Method = keyof typeof api;
export type Args<M extends Method> = z.input<(typeof api)[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<(typeof api)[M]['args']>;
export type Result<M extends Method> = z.output<(typeof api)[M]['result']>;
/** Methods that change stored data: each commits one unit of work (shared/api.ts is where that is said). */
export const MUTATING_METHODS: readonly Method[] = (Object.keys(api) as Method[]).filter((m) => api[m].mutates);

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(api, m);
}
