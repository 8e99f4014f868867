import { circularDocument, type CircularDocData } from '../../../shared/pdf/circular-document';
import { renderPdf } from './render-pdf';

export function renderCircularPdf(data: CircularDocData): Promise<Buffer> {
  return renderPdf(circularDocument(data));
}
