// The one API contract: every method the UI can call, its input schema and its result type.
// The backend's handler map, the IPC wiring, the web shell and the renderer client all derive from it.
import { z } from 'zod';
import {
  CaseDraftSchema, IdInput, JalaliDateString, MeetingDayDraftSchema, NationalIdInput, TrackingCodeInput,
  lineField, optionalLine,
  type Case, type CaseBrief, type Citizen, type MeetingDay, type MeetingDaySummary, type QueueEntry,
} from './domain';
import { msg } from './messages';
import { SettingsPatchSchema, type Settings } from './settings';

/** Result types are not validated at run time (the backend produces them), only typed. */
const out = <T>() => z.custom<T>(() => true);
const none = z.object({}).strict();
const dayRef = z.object({ meetingDayId: IdInput });

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
} as const;

export type Method = keyof typeof api;
export type Args<M extends Method> = z.input<(typeof api)[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<(typeof api)[M]['args']>;
export type Result<M extends Method> = z.output<(typeof api)[M]['result']>;
export type Handlers = { [M in Method]: (a: ParsedArgs<M>) => Promise<Result<M>> };

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(api, m);
}
