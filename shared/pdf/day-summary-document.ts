// The meeting-day summary on A4 for the governor: totals, counts by department, county and order type,
// and the list of orders with tracking codes and deadlines.
import { formatJalaliLong, formatJalaliShort, parseJalali } from '../jalali';
import { ORDER_TYPE_LABEL, placeLabel } from '../labels';
import { toPersianDigits } from '../persian-text';
import type { DaySummary } from '../reports/day-summary';
import { ltrIsolate } from './bidi-line';
import { rtlColumns, rtlDocument, rtlTable, shorten, THIN_LINES } from './doc-helpers';
import type { Content, DocDefinition } from './pdfmake-types';

const L = {
  title: 'خلاصه روز ملاقات مردمی',
  place: 'محل',
  host: 'میزبان',
  citizens: 'شهروندان دیدارشده',
  cases: 'درخواست‌های ثبت‌شده',
  byDepartment: 'به تفکیک دستگاه',
  byCounty: 'به تفکیک شهرستان',
  byOrderType: 'به تفکیک نوع دستور',
  noOrder: 'بدون دستور',
  orders: 'فهرست دستورها',
  columns: ['ردیف', 'کد رهگیری', 'شهروند', 'شهرستان', 'دستگاه', 'نوع دستور', 'مهلت', 'دستور'],
};

export type DaySummaryDocData = DaySummary & { officeName: string; officeUnit: string };

const counts = (title: string, rows: [string, number][]): Content => ({
  stack: [
    { text: title, bold: true, margin: [0, 6, 0, 2] },
    rtlTable(rows.map(([k, n]) => [k, { text: toPersianDigits(n), alignment: 'center' as const }]), { widths: ['*', 34], layout: THIN_LINES }),
  ],
});

export function daySummaryDocument(d: DaySummaryDocData): DocDefinition {
  const typeLabel = (t: string): string => (t === 'none' ? L.noOrder : ORDER_TYPE_LABEL[t as keyof typeof ORDER_TYPE_LABEL]);
  return rtlDocument({
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    info: { title: `${L.title} — ${d.day.date}` },
    content: [
      rtlColumns([
        { stack: [{ text: d.officeName, bold: true, fontSize: 13 }, { text: d.officeUnit }] },
        { stack: [{ text: L.title, bold: true, fontSize: 14, alignment: 'left' }, { text: formatJalaliLong(parseJalali(d.day.date)!), alignment: 'left' }] },
      ]),
      { text: `${L.place}: ${placeLabel(d.day)} — ${L.host}: ${d.day.host}`, margin: [0, 6, 0, 6] },
      rtlColumns([
        { text: `${L.citizens}: ${toPersianDigits(d.citizens)}`, bold: true, fontSize: 12 },
        { text: `${L.cases}: ${toPersianDigits(d.cases)}`, bold: true, fontSize: 12 },
      ]),
      rtlColumns([
        counts(L.byDepartment, d.byDepartment),
        { stack: [counts(L.byCounty, d.byCounty), counts(L.byOrderType, d.byOrderType.map(([t, n]) => [typeLabel(t), n]))] },
      ], 16),
      { text: L.orders, bold: true, fontSize: 12, margin: [0, 12, 0, 4] },
      rtlTable(
        [
          L.columns.map((c) => ({ text: c, bold: true, fillColor: '#e3f1ed', alignment: 'center' as const })),
          ...d.orders.map((o, i) => [
            { text: toPersianDigits(i + 1), alignment: 'center' as const },
            { text: ltrIsolate(toPersianDigits(o.code)), alignment: 'center' as const },
            o.citizen, o.county, o.department, typeLabel(o.type),
            { text: o.dueDate ? formatJalaliShort(parseJalali(o.dueDate)!) : '—', alignment: 'center' as const },
            toPersianDigits(shorten(o.text, 120)),
          ]),
        ],
        { widths: [24, 56, 58, 44, 70, 44, 46, '*'], headerRows: 1, layout: THIN_LINES, dontBreakRows: true },
      ),
    ],
    defaultStyle: { fontSize: 9 },
  });
}
