import type { ReportTable } from '../../../shared/reports/table';
import { tableDocument, type TableDocOptions } from '../../../shared/pdf/table-document';
import { renderPdf } from './render-pdf';

export function renderTablePdf(table: ReportTable, options: TableDocOptions): Promise<Buffer> {
  return renderPdf(tableDocument(table, options));
}
