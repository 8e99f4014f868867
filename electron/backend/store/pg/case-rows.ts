// A case as a row: its document and the columns the queries filter, sort and search on, derived from it with the
// file store's own definitions (search text, due-date order, overdue rule), so both stores answer alike.
import { leadDepartment, type Case } from '../../../../shared/domain';
import { isPaused } from '../../../../shared/follow-up';
import { parseTrackingCode } from '../../../../shared/tracking-code';
import { officeOf } from '../../../../shared/offices';
import { NO_DUE, searchText } from '../case-index';
import type { Run } from './connection';
import type { DocRow } from './rows';

const COLUMNS = [
  'id', 'code', 'national_id', 'status', 'lead_department', 'departments', 'county', 'order_type', 'meeting_day_id',
  'meeting_date', 'due_key', 'has_deadline', 'paused', 'created_at', 'external_id', 'pending_notices', 'search', 'office', 'doc',
] as const;

function values(c: Case): unknown[] {
  return [
    c.id, c.code, c.citizen.nationalId, c.status, leadDepartment(c), c.departments, c.county, c.order?.type ?? null, c.meetingDayId,
    c.meetingDate, c.deadline?.dueDate ?? NO_DUE, !!c.deadline, isPaused(c.deadline), c.createdAt ?? '', c.externalId ?? null,
    c.notices.some((n) => !n.exportedAt), searchText(c), officeOf(c), JSON.stringify(c),
  ];
}

/** Rows per INSERT: 19 parameters each, well under the protocol's 65,535. */
const BATCH = 500;

/** Counter name of a two-digit Jalali year's tracking codes (one province-wide sequence per year). */
export const codeCounter = (yy: number): string => `code:${String(yy).padStart(2, '0')}`;

/** The counter a tracking code was taken from, and its place in it (no later case may get it again). */
export function codeCounterOf(code: string): { name: string; sequence: number } {
  const { yy, sequence } = parseTrackingCode(code);
  return { name: codeCounter(yy), sequence };
}
/** Counter names of a Jalali year's circular and referral letter numbers. */
export const circularCounter = (jalaliYear: number): string => `circular:${jalaliYear}`;
export const letterCounter = (jalaliYear: number): string => `letter:${jalaliYear}`;

/**
 * The parts of one statement that insert or replace these cases, each value written by `v` (a parameter or a
 * literal): `old` holds the rows being replaced (every part of one statement sees the table as it was before
 * it), `saved` writes them, `raised` lifts each year's code counter past the codes they carry (a restored or
 * moved-in case keeps its code, and no later case may get it again). Joined after WITH.
 */
export function caseWrite(cases: readonly Case[], v: (x: unknown) => string): string {
  const set = COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const highest = new Map<string, number>();
  for (const c of cases) {
    if (!c.code) continue; // waiting for its code at the inspection desk
    const { name, sequence } = codeCounterOf(c.code);
    highest.set(name, Math.max(highest.get(name) ?? 0, sequence));
  }
  const parts = [
    `old AS (SELECT doc, id, code FROM cases WHERE id = ANY(${v(cases.map((c) => c.id))}::text[]))`,
    `saved AS (INSERT INTO cases (${COLUMNS.join(', ')}) VALUES ${cases.map((c) => `(${values(c).map(v).join(', ')})`).join(', ')} ON CONFLICT (id) DO UPDATE SET ${set})`,
  ];
  if (highest.size) {
    parts.push(`raised AS (INSERT INTO counters (name, value) SELECT * FROM unnest(${v([...highest.keys()])}::text[], ${v([...highest.values()])}::bigint[])
      ON CONFLICT (name) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value))`);
  }
  return parts.join(',\n');
}

/** Inserts or replaces cases (multi-row inserts); returns the rows they replaced (their documents before). */
export async function upsertCases(run: Run, cases: readonly Case[]): Promise<DocRow[]> {
  const before: DocRow[] = [];
  for (let i = 0; i < cases.length; i += BATCH) {
    const list: unknown[] = [];
    const write = caseWrite(cases.slice(i, i + BATCH), (x) => `$${list.push(x)}`);
    before.push(...await run<DocRow>(`WITH ${write} SELECT * FROM old`, list));
  }
  return before;
}
