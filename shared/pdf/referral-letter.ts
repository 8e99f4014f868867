// Referral letter (نامه ارجاع): one per department, listing the cases sent to it after a meeting day.
import { toPersianDigits } from '../persian-text';
import { ltrIsolate } from './bidi-line';
import { rtlDocument, rtlTable, shorten, THIN_LINES } from './doc-helpers';
import { copiesTo, greeting, letterHead, signature } from './letter-parts';
import type { DocDefinition } from './pdfmake-types';

const L = {
  title: 'ارجاع درخواست‌های دیدار مردمی',
  addressee: (d: string): string => `${d}`,
  body: (n: number, governor: string): string =>
    `به استناد دستور ${governor} محترم در دیدار مردمی، ${toPersianDigits(n)} درخواست شهروندان به شرح جدول زیر جهت رسیدگی ارسال می‌شود. خواهشمند است دستور فرمایید موضوع بررسی و نتیجه تا مهلت مقرر، با ذکر کد رهگیری، به این دفتر اعلام شود.`,
  columns: (governor: string): string[] => ['ردیف', 'کد رهگیری', 'نام مراجع', 'شهرستان', 'خلاصه درخواست', `دستور ${governor}`, 'مهلت پاسخ'],
  annex: 'ندارد',
  preview: 'پیش‌نمایش',
  unnumbered: 'پس از تأیید ارجاع',
  copy: (governor: string) => ({ to: `دفتر ${governor}`, purpose: 'جهت اطلاع' }),
  inspection: { to: 'اداره کل بازرسی', purpose: 'جهت پیگیری' },
};

export type ReferralRow = { code: string; citizen: string; county: string; issue: string; order: string; due: string };

export type ReferralLetterData = {
  officeName: string;
  officeUnit: string;
  department: string;
  number: string;
  date: string;
  signerName: string;
  signerTitle: string;
  /** Who gave the orders: the governor (استاندار) or a county's governor (فرماندار). */
  governor: string;
  rows: ReferralRow[];
  /** Seen before referring: not yet numbered, marked as a preview. */
  preview?: boolean;
};

export function referralLetter(d: ReferralLetterData): DocDefinition {
  const table = rtlTable(
    [
      L.columns(d.governor).map((c) => ({ text: c, bold: true, fillColor: '#e3f1ed', alignment: 'center' as const })),
      ...d.rows.map((r, i) => [
        { text: toPersianDigits(i + 1), alignment: 'center' as const },
        { text: ltrIsolate(toPersianDigits(r.code)), alignment: 'center' as const },
        r.citizen, r.county, toPersianDigits(shorten(r.issue, 220)), toPersianDigits(shorten(r.order, 140)), { text: r.due, alignment: 'center' as const },
      ]),
    ],
    { widths: [22, 60, 56, 46, '*', 96, 50], headerRows: 1, layout: THIN_LINES, dontBreakRows: true },
  );
  return rtlDocument({
    pageSize: 'A4',
    pageMargins: [40, 36, 40, 40],
    info: { title: `${L.title} — ${d.department}` },
    defaultStyle: { fontSize: 9.5 },
    ...(d.preview ? { watermark: { text: L.preview, color: '#5f6b7a', opacity: 0.1, bold: true } } : {}),
    content: [
      ...letterHead({ officeName: d.officeName, officeUnit: d.officeUnit, number: d.preview ? L.unnumbered : d.number, date: d.date, annex: L.annex }),
      ...greeting([L.addressee(d.department)]),
      { text: L.body(d.rows.length, d.governor), margin: [0, 0, 0, 8] },
      table,
      signature(d.signerName, d.signerTitle),
      ...copiesTo([L.copy(d.governor), L.inspection]),
    ],
  });
}
