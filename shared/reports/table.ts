// One shape for every report table, so that the screen, CSV and XLSX show the same columns and numbers.
import { OUTCOMES } from '../follow-up';
import { OUTCOME_LABEL } from '../labels';
import type { CountyRow } from './county-scorecard';
import type { DepartmentRow } from './department-scorecard';
import type { DateRange } from './period';
import { toPersianDigits } from '../persian-text';

/** Shown in the rank column of a department that answered nothing in the period. */
export const NO_ANSWERS = 'بدون پاسخ';

export type ReportTable = {
  /** Sheet name and file-name part (Persian). */
  title: string;
  /** A line above the table: the period and the rules. */
  subtitle: string;
  headers: string[];
  rows: (string | number | null)[][];
};

export const DEPARTMENT_HEADERS = [
  'رتبه', 'دستگاه', 'پرونده', 'پاسخ‌داده', 'پاسخ به‌موقع (٪)', 'میانه روز کاری تا پاسخ', 'معوق اکنون', 'رضایت شهروند (٪)',
  ...OUTCOMES.map((o) => OUTCOME_LABEL[o]),
];

export function departmentTable(rows: readonly DepartmentRow[], range: DateRange, minCases: number): ReportTable {
  return {
    title: 'کارنامه دستگاه‌ها',
    subtitle: toPersianDigits(`از ${range.from} تا ${range.to} — دستگاه با کمتر از ${minCases} پرونده یا بدون پاسخ رتبه نمی‌گیرد`),
    headers: DEPARTMENT_HEADERS,
    rows: rows.map((r) => [
      r.rank ?? (r.answered.length ? null : NO_ANSWERS), r.department, r.cases.length, r.answered.length, r.onTimePct, r.medianDaysToAnswer, r.overdueNow.length, r.satisfiedPct,
      ...OUTCOMES.map((o) => r.outcomes[o]?.length ?? 0),
    ]),
  };
}

export const COUNTY_HEADERS = [
  'شهرستان', 'جمعیت', 'شهروندان مراجعه‌کننده به مرکز استان', 'در هر ۱۰۰ هزار نفر', 'درخواست‌ها', 'حل‌شده در مرکز استان (٪)', 'سهم مشکلات تکراری (٪)', 'مشکلات پرتکرار',
  'درخواست‌های ثبت‌شده در فرمانداری', 'حل‌شده در فرمانداری (٪)',
];

export function countyTable(rows: readonly CountyRow[], range: DateRange, populationSource: string): ReportTable {
  return {
    title: 'کارنامه شهرستان‌ها',
    subtitle: toPersianDigits(`از ${range.from} تا ${range.to} — جمعیت: ${populationSource}`),
    headers: COUNTY_HEADERS,
    rows: rows.map((r) => [
      r.county, r.population, r.citizens, r.per100k, r.cases.length, r.resolvedPct, r.recurringShare, r.topProblems.map(([t, n]) => `${t} (${toPersianDigits(n)})`).join('؛ '),
      r.officeCases.length, r.officeResolvedPct,
    ]),
  };
}

/**
 * One CSV field, quoted when it must be (or always). Spreadsheets run a cell that starts with = + - @, a tab or
 * a CR as a formula (=HYPERLINK(…) in a citizen's name): such text gets a leading ' and is shown as typed.
 */
export function csvField(v: string | number | null, quoted = false): string {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return quoted || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV in UTF-8 with a byte-order mark (so Excel reads Persian), CRLF lines, the first line the header; every CSV
 * Didar writes is made here. `quoteRows` quotes every field below the header (as SMS panels expect).
 */
export function csvText(lines: readonly (readonly (string | number | null)[])[], quoteRows = false): string {
  return `\uFEFF${lines.map((r, i) => r.map((v) => csvField(v, quoteRows && i > 0)).join(',')).join('\r\n')}\r\n`;
}

export function toCsv(t: ReportTable): string {
  return csvText([t.headers, ...t.rows]);
}
