// The one API contract: every method the UI can call, its input schema and its result type.
// The backend's handler map, the IPC wiring, the web shell and the renderer client all derive from it.
import { z } from 'zod';
import {
  CaseDraftSchema, IdInput, ISSUE_MAX, IssueTextInput, JalaliDateString, MeetingDayDraftSchema, NationalIdInput, TrackingCodeInput,
  lineField, optionalLine,
  type Case, type CaseBrief, type Citizen, type MeetingDay, type MeetingDaySummary, type QueueEntry,
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
import { CASE_STATUSES, ORDER_TYPES } from './domain';
import { SettingsPatchSchema, type Settings } from './settings';

/** Result types are not validated at run time (the backend produces them), only typed. */
const out = <T>() => z.custom<T>(() => true);
const none = z.object({}).strict();
const dayRef = z.object({ meetingDayId: IdInput });
const idsRef = z.object({ ids: z.array(IdInput).min(1, { error: msg.nothingSelected }).max(1000) });
const reason = lineField(300).pipe(z.string().min(1, { error: msg.reasonRequired }));

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

/**
 * Help at intake for the text being typed: departments and categories of the office's most similar recorded
 * cases (best first, with their share), and the open recurring group the case would join.
 */
export type IntakeSuggestion = {
  departments: { name: string; share: number }[];
  categories: { name: string; share: number }[];
  /** How many recorded cases the suggestion rests on. */
  neighbours: number;
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

export type NoticeRow = { caseId: string; noticeId: string; code: string; mobile: string; text: string; createdAt: string; exportedAt?: string };

export type AppInfo = {
  today: string; // Jalali 'YYYY/MM/DD' in Tehran
  operator: string;
  dataDir: string;
  version: string;
};

export type SlipFile = { fileName: string; base64: string; duplicate: boolean; code: string };

export const api = {
  'app/info': { args: none, result: out<AppInfo>() },
  'settings/get': { args: none, result: out<Settings>() },
  'settings/update': { args: SettingsPatchSchema, result: out<Settings>() },
  'backup/status': { args: none, result: out<{ lastAt: string | null; versions: number; dataDir: string }>() },

  'meetingDay/open': { args: MeetingDayDraftSchema, result: out<MeetingDay>() },
  'meetingDay/list': { args: none, result: out<MeetingDaySummary[]>() },
  'meetingDay/current': { args: none, result: out<MeetingDay | null>() },

  'queue/list': { args: dayRef, result: out<QueueEntry[]>() },
  'queue/arrive': {
    args: dayRef.extend({
      name: lineField(140),
      nationalId: z.union([z.literal(''), NationalIdInput]).default(''),
    }),
    result: out<QueueEntry>(),
  },
  'queue/callNext': { args: dayRef, result: out<QueueEntry>() },
  'queue/mark': {
    args: dayRef.extend({ number: z.number().int().min(1), status: z.enum(['waiting', 'absent', 'seen']) }),
    result: out<QueueEntry>(),
  },

  'case/record': { args: CaseDraftSchema, result: out<Case>() },
  'case/listForDay': { args: dayRef, result: out<Case[]>() },
  'case/get': { args: z.object({ id: IdInput }), result: out<Case>() },
  'case/byCode': { args: z.object({ code: TrackingCodeInput }), result: out<Case>() },
  'case/cancel': {
    args: z.object({
      id: IdInput,
      reason: optionalLine(300).pipe(z.string().min(1, { error: msg.cancelReasonRequired })),
    }),
    result: out<Case>(),
  },

  'citizen/lookup': {
    args: z.object({ nationalId: NationalIdInput }),
    result: out<{ citizen: Citizen | null; cases: CaseBrief[] }>(),
  },
  'order/dueDate': {
    args: z.object({ from: JalaliDateString, days: z.number().int().min(1).max(365) }),
    result: out<{ dueDate: string }>(),
  },
  'slip/pdf': { args: z.object({ caseId: IdInput }), result: out<SlipFile>() },

  'worklist/query': {
    args: z.object({
      statuses: z.array(z.enum(CASE_STATUSES)).max(6).optional(),
      department: optionalLine(120),
      county: optionalLine(60),
      meetingDayId: z.union([z.literal(''), IdInput]).optional(),
      orderType: z.union([z.literal(''), z.enum(ORDER_TYPES)]).optional(),
      overdue: z.boolean().optional(),
      q: optionalLine(200),
      sort: z.enum(['due', 'recent']).default('due'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    result: out<{ total: number; items: WorkItem[] }>(),
  },
  'escalation/list': { args: none, result: out<WorkItem[]>() },
  'case/refer': { args: idsRef, result: out<{ cases: Case[]; letters: SlipFile[] }>() },
  'case/reroute': { args: idsRef.extend({ department: lineField(120), reason }), result: out<Case[]>() },
  'case/extend': { args: idsRef.extend({ days: z.number().int().min(1, { error: msg.deadlineInvalid }).max(365, { error: msg.deadlineInvalid }), reason }), result: out<Case[]>() },
  'case/pause': { args: z.object({ id: IdInput, reason }), result: out<Case>() },
  'case/resume': { args: z.object({ id: IdInput }), result: out<Case>() },
  'case/start': { args: z.object({ id: IdInput }), result: out<Case>() },
  'case/answer': {
    args: z.object({ id: IdInput, letterNo: lineField(60), date: JalaliDateString, text: IssueTextInput }),
    result: out<Case>(),
  },
  'case/close': {
    args: z.object({ id: IdInput, outcome: z.enum(OUTCOMES), note: optionalLine(1000), duplicateOf: z.union([z.literal(''), TrackingCodeInput]).optional() }),
    result: out<Case>(),
  },
  'case/satisfaction': { args: z.object({ id: IdInput, level: z.enum(SATISFACTION_LEVELS), note: optionalLine(500) }), result: out<Case>() },
  'case/reopen': { args: z.object({ id: IdInput, reason }), result: out<Case>() },
  'lookup/status': {
    args: z.object({
      code: TrackingCodeInput,
      nationalId: z.string().max(32).optional(),
      mobileLast4: z.string().max(16).optional(),
    }),
    result: out<PublicStatus>(),
  },
  'notices/list': { args: z.object({ pending: z.boolean().default(true) }), result: out<NoticeRow[]>() },
  'notices/export': { args: none, result: out<{ fileName: string; base64: string; count: number }>() },

  'group/board': { args: z.object({ rerun: z.boolean().default(false) }), result: out<GroupBoard>() },
  'group/correct': { args: GroupCorrectionSchema, result: out<GroupBoard>() },
  'case/suggest': {
    args: z.object({ text: z.string().max(ISSUE_MAX, { error: msg.tooLong(ISSUE_MAX) }), department: optionalLine(120) }),
    result: out<IntakeSuggestion>(),
  },
  'case/rows': { args: z.object({ caseIds: z.array(IdInput).min(1).max(20_000) }), result: out<CaseRow[]>() },
  'report/departments': { args: z.object({ period: PeriodSchema }), result: out<DepartmentReport>() },
  'report/day': { args: dayRef, result: out<DaySummary>() },
  'report/dayFile': { args: dayRef.extend({ format: z.enum(['pdf', 'xlsx', 'csv']) }), result: out<ExportFile>() },
  'report/counties': { args: z.object({ period: PeriodSchema }), result: out<CountyReport>() },
  'report/file': { args: z.object({ period: PeriodSchema, table: z.enum(['departments', 'counties', 'weekly']), format: z.enum(['csv', 'xlsx']) }), result: out<ExportFile>() },

  'circular/list': { args: none, result: out<Circular[]>() },
  'circular/get': { args: z.object({ id: IdInput }), result: out<Circular>() },
  'circular/draft': {
    args: z.object({ caseIds: z.array(IdInput).min(2, { error: msg.circularNeedsCases }).max(20_000), problem: lineField(200), groupId: IdInput.optional() }),
    result: out<Circular>(),
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
    result: out<Circular>(),
  },
  'circular/approve': { args: z.object({ id: IdInput }), result: out<Circular>() },
  'circular/issue': { args: z.object({ id: IdInput }), result: out<Circular>() },
  'circular/file': { args: z.object({ id: IdInput, format: z.enum(['pdf', 'docx']) }), result: out<SlipFile>() },
  'circular/effect': { args: z.object({ id: IdInput }), result: out<CircularEffect>() },
} as const;

export type Method = keyof typeof api;
export type Args<M extends Method> = z.input<(typeof api)[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<(typeof api)[M]['args']>;
export type Result<M extends Method> = z.output<(typeof api)[M]['result']>;
export type Handlers = { [M in Method]: (a: ParsedArgs<M>) => Promise<Result<M>> };

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(api, m);
}
