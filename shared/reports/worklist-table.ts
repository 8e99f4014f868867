// The worklist (its current filter) and the governor's office escalation list as one table shape, for the
// A4 PDF and the XLSX file alike.
import type { WorkItem } from '../api';
import { formatJalaliShort, parseJalali } from '../jalali';
import { STATUS_LABEL } from '../labels';
import { toPersianDigits } from '../persian-text';
import type { ReportTable } from './table';

export const WORKLIST_HEADERS = ['ردیف', 'کد رهگیری', 'مراجع', 'شهرستان', 'دستگاه مسئول', 'نوع دستور', 'روز ملاقات', 'مهلت', 'روز تأخیر', 'وضعیت', 'خلاصه درخواست'];

const date = (d: string | undefined): string => (d ? formatJalaliShort(parseJalali(d)!) : '—');

/** `filters` says which cases the list holds (shown above the table); `today` is the Jalali day it was made. */
export function worklistTable(items: readonly WorkItem[], o: { title: string; filters: string; today: string }): ReportTable {
  return {
    title: o.title,
    subtitle: `${o.filters} — ${toPersianDigits(items.length)} پرونده، تهیه‌شده در ${date(o.today)}`,
    headers: WORKLIST_HEADERS,
    rows: items.map((w, i) => [
      i + 1, w.code, w.citizenName, w.county, w.department, w.orderType ?? '—', date(w.meetingDate), date(w.dueDate),
      w.overdueDays > 0 ? w.overdueDays : '', STATUS_LABEL[w.status], w.summary,
    ]),
  };
}
