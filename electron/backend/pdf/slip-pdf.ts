import { slipDocument, type SlipData } from '../../../shared/pdf/slip-document';
import { renderPdf, warmRendererWith } from './render-pdf';

export function renderSlipPdf(data: SlipData): Promise<Buffer> {
  return renderPdf(slipDocument(data));
}

/**
 * Loads pdfmake and the fonts in the PDF worker in the background, with a slip (its labels are Persian, so
 * the Arabic-script shaping loads too): the first citizen's slip would otherwise wait seconds.
 */
export function warmPdfRenderer(): void {
  const field = 'x';
  warmRendererWith(slipDocument({
    officeName: field, governor: field, code: '0000000000', citizenName: field, nationalIdMasked: field, meetingDate: field, place: field,
    issue: field, order: field, orderType: field, department: field, dueDate: field, followUpPhone: field,
    followUpAddress: field, duplicate: false, printedAt: field, layout: 'a5',
  }));
}
