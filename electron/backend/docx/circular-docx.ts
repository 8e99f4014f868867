// The circular as DOCX for the office's document system: every paragraph right to left (bidi), runs marked
// RTL with Persian language, and the annex table laid out visually right to left.
import {
  AlignmentType, Document, PageBreak, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { CIRCULAR_LABELS, type CircularDocData } from '../../../shared/pdf/circular-document';
import { toPersianDigits } from '../../../shared/persian-text';

const FONT = 'Vazirmatn';
// the PDF's own words, so that the two documents say the same
const L = {
  ...CIRCULAR_LABELS,
  number: 'شماره',
  date: 'تاریخ',
  annex: 'پیوست',
  greeting: 'با سلام و احترام',
  copies: 'رونوشت',
};

const run = (text: string, bold = false, size = 24, color?: string): TextRun =>
  new TextRun({ text, bold, size, rightToLeft: true, font: { name: FONT }, language: { bidirectional: 'fa-IR' }, ...(color ? { color } : {}) });

type ParaOptions = { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; color?: string };

const para = (text: string, o: ParaOptions = {}): Paragraph =>
  new Paragraph({
    bidirectional: true,
    alignment: o.align ?? AlignmentType.START,
    spacing: { after: o.after ?? 120 },
    children: [run(toPersianDigits(text), o.bold, o.size, o.color)],
  });

export async function circularDocx(d: CircularDocData): Promise<Buffer> {
  const cell = (text: string, header = false): TableCell =>
    new TableCell({ children: [para(text, { bold: header, size: 20, after: 0, align: AlignmentType.CENTER })] });
  const counts = (title: string, rows: [string, number][]): (Paragraph | Table)[] => [
    para(title, { bold: true, after: 60 }),
    new Table({
      visuallyRightToLeft: true,
      width: { size: 60, type: WidthType.PERCENTAGE },
      rows: rows.map(([k, n]) => new TableRow({ children: [cell(k), cell(String(n))] })),
    }),
    para('', { after: 120 }),
  ];
  const annex = new Table({
    visuallyRightToLeft: true,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: L.columns.map((c) => cell(c, true)) }),
      ...d.annex.map((a, i) => new TableRow({
        children: [String(i + 1), a.code, a.county, a.date, a.department].map((t) => cell(t)),
      })),
    ],
  });
  const doc = new Document({
    creator: d.officeName,
    title: `${L.title} — ${d.title}`,
    styles: { default: { document: { run: { font: FONT, rightToLeft: true } } } },
    sections: [{
      children: [
        ...(d.draft ? [para(L.draftLine, { bold: true, align: AlignmentType.CENTER, color: 'B3261E' })] : []),
        para('بسمه تعالی', { bold: true, align: AlignmentType.CENTER }),
        para(d.officeName, { bold: true, size: 28 }),
        ...(d.officeUnit ? [para(d.officeUnit)] : []),
        para(`${L.number}: ${d.number}    ${L.date}: ${d.date}    ${L.annex}: ${L.annexCount(d.annexPages)}`, { align: AlignmentType.END }),
        para(L.title, { bold: true, size: 32, align: AlignmentType.CENTER }),
        para(`${L.subject}: ${d.title}`, { bold: true, align: AlignmentType.CENTER, after: 240 }),
        ...d.addressees.map((a) => para(a, { bold: true, after: 0 })),
        para(L.greeting, { after: 160 }),
        para(d.body, { align: AlignmentType.BOTH }),
        para(d.instruction, { align: AlignmentType.BOTH, after: 360 }),
        para(d.signerName, { bold: true, align: AlignmentType.END, after: 0 }),
        para(d.signerTitle, { align: AlignmentType.END, after: 240 }),
        ...(d.copies.length ? [para(`${L.copies}:`, { bold: true, after: 0 }), ...d.copies.map((c) => para(`- ${c.to} ${c.purpose}`, { size: 20, after: 0 }))] : []),
        new Paragraph({ children: [new PageBreak()] }),
        para(L.annexTitle, { bold: true, size: 26 }),
        ...counts(L.byCounty, d.byCounty),
        ...counts(L.byDepartment, d.byDepartment),
        annex,
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
