// Parts of an official Persian letter (نامه اداری), shared by referral letters and circulars.
import { isolate, toPersianDigits } from '../persian-text';
import { NO_LINES, rtlColumns, rtlTable } from './doc-helpers';
import type { Content } from './pdfmake-types';

const L = {
  bismillah: 'بسمه تعالی',
  number: 'شماره',
  date: 'تاریخ',
  annex: 'پیوست',
  greeting: 'با سلام و احترام',
  copies: 'رونوشت',
};

export type LetterHead = { officeName: string; officeUnit: string; number: string; date: string; annex: string; logoDataUrl?: string };

/** «بسمه تعالی», the office on the right, and the number / date / annex block on the left. */
export function letterHead(h: LetterHead): Content[] {
  const meta = rtlTable(
    [[`${L.number}:`, isolate(toPersianDigits(h.number))], [`${L.date}:`, h.date], [`${L.annex}:`, h.annex]].map(([k, v]) => [
      { text: k!, color: '#5f6b7a' }, { text: v!, bold: true },
    ]),
    { widths: [38, '*'], layout: NO_LINES },
  );
  return [
    { text: L.bismillah, alignment: 'center', bold: true, fontSize: 11, margin: [0, 0, 0, 6] },
    rtlColumns([
      {
        stack: [
          ...(h.logoDataUrl ? [{ image: h.logoDataUrl, fit: [42, 42] as [number, number], alignment: 'right' as const }] : []),
          { text: h.officeName, bold: true, fontSize: 13 },
          ...(h.officeUnit ? [{ text: h.officeUnit, fontSize: 10 }] : []),
        ],
      },
      { stack: [meta], width: 150 },
    ]),
    { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 515, y2: 6, lineWidth: 0.8, lineColor: '#0f5c4d' }], alignment: 'left', margin: [0, 0, 0, 10] },
  ];
}

export function greeting(addressees: readonly string[]): Content[] {
  return [
    ...addressees.map((a) => ({ text: a, bold: true, fontSize: 11.5 })),
    { text: L.greeting, margin: [0, 6, 0, 4] },
  ];
}

export function signature(name: string, title: string): Content {
  return { stack: [{ text: name, bold: true }, { text: title }], alignment: 'left', margin: [0, 24, 40, 12] };
}

export function copiesTo(copies: readonly { readonly to: string; readonly purpose: string }[]): Content[] {
  if (!copies.length) return [];
  return [
    { text: `${L.copies}:`, bold: true, fontSize: 9, margin: [0, 10, 0, 2] },
    ...copies.map((c) => ({ text: `- ${c.to} ${c.purpose}`, fontSize: 9 })),
  ];
}
