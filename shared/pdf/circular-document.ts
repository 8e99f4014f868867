// The circular (بخشنامه) in official layout, with an annex table of the cases it rests on.
import { toPersianDigits } from '../persian-text';
import { ltrIsolate } from './bidi-line';
import { rtlDocument, rtlTable, THIN_LINES } from './doc-helpers';
import { copiesTo, greeting, letterHead, signature } from './letter-parts';
import type { Content, DocDefinition } from './pdfmake-types';

const L = {
  title: 'بخشنامه',
  subject: 'موضوع',
  draft: 'پیش‌نویس',
  draftLine: 'پیش‌نویس — هنوز صادر نشده است',
  annexTitle: 'پیوست: فهرست درخواست‌های شهروندان',
  annexCount: (n: number): string => `${toPersianDigits(n)} برگ`,
  columns: ['ردیف', 'کد رهگیری', 'شهرستان', 'تاریخ ملاقات', 'دستگاه'],
  byCounty: 'تعداد به تفکیک شهرستان',
  byDepartment: 'تعداد به تفکیک دستگاه',
};

export type CircularDocData = {
  officeName: string;
  officeUnit: string;
  logoDataUrl?: string;
  number: string;
  date: string;
  draft: boolean;
  title: string;
  addressees: readonly string[];
  body: string;
  instruction: string;
  signerName: string;
  signerTitle: string;
  copies: readonly { readonly to: string; readonly purpose: string }[];
  annex: { code: string; county: string; date: string; department: string }[];
  byCounty: [string, number][];
  byDepartment: [string, number][];
  /** Pages of the annex, as laid out on A4 (the PDF's count, which the DOCX repeats). */
  annexPages: number;
};

/** Words of the circular both documents share (the DOCX builds the same parts). */
export const CIRCULAR_LABELS = L;

const countTable = (title: string, rows: [string, number][]): Content => ({
  stack: [
    { text: title, bold: true, margin: [0, 6, 0, 2] },
    rtlTable(rows.map(([k, n]) => [k, { text: toPersianDigits(n), alignment: 'center' as const }]), { widths: ['*', 40], layout: THIN_LINES }),
  ],
});

/** The annex: counts by county and by department, then every case the circular rests on. */
export function circularAnnex(d: CircularDocData): Content[] {
  return [
    { text: L.annexTitle, bold: true, fontSize: 12, margin: [0, 0, 0, 6] },
    countTable(L.byCounty, d.byCounty),
    countTable(L.byDepartment, d.byDepartment),
    { text: '', margin: [0, 8, 0, 0] },
    rtlTable(
      [
        L.columns.map((c) => ({ text: c, bold: true, fillColor: '#e3f1ed', alignment: 'center' as const })),
        ...d.annex.map((a, i) => [
          { text: toPersianDigits(i + 1), alignment: 'center' as const },
          { text: ltrIsolate(toPersianDigits(a.code)), alignment: 'center' as const },
          a.county, { text: a.date, alignment: 'center' as const }, a.department,
        ]),
      ],
      { widths: [28, 80, 80, 70, '*'], headerRows: 1, layout: THIN_LINES, dontBreakRows: true },
    ),
  ];
}

const PAGE = { pageSize: 'A4' as const, pageMargins: [48, 40, 48, 44] as [number, number, number, number] };

/** The annex alone on the circular's pages, to count them. */
export function circularAnnexDocument(d: CircularDocData): DocDefinition {
  return rtlDocument({ ...PAGE, defaultStyle: { fontSize: 11, lineHeight: 1.45 }, content: circularAnnex(d) });
}

export function circularDocument(d: CircularDocData): DocDefinition {
  return rtlDocument({
    ...PAGE,
    info: { title: `${L.title} — ${d.title}` },
    defaultStyle: { fontSize: 11, lineHeight: 1.45 },
    ...(d.draft ? { watermark: { text: L.draft, color: '#5f6b7a', opacity: 0.08, bold: true } } : {}),
    content: [
      ...(d.draft ? [{ text: L.draftLine, color: '#b3261e', bold: true, alignment: 'center' as const, margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
      ...letterHead({ officeName: d.officeName, officeUnit: d.officeUnit, number: d.number, date: d.date, annex: L.annexCount(d.annexPages), ...(d.logoDataUrl ? { logoDataUrl: d.logoDataUrl } : {}) }),
      { text: L.title, alignment: 'center', bold: true, fontSize: 16, margin: [0, 0, 0, 4] },
      { text: toPersianDigits(`${L.subject}: ${d.title}`), alignment: 'center', bold: true, margin: [0, 0, 0, 10] },
      ...greeting(d.addressees),
      { text: toPersianDigits(d.body), margin: [0, 0, 0, 6] },
      { text: toPersianDigits(d.instruction), margin: [0, 0, 0, 6] },
      signature(d.signerName, d.signerTitle),
      ...copiesTo(d.copies),
      { text: '', pageBreak: 'before' },
      ...circularAnnex(d),
    ],
  });
}
