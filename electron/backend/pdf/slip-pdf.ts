import { slipDocument, type SlipData } from '../../../shared/pdf/slip-document';
import { qrPngDataUrl, renderPdf } from './render-pdf';

/** The QR code carries the tracking code only: no personal data leaves on the slip's QR. */
export async function renderSlipPdf(data: Omit<SlipData, 'qrDataUrl'>): Promise<Buffer> {
  return renderPdf(slipDocument({ ...data, qrDataUrl: await qrPngDataUrl(data.code) }));
}
