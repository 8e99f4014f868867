import { circularAnnexDocument, circularDocument, type CircularDocData } from '../../../shared/pdf/circular-document';
import { renderPdf } from './render-pdf';

export function renderCircularPdf(data: CircularDocData): Promise<Buffer> {
  return renderPdf(circularDocument(data));
}

/** Pages of a PDF: its page objects («/Type /Page», not the «/Pages» tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** How many pages the annex takes, laid out as in the circular (the letter head's «پیوست: N برگ»). */
export async function annexPageCount(data: Omit<CircularDocData, 'annexPages'>): Promise<number> {
  return pdfPageCount(await renderPdf(circularAnnexDocument({ ...data, annexPages: 0 })));
}
