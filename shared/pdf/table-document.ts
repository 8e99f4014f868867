// A report table on A4 landscape: the office, the title, what the table holds, then a right-to-left table
// whose header repeats on every page. Numbers, codes and dates in Persian digits.
import type { ReportTable } from '../reports/table';
import { toPersianDigits } from '../persian-text';
import { ltrIsolate } from './bidi-line';
import { rtlColumns, rtlDocument, rtlTable, shorten, THIN_LINES } from './doc-helpers';
import type { Content, DocDefinition } from './pdfmake-types';

export type TableDocOptions = {
  officeName: string;
  officeUnit: string;
  /** Column widths in reading order ('*' takes the rest). */
  widths: (number | string)[];
  /** Columns written left to right (tracking codes). */
  ltrColumns?: number[];
  /** Longest text of a cell before it is shortened. */
  cellMax?: number;
};

export function tableDocument(t: ReportTable, o: TableDocOptions): DocDefinition {
  const ltr = new Set(o.ltrColumns ?? []);
  const cell = (v: string | number | null, i: number): Content => {
    const text = toPersianDigits(shorten(v === null ? '' : String(v), o.cellMax ?? 160));
    return ltr.has(i) ? { text: ltrIsolate(text), alignment: 'center' } : typeof v === 'number' ? { text, alignment: 'center' } : text;
  };
  return rtlDocument({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 32],
    info: { title: t.title },
    defaultStyle: { fontSize: 8.5 },
    footer: { pageNumbers: 'صفحه {page} از {pages}', alignment: 'center', fontSize: 8, color: '#5f6b7a' },
    content: [
      rtlColumns([
        { stack: [{ text: o.officeName, bold: true, fontSize: 12 }, { text: o.officeUnit }] },
        { text: t.title, bold: true, fontSize: 14, alignment: 'left' },
      ]),
      { text: t.subtitle, margin: [0, 6, 0, 8] },
      rtlTable(
        [
          t.headers.map((h) => ({ text: h, bold: true, fillColor: '#e3f1ed', alignment: 'center' as const })),
          ...t.rows.map((r) => r.map(cell)),
        ],
        { widths: o.widths, headerRows: 1, layout: THIN_LINES, dontBreakRows: true },
      ),
    ],
  });
}
