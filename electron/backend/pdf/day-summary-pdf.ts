import { daySummaryDocument, type DaySummaryDocData } from '../../../shared/pdf/day-summary-document';
import { renderPdf } from './render-pdf';

export function renderDaySummaryPdf(data: DaySummaryDocData): Promise<Buffer> {
  return renderPdf(daySummaryDocument(data));
}
