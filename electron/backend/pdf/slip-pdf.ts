import { slipDocument, type SlipData } from '../../../shared/pdf/slip-document';
import { qrPngDataUrl, renderPdf, warmRendererWith } from './render-pdf';

/** The QR code carries the tracking code only: no personal data leaves on the slip's QR. */
export async function renderSlipPdf(data: Omit<SlipData, 'qrDataUrl'>): Promise<Buffer> {
  return renderPdf(slipDocument({ ...data, qrDataUrl: await qrPngDataUrl(data.code) }));
}

/**
 * Loads pdfmake and the fonts in the PDF worker in the background, with a slip (its labels are Persian, so
 * the Arabic-script shaping loads too): the first citizen's slip would otherwise wait seconds.
 */
export async function warmPdfRenderer(): Promise<void> {
  const field = 'x';
  warmRendererWith(slipDocument({
    officeName: field, code: '0000000000', qrDataUrl: await qrPngDataUrl('0000000000'), citizenName: field, nationalIdMasked: field,
    meetingDate: field, place: field, issue: field, order: field, orderType: field, department: field, dueDate: field,
    followUpPhone: field, followUpAddress: field, duplicate: false, printedAt: field, layout: 'a5',
  }));
}
