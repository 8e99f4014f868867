// What Didar stores, as zod schemas: every data file and every record in it (day file, case, queue entry,
// settings, counters, circulars, group corrections, audit line, meta). The loader, `didar check`, both import
// formats and `didar restore` validate with these; the domain types are inferred from them.
// Stored values are already canonical, so these schemas check and never transform.
import { z } from 'zod';
import { DESKTOP_MODE_FILE } from './desktop-mode';
import { DidarError } from './errors';
import { dayNumberOf } from './jalali';
import { msg } from './messages';
import { isValidNationalId } from './national-id';
import type { DeepReadonly } from './readonly';
import { PROVINCE } from './offices';
import { ROLES } from './roles';
import { compileConform, type Conform } from './schema-conform';
import { verhoeffValid } from './tracking-code';

/** The version this Didar writes (older files are upgraded by electron/backend/store/migrations.ts). */
export const SCHEMA_VERSION = 3;

export const ISSUE_MAX = 2000;
export const ORDER_TEXT_MAX = 1000;
/** A group's title as the office writes it on the board. */
export const GROUP_TITLE_MAX = 120;

// ---- value domains ----

export const QUEUE_STATUSES = ['waiting', 'called', 'seen', 'absent'] as const;
export const ORDER_TYPES = ['investigate', 'act', 'financial-help', 'commission', 'inform', 'other'] as const;
export const CASE_STATUSES = ['recorded', 'referred', 'in-progress', 'answered', 'closed', 'cancelled'] as const;
export const HISTORY_ACTIONS = [
  'recorded', 'order', 'printed', 'reprinted', 'cancelled', 'referred', 'rerouted', 'in-progress', 'extended',
  'paused', 'resumed', 'answered', 'closed', 'satisfaction', 'reopened', 'note', 'circular', 'corrected', 'coded',
] as const;
/** What a correction of a case may change (issue text, citizen details, category, department before referral). */
export const CORRECTABLE_FIELDS = [
  'citizen.nationalId', 'citizen.firstName', 'citizen.lastName', 'citizen.mobile', 'citizen.county', 'citizen.locality',
  'citizen.address', 'text', 'category', 'department',
] as const;
export const OUTCOMES = ['solved', 'partly-solved', 'not-possible', 'court', 'withdrawn', 'duplicate'] as const;
export const SATISFACTION_LEVELS = ['satisfied', 'neutral', 'dissatisfied', 'unreachable'] as const;
export const NOTICE_KINDS = ['recorded', 'referred', 'rerouted', 'extended', 'paused', 'answered', 'closed', 'reopened', 'circular'] as const;
export const CIRCULAR_STATUSES = ['draft', 'approved', 'issued'] as const;
export const SLIP_LAYOUTS = ['a5', 'receipt80'] as const;

/** Longest deadline in working days, for an order, an extension and a restarted count alike. */
export const DEADLINE_DAYS_MAX = 365;

const STORED_DATE = /^\d{4}\/\d{2}\/\d{2}$/;
// toISOString's form, or with an offset (a hand-edited or foreign file)
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;

/** Identifiers of cases, meeting days, notices, circulars: what randomUUID and the day ids look like. */
export const StoredId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** Jalali calendar day in its storage form '1405/09/02'. */
export const StoredJalali = z.string().regex(STORED_DATE).refine((s) => dayNumberOf(s) !== null, { error: 'not a Jalali date' });
export const StoredInstant = z.string().regex(ISO_INSTANT);
// zod runs a refinement even after the regex failed: each one is safe on any string
export const StoredTrackingCode = z.string().regex(/^\d{10}$/).refine(verhoeffValid, { error: 'wrong check digit' });
export const StoredNationalId = z.string().regex(/^\d{10}$/).refine(isValidNationalId, { error: 'wrong check digit' });
export const StoredMobile = z.string().regex(/^09\d{9}$/);
/** Who did something: the desk operator's name. */
const by = z.string().max(200);
const text = (max: number) => z.string().max(max);
const filled = (max: number) => z.string().min(1).max(max);
const days = z.number().int().min(1).max(DEADLINE_DAYS_MAX);
/** A county governorate's office by its county; the province's own is never written (shared/offices.ts). */
const officeName = filled(60).refine((s) => s !== PROVINCE, { error: 'the province is written as no office' });
/** A list an older or hand-edited file may leave out: read as empty. */
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).default([]);

// ---- meeting day and queue ----

export const StoredPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('center') }),
  z.object({ kind: z.literal('county'), county: filled(60) }),
]);

export const MeetingDaySchema = z.object({
  id: StoredId,
  date: StoredJalali,
  place: StoredPlaceSchema,
  host: filled(120),
  openedAt: StoredInstant,
  openedBy: by,
  /** The county governorate that holds the day; absent: the province's own (shared/offices.ts). */
  office: officeName.optional(),
});

export const QueueEntrySchema = z.object({
  number: z.number().int().min(1).max(100_000),
  name: text(140),
  nationalId: z.union([z.literal(''), StoredNationalId]),
  arrivedAt: StoredInstant,
  status: z.enum(QUEUE_STATUSES),
  calledAt: StoredInstant.optional(),
  caseIds: z.array(StoredId).max(1000),
});

// ---- case ----

export const CitizenSchema = z.object({
  firstName: filled(60),
  lastName: filled(80),
  nationalId: StoredNationalId,
  mobile: StoredMobile,
  county: filled(60),
  locality: text(80),
  address: text(300),
});

/** The governor's order. Its due date lives in the case's deadline, which extensions and pauses move. */
export const OrderSchema = z.object({
  type: z.enum(ORDER_TYPES),
  leadDepartment: filled(120),
  otherDepartments: list(filled(120), 10),
  deadlineDays: days,
  text: text(ORDER_TEXT_MAX),
});

export const ExtensionSchema = z.object({ days, reason: text(300), at: StoredInstant, by });
/** Time the case waits for the citizen (missing documents): not charged to the department. */
export const PauseSchema = z.object({ from: StoredJalali, to: StoredJalali.optional(), reason: text(300), by });

export const DeadlineSchema = z.object({
  /** Jalali day the count starts from: the meeting day, or the day of a re-routing. */
  start: StoredJalali,
  days,
  extensions: list(ExtensionSchema, 10_000),
  pauses: list(PauseSchema, 10_000),
  /** Derived: the due date with closed pauses counted; kept so that filters need no calendar arithmetic. */
  dueDate: StoredJalali,
});

/** `letterNo`: the referral letter that carried the case (from the year's letter sequence). */
export const ReferralSchema = z.object({ department: filled(120), at: StoredInstant, by, reason: text(300).optional(), letterNo: text(40).optional() });
export const AnswerSchema = z.object({
  department: text(120), letterNo: text(60), date: StoredJalali, text: text(ISSUE_MAX), at: StoredInstant, by,
});
export const CaseOutcomeSchema = z.object({
  kind: z.enum(OUTCOMES), note: text(1000), duplicateOf: StoredTrackingCode.optional(), at: StoredInstant, by,
});
export const SatisfactionSchema = z.object({ level: z.enum(SATISFACTION_LEVELS), note: text(500), at: StoredInstant, by });
export const NoticeSchema = z.object({
  id: StoredId, kind: z.enum(NOTICE_KINDS), mobile: StoredMobile, text: text(1000), createdAt: StoredInstant, exportedAt: StoredInstant.optional(),
  /** Kept back by the office (wrong, or superseded by a later message): never exported. */
  skippedAt: StoredInstant.optional(), skippedBy: by.optional(),
});
// a note holds what the step said: an answer's letter number and text come to just over ISSUE_MAX
export const FieldChangeSchema = z.object({ field: z.enum(CORRECTABLE_FIELDS), before: text(ISSUE_MAX), after: text(ISSUE_MAX) });
export const HistoryEntrySchema = z.object({
  at: StoredInstant, by, action: z.enum(HISTORY_ACTIONS),
  /** What the action referred to, shown apart from the note: a letter or circular number, a department, a number of days. */
  ref: text(200).optional(),
  note: text(3 * ISSUE_MAX).optional(),
  /** A correction's fields before and after. */
  changes: z.array(FieldChangeSchema).max(CORRECTABLE_FIELDS.length).optional(),
});
export const PrintSchema = z.object({ at: StoredInstant, by, duplicate: z.boolean() });

export const CaseSchema = z.object({
  id: StoredId,
  /**
   * Absent while the case waits at a station for the governor's order or for its code (schema 4 on): the
   * inspection desk allocates it once the order is given. A one-desk intake allocates it at once.
   */
  code: StoredTrackingCode.optional(),
  meetingDayId: StoredId,
  /** Its meeting day's office, kept on the case so that lists filter without the day; absent: the province's. */
  office: officeName.optional(),
  /** Jalali, denormalised for indexes and reports. */
  meetingDate: StoredJalali,
  createdAt: StoredInstant,
  createdBy: by,
  citizen: CitizenSchema,
  text: filled(ISSUE_MAX),
  category: text(80),
  departments: z.array(filled(120)).max(20),
  county: filled(60),
  order: OrderSchema.optional(),
  status: z.enum(CASE_STATUSES),
  /** Present once the governor has given an order with a deadline. */
  deadline: DeadlineSchema.optional(),
  referrals: list(ReferralSchema, 10_000),
  answers: list(AnswerSchema, 10_000),
  outcome: CaseOutcomeSchema.optional(),
  satisfaction: SatisfactionSchema.optional(),
  /** Messages for the citizen, waiting for (or already in) an export to the SMS panel. */
  notices: list(NoticeSchema, 10_000),
  attachments: list(filled(200), 30),
  /** Id of the row this case was imported from, so that importing the same file twice adds nothing. */
  externalId: filled(10_000).optional(),
  cancel: z.object({ reason: text(300), at: StoredInstant, by }).optional(),
  prints: list(PrintSchema, 10_000),
  history: z.array(HistoryEntrySchema).min(1).max(100_000),
});

// ---- settings ----

export const HolidaySchema = z.object({ date: StoredJalali, title: filled(200) });
/** An object or defect the office added to the problem lexicon (shared/grouping/problem-lexicon.ts reads it). */
export const StoredLexiconEntrySchema = z.object({
  kind: z.enum(['object', 'defect']), name: filled(60), parent: text(60).optional(), distinctChildren: z.boolean().optional(),
  family: text(60).optional(), request: z.boolean().optional(), words: z.array(filled(80)).min(1).max(200),
});
const names = (max: number, itemMax: number) => z.array(filled(itemMax)).max(max);

export const SettingsSchema = z.object({
  officeName: filled(120),
  officeUnit: text(120),
  followUpPhone: text(40),
  followUpAddress: text(300),
  logoDataUrl: text(300_000),
  /** Who signs letters and circulars. */
  signerName: text(120),
  signerTitle: text(160),
  counties: names(60, 60).min(1),
  departments: names(300, 120).min(1),
  categories: names(100, 80),
  quickPhrases: names(100, 300),
  holidays: z.array(HolidaySchema).max(400),
  thursdayOff: z.boolean(),
  defaultDeadlineDays: days,
  /** Cases overdue by more than this many working days go to the governor's office escalation list. */
  escalationDays: z.number().int().min(0).max(DEADLINE_DAYS_MAX),
  slipLayout: z.enum(SLIP_LAYOUTS),
  /** Editable wording of drafted circulars, and the compliance deadline they give. */
  circularBody: text(3000),
  circularInstruction: text(3000),
  circularComplianceDays: days,
  /** A group is a recurring issue from this many cases, spanning this many counties or meeting days. */
  recurringMinCases: z.number().int().min(2).max(1000),
  recurringMinCounties: z.number().int().min(1).max(60),
  recurringMinDays: z.number().int().min(1).max(1000),
  /** A department with fewer cases than this in a report's period is shown but not ranked. */
  reportMinCases: z.number().int().min(1).max(10_000),
  /** A signed-in desk left alone this long must sign in again. */
  sessionIdleMinutes: z.number().int().min(5).max(720),
  /** Inhabitants per county, for citizens per 100,000; and where the figures come from. */
  countyPopulations: z.record(filled(60), z.number().int().min(1).max(100_000_000)),
  countyPopulationSource: text(300),
  /** The citizen gets the tracking code by SMS as soon as the case is recorded. */
  noticeOnRecord: z.boolean(),
  /** The office's own objects and defects of the problem lexicon (added to the shipped one). */
  problemLexicon: z.array(StoredLexiconEntrySchema).max(500),
});

// ---- circulars and group corrections ----

export const CircularSchema = z.object({
  id: StoredId,
  status: z.enum(CIRCULAR_STATUSES),
  title: text(300),
  // a draft's addressees, body and instruction come from its cases and the office's templates: longer than typed
  addressees: z.array(text(200)).max(1000),
  body: text(50_000),
  instruction: text(50_000),
  complianceDays: days,
  copies: z.array(z.object({ to: text(200), purpose: text(60) })).max(20),
  caseIds: z.array(StoredId).max(20_000),
  groupId: text(100).optional(),
  number: text(20).optional(),
  issuedOn: StoredJalali.optional(),
  createdAt: StoredInstant,
  createdBy: by,
  history: z.array(z.object({ at: StoredInstant, by, action: z.enum(['drafted', 'edited', 'approved', 'issued']), note: text(400).optional() })).max(100_000),
});

const correctionIds = z.array(StoredId).max(20_000);
/** `id` from schema 3 on: a replayed journal line adds a correction once. */
const made = { at: StoredInstant, by, id: StoredId.optional() };
export const StoredGroupCorrectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), caseIds: correctionIds, ...made }),
  z.object({ kind: z.literal('split'), caseIds: correctionIds, ...made }),
  z.object({ kind: z.literal('notCollective'), caseIds: correctionIds, value: z.boolean(), ...made }),
  z.object({ kind: z.literal('title'), caseIds: correctionIds, value: text(GROUP_TITLE_MAX), ...made }),
  /** Takes back the correction at `index` of the list. */
  z.object({ kind: z.literal('undo'), index: z.number().int().min(0).max(1_000_000), caseIds: correctionIds, ...made }),
]);

// ---- accounts ----

/** An account of the office's staff as stored, with its password's hash (see electron/backend/auth/passwords.ts). */
export const StoredAccountSchema = z.object({
  id: StoredId,
  username: z.string().min(3).max(40).regex(/^[\p{L}\p{N}._-]+$/u),
  displayName: text(80),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  /** The county governorate the account works for; absent: the province's office (sees every office). */
  office: officeName.optional(),
  disabled: z.boolean(),
  /** Set by an administrator's reset: the next sign-in must choose a new password first. */
  mustChangePassword: z.boolean(),
  createdAt: StoredInstant,
  createdBy: by,
  passwordChangedAt: StoredInstant,
  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
  passwordHash: z.string().max(400).regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
});

// ---- audit trail ----

/** The kinds of record a journal line changes (see electron/backend/store/file-store.ts). */
export const JOURNAL_ENTITIES = [
  'case', 'meetingDay', 'queueEntry', 'settings', 'codeSequence', 'letterNumber', 'circularNumber', 'circular', 'groupCorrection', 'account', 'submission',
] as const;

const counter = z.number().int().min(0);
/** `after` is what a replay makes the record: it must be what the record's own file could hold. */
const changeOf = <S extends z.ZodType>(entity: (typeof JOURNAL_ENTITIES)[number], after: S) =>
  z.object({ entity: z.literal(entity), id: text(300), before: z.unknown(), after });

/** A change in a journal line: the record's kind, its id, and its value before (null: new) and after. */
export const JournalChangeSchema = z.discriminatedUnion('entity', [
  changeOf('case', CaseSchema),
  changeOf('meetingDay', MeetingDaySchema),
  changeOf('queueEntry', QueueEntrySchema),
  // like settings.json: a setting added since the line was written takes its default when it is replayed
  changeOf('settings', SettingsSchema.partial()),
  changeOf('codeSequence', counter),
  changeOf('letterNumber', counter),
  changeOf('circularNumber', counter),
  changeOf('circular', CircularSchema),
  changeOf('groupCorrection', StoredGroupCorrectionSchema),
  changeOf('account', StoredAccountSchema),
  // an idempotency key and when its change was committed
  changeOf('submission', StoredInstant),
]);

/**
 * One line of an audit month file (audit/YYYY-MM.jsonl), which is also the journal: who changed what, every
 * changed record before and after, a sequence number running across files, and a hash chain. Lines written
 * before the journal (schema 2) have one record's before and after and no sequence; they are kept, not replayed.
 */
export const AuditLineSchema = z.union([
  z.object({
    seq: z.number().int().min(1), at: StoredInstant, by, action: filled(100), entity: text(100), id: text(300),
    changes: z.array(JournalChangeSchema).max(100_000), prev: z.union([z.literal(''), z.string().regex(/^[0-9a-f]{64}$/)]),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.object({ at: StoredInstant, by, action: filled(100), entity: filled(100), id: text(300), before: z.unknown(), after: z.unknown() }),
]);

// ---- files ----

const version = { schemaVersion: z.literal(SCHEMA_VERSION) };
export const MetaFileSchema = z.object({ ...version, app: z.literal('didar'), createdAt: StoredInstant });
/** Fields missing from an older file take their defaults when it is read. */
export const SettingsFileSchema = z.object({ ...version, settings: SettingsSchema.partial() });
export const CountersFileSchema = z.object({
  ...version,
  /** Highest tracking sequence given out, per two-digit Jalali year. */
  // a year whose codes ran out keeps counting past SEQUENCE_MAX (every allocation is refused)
  sequences: z.record(z.string().regex(/^\d{2}$/), z.number().int().min(0)),
  /** Last referral letter number given out, per Jalali year. */
  letters: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0)).optional(),
});
/** journal.json: up to which journal line the folder's files hold (see journal.ts). */
export const CheckpointFileSchema = z.object({
  ...version,
  seq: z.number().int().min(0),
  file: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}\.jsonl$/)]),
  offset: z.number().int().min(0),
  hash: z.union([z.literal(''), z.string().regex(/^[0-9a-f]{64}$/)]),
});
export const CircularsFileSchema = z.object({
  ...version,
  circulars: z.array(CircularSchema).max(100_000),
  /** Last circular number given out, per Jalali year. */
  numbers: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0)),
});
export const GroupingFileSchema = z.object({ ...version, corrections: z.array(StoredGroupCorrectionSchema).max(100_000) });
export const AccountsFileSchema = z.object({ ...version, accounts: z.array(StoredAccountSchema).max(10_000) });
/** An idempotency key as desks make them (a UUID, or any 16–100 URL-safe characters). */
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,100}$/;
/** submissions.json: the idempotency keys of the last week's changes (see electron/backend/dispatch.ts), when each was committed. */
export const SubmissionsFileSchema = z.object({ ...version, submissions: z.record(z.string().regex(SUBMISSION_KEY), StoredInstant) });
export const DayFileSchema = z.object({
  ...version,
  day: MeetingDaySchema,
  queue: z.array(QueueEntrySchema).max(100_000),
  cases: z.array(CaseSchema).max(100_000),
});

export type MetaFile = z.output<typeof MetaFileSchema>;
export type SettingsFile = z.output<typeof SettingsFileSchema>;
export type CountersFile = z.output<typeof CountersFileSchema>;
export type CircularsFile = z.output<typeof CircularsFileSchema>;
export type GroupingFile = z.output<typeof GroupingFileSchema>;
export type DayFile = z.output<typeof DayFileSchema>;
export type CheckpointFile = z.output<typeof CheckpointFileSchema>;
export type AccountsFile = z.output<typeof AccountsFileSchema>;
export type SubmissionsFile = z.output<typeof SubmissionsFileSchema>;
export type AuditLine = z.output<typeof AuditLineSchema>;
type Case = DeepReadonly<z.output<typeof CaseSchema>>;

// ---- validation entry points: the typed document, or a DidarError naming the file and the record ----

type Issue = z.core.$ZodIssue;

/**
 * A union (an audit line of either age) reports «no branch matched» at its own path; the branch that got
 * furthest says what is wrong, with its path under the union's.
 */
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return issue;
  const deepest = issue.errors.map((branch) => branch[0]).filter((i): i is Issue => !!i).sort((a, b) => b.path.length - a.path.length)[0];
  return deepest ? innermost({ ...deepest, path: [...issue.path, ...deepest.path] }) : issue;
}

/** «case #3 (id …, code …)» for a path into a day file's cases or queue. */
function recordOf(doc: unknown, p: readonly PropertyKey[]): { fa: string; en: string; rest: readonly PropertyKey[] } | null {
  const [listName, i] = p;
  if ((listName !== 'cases' && listName !== 'queue' && listName !== 'circulars' && listName !== 'corrections') || typeof i !== 'number') return null;
  const item = (doc as Record<string, unknown[]>)[listName]?.[i] as Record<string, unknown> | null | undefined;
  const id = typeof item?.id === 'string' ? item.id.slice(0, 64) : undefined;
  const code = typeof item?.code === 'string' ? item.code.slice(0, 12) : undefined;
  const en = `${listName === 'cases' ? 'case' : listName === 'queue' ? 'queue entry' : listName.slice(0, -1)} #${i + 1}${id ? ` id ${id}` : ''}${code ? ` code ${code}` : ''}`;
  return { fa: msg.storedRecord(listName, i + 1, id, code), en, rest: p.slice(2) };
}

/** The first problem of a document that does not match its schema, as a refusal naming file, record and field. */
export function storedFileError(fileName: string, doc: unknown, found: Issue | undefined, prefix: readonly PropertyKey[] = []): DidarError {
  const issue = found && innermost(found);
  const p = [...prefix, ...(issue?.path ?? [])];
  const record = recordOf(doc, p);
  const field = (record ? record.rest : p).map(String).join('.');
  const en = `${fileName}: ${record ? `${record.en}: ` : ''}${field || '(file)'}: ${issue?.message ?? 'invalid'}`;
  return new DidarError('corrupt-file', msg.storedInvalid(fileName, record?.fa ?? '', field), undefined, en);
}

/**
 * The document itself when it matches (checked by the schema's generated conform, without a copy; missing lists
 * filled in place), else zod's first issue as a refusal. Compiled on first use.
 */
function parseWith<S extends z.ZodType>(schema: S): (json: unknown, fileName: string) => z.output<S> | DidarError {
  const check = checkWith(schema);
  return (json, fileName) => {
    const r = check(json);
    return r.ok ? r.value : storedFileError(fileName, json, r.issue);
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; issue: Issue | undefined };

function checkWith<S extends z.ZodType>(schema: S): (json: unknown) => Checked<z.output<S>> {
  let conform: Conform | null = null;
  return (json) => {
    conform ??= compileConform(schema);
    if (conform(json)) return { ok: true, value: json as z.output<S> };
    const r = schema.safeParse(json);
    return r.success ? { ok: true, value: r.data } : { ok: false, issue: r.error.issues[0] };
  };
}

/** The records a database keeps one per row, each under the schema its place in a data file has. */
const STORED_RECORD_SCHEMAS = {
  case: CaseSchema,
  meetingDay: MeetingDaySchema,
  queueEntry: QueueEntrySchema,
  settings: SettingsSchema.partial(),
  circular: CircularSchema,
  groupCorrection: StoredGroupCorrectionSchema,
  account: StoredAccountSchema,
} as const;
export type StoredRecordKind = keyof typeof STORED_RECORD_SCHEMAS;
type StoredRecordOf<K extends StoredRecordKind> = z.output<(typeof STORED_RECORD_SCHEMAS)[K]>;

const recordCheckers = Object.fromEntries(Object.entries(STORED_RECORD_SCHEMAS).map(([k, s]) => [k, checkWith(s)])) as {
  [K in StoredRecordKind]: (json: unknown) => Checked<StoredRecordOf<K>>;
};

/** One stored record checked on its own: the record, or the field (a dotted path) that does not fit and why. */
export function checkStoredRecord<K extends StoredRecordKind>(kind: K, json: unknown): { ok: true; value: StoredRecordOf<K> } | { ok: false; field: string; problem: string } {
  const r = recordCheckers[kind](json);
  if (r.ok) return r;
  const issue = r.issue && innermost(r.issue);
  return { ok: false, field: (issue?.path ?? []).map(String).join('.'), problem: issue?.message ?? 'invalid' };
}

export const parseMetaFile = parseWith(MetaFileSchema);
export const parseSettingsFile = parseWith(SettingsFileSchema);
export const parseCountersFile = parseWith(CountersFileSchema);
export const parseCircularsFile = parseWith(CircularsFileSchema);
export const parseGroupingFile = parseWith(GroupingFileSchema);
export const parseDayFile = parseWith(DayFileSchema);
export const parseCheckpointFile = parseWith(CheckpointFileSchema);
export const parseAccountsFile = parseWith(AccountsFileSchema);
export const parseSubmissionsFile = parseWith(SubmissionsFileSchema);

/** One change of a unit of work, checked before it is written so that the store never writes what it could not read back. */
export const parseJournalChange = parseWith(JournalChangeSchema);

/** One audit line (already JSON-parsed); `line` is its 1-based number in the month file. */
const parseAudit = parseWith(AuditLineSchema);
export function parseAuditLine(json: unknown, fileName: string, line: number): AuditLine | DidarError {
  return parseAudit(json, `${fileName}:${line}`);
}

/** Where each meeting day and case of a folder was read, to find those that appear twice or in the wrong file. */
export type FolderRecords = {
  /** Meeting day id → the file it was read from. */
  days: Map<string, string>;
  /** The file a case id was read from, if it was. */
  fileOfCase(id: string): string | undefined;
  addCase(c: Case, fileName: string): void;
};

/** Records of their own; the loader passes its index by id instead, so that 100,000 ids are not kept twice. */
export function emptyFolderRecords(): FolderRecords {
  const cases = new Map<string, string>();
  return { days: new Map(), fileOfCase: (id) => cases.get(id), addCase: (c, file) => void cases.set(c.id, file) };
}

/**
 * What no single day file's schema can see: a meeting day or case id already read from another file, or a case
 * filed under another meeting day (a save would write it into the wrong file). Records the file's ids in `seen`.
 */
export function dayFileConflict(fileName: string, doc: Pick<DeepReadonly<DayFile>, 'day' | 'cases'>, seen: FolderRecords): DidarError | null {
  const otherDay = seen.days.get(doc.day.id);
  if (otherDay !== undefined) {
    return new DidarError('corrupt-file', msg.storedDuplicate(fileName, msg.storedMeetingDay(doc.day.id), otherDay), undefined,
      `${fileName}: meeting day ${doc.day.id} is also in ${otherDay}`);
  }
  seen.days.set(doc.day.id, fileName);
  for (let i = 0; i < doc.cases.length; i++) {
    const c = doc.cases[i]!;
    const other = seen.fileOfCase(c.id);
    const where = (): string => msg.storedRecord('cases', i + 1, c.id, c.code);
    if (other !== undefined) {
      return new DidarError('corrupt-file', msg.storedDuplicate(fileName, where(), other), undefined, `${fileName}: case #${i + 1} id ${c.id} code ${c.code}: id also used in ${other}`);
    }
    if (c.meetingDayId !== doc.day.id) {
      return new DidarError('corrupt-file', msg.storedWrongDay(fileName, where()), undefined,
        `${fileName}: case #${i + 1} id ${c.id} code ${c.code}: belongs to meeting day ${c.meetingDayId}, not ${doc.day.id}`);
    }
    seen.addCase(c, fileName);
  }
  return null;
}

/** The data files of a folder by their path relative to it ('/' separators), and how each is checked. */
export type StoredFileKind = 'meta' | 'settings' | 'counters' | 'circulars' | 'grouping' | 'checkpoint' | 'accounts' | 'submissions' | 'day' | 'audit';

/**
 * Files a running Didar keeps in the folder beside the data that are not part of it: no backup holds them and
 * `didar check` does not read them (the signed-in sessions of a server, what the desktop app is on this PC).
 */
export const RUNTIME_FILES: ReadonlySet<string> = new Set(['sessions.json', DESKTOP_MODE_FILE]);

/** Any `.json` directly in days/ is read as a meeting day (a name starting with a dot is a write in progress). */
export const DAY_FILE_NAME = /^days\/[^/\\\0.][^/\\\0]*\.json$/;
export const AUDIT_FILE_NAME = /^audit\/\d{4}-\d{2}\.jsonl$/;

export function storedFileKind(rel: string): StoredFileKind | null {
  switch (rel) {
    case 'meta.json': return 'meta';
    case 'settings.json': return 'settings';
    case 'counters.json': return 'counters';
    case 'circulars.json': return 'circulars';
    case 'grouping.json': return 'grouping';
    case 'journal.json': return 'checkpoint';
    case 'accounts.json': return 'accounts';
    case 'submissions.json': return 'submissions';
    default:
      if (DAY_FILE_NAME.test(rel)) return 'day';
      if (AUDIT_FILE_NAME.test(rel)) return 'audit';
      return null;
  }
}

/** The parser of each JSON document kind (audit files are lines, parsed one by one with parseAuditLine). */
export const STORED_FILE_PARSERS = {
  meta: parseMetaFile,
  settings: parseSettingsFile,
  counters: parseCountersFile,
  circulars: parseCircularsFile,
  grouping: parseGroupingFile,
  checkpoint: parseCheckpointFile,
  accounts: parseAccountsFile,
  submissions: parseSubmissionsFile,
  day: parseDayFile,
} as const satisfies Record<Exclude<StoredFileKind, 'audit'>, (json: unknown, fileName: string) => unknown>;
