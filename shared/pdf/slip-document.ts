// The tracking slip (رسید پیگیری) the citizen takes home: A5, or an 80 mm receipt-printer strip.
import { toPersianDigits } from '../persian-text';
import { ltrIsolate } from './bidi-line';
import { NO_LINES, rtlColumns, rtlDocument, rtlTable, shorten, THIN_LINES } from './doc-helpers';
import type { Content, DocDefinition } from './pdfmake-types';

const L = {
  title: 'رسید پیگیری',
  duplicate: 'المثنی',
  code: 'کد رهگیری',
  citizen: 'نام مراجع',
  nationalId: 'کد ملی',
  meetingDate: 'تاریخ ملاقات',
  place: 'محل ملاقات',
  department: 'دستگاه مسئول',
  orderType: 'نوع دستور',
  dueDate: 'تاریخ پاسخ مورد انتظار',
  issue: 'خلاصه درخواست',
  order: (governor: string): string => `دستور ${governor}`,
  followUp: 'پیگیری',
  howTo: (phone: string, address: string): string =>
    `برای پیگیری، با در دست داشتن کد رهگیری با شماره ${phone} تماس بگیرید${address ? ` یا به نشانی ${address} مراجعه کنید` : ''}.`,
  keep: 'این رسید را تا پایان رسیدگی نگه دارید.',
  printed: 'زمان چاپ',
};

const TRACKING_QR = 'trackingQr';

export type SlipData = {
  officeName: string;
  /** Who gave the order: the governor (استاندار) or a county's governor (فرماندار). */
  governor: string;
  logoDataUrl?: string;
  code: string;
  citizenName: string;
  nationalIdMasked: string;
  meetingDate: string;
  place: string;
  issue: string;
  order: string;
  orderType: string;
  department: string;
  dueDate: string;
  followUpPhone: string;
  followUpAddress: string;
  duplicate: boolean;
  printedAt: string;
  layout: 'a5' | 'receipt80';
};

const ltrNumber = (s: string): string => ltrIsolate(toPersianDigits(s));

function facts(d: SlipData): [string, string][] {
  return ([
    [L.citizen, toPersianDigits(d.citizenName)],
    [L.nationalId, ltrNumber(d.nationalIdMasked)],
    [L.meetingDate, d.meetingDate],
    [L.place, toPersianDigits(d.place)],
    [L.department, d.department],
    [L.orderType, d.orderType],
    [L.dueDate, d.dueDate],
  ] as [string, string][]).filter(([, v]) => v);
}

export function slipDocument(d: SlipData): DocDefinition {
  const narrow = d.layout === 'receipt80';
  const codeBlock: Content = {
    stack: [
      { text: L.code, fontSize: narrow ? 9 : 10, color: '#5f6b7a', alignment: 'center' },
      { text: ltrNumber(d.code), fontSize: narrow ? 20 : 26, bold: true, alignment: 'center', color: '#0f5c4d' },
    ],
    margin: [0, 4, 0, 4],
  };
  // the QR code carries the tracking code only: no personal data leaves on the slip's QR
  const qr: Content = { image: TRACKING_QR, width: narrow ? 90 : 84, alignment: 'center' };
  const header: Content[] = [
    ...(d.logoDataUrl ? [{ image: d.logoDataUrl, fit: [48, 48] as [number, number], alignment: 'center' as const }] : []),
    { text: d.officeName, bold: true, fontSize: narrow ? 11 : 13, alignment: 'center' },
    {
      text: d.duplicate ? [L.title, { text: `  ${L.duplicate}`, color: '#b3261e' }] : L.title,
      bold: true, fontSize: narrow ? 14 : 16, alignment: 'center', margin: [0, 1, 0, 0],
    },
  ];
  const table = rtlTable(
    facts(d).map(([k, v]) => [{ text: k, color: '#5f6b7a' }, { text: v, bold: true }]),
    { widths: narrow ? [70, '*'] : [110, '*'], layout: narrow ? NO_LINES : THIN_LINES },
  );
  // the citizen's own digits in Persian, as every other number on the slip (the stored text keeps what was typed)
  const section = (title: string, body: string, max: number): Content[] =>
    body ? [{ text: title, bold: true, margin: [0, 5, 0, 1] }, { text: toPersianDigits(shorten(body, max)) }] : [];
  const footer: Content[] = [
    rtlTable([[{
      stack: [
        { text: L.followUp, bold: true },
        { text: L.howTo(ltrNumber(d.followUpPhone), d.followUpAddress) },
        { text: L.keep, color: '#5f6b7a' },
      ],
      fillColor: '#eef5f3',
    }]], { widths: ['*'], layout: NO_LINES }),
    { text: `${L.printed}: ${d.printedAt}`, fontSize: 7.5, color: '#5f6b7a', margin: [0, 4, 0, 0] },
  ];
  const content: Content[] = narrow
    ? [...header, codeBlock, qr, table, ...section(L.issue, d.issue, 220), ...section(L.order(d.governor), d.order, 160), ...footer]
    : [
      ...header,
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: 371, y2: 3, lineWidth: 0.8, lineColor: '#0f5c4d' }], alignment: 'left' },
      rtlColumns([{ stack: [codeBlock, table] }, { stack: [qr], width: 92 }], 12),
      ...section(L.issue, d.issue, 280),
      ...section(L.order(d.governor), d.order, 180),
      { text: '', margin: [0, 4, 0, 0] },
      ...footer,
    ];
  return rtlDocument({
    qrImages: { [TRACKING_QR]: d.code },
    pageSize: narrow ? { width: 226.77, height: 'auto' } : 'A5',
    pageMargins: narrow ? [10, 10, 10, 12] : [24, 20, 24, 18],
    info: { title: `${L.title} ${d.code}` },
    defaultStyle: { fontSize: narrow ? 8.5 : 9.5, lineHeight: 1.15 },
    ...(d.duplicate ? { watermark: { text: L.duplicate, color: '#b3261e', opacity: 0.08, bold: true } } : {}),
    content,
  });
}
