// A report table as the bytes of a CSV (UTF-8 with BOM) or XLSX file; exceljs loads only when asked for.
import { toCsv, type ReportTable } from '../../../shared/reports/table';

export async function tableBytes(table: ReportTable, format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv(table), 'utf8');
  return (await import('./xlsx')).tablesToXlsx([table]);
}
